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
  private static byte[] xlsx;

  @BeforeAll
  static void write() throws IOException {
    scenario = BuiltInScenarios.load("default", List.of("years=2"));
    result =
        Appraisal.run(scenario.statusQuo(), ScenarioLoader.options(scenario), new RunSpec(4, 7, 2));
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Workbooks.appraisal(
        result,
        scenario,
        new Origin(scenario.name(), scenario.name(), List.of()),
        Explain.assumptions("default", BuiltInScenarios.text("default"), scenario),
        new Workbooks.RunInfo(
            "9.9", "abc1234", List.of("phbsim", "run"), 7, 4, 2, List.of("ff00"), "17", "today"),
        bytes);
    xlsx = bytes.toByteArray();
    try (ReadableWorkbook wb =
        new ReadableWorkbook(new ByteArrayInputStream(xlsx), new ReadingOptions(true, false))) {
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

  /** A number, or a formula's cached value (what a reader that does not recalculate shows). */
  private static double number(Row r, int column) {
    Cell c = r.getCell(column);
    if (c.getType() == CellType.FORMULA) {
      return Double.parseDouble(c.getRawValue());
    }
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
  @DisplayName(
      "the summary: the options side by side, each net saving in £000s with negatives in"
          + " brackets, its CI beside it; the sign rule and the basis stated")
  void summary() {
    Row net = row("Summary", r -> has(r, 0, "Net saving over the horizon, cash")).orElseThrow();
    for (int k = 0; k < result.options().size(); k++) {
      ComparisonResult c = result.options().get(k);
      assertThat(number(net, 1 + 3 * k))
          .isCloseTo(c.netSaving(Position.CASH).mean() / 1000, within(1e-9));
      assertThat(number(net, 2 + 3 * k))
          .isCloseTo(c.netSaving(Position.CASH).ciLow() / 1000, within(1e-9));
      assertThat(number(net, 3 + 3 * k))
          .isCloseTo(c.netSaving(Position.CASH).ciHigh() / 1000, within(1e-9));
      assertThat(net.getCell(1 + 3 * k).getDataFormatString()).isEqualTo(Sheet_THOUSANDS());
    }
    List<String> lines =
        sheets.get("Summary").stream().map(r -> r.getCellText(0)).collect(Collectors.toList());
    assertThat(lines).contains(phbsim.report.Arm.SIGN_RULE, Text.moneyBasis(scenario) + ".");
    assertThat(lines).anyMatch(l -> l.startsWith("Replications: 4 replications"));
    // the headline of each option, as a board paper opens
    for (ComparisonResult c : result.options()) {
      assertThat(lines)
          .anyMatch(
              l ->
                  l.startsWith(c.id() + ": " + c.label() + " costs ")
                      || l.startsWith(c.id() + ": " + c.label() + " saves "));
    }
  }

  @Test
  @DisplayName(
      "the summary's net saving traces to the ledger: a formula naming the total of its cash by"
          + " year, that a SUM of the years, each year the Cash flow sheet's saving row")
  void summaryTraces() {
    Row net = row("Summary", r -> has(r, 0, "Net saving over the horizon, cash")).orElseThrow();
    ComparisonResult c = result.first();
    String total = net.getCell(1).getFormula();
    Row byYear = row("Summary", r -> has(r, 0, c.id() + ": " + c.label())).orElseThrow();
    assertThat(total).isEqualTo("D" + (byYear.getRowNum()));
    assertThat(byYear.getCell(3).getFormula())
        .isEqualTo("SUM(B" + byYear.getRowNum() + ":C" + byYear.getRowNum() + ")");
    Row saving =
        row(
                "Cash flow",
                r ->
                    has(r, 0, c.id())
                        && has(r, 1, Arm.DIFFERENCE.label())
                        && has(r, 2, "Total, cash"))
            .orElseThrow();
    assertThat(byYear.getCell(1).getFormula()).isEqualTo("'Cash flow'!F" + saving.getRowNum());
    for (int y = 0; y < 2; y++) {
      assertThat(number(byYear, 1 + y))
          .isCloseTo(c.annualTotal(Arm.DIFFERENCE, y, Position.CASH).mean() / 1000, within(1e-9));
    }
  }

  @Test
  @DisplayName(
      "every formula's cached value is what the formula gives over the cells it names"
          + " (recalculated here from the cached cells, as a spreadsheet would)")
  void formulasRecalculate() {
    int formulas = 0;
    for (var sheet : sheets.entrySet()) {
      for (Row r : sheet.getValue()) {
        for (Cell c : r) {
          if (c != null && c.getType() == CellType.FORMULA) {
            double cached = Double.parseDouble(c.getRawValue());
            double again = evaluate(sheet.getKey(), c.getFormula());
            assertThat(again)
                .as("%s!%s = %s", sheet.getKey(), c.getAddress(), c.getFormula())
                .isCloseTo(cached, within(1e-6 * Math.max(1, Math.abs(cached))));
            formulas++;
          }
        }
      }
    }
    // the cash flow's totals and savings, the budget impact's, the summary's: hundreds
    assertThat(formulas).isGreaterThan(100);
  }

  /**
   * The formulas the workbook writes, evaluated: a cell ("F12", "'Cash flow'!F12", "0"), a sum or
   * difference of two ("F10-F25", "B26+C21"), SUM over a range, and SUM less a SUMIF over a range.
   */
  private static double evaluate(String sheet, String formula) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile(
                "SUM\\(([A-Z]+\\d+:[A-Z]+\\d+)\\)-SUMIF\\(([A-Z]+\\d+:[A-Z]+\\d+),\"([^\"]*)\","
                    + "([A-Z]+\\d+:[A-Z]+\\d+)\\)")
            .matcher(formula);
    if (m.matches()) {
      List<String> criteria = texts(sheet, m.group(2));
      List<Double> values = numbers(sheet, m.group(4));
      double sum = 0;
      for (int i = 0; i < values.size(); i++) {
        sum += criteria.get(i).equals(m.group(3)) ? values.get(i) : 0;
      }
      return numbers(sheet, m.group(1)).stream().mapToDouble(Double::doubleValue).sum() - sum;
    }
    m = java.util.regex.Pattern.compile("SUM\\(([A-Z]+\\d+:[A-Z]+\\d+)\\)").matcher(formula);
    if (m.matches()) {
      return numbers(sheet, m.group(1)).stream().mapToDouble(Double::doubleValue).sum();
    }
    m = java.util.regex.Pattern.compile("([^+-]+)([+-])([^+-]+)").matcher(formula);
    if (m.matches()) {
      double a = term(sheet, m.group(1));
      double b = term(sheet, m.group(3));
      return m.group(2).equals("+") ? a + b : a - b;
    }
    return term(sheet, formula);
  }

  private static double term(String sheet, String t) {
    if (t.matches("-?\\d+(\\.\\d+)?")) {
      return Double.parseDouble(t);
    }
    if (t.startsWith("'")) {
      int bang = t.indexOf("'!");
      return cell(t.substring(1, bang).replace("''", "'"), t.substring(bang + 2));
    }
    return cell(sheet, t);
  }

  private static double cell(String sheet, String ref) {
    org.dhatim.fastexcel.reader.CellAddress a = new org.dhatim.fastexcel.reader.CellAddress(ref);
    return sheets.get(sheet).stream()
        .filter(r -> r.getRowNum() == a.getRow() + 1)
        .findFirst()
        .map(r -> r.getCell(a.getColumn()) == null ? 0.0 : number(r, a.getColumn()))
        .orElse(0.0);
  }

  private static List<Double> numbers(String sheet, String range) {
    List<Double> v = new java.util.ArrayList<>();
    for (String ref : refs(range)) {
      v.add(cell(sheet, ref));
    }
    return v;
  }

  private static List<String> texts(String sheet, String range) {
    List<String> v = new java.util.ArrayList<>();
    for (String ref : refs(range)) {
      org.dhatim.fastexcel.reader.CellAddress a = new org.dhatim.fastexcel.reader.CellAddress(ref);
      v.add(
          sheets.get(sheet).stream()
              .filter(r -> r.getRowNum() == a.getRow() + 1)
              .findFirst()
              .map(r -> r.getCellText(a.getColumn()))
              .orElse(""));
    }
    return v;
  }

  private static List<String> refs(String range) {
    String[] ends = range.split(":");
    var from = new org.dhatim.fastexcel.reader.CellAddress(ends[0]);
    var to = new org.dhatim.fastexcel.reader.CellAddress(ends[1]);
    List<String> refs = new java.util.ArrayList<>();
    for (int r = from.getRow(); r <= to.getRow(); r++) {
      for (int c = from.getColumn(); c <= to.getColumn(); c++) {
        refs.add(new org.dhatim.fastexcel.reader.CellAddress(r, c).toString());
      }
    }
    return refs;
  }

  /** The text of one part of the package. */
  private static String part(String name) throws IOException {
    try (java.util.zip.ZipInputStream in =
        new java.util.zip.ZipInputStream(new ByteArrayInputStream(xlsx))) {
      for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        if (e.getName().equals(name)) {
          return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
      }
    }
    throw new AssertionError("no part " + name);
  }

  @Test
  @DisplayName(
      "every sheet prints A4 landscape, one page wide, its title rows repeated; the summary on"
          + " one page")
  void printSetUp() throws IOException {
    String workbook = part("xl/workbook.xml");
    int n = 0;
    for (String name : sheets.keySet()) {
      n++;
      String sheet = part("xl/worksheets/sheet" + n + ".xml");
      assertThat(sheet)
          .as(name)
          .contains("<pageSetUpPr fitToPage=\"true\"")
          .contains("paperSize=\"9\"") // A4
          .contains("orientation=\"landscape\"")
          .contains("fitToWidth=\"1\"")
          .contains(name.equals("Summary") ? "fitToHeight=\"1\"" : "fitToHeight=\"0\"");
      // print titles: the rows from the title to the header, on every page
      assertThat(workbook)
          .as(name)
          .containsPattern(
              "<definedName[^>]*localSheetId=\""
                  + (n - 1)
                  + "\"[^>]*name=\"_xlnm.Print_Titles\"[^>]*>'?"
                  + java.util.regex.Pattern.quote(name)
                  + "'?!\\$1:\\$\\d+</definedName>");
    }
  }

  @Test
  @DisplayName(
      "the summary's chart of the cumulative cash saving: a line an option, bound to the summary's"
          + " cells, each ending at the option's net saving")
  void chart() throws IOException {
    String chart = part("xl/charts/chart1.xml");
    assertThat(part("[Content_Types].xml")).contains("/xl/charts/chart1.xml");
    assertThat(part("xl/worksheets/_rels/sheet1.xml.rels")).contains("drawing");
    assertThat(chart).contains("<c:lineChart>");
    for (ComparisonResult c : result.options()) {
      Row cumulative =
          sheets.get("Summary").stream()
              .filter(r -> has(r, 0, c.id() + ": " + c.label()))
              .reduce((a, b) -> b) // the last table: the cumulative position
              .orElseThrow();
      int row = cumulative.getRowNum();
      java.util.regex.Matcher m =
          java.util.regex.Pattern.compile(
                  "<c:f>'Summary'!\\$B\\$"
                      + row
                      + ":\\$C\\$"
                      + row
                      + "</c:f><c:numCache>.*?<c:pt idx=\"1\"><c:v>([^<]+)</c:v>")
              .matcher(chart);
      assertThat(m.find()).as("%s's series", c.id()).isTrue();
      assertThat(Double.parseDouble(m.group(1)))
          .isCloseTo(c.netSaving(Position.CASH).mean() / 1000, within(1e-6));
      assertThat(number(cumulative, 2))
          .isCloseTo(c.netSaving(Position.CASH).mean() / 1000, within(1e-6));
    }
  }

  @Test
  @DisplayName("the time of writing is a date-time cell, its zone in its label")
  void writtenIsADate() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Workbooks.appraisal(
        result,
        scenario,
        new Origin(scenario.name(), scenario.name(), List.of()),
        List.of(),
        new Workbooks.RunInfo(
            "9.9",
            "abc1234",
            List.of("phbsim", "run"),
            7,
            4,
            2,
            List.of("ff00"),
            "17",
            "2026-12-07 14:05:09 GMT"),
        bytes);
    try (ReadableWorkbook wb =
        new ReadableWorkbook(
            new ByteArrayInputStream(bytes.toByteArray()), new ReadingOptions(true, false))) {
      Sheet run = wb.findSheet("Run").orElseThrow();
      Row written =
          run.read().stream().filter(r -> has(r, 0, "written (GMT)")).findFirst().orElseThrow();
      assertThat(written.getCell(1).getType()).isEqualTo(CellType.NUMBER);
      assertThat(written.getCell(1).getDataFormatString())
          .isEqualTo(phbsim.writers.Sheet.DATE_TIME);
      assertThat(written.getCell(1).asDate())
          .isEqualTo(java.time.LocalDateTime.of(2026, 12, 7, 14, 5, 9));
    }
  }

  @Test
  @DisplayName("months are dates (a date format), not text")
  void dates() {
    Row first =
        sheets.get("Teams").stream()
            .filter(r -> r.getCell(0) != null && r.getCell(0).getType() == CellType.NUMBER)
            .findFirst()
            .orElseThrow();
    assertThat(first.getCell(0).getDataFormatString()).isEqualTo(phbsim.writers.Sheet.DATE);
    assertThat(first.getCell(0).asDate().toLocalDate())
        .isEqualTo(result.first().option().compiled().calendar().month(0).firstDay());
    Row infrastructure =
        sheets.get("Infrastructure").stream()
            .filter(r -> r.getCell(0) != null && r.getCell(0).getType() == CellType.NUMBER)
            .findFirst()
            .orElseThrow();
    assertThat(infrastructure.getCell(0).getDataFormatString())
        .isEqualTo(phbsim.writers.Sheet.DATE);
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
  @DisplayName(
      "the long sheets' savings are formulas: each the status quo's cell minus the option's, on"
          + " rows for the same figure, and the one option's savings nearly all traced")
  void longSheetsTraceTheirSavings() {
    // sheet, the column of the arm, and the label columns that name one figure (besides option
    // and arm): a saving's two cells must sit on rows that agree on every one of them
    Map<String, int[]> layout =
        Map.of(
            "Monthly profile", new int[] {1, 2},
            "Activity", new int[] {2, 0, 3},
            "Teams", new int[] {4, 0, 5, 6},
            "Infrastructure", new int[] {2, 0, 3});
    java.util.regex.Pattern twoCells =
        java.util.regex.Pattern.compile("([A-Z]+)(\\d+)-([A-Z]+)(\\d+)");
    for (var sheet : layout.entrySet()) {
      int armColumn = sheet.getValue()[0];
      int optionColumn = sheet.getKey().equals("Teams") ? 3 : armColumn - 1;
      Map<Integer, Row> byNumber =
          sheets.get(sheet.getKey()).stream()
              .collect(Collectors.toMap(Row::getRowNum, r -> r, (a, b) -> a));
      int savings = 0;
      int traced = 0;
      for (Row r : sheets.get(sheet.getKey())) {
        if (!has(r, armColumn, Arm.DIFFERENCE.label())) {
          continue;
        }
        for (Cell c : r) {
          if (c == null || c.getType() == CellType.STRING) {
            continue;
          }
          if (c.getColumnIndex() <= armColumn + 1 && !sheet.getKey().equals("Monthly profile")) {
            continue;
          }
          if (sheet.getKey().equals("Teams") && c.getColumnIndex() != 7
              || (sheet.getKey().equals("Activity") || sheet.getKey().equals("Infrastructure"))
                  && c.getColumnIndex() != 4) {
            continue; // the confidence limits of a saving are not a difference of limits
          }
          savings++;
          if (c.getType() != CellType.FORMULA) {
            continue;
          }
          traced++;
          var m = twoCells.matcher(c.getFormula());
          assertThat(m.matches())
              .as("%s!%s = %s", sheet.getKey(), c.getAddress(), c.getFormula())
              .isTrue();
          assertThat(m.group(1)).isEqualTo(m.group(3));
          assertThat(new org.dhatim.fastexcel.reader.CellAddress(m.group(1) + "1").getColumn())
              .isEqualTo(c.getColumnIndex());
          Row sq = byNumber.get(Integer.parseInt(m.group(2)));
          Row option = byNumber.get(Integer.parseInt(m.group(4)));
          assertThat(sq.getCellText(armColumn)).isEqualTo(Arm.STATUS_QUO.label());
          assertThat(option.getCellText(armColumn)).isEqualTo(Arm.OPTION.label());
          assertThat(option.getCellText(optionColumn)).isEqualTo(r.getCellText(optionColumn));
          for (int k = 1; k < sheet.getValue().length; k++) {
            int label = sheet.getValue()[k];
            assertThat(sq.getCellText(label))
                .as(
                    "%s!%s: the status quo's row is the same figure",
                    sheet.getKey(), c.getAddress())
                .isEqualTo(r.getCellText(label));
            assertThat(option.getCellText(label)).isEqualTo(r.getCellText(label));
          }
          if (sheet.getKey().equals("Teams")) {
            assertThat(sq.getCellText(0)).isEqualTo(r.getCellText(0)); // the month
          }
          assertThat(number(sq, c.getColumnIndex()) - number(option, c.getColumnIndex()))
              .isCloseTo(number(r, c.getColumnIndex()), within(1e-9));
        }
      }
      assertThat(savings).as("%s has savings", sheet.getKey()).isPositive();
      // undefined figures (wait centiles, cost per budget before any budget) are typed instead
      assertThat(traced)
          .as("%s: savings traced, of %d", sheet.getKey(), savings)
          .isGreaterThan(savings / 2);
    }
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
