package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.money.LedgerLine;
import phbsim.report.AppraisalResult;
import phbsim.report.Arm;
import phbsim.report.ComparisonResult;
import phbsim.report.Position;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.Explain;
import phbsim.scenarios.ScenarioLoader;

/**
 * The appraisal workbook reopened (fastexcel-reader) and checked cell by cell against the results
 * it was written from: sheet names, values as numbers, their formats, the layout of the monthly
 * profile, the assumptions and the run.
 */
class WorkbooksTest {
  private static AppraisalResult result;
  private static Scenario scenario;
  private static Map<String, List<Row>> sheets;

  @BeforeAll
  static void write() throws IOException {
    scenario = BuiltInScenarios.load("default", List.of("years=2"));
    result =
        Appraisal.run(scenario.statusQuo(), ScenarioLoader.options(scenario), new RunSpec(4, 7, 2));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Workbooks.appraisal(
        result,
        scenario,
        Explain.assumptions("default", BuiltInScenarios.text("default"), scenario),
        new Workbooks.RunInfo(
            "9.9", "abc1234", List.of("phbsim", "run"), 7, 4, 2, List.of("ff00"), "17", "today"),
        bytes);
    try (ReadableWorkbook wb =
        new ReadableWorkbook(
            new ByteArrayInputStream(bytes.toByteArray()), new ReadingOptions(true, false))) {
      sheets =
          wb.getSheets()
              .collect(
                  Collectors.toMap(
                      Sheet::getName,
                      s -> {
                        try {
                          return s.read();
                        } catch (IOException e) {
                          throw new java.io.UncheckedIOException(e);
                        }
                      },
                      (a, b) -> a,
                      java.util.LinkedHashMap::new));
    }
  }

  private static Optional<Row> row(String sheet, Function<Row, Boolean> match) {
    return sheets.get(sheet).stream().filter(match::apply).findFirst();
  }

  private static boolean has(Row r, int column, String text) {
    return r.getCellAsString(column).map(text::equals).orElse(false);
  }

  private static double number(Row r, int column) {
    Cell c = r.getCell(column);
    assertThat(c.getType()).as("cell %s", c.getAddress()).isEqualTo(CellType.NUMBER);
    return c.asNumber().doubleValue();
  }

  @Test
  @DisplayName(
      "the budget-impact sheet: each option's total over the years is its cash net saving, and"
          + " recurrent plus non-recurrent make each year's total")
  void budgetImpact() {
    for (ComparisonResult c : result.options()) {
      java.util.function.Function<String, Row> figure =
          name ->
              row(
                      "Budget impact",
                      r ->
                          r.getCellText(0).startsWith(c.id() + ":")
                              && r.getCellText(1).equals(name))
                  .orElseThrow();
      Row total = figure.apply("Total, cash");
      Row recurrent = figure.apply("Recurrent (the part-year effect)");
      Row once = figure.apply("Non-recurrent (set-up, spent once)");
      int years = c.option().financialYears().size();
      assertThat(number(total, 2 + years))
          .isCloseTo(c.netSaving(Position.CASH).mean() / 1000, within(1e-6));
      for (int k = 2; k < 2 + years; k++) {
        assertThat(number(recurrent, k) + number(once, k))
            .isCloseTo(number(total, k), within(1e-6));
      }
    }
  }

  @Test
  @DisplayName("the time a workbook was written reads as a person writes it, not as Java prints it")
  void createdAsPeopleWriteIt() {
    String created =
        Workbooks.RunInfo.of("9.9", "abc", List.of("phbsim"), new RunSpec(1, 1, 1), List.of("x"))
            .created();
    assertThat(created)
        .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\S+")
        .doesNotContain("[");
  }

  @Test
  @DisplayName("the sheets, in a finance lead's order")
  void sheetNames() {
    assertThat(sheets.keySet())
        .containsExactly(
            "Summary",
            "Options compared",
            "Cash flow",
            "Budget impact",
            "Monthly profile",
            "Teams",
            "Infrastructure",
            "Activity",
            "Cohort",
            "Assumptions",
            "Run");
  }

  @Test
  @DisplayName("the summary: the net saving, as a number in £000s with negatives in brackets")
  void summary() {
    ComparisonResult c = result.first();
    Row net =
        row(
                "Summary",
                r ->
                    has(r, 1, "Net saving over the horizon, cash")
                        && r.getCellText(0).startsWith(c.id()))
            .orElseThrow();
    assertThat(number(net, 2)).isCloseTo(c.netSaving(Position.CASH).mean() / 1000, within(1e-9));
    assertThat(number(net, 3)).isCloseTo(c.netSaving(Position.CASH).ciLow() / 1000, within(1e-9));
    assertThat(net.getCell(2).getDataFormatString()).isEqualTo(Sheet_THOUSANDS());
    // the sign rule is stated on the sheet
    assertThat(sheets.get("Summary").get(2).getCellText(0)).isEqualTo(phbsim.report.Arm.SIGN_RULE);
  }

  @Test
  @DisplayName(
      "options compared: the second option's saving over the first, the same figure as the two"
          + " savings against the status quo give")
  void optionsCompared() {
    assertThat(result.options()).hasSizeGreaterThan(1);
    ComparisonResult first = result.options().get(0);
    ComparisonResult second = result.options().get(1);
    for (Position p : Position.values()) {
      String basis = p == Position.CASH ? "cash" : "economic";
      Row inc =
          row(
                  "Options compared",
                  r ->
                      r.getCellText(0).startsWith(first.id() + ":")
                          && r.getCellText(1).startsWith(second.id() + ":")
                          && r.getCellText(2).endsWith(basis))
              .orElseThrow();
      double expected = (second.netSaving(p).mean() - first.netSaving(p).mean()) / 1000;
      assertThat(number(inc, 3)).isCloseTo(expected, within(1e-6));
      assertThat(number(inc, 4)).isLessThanOrEqualTo(number(inc, 3));
      assertThat(number(inc, 5)).isGreaterThanOrEqualTo(number(inc, 3));
      assertThat(inc.getCell(3).getDataFormatString()).isEqualTo(Sheet_THOUSANDS());
    }
  }

  private static String Sheet_THOUSANDS() {
    return phbsim.writers.Sheet.THOUSANDS;
  }

  @Test
  @DisplayName("cash flow: each year of a line, and its cash or capacity and recurrence")
  void cashFlow() {
    ComparisonResult c = result.first();
    Row setUp =
        row(
                "Cash flow",
                r ->
                    has(r, 0, c.id())
                        && has(r, 1, Arm.OPTION.label())
                        && has(r, 2, LedgerLine.PHB_SET_UP.title()))
            .orElseThrow();
    assertThat(setUp.getCellText(3)).isEqualTo("cash, new spending");
    assertThat(setUp.getCellText(4)).isEqualTo("non-recurrent");
    for (int y = 0; y < 2; y++) {
      assertThat(number(setUp, 5 + y))
          .isCloseTo(c.annual(Arm.OPTION, y, LedgerLine.PHB_SET_UP).mean() / 1000, within(1e-9));
    }
    Row bedDays =
        row(
                "Cash flow",
                r ->
                    has(r, 1, Arm.STATUS_QUO.label())
                        && has(r, 2, LedgerLine.BED_DAYS_BLOCK.title()))
            .orElseThrow();
    assertThat(bedDays.getCellText(3)).isEqualTo("capacity, not cash");
    assertThat(bedDays.getCellText(4)).isEqualTo("recurrent");
    Row saving =
        row(
                "Cash flow",
                r ->
                    has(r, 0, c.id())
                        && has(r, 1, Arm.DIFFERENCE.label())
                        && has(r, 2, "Total, cash"))
            .orElseThrow();
    assertThat(number(saving, 7)).isCloseTo(c.netSaving(Position.CASH).mean() / 1000, within(1e-9));
  }

  @Test
  @DisplayName("the monthly profile: M1 to M12 under each financial year")
  void monthlyProfile() {
    List<Row> rows = sheets.get("Monthly profile");
    Row years = rows.stream().filter(r -> has(r, 3, "2026/27")).findFirst().orElseThrow();
    assertThat(years.getCellText(15)).isEqualTo("2027/28");
    Row months =
        rows.stream().filter(r -> r.getRowNum() == years.getRowNum() + 1).findFirst().orElseThrow();
    assertThat(months.getCellText(3)).isEqualTo("M1");
    assertThat(months.getCellText(14)).isEqualTo("M12");
    assertThat(months.getCellText(15)).isEqualTo("M1");
    ComparisonResult c = result.first();
    Row total =
        rows.stream()
            .filter(
                r ->
                    has(r, 0, c.id())
                        && has(r, 1, Arm.DIFFERENCE.label())
                        && has(r, 2, "Total, cash"))
            .findFirst()
            .orElseThrow();
    assertThat(number(total, 3 + 13))
        .isCloseTo(c.monthlyTotal(Arm.DIFFERENCE, 13, Position.CASH).mean() / 1000, within(1e-9));
  }

  @Test
  @DisplayName("assumptions: every value with its price year and its source")
  void assumptions() {
    Row bed =
        row("Assumptions", r -> has(r, 0, "services[2].inpatient.costPerBedDay")).orElseThrow();
    assertThat(number(bed, 1)).isEqualTo(575);
    assertThat(bed.getCellText(2)).isEqualTo("2023/24");
    assertThat(bed.getCellText(3)).contains("[pssru-2024]");
    Row years = row("Assumptions", r -> has(r, 0, "years")).orElseThrow();
    assertThat(number(years, 1)).isEqualTo(2); // the value in effect, after --set
  }

  @Test
  @DisplayName("the run: version, commit, command, seed, replications, threads, hash")
  void run() {
    assertThat(row("Run", r -> has(r, 0, "commit")).orElseThrow().getCellText(1))
        .isEqualTo("abc1234");
    assertThat(number(row("Run", r -> has(r, 0, "seed")).orElseThrow(), 1)).isEqualTo(7);
    assertThat(row("Run", r -> has(r, 0, "scenario SHA-256")).orElseThrow().getCellText(1))
        .isEqualTo("ff00");
  }
}
