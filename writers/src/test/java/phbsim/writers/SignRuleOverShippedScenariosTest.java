package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;

/**
 * Issue 20, item 3: one sign rule in every output of every shipped scenario. Each table that sets
 * two arms beside their difference is read back from the file and its difference recomputed from
 * its arms (the status quo minus the option, row by row), so a figure computed the other way round
 * anywhere fails; the summary's figures are recomputed from the period tables (its net saving from
 * the years' differences, its double running, a cost, as minus the option's memo rows); the
 * cohort's saving on other NHS care from its own components (twins minus holders); and every file
 * states the rule at its top. The printout's saving table gives double running, a cost, as a
 * negative figure, and so does the workbook's summary; the workbook's cash flow sheet is recomputed
 * like the files (each saving row its status quo row minus its option row); and every chart of the
 * report either compares, recomputed from the files, or plots each arm's level, labelled so.
 */
class SignRuleOverShippedScenariosTest {
  private static final String RULE =
      "Sign rule: every difference is the status quo minus the option";

  static Stream<String> placeSized() {
    return BuiltInScenarios.names().stream().filter(n -> !n.equals("england"));
  }

  private static List<Map<String, String>> rows(String csv) throws IOException {
    assertThat(csv.substring(0, csv.indexOf('\n'))).contains(RULE);
    String body = csv.substring(csv.indexOf('\n') + 1);
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(body)) {
      return it.readAll();
    }
  }

  private static String write(IoWriter w) throws IOException {
    StringWriter s = new StringWriter();
    w.write(s);
    return s.toString();
  }

  interface IoWriter {
    void write(java.io.Writer w) throws IOException;
  }

  private static double number(String cell) {
    return cell == null || cell.isEmpty() || cell.equals("*")
        ? Double.NaN
        : Double.parseDouble(cell);
  }

  /**
   * In a table with arms status_quo, option and difference: each difference recomputed from its
   * arms. {@code key} names a row without its arm and option; the status quo's rows carry no
   * option. Figures are printed rounded, so the tolerance is the rounding of the three printed
   * figures.
   */
  private static int differencesReconcile(
      String file,
      List<Map<String, String>> rows,
      Function<Map<String, String>, String> key,
      double absolute,
      double relative,
      List<String> problems) {
    Map<String, Double> statusQuo = new HashMap<>();
    Map<String, Double> option = new HashMap<>();
    for (Map<String, String> r : rows) {
      double v = number(r.get("mean"));
      switch (r.get("arm")) {
        case "status_quo" -> statusQuo.put(key.apply(r), v);
        case "option" -> option.put(r.get("option") + "|" + key.apply(r), v);
        default -> {}
      }
    }
    int checked = 0;
    for (Map<String, String> r : rows) {
      if (!r.get("arm").equals("difference")) {
        continue;
      }
      double d = number(r.get("mean"));
      Double sq = statusQuo.get(key.apply(r));
      Double opt = option.get(r.get("option") + "|" + key.apply(r));
      if (sq == null || opt == null || Double.isNaN(d) || sq.isNaN() || opt.isNaN()) {
        continue; // withheld, undefined, or a figure of one arm only
      }
      double expected = sq - opt;
      double allowed = absolute + relative * Math.max(Math.abs(sq), Math.abs(opt));
      if (Math.abs(d - expected) > allowed) {
        problems.add(
            file
                + " "
                + r.get("option")
                + " "
                + key.apply(r)
                + ": difference "
                + d
                + ", but status quo minus option is "
                + sq
                + " - "
                + opt
                + " = "
                + expected);
      }
      checked++;
    }
    return checked;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("placeSized")
  void everyDifferenceIsStatusQuoMinusOption(String name) throws IOException {
    Scenario s = BuiltInScenarios.load(name, List.of("years=2"));
    AppraisalResult a =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(3, 11, 2));
    List<String> problems = new ArrayList<>();
    // Money: printed to the penny, so three roundings of half a penny at most.
    List<Map<String, String>> annual = rows(write(w -> CashFlowCsv.annual(a, w)));
    List<Map<String, String>> monthly = rows(write(w -> CashFlowCsv.monthly(a, w)));
    Function<Map<String, String>, String> cashKey =
        r -> r.get("financial_year") + "|" + r.get("period") + "|" + r.get("line");
    int checked = differencesReconcile("cashflow_annual.csv", annual, cashKey, 0.0151, 0, problems);
    checked += differencesReconcile("cashflow_monthly.csv", monthly, cashKey, 0.0151, 0, problems);
    // Activity and teams: printed to about 5 significant figures.
    Function<Map<String, String>, String> metricKey =
        r ->
            r.get("financial_year")
                + "|"
                + r.get("period")
                + "|"
                + r.get("segment")
                + "|"
                + r.get("measure");
    checked +=
        differencesReconcile(
            "annual_metrics.csv",
            rows(write(w -> MetricsCsv.annual(a, w))),
            metricKey,
            1e-4,
            1e-3,
            problems);
    checked +=
        differencesReconcile(
            "teams_monthly.csv",
            rows(write(w -> TeamsCsv.teams(a, w))),
            r -> r.get("date") + "|" + r.get("team") + "|" + r.get("measure"),
            1e-4,
            1e-3,
            problems);
    assertThat(checked).as("differences recomputed").isGreaterThan(100);

    // The summary, from the period tables: the net saving is the years' differences summed, and
    // double running, a cost, is minus the option's memo rows summed.
    Map<String, Double> netCash = new HashMap<>();
    Map<String, Double> doubleRunning = new HashMap<>();
    for (Map<String, String> r : annual) {
      if (r.get("arm").equals("difference") && r.get("line").equals("total_cash")) {
        netCash.merge(r.get("option"), number(r.get("mean")), Double::sum);
      }
      if (r.get("arm").equals("option") && r.get("line").equals("double_running")) {
        doubleRunning.merge(r.get("option"), number(r.get("mean")), Double::sum);
      }
    }
    int years = a.first().option().financialYears().size();
    for (Map<String, String> r : rows(write(w -> CashFlowCsv.summary(a, w, 50_000)))) {
      double v = number(r.get("mean"));
      switch (r.get("figure")) {
        case "net_saving_cash" ->
            assertThat(v)
                .as("%s %s: net saving against its years", name, r.get("option"))
                .isCloseTo(netCash.get(r.get("option")), within(0.006 * years));
        case "double_running" -> {
          double memo = doubleRunning.get(r.get("option"));
          assertThat(v)
              .as("%s %s: double running, a cost, against the memo rows", name, r.get("option"))
              .isCloseTo(-memo, within(0.006 * years));
          assertThat(v).as("a cost is never positive").isLessThanOrEqualTo(0);
        }
        default -> {}
      }
    }

    // The cohort: the saving on in-patient, crisis and GP care is twins minus holders, from its
    // own component rows.
    Map<String, Double> other = new HashMap<>();
    List<Map<String, String>> cohort = rows(write(w -> CohortCsv.write(a, w)));
    for (Map<String, String> r : cohort) {
      if (r.get("figure").equals("cost")
          && r.get("window").equals("after")
          && List.of("inpatient", "crisis", "gp").contains(r.get("component"))) {
        double sign = r.get("who").equals("twins") ? 1 : -1;
        other.merge(r.get("option"), sign * number(r.get("mean")), Double::sum);
      }
    }
    for (Map<String, String> r : cohort) {
      if (r.get("figure").equals("other_nhs_saving") && !Double.isNaN(number(r.get("mean")))) {
        assertThat(number(r.get("mean")))
            .as("%s %s: other NHS saving, twins minus holders", name, r.get("option"))
            .isCloseTo(other.get(r.get("option")), within(0.02));
      }
    }

    // The printout's saving table: double running is a cost, so not positive.
    StringWriter printed = new StringWriter();
    AppraisalText.print(phbsim.report.Disclosure.release(a), new PrintWriter(printed), 50_000);
    for (String line : printed.toString().split("\n")) {
      if (line.startsWith("  Double running (a cost within the cash)")) {
        for (String cell :
            line.substring("  Double running (a cost within the cash)".length())
                .trim()
                .split("\\s+")) {
          assertThat(Double.parseDouble(cell.replace(",", ""))).as(line).isLessThanOrEqualTo(0);
        }
      }
    }
    // The workbook: its cash flow's saving rows are the status quo minus the option, line by line
    // and year by year (a line an arm never uses has no row there: it is 0); its summary gives
    // double running, a cost, as a negative figure.
    java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
    Workbooks.appraisal(
        a,
        s,
        new Origin(name, s.name(), java.util.List.of()),
        phbsim.scenarios.Explain.assumptions(name, BuiltInScenarios.text(name), s),
        new Workbooks.RunInfo(
            "9.9", "abc1234", List.of("phbsim", "run"), 11, 3, 2, List.of("ff00"), "17", "today"),
        bytes);
    Map<String, double[]> cells = new HashMap<>();
    List<String> savings = new ArrayList<>();
    int summaryDoubleRunning = 0;
    try (org.dhatim.fastexcel.reader.ReadableWorkbook wb =
        new org.dhatim.fastexcel.reader.ReadableWorkbook(
            new java.io.ByteArrayInputStream(bytes.toByteArray()),
            new org.dhatim.fastexcel.reader.ReadingOptions(true, false))) {
      for (org.dhatim.fastexcel.reader.Sheet sheet : wb.getSheets().toList()) {
        for (org.dhatim.fastexcel.reader.Row r : sheet.read()) {
          if (sheet.getName().equals("Cash flow")
              && r.getCellCount() > 5 + years
              && List.of("status_quo", "option", "difference").contains(r.getCellText(1))) {
            double[] v = new double[years + 1];
            for (int k = 0; k <= years; k++) {
              // a saving's year cell and every total are formulas: their cached value is
              // phbsim's figure (WorkbooksTest recalculates the formulas from the cells)
              org.dhatim.fastexcel.reader.Cell cell = r.getCell(5 + k);
              v[k] =
                  cell.getType() == org.dhatim.fastexcel.reader.CellType.FORMULA
                      ? Double.parseDouble(cell.getRawValue())
                      : cell.asNumber().doubleValue();
            }
            String key = r.getCellText(1) + "|" + r.getCellText(0) + "|" + r.getCellText(2);
            cells.put(key, v);
            if (r.getCellText(1).equals("difference")) {
              savings.add(key);
            }
          }
          if (sheet.getName().equals("Summary")
              && r.getCellCount() > 1
              && r.getCellText(0).equals("Double running (a cost within the cash)")) {
            // the options side by side: each option's mean, CI low, CI high
            for (int k = 0; k < a.options().size(); k++) {
              assertThat(r.getCell(1 + 3 * k).asNumber().doubleValue())
                  .as("%s workbook: double running of %s, a cost", name, a.options().get(k).id())
                  .isLessThanOrEqualTo(0);
              summaryDoubleRunning++;
            }
          }
        }
      }
    }
    // The report: every chart either compares (the status quo minus the option, a saving above
    // zero) or plots each arm's own level, and says which under its title. A chart that compares
    // is recomputed from the files: the chart of every option's cumulative cash saving ends at the
    // summary file's net saving; each option's monthly net cash flow is the monthly file's
    // difference in total cash, month by month; its cumulative fan is those months summed. A chart
    // of levels plots arms (the status quo, labelled so, or an option by its id), and a team's
    // levels are the teams file's rows of that arm, team and measure.
    StringWriter html = new StringWriter();
    HtmlReport.appraisal(
        a,
        s,
        new Origin(name, s.name(), java.util.List.of()),
        phbsim.scenarios.Explain.assumptions(name, BuiltInScenarios.text(name), s),
        html);
    org.jsoup.nodes.Document page = org.jsoup.Jsoup.parse(html.toString());
    var charts =
        new com.fasterxml.jackson.databind.ObjectMapper()
            .readTree(page.getElementById("data").data());
    Map<String, List<Double>> monthlyNet = new HashMap<>();
    for (Map<String, String> r : monthly) {
      if (r.get("arm").equals("difference") && r.get("line").equals("total_cash")) {
        monthlyNet
            .computeIfAbsent(r.get("option"), k -> new ArrayList<>())
            .add(number(r.get("mean")));
      }
    }
    Map<String, List<Double>> teamLevels = new HashMap<>();
    for (Map<String, String> r : rows(write(w -> TeamsCsv.teams(a, w)))) {
      if (!r.get("arm").equals("difference")) {
        teamLevels
            .computeIfAbsent(
                r.get("arm") + "|" + r.get("option") + "|" + r.get("team") + "|" + r.get("measure"),
                k -> new ArrayList<>())
            .add(number(r.get("mean")));
      }
    }
    int seen = 0;
    int levelsChecked = 0;
    int index = 0;
    for (var chart : charts) {
      String title = chart.path("title").asText();
      String compares = chart.path("compares").asText();
      String reading = page.getElementById("chart-" + index++).select(".reading").text();
      assertThat(compares)
          .as("%s report chart %s: compares or plots levels", name, title)
          .isIn("difference", "levels");
      if (compares.equals("difference")) {
        assertThat(reading).as(title).startsWith("A difference: the status quo minus the option");
      } else {
        assertThat(reading).as(title).startsWith("Each arm's own level, not a difference");
      }
      if (title.startsWith("Cumulative net saving, cash, £000s: every")) {
        for (var line : chart.path("series")) {
          var values = line.path("values");
          double last = values.get(values.size() - 1).asDouble();
          assertThat(line.path("arm").asText()).isEqualTo("difference");
          assertThat(last * 1000)
              .as("%s report: %s's cumulative saving at the end", name, line.path("label").asText())
              .isCloseTo(netCash.get(line.path("label").asText()), within(0.006 * years + 0.01));
          seen++;
        }
      } else if (chart.path("kind").asText().equals("fan")) {
        List<Double> net = monthlyNet.get(chart.path("option").asText());
        var mean = chart.path("v").get(2);
        assertThat(mean.size()).as(title).isEqualTo(net.size());
        double cumulative = 0;
        for (int m = 0; m < net.size(); m++) {
          cumulative += net.get(m);
          double expected = title.startsWith("Cumulative") ? cumulative : net.get(m);
          assertThat(mean.get(m).asDouble() * 1000)
              .as("%s report %s, month %d: status quo minus option", name, title, m)
              .isCloseTo(expected, within(0.006 * (m + 1) + 0.01));
        }
        seen++;
      } else {
        for (var line : chart.path("series")) {
          String arm = line.path("arm").asText();
          assertThat(arm).as(title).isIn("status_quo", "option");
          if (arm.equals("status_quo")) {
            assertThat(line.path("label").asText()).as(title).contains("status quo");
          } else {
            assertThat(line.path("label").asText())
                .as(title)
                .contains(line.path("option").asText());
          }
          if (line.has("team")) {
            List<Double> expected =
                teamLevels.get(
                    arm
                        + "|"
                        + (arm.equals("option") ? line.path("option").asText() : "")
                        + "|"
                        + line.path("team").asText()
                        + "|"
                        + line.path("measure").asText());
            assertThat(expected)
                .as("%s %s: the teams file's rows", title, line.path("label"))
                .isNotNull();
            var values = line.path("values");
            for (int m = 0; m < expected.size(); m++) {
              if (values.get(m).isNull() || expected.get(m).isNaN()) {
                continue; // a gap: undefined or withheld in the file as on the chart
              }
              assertThat(values.get(m).asDouble())
                  .as("%s report %s %s, month %d", name, title, line.path("label").asText(), m)
                  .isCloseTo(
                      expected.get(m), within(1e-3 * Math.max(1, Math.abs(expected.get(m)))));
              levelsChecked++;
            }
          }
        }
      }
    }
    assertThat(seen).as("%s: the report's charts that compare, checked", name).isPositive();
    assertThat(levelsChecked).as("%s: the report's team levels, checked", name).isPositive();
    assertThat(savings).as("%s: the workbook's saving rows", name).isNotEmpty();
    assertThat(summaryDoubleRunning)
        .as("%s: the summary's double running, each option", name)
        .isEqualTo(a.options().size());
    for (String key : savings) {
      String[] k = key.split("\\|", -1);
      double[] d = cells.get(key);
      double[] sq = cells.getOrDefault("status_quo|status quo|" + k[2], new double[years + 1]);
      double[] opt = cells.getOrDefault("option|" + k[1] + "|" + k[2], new double[years + 1]);
      for (int y = 0; y <= years; y++) {
        assertThat(d[y])
            .as("%s workbook %s, column %d: status quo minus option", name, key, y)
            .isCloseTo(sq[y] - opt[y], within(1e-6 * Math.max(1, Math.abs(sq[y]))));
      }
    }
    assertThat(problems).as(name).isEmpty();
  }

  private static org.assertj.core.data.Offset<Double> within(double d) {
    return org.assertj.core.data.Offset.offset(d);
  }
}
