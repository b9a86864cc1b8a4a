package phbsim.cli.write;

import java.io.PrintWriter;
import java.util.List;
import phbsim.observe.Measure;
import phbsim.report.Arm;
import phbsim.report.ComparisonResult;
import phbsim.report.ExperimentResult;
import phbsim.report.Summary;
import phbsim.time.FinancialYear;

/**
 * The short summary {@code phbsim run} prints: a row per measure, a column per financial year, each
 * cell the mean with the 95% interval across replications on the line beneath.
 */
public final class SummaryText {
  private static final int LABEL = 34;
  private static final int CELL = 17;

  private SummaryText() {}

  /** A printed row: its label and the measure behind it. */
  private record Row(String label, Measure measure) {}

  private static final List<Row> ROWS =
      List.of(
          new Row("Referrals", Measure.REFERRALS),
          new Row("Caseload at year end", Measure.CASELOAD),
          new Row("Waiting list at year end", Measure.WAITING_LIST),
          new Row("Budget holders at year end", Measure.BUDGET_HOLDERS),
          new Row("Crises", Measure.CRISES),
          new Row("A&E attendances", Measure.AE_ATTENDANCES),
          new Row("Crisis team episodes", Measure.CRISIS_TEAM_EPISODES),
          new Row("Admissions", Measure.ADMISSIONS),
          new Row("  of which out of area", Measure.OUT_OF_AREA_ADMISSIONS),
          new Row("Bed days (in area)", Measure.BED_DAYS),
          new Row("Out-of-area days", Measure.OUT_OF_AREA_DAYS),
          new Row("Exits from secondary care", Measure.EXITS));

  /** Prints the scenario arm's activity. */
  public static void print(ComparisonResult comparison, PrintWriter out) {
    ExperimentResult result = comparison.scenario();
    List<FinancialYear> years = result.financialYears();
    StringBuilder head = new StringBuilder(pad("", LABEL));
    for (FinancialYear y : years) {
      head.append(padLeft(y.label(), CELL));
    }
    out.println(head);
    for (Row row : ROWS) {
      StringBuilder means = new StringBuilder(pad(row.label(), LABEL));
      StringBuilder ranges = new StringBuilder(pad("", LABEL));
      for (int y = 0; y < years.size(); y++) {
        Summary s =
            comparison.metricAnnual(Arm.SCENARIO, y, ExperimentResult.ALL_SEGMENTS, row.measure());
        means.append(padLeft(Numbers.readable(s.mean()), CELL));
        ranges.append(
            padLeft(
                "(" + Numbers.readable(s.lower()) + "-" + Numbers.readable(s.upper()) + ")", CELL));
      }
      out.println(means);
      if (result.replications().size() > 1) {
        out.println(ranges);
      }
    }
    StringBuilder wait = new StringBuilder(pad("Mean wait for a slot, days", LABEL));
    for (int y = 0; y < years.size(); y++) {
      Summary days =
          result.annual(y, ExperimentResult.ALL_SEGMENTS, Measure.WAITING_DAYS_OF_THOSE_ALLOCATED);
      Summary people =
          result.annual(
              y, ExperimentResult.ALL_SEGMENTS, Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST);
      wait.append(
          padLeft(people.mean() > 0 ? Numbers.readable(days.mean() / people.mean()) : "-", CELL));
    }
    out.println(wait);
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return s.length() >= width ? " " + s : " ".repeat(width - s.length()) + s;
  }
}
