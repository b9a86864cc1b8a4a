package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.money.LedgerLine;
import phbsim.report.AppraisalResult;
import phbsim.report.ComparisonResult;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.Explain;
import phbsim.scenarios.ScenarioLoader;

/**
 * Issue 20, items 2 and 4, over every shipped scenario: each ledger line says what a saving on it
 * is, by the rule of docs/model.md section 5.5 (only a payment that stops releases cash), the same
 * in both cash-flow files and the workbook; double running is a memo row in every period table,
 * never a line, so summing a file's cash lines gives its cash total.
 */
class CashFlowFlagsOverShippedScenariosTest {

  /**
   * The rule, written out line by line from section 5.5 (not read from LedgerLine): paid per use or
   * a post released releases cash; a contract as let, its stranded part and a standing cost do not
   * fall with activity; budgets, their infrastructure and a new service's set-up are new spending;
   * activity inside a block is capacity.
   */
  private static final Map<String, String> RULE = new HashMap<>();

  static {
    for (String code :
        List.of(
            "posts_released",
            "bed_days",
            "out_of_area_placements",
            "crisis_house_nights",
            "ae_attendances",
            "crisis_team_episodes",
            "gp_consultations")) {
      RULE.put(code, "cash-releasing");
    }
    for (String code :
        List.of(
            "block_contract_fixed",
            "block_contract_staff",
            "stranded_fixed_costs",
            "service_standing_costs")) {
      RULE.put(code, "cash, fixed: does not fall with activity");
    }
    for (String code :
        List.of(
            "phb_direct_payments",
            "phb_direct_payments_reclaimed",
            "phb_third_party",
            "phb_third_party_fees",
            "phb_notional",
            "phb_set_up",
            "phb_support_planning",
            "phb_brokerage_and_monitoring",
            "service_set_up")) {
      RULE.put(code, "cash, new spending");
    }
    for (String code :
        List.of(
            "bed_days_block",
            "crisis_house_nights_block",
            "ae_attendances_block",
            "crisis_team_episodes_block",
            "gp_consultations_block",
            "community_places_empty")) {
      RULE.put(code, "capacity, not cash");
    }
  }

  static Stream<String> placeSized() {
    return BuiltInScenarios.names().stream().filter(n -> !n.equals("england"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("placeSized")
  void everyLineFlaggedAndDoubleRunningAMemo(String name) throws IOException {
    assertThat(RULE).hasSize(LedgerLine.values().length);
    Scenario s = BuiltInScenarios.load(name, List.of("years=2"));
    AppraisalResult a =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 5, 2));
    StringWriter monthly = new StringWriter();
    CashFlowCsv.monthly(a, monthly);
    StringWriter annual = new StringWriter();
    CashFlowCsv.annual(a, annual);
    List<String> problems = new ArrayList<>();
    int months = a.first().option().compiled().calendar().monthCount();
    int years = a.first().option().financialYears().size();
    checkFile("monthly", rows(monthly.toString()), 3, a, months, problems);
    List<Map<String, String>> annualRows = rows(annual.toString());
    checkFile("annual", annualRows, 1, a, years, problems);
    // A year's double running is its months', to the rounding of the pence each file prints.
    Map<String, Double> byYear = new HashMap<>();
    for (Map<String, String> r : rows(monthly.toString())) {
      if (r.get("line").equals("double_running")) {
        byYear.merge(
            r.get("financial_year") + "|" + r.get("option"),
            Double.parseDouble(r.get("mean")),
            Double::sum);
      }
    }
    for (Map<String, String> r : annualRows) {
      if (r.get("line").equals("double_running")) {
        String key = r.get("financial_year") + "|" + r.get("option");
        double expected = byYear.getOrDefault(key, Double.NaN);
        if (!(Math.abs(expected - Double.parseDouble(r.get("mean"))) <= 0.005 * 13)) {
          problems.add("annual double running " + key + " is not its months' sum " + expected);
        }
      }
    }
    checkWorkbook(a, s, name, problems);
    assertThat(problems).as(name).isEmpty();
  }

  /**
   * Every line row flagged by the rule; in every period, arm and option the cash lines sum to the
   * cash total and all lines to the economic one; each option's double running a memo in every
   * period.
   */
  private static void checkFile(
      String file,
      List<Map<String, String>> rows,
      int periodColumns,
      AppraisalResult a,
      int periods,
      List<String> problems) {
    Map<String, double[]> sums = new LinkedHashMap<>(); // cash, economic, lines
    Map<String, Integer> doubleRunning = new HashMap<>();
    for (Map<String, String> r : rows) {
      String key =
          (periodColumns == 3 ? r.get("date") : r.get("financial_year"))
              + "|"
              + r.get("option")
              + "|"
              + r.get("arm");
      String code = r.get("line");
      double mean = Double.parseDouble(r.get("mean"));
      double[] sum = sums.computeIfAbsent(key, k -> new double[5]);
      switch (r.get("row_type")) {
        case "line" -> {
          if (!RULE.get(code).equals(r.get("saving_is"))) {
            problems.add(file + " " + code + ": saving_is '" + r.get("saving_is") + "'");
          }
          if (r.get("basis").equals("cash")) {
            sum[0] += mean;
          }
          sum[1] += mean;
          sum[2]++;
        }
        case "total" -> sum[code.equals("total_cash") ? 3 : 4] = mean;
        case "memo" -> {
          if (code.equals("double_running")) {
            doubleRunning.merge(r.get("option"), 1, Integer::sum);
          }
          if (!r.get("saving_is").isEmpty()) {
            problems.add(file + " memo " + code + " carries a flag");
          }
        }
        default -> problems.add(file + " " + code + ": row_type '" + r.get("row_type") + "'");
      }
    }
    for (var e : sums.entrySet()) {
      double[] v = e.getValue();
      double tolerance = 0.005 * (v[2] + 1);
      if (!(Math.abs(v[0] - v[3]) <= tolerance) || !(Math.abs(v[1] - v[4]) <= tolerance)) {
        problems.add(
            file
                + " "
                + e.getKey()
                + ": lines sum to "
                + v[0]
                + " / "
                + v[1]
                + " against totals "
                + v[3]
                + " / "
                + v[4]);
      }
    }
    for (ComparisonResult c : a.options()) {
      if (doubleRunning.getOrDefault(c.id(), 0) != periods) {
        problems.add(
            file
                + ": "
                + c.id()
                + " has double running in "
                + doubleRunning.get(c.id())
                + " of "
                + periods
                + " periods");
      }
    }
  }

  private static void checkWorkbook(
      AppraisalResult a, Scenario s, String name, List<String> problems) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Workbooks.appraisal(
        a,
        s,
        new Origin(name, s.name(), java.util.List.of()),
        Explain.assumptions(name, BuiltInScenarios.text(name), s),
        new Workbooks.RunInfo(
            "9.9", "abc1234", List.of("phbsim", "run"), 5, 2, 2, List.of("ff00"), "17", "today"),
        bytes);
    Map<String, String> byTitle = new HashMap<>();
    for (LedgerLine line : LedgerLine.values()) {
      byTitle.put(line.title(), RULE.get(line.label()));
    }
    int memos = 0;
    try (ReadableWorkbook wb =
        new ReadableWorkbook(
            new ByteArrayInputStream(bytes.toByteArray()), new ReadingOptions(true, false))) {
      List<Row> rows = wb.findSheet("Cash flow").orElseThrow().read();
      for (Row r : rows) {
        String title = r.getCellAsString(2).orElse("");
        if (byTitle.containsKey(title)
            && !byTitle.get(title).equals(r.getCellAsString(3).orElse(""))) {
          problems.add("workbook " + title + ": '" + r.getCellAsString(3).orElse("") + "'");
        }
        if (title.equals(Columns.DOUBLE_RUNNING_MEMO)) {
          memos++;
        }
      }
    }
    if (memos != a.options().size()) {
      problems.add("workbook: " + memos + " double-running memo rows for " + a.options().size());
    }
  }

  private static List<Map<String, String>> rows(String csv) throws IOException {
    String body = csv.substring(csv.indexOf('\n') + 1); // the opening note
    CsvMapper reader = new CsvMapper();
    reader.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    List<List<String>> all;
    try (MappingIterator<List<String>> it = reader.readerForListOf(String.class).readValues(body)) {
      all = it.readAll();
    }
    List<String> header = all.get(0);
    List<Map<String, String>> out = new ArrayList<>();
    for (List<String> row : all.subList(1, all.size())) {
      Map<String, String> m = new HashMap<>();
      for (int i = 0; i < header.size(); i++) {
        m.put(header.get(i), row.get(i));
      }
      out.add(m);
    }
    return out;
  }
}
