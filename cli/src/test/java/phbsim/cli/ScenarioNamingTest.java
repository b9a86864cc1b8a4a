package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A copied scenario that still calls itself {@code default} inside, run with an override: every
 * output names it by its file and its own name and states the override (issue 25, item 3).
 */
class ScenarioNamingTest {
  @TempDir Path tmp;

  @Test
  @DisplayName(
      "a renamed copy run with --set years=10: CSVs, sheets and report name file and override")
  void namesTheFileAndTheOverride() throws IOException {
    Path file = tmp.resolve("my-area.yaml");
    String yaml = Cli.run("scenarios", "--show", "default").out();
    assertThat(yaml).contains("\nname: default\n", "\nyears: 5 ");
    Files.writeString(file, yaml);
    Path out = tmp.resolve("out");
    Cli r = Cli.run("run", file.toString(), "-r", "2", "--set", "years=10", "-o", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();

    // Every CSV's opening note.
    List<Path> csvs;
    try (var files = Files.list(out)) {
      csvs = files.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
    }
    assertThat(csvs).hasSizeGreaterThanOrEqualTo(10);
    for (Path csv : csvs) {
      String note = Files.readAllLines(csv).get(0);
      assertThat(note)
          .as(csv.getFileName().toString())
          .startsWith("# Scenario " + file + " (its own name: default)")
          .contains("changed for this run (--set): years=10")
          .doesNotContain("5 years");
      assertThat(Files.readAllLines(csv).get(1))
          .as("the header row stays second")
          .doesNotStartWith("#");
    }

    // Every sheet's title, and the basis rows under it.
    List<String> titles = new ArrayList<>();
    try (ReadableWorkbook wb = new ReadableWorkbook(out.resolve("workbook.xlsx").toFile())) {
      wb.getSheets()
          .forEach(
              sheet -> {
                try {
                  List<Row> rows = sheet.read();
                  String title = rows.get(0).getCellAsString(0).orElse("");
                  titles.add(title);
                  assertThat(title)
                      .as(sheet.getName())
                      .startsWith(file + " (default), --set years=10: ")
                      .doesNotContain("5 years");
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              });
      List<Row> summary = wb.findSheet("Summary").orElseThrow().read();
      List<String> top = new ArrayList<>();
      for (Row row : summary.subList(0, Math.min(12, summary.size()))) {
        top.add(row.getCellAsString(0).orElse(""));
      }
      assertThat(top)
          .contains(
              "Scenario "
                  + file
                  + " (its own name: default), changed for this run (--set): years=10.");
      assertThat(top).noneMatch(l -> l.contains("5 years"));
    }
    assertThat(titles).hasSizeGreaterThanOrEqualTo(10);

    // The report's title and heading (the template escapes '=' as an entity).
    String html = Files.readString(out.resolve("report.html")).replace("&#61;", "=");
    String title = html.substring(html.indexOf("<title>"), html.indexOf("</title>"));
    String h1 = html.substring(html.indexOf("<h1>"), html.indexOf("</h1>"));
    for (String heading : List.of(title, h1)) {
      assertThat(heading).contains(file + " (default), --set years=10").doesNotContain("5 years");
    }
    assertThat(html).contains("Scenario " + file + " (its own name: default)");
  }

  @Test
  @DisplayName("a scenario of areas: areas.csv and areas_per_100k.csv name the scenario and --set")
  void areasNameTheScenario() throws IOException {
    Path out = tmp.resolve("areas");
    Cli r =
        Cli.run("run", "going-further-faster", "-r", "2", "--set", "years=2", "-o", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (String csv : List.of("areas.csv", "areas_per_100k.csv")) {
      List<String> lines = Files.readAllLines(out.resolve(csv));
      assertThat(lines.get(0))
          .as(csv)
          .startsWith("# Scenario going-further-faster, changed for this run (--set): years=2. ");
      assertThat(lines.get(1)).as("the header row stays second").startsWith("area,");
    }
  }
}
