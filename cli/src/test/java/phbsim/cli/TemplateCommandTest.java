package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code phbsim template} (issue 23): the assumptions workbook written, then run, gives the same
 * results as the scenario itself, file by file (each CSV's first line names the source, which is
 * the workbook, so it is left out of the comparison).
 */
class TemplateCommandTest {
  @TempDir Path tmp;

  /** Every shipped scenario, run short (one replication, one year) to keep the test fast. */
  static List<String> shipped() {
    return phbsim.scenarios.BuiltInScenarios.names();
  }

  @ParameterizedTest
  @MethodSource("shipped")
  @DisplayName("template then run: the same CSV figures as running the scenario itself")
  void roundTripGivesTheSameResults(String scenario) throws IOException {
    Path xlsx = tmp.resolve(scenario + ".xlsx");
    Cli t = Cli.run("template", scenario, "--out", xlsx.toString());
    assertThat(t.exitCode()).as(t.err()).isZero();
    assertThat(xlsx).isNotEmptyFile();
    Path direct = tmp.resolve("direct");
    Path viaWorkbook = tmp.resolve("workbook");
    for (var run :
        List.of(
            List.of(scenario, direct.toString()),
            List.of(xlsx.toString(), viaWorkbook.toString()))) {
      Cli r = Cli.run("run", run.get(0), "-r", "1", "--set", "years=1", "-q", "-o", run.get(1));
      assertThat(r.exitCode()).as(r.err()).isZero();
    }
    // Every CSV and scenario.yaml, in the folder and in each area's folder beside it.
    List<Path> files;
    try (var walk = Files.walk(direct)) {
      files =
          walk.filter(p -> p.toString().endsWith(".csv") || p.endsWith("scenario.yaml"))
              .map(direct::relativize)
              .sorted()
              .toList();
    }
    assertThat(files.stream().filter(p -> p.toString().endsWith(".csv"))).hasSizeGreaterThan(1);
    assertThat(files).anyMatch(p -> p.toString().equals("scenario.yaml"));
    for (Path f : files) {
      List<String> a = Files.readAllLines(direct.resolve(f));
      List<String> b = Files.readAllLines(viaWorkbook.resolve(f));
      // A CSV's first line names its source (the workbook); scenario.yaml is compared whole.
      int from = f.toString().endsWith(".csv") ? 1 : 0;
      assertThat(b.subList(from, b.size())).as(f.toString()).isEqualTo(a.subList(from, a.size()));
    }
  }

  @Test
  @DisplayName("an existing file is not replaced without --force; a name not ending .xlsx refused")
  void refusals() throws IOException {
    Path xlsx = Files.writeString(tmp.resolve("a.xlsx"), "mine");
    Cli r = Cli.run("template", "tiny", "--out", xlsx.toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.err()).contains("exists").doesNotContain("Exception");
    assertThat(Files.readString(xlsx)).isEqualTo("mine");
    Cli s = Cli.run("template", "tiny", "--out", tmp.resolve("a.csv").toString());
    assertThat(s.exitCode()).isNotZero();
    assertThat(s.err()).contains("expected a file name ending .xlsx");
  }

  @Test
  @DisplayName("explain of a workbook names the value's sheet and cell, not a line of YAML")
  void explainNamesTheCell() throws Exception {
    Path xlsx = tmp.resolve("default.xlsx");
    assertThat(Cli.run("template", "default", "--out", xlsx.toString()).exitCode()).isZero();
    // Where the cells are, found by reading the workbook with POI, not with phbsim's reader.
    String share;
    String allocation;
    try (var in = Files.newInputStream(xlsx);
        var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook(in)) {
      share =
          "Budgets!B"
              + (Workbooks.row(wb.getSheet("Budgets"), "budgets.restrictiveShare").getRowNum() + 1);
      var segments = wb.getSheet("Segments");
      int column = -1;
      for (var c : segments.getRow(0)) {
        if (c.getStringCellValue().equals("budget.annualAllocation")) {
          column = c.getColumnIndex();
        }
      }
      int row = -1;
      for (var r : segments) {
        var id = r.getCell(1);
        if (id != null && id.toString().equals("common")) {
          row = r.getRowNum();
        }
      }
      assertThat(column).isNotNegative();
      assertThat(row).isNotNegative();
      allocation =
          "Segments!"
              + org.apache.poi.ss.util.CellReference.convertNumToColString(column)
              + (row + 1);
    }
    Cli a = Cli.run("explain", xlsx.toString(), "budgets.restrictiveShare");
    assertThat(a.exitCode()).as(a.err()).isZero();
    assertThat(a.out())
        .contains("budgets.restrictiveShare = 0.18\n")
        .contains("  " + xlsx + ", cell " + share + "\n")
        .doesNotContain(", line ");
    Cli b = Cli.run("explain", xlsx.toString(), "segments[common].budget.annualAllocation");
    assertThat(b.exitCode()).as(b.err()).isZero();
    assertThat(b.out()).contains(", cell " + allocation + "\n").doesNotContain(", line ");
    // the source is the file's own comment, as explain of the built-in gives it
    Cli c = Cli.run("explain", "default", "segments[common].budget.annualAllocation");
    String source =
        c.out().lines().filter(l -> l.startsWith("  source ")).findFirst().orElseThrow();
    assertThat(b.out()).contains(source);
  }
}
