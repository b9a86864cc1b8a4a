package phbsim.cli.write;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import phbsim.money.LedgerLine;
import phbsim.report.Arm;
import phbsim.report.ComparisonResult;
import phbsim.report.Summary;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialMonth;

/**
 * Cash flow as tidy CSV, in pounds with pence: one row per period, arm and ledger line (and a
 * "total" line), with the mean and 95% interval across replications; and the headline figures.
 */
public final class CashFlowCsv {
  private static final CsvMapper MAPPER = new CsvMapper();
  private static final String TOTAL = "total";

  private CashFlowCsv() {}

  /**
   * Columns: date, financial_year, period, arm, line, mean, lower_95, upper_95. Besides the ledger
   * lines and their total, each month has "double_running" (arm scenario) and
   * "cumulative_net_saving" (arm difference: baseline minus scenario, months so far).
   */
  public static void monthly(ComparisonResult result, Writer out) throws IOException {
    FinancialCalendar cal = result.scenario().compiled().calendar();
    try (SequenceWriter rows =
        MAPPER
            .writer(
                MetricsCsv.columns(
                    "date",
                    "financial_year",
                    "period",
                    "arm",
                    "line",
                    "mean",
                    "lower_95",
                    "upper_95"))
            .writeValues(out)) {
      for (int m = 0; m < cal.monthCount(); m++) {
        FinancialMonth fm = cal.month(m);
        for (Arm arm : Arm.values()) {
          for (LedgerLine line : linesAndTotal()) {
            Summary s = result.monthly(arm, m, line);
            write(rows, fm, arm.label(), line == null ? TOTAL : line.label(), s);
          }
        }
        // Not ledger lines but figures derived from them, one row each per month.
        write(rows, fm, Arm.SCENARIO.label(), "double_running", result.doubleRunning(m));
        write(
            rows, fm, Arm.DIFFERENCE.label(), "cumulative_net_saving", result.cumulativeSaving(m));
      }
    }
  }

  private static void write(
      SequenceWriter rows, FinancialMonth fm, String arm, String line, Summary s)
      throws IOException {
    rows.write(
        List.of(
            fm.firstDay().toString(),
            fm.financialYear().label(),
            fm.label(),
            arm,
            line,
            Numbers.pounds(s.mean()),
            Numbers.pounds(s.lower()),
            Numbers.pounds(s.upper())));
  }

  /** Columns: financial_year, arm, line, mean, lower_95, upper_95. */
  public static void annual(ComparisonResult result, Writer out) throws IOException {
    var years = result.scenario().financialYears();
    try (SequenceWriter rows =
        MAPPER
            .writer(
                MetricsCsv.columns("financial_year", "arm", "line", "mean", "lower_95", "upper_95"))
            .writeValues(out)) {
      for (int y = 0; y < years.size(); y++) {
        for (Arm arm : Arm.values()) {
          for (LedgerLine line : linesAndTotal()) {
            Summary s = result.annual(arm, y, line);
            rows.write(
                List.of(
                    years.get(y).label(),
                    arm.label(),
                    line == null ? TOTAL : line.label(),
                    Numbers.pounds(s.mean()),
                    Numbers.pounds(s.lower()),
                    Numbers.pounds(s.upper())));
          }
        }
      }
    }
  }

  /** The headline figures. Columns: figure, mean, lower_95, upper_95, note. Money in pounds. */
  public static void summary(ComparisonResult result, Writer out) throws IOException {
    FinancialCalendar cal = result.scenario().compiled().calendar();
    try (SequenceWriter rows =
        MAPPER
            .writer(MetricsCsv.columns("figure", "mean", "lower_95", "upper_95", "note"))
            .writeValues(out)) {
      row(rows, "net_saving", result.netSaving(), "baseline minus scenario over the horizon");
      row(
          rows,
          "npv_of_difference",
          result.npvOfDifference(),
          "scenario minus baseline, discounted at "
              + Numbers.plain(result.discountRate() * 100)
              + "% a year, year 0 undiscounted");
      row(
          rows,
          "double_running",
          result.doubleRunningTotal(),
          "budget payments matched by empty staffed team capacity");
      Summary months = result.doubleRunningMonths();
      rows.write(
          List.of(
              "double_running_months",
              Numbers.plain(months.mean()),
              Numbers.plain(months.lower()),
              Numbers.plain(months.upper()),
              "months with double running"));
      OptionalInt be = result.breakEvenMonthOfMean();
      rows.write(
          List.of(
              "break_even_month",
              "",
              "",
              "",
              be.isPresent()
                  ? describe(cal.month(be.getAsInt()))
                  : "not within the horizon (mean cumulative net saving)"));
      rows.write(
          List.of(
              "share_breaking_even",
              Numbers.plain(result.shareBreakingEven()),
              "",
              "",
              "share of replications whose cumulative net saving ends the horizon at or above"
                  + " zero"));
    }
  }

  static String describe(FinancialMonth m) {
    return m.firstDay().toString().substring(0, 7)
        + " ("
        + m.financialYear().label()
        + " "
        + m.label()
        + ")";
  }

  private static void row(SequenceWriter rows, String name, Summary s, String note)
      throws IOException {
    rows.write(
        List.of(
            name,
            Numbers.pounds(s.mean()),
            Numbers.pounds(s.lower()),
            Numbers.pounds(s.upper()),
            note));
  }

  /** Every ledger line, then null for the total. */
  static List<LedgerLine> linesAndTotal() {
    List<LedgerLine> lines = new ArrayList<>(List.of(LedgerLine.values()));
    lines.add(null);
    return lines;
  }
}
