package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * releases.csv read as a finance lead would (issue 20, item 11): each release's gross saving,
 * stranded costs and net add up to its team's, its years to its horizon, and the teams' to the
 * option's release figures in cash_summary.csv, a file written from the ledger lines. The
 * left-behind scenario releases posts at three contract reviews.
 */
class ReleasesFileTest {

  static List<Map<String, String>> read(Path file) throws IOException {
    CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.ALLOW_COMMENTS);
    try (MappingIterator<Map<String, String>> it =
        mapper
            .readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader().withComments())
            .readValues(file.toFile())) {
      return it.readAll();
    }
  }

  @Test
  @DisplayName(
      "each release adds up to its team, its years to its horizon, the teams to cash_summary")
  void releasesAddUp(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("out");
    Cli r = Cli.run("run", "left-behind", "-r", "2", "-q", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out()).contains("Each release, over the horizon");
    List<Map<String, String>> rows = read(out.resolve("releases.csv"));
    assertThat(rows).isNotEmpty();
    // key: option | team | release kind or "each" | year | figure
    Map<String, Double> sums = new HashMap<>();
    int releases = 0;
    for (Map<String, String> row : rows) {
      if (row.get("figure").equals("posts")) {
        continue;
      }
      double v = Double.parseDouble(row.get("mean"));
      String kind = row.get("release").equals("all") ? "all" : "each";
      releases += kind.equals("each") && row.get("financial_year").isEmpty() ? 1 : 0;
      String key = row.get("option") + "|" + row.get("team") + "|" + kind + "|" + row.get("figure");
      sums.merge(key + "|" + row.get("financial_year"), v, Double::sum);
      if (!row.get("financial_year").isEmpty()) {
        sums.merge(key + "|years", v, Double::sum);
      }
    }
    assertThat(releases / 3).as("releases listed on their own").isGreaterThanOrEqualTo(2);
    for (var e : sums.entrySet()) {
      String[] k = e.getKey().split("\\|", -1);
      if (k[2].equals("each")) {
        String all = k[0] + "|" + k[1] + "|all|" + k[3] + "|" + k[4];
        assertThat(e.getValue()).as(e.getKey()).isCloseTo(sums.get(all), within(0.05));
      }
      if (k[4].equals("years")) {
        String horizon = k[0] + "|" + k[1] + "|" + k[2] + "|" + k[3] + "|";
        assertThat(e.getValue()).as(e.getKey()).isCloseTo(sums.get(horizon), within(0.05));
      }
    }
    Map<String, String> names =
        Map.of(
            "gross_saving", "release_gross_saving",
            "stranded", "release_stranded_costs",
            "net_saving", "release_net_saving");
    int checked = 0;
    for (Map<String, String> s : read(out.resolve("cash_summary.csv"))) {
      for (var n : names.entrySet()) {
        if (s.get("figure").equals(n.getValue())) {
          double teams = 0;
          for (var e : sums.entrySet()) {
            String[] k = e.getKey().split("\\|", -1);
            if (k[0].equals(s.get("option"))
                && k[2].equals("all")
                && k[3].equals(n.getKey())
                && k[4].isEmpty()) {
              teams += e.getValue();
            }
          }
          assertThat(teams)
              .as(s.get("option") + " " + n.getKey())
              .isCloseTo(Double.parseDouble(s.get("mean")), within(0.05));
          checked++;
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(3);

    // The workbook's Releases sheet: each row's net over the horizon, in £000s, is releases.csv's.
    List<Double> csvNets = new java.util.ArrayList<>();
    for (Map<String, String> row : rows) {
      if (row.get("figure").equals("net_saving") && row.get("financial_year").isEmpty()) {
        csvNets.add(Double.parseDouble(row.get("mean")) / 1000);
      }
    }
    List<Double> sheetNets = new java.util.ArrayList<>();
    try (var wb =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(out.resolve("workbook.xlsx").toFile())) {
      var sheet = wb.findSheet("Releases").orElseThrow();
      boolean body = false;
      for (var row : sheet.read()) {
        var first = row.getCellAsString(0).orElse("");
        if (first.equals("Option")) {
          body = true;
        } else if (body && row.getCellCount() >= 8) {
          sheetNets.add(row.getCellAsNumber(7).orElseThrow().doubleValue());
        }
      }
    }
    assertThat(sheetNets).hasSameSizeAs(csvNets);
    for (int i = 0; i < csvNets.size(); i++) {
      assertThat(sheetNets.get(i)).as("release row " + i).isCloseTo(csvNets.get(i), within(0.001));
    }
  }
}
