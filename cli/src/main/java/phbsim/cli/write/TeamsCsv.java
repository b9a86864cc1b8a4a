package phbsim.cli.write;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import phbsim.observe.TeamMeasure;
import phbsim.report.Arm;
import phbsim.report.Infrastructure;
import phbsim.report.Resilience;
import phbsim.report.Summary;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialMonth;

/**
 * The teams left behind and the cost of running budgets, as tidy CSV: one row per month, arm, team
 * (or "infrastructure") and measure, with the mean and 95% interval across replications.
 */
public final class TeamsCsv {
  private static final CsvMapper MAPPER = new CsvMapper();

  private TeamsCsv() {}

  /** Columns: date, financial_year, period, arm, team, measure, mean, lower_95, upper_95. */
  public static void teams(Resilience resilience, FinancialCalendar cal, Writer out)
      throws IOException {
    try (SequenceWriter rows =
        MAPPER
            .writer(
                MetricsCsv.columns(
                    "date",
                    "financial_year",
                    "period",
                    "arm",
                    "team",
                    "measure",
                    "mean",
                    "lower_95",
                    "upper_95"))
            .writeValues(out)) {
      for (int m = 0; m < cal.monthCount(); m++) {
        FinancialMonth fm = cal.month(m);
        for (Arm arm : Arm.values()) {
          for (int team : resilience.teams()) {
            for (TeamMeasure measure : TeamMeasure.values()) {
              Summary s = resilience.monthly(arm, m, team, measure);
              rows.write(
                  List.of(
                      fm.firstDay().toString(),
                      fm.financialYear().label(),
                      fm.label(),
                      arm.label(),
                      resilience.id(team),
                      measure.label(),
                      Numbers.plain(s.mean()),
                      Numbers.plain(s.lower()),
                      Numbers.plain(s.upper())));
            }
          }
        }
      }
    }
  }

  /**
   * Columns: date, financial_year, period, measure, mean, lower_95, upper_95, replications (the
   * number of replications in which the measure is defined, e.g. with at least one budget).
   */
  public static void infrastructure(Infrastructure infra, FinancialCalendar cal, Writer out)
      throws IOException {
    try (SequenceWriter rows =
        MAPPER
            .writer(
                MetricsCsv.columns(
                    "date",
                    "financial_year",
                    "period",
                    "measure",
                    "mean",
                    "lower_95",
                    "upper_95",
                    "replications"))
            .writeValues(out)) {
      for (int m = 0; m < cal.monthCount(); m++) {
        FinancialMonth fm = cal.month(m);
        write(rows, fm, "infrastructure_cost", infra.cost(m), true);
        write(rows, fm, "active_budgets", infra.activeBudgets(m), false);
        write(rows, fm, "cost_per_active_budget", infra.costPerActiveBudget(m), true);
        write(rows, fm, "planning_queue", infra.planningQueue(m), false);
        write(rows, fm, "days_from_offer_to_plan", infra.daysFromOfferToPlan(m), false);
      }
    }
  }

  private static void write(
      SequenceWriter rows, FinancialMonth fm, String measure, Summary s, boolean money)
      throws IOException {
    rows.write(
        List.of(
            fm.firstDay().toString(),
            fm.financialYear().label(),
            fm.label(),
            measure,
            format(s.mean(), money),
            format(s.lower(), money),
            format(s.upper(), money),
            Integer.toString(s.replications())));
  }

  private static String format(double v, boolean money) {
    if (Double.isNaN(v)) {
      return "";
    }
    return money ? Numbers.pounds(v) : Numbers.plain(v);
  }
}
