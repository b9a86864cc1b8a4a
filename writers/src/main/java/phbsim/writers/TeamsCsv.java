package phbsim.writers;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import phbsim.observe.TeamMeasure;
import phbsim.report.AppraisalResult;
import phbsim.report.Arm;
import phbsim.report.ComparisonResult;
import phbsim.report.Infrastructure;
import phbsim.report.Resilience;
import phbsim.report.Summary;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialMonth;

/**
 * The teams left behind and the cost of running budgets, as tidy CSV: one row per month, arm, team
 * (or infrastructure measure), with the mean and both intervals across replications, and the number
 * of replications in which the figure is defined.
 */
public final class TeamsCsv {
  private static final CsvMapper MAPPER = Columns.MAPPER;

  private TeamsCsv() {}

  /**
   * Columns: date, financial_year, period, option, option_title, arm, team, team_label, measure,
   * measure_title, the summary columns, replications (in which the measure is defined: a wait
   * centile is not in a month when nobody got a place from the waiting list).
   */
  static void teams(AppraisalResult appraisal, Writer out) throws IOException {
    Columns.note(out, appraisal, "Community teams per month: the teams left behind");
    FinancialCalendar cal = appraisal.first().option().compiled().calendar();
    List<String> header =
        new ArrayList<>(List.of(Columns.monthly("team", "team_label", "measure", "measure_title")));
    header.addAll(Columns.SUMMARY);
    try (SequenceWriter rows =
        MAPPER.writer(Columns.of(header.toArray(String[]::new))).writeValues(out)) {
      for (int m = 0; m < cal.monthCount(); m++) {
        FinancialMonth fm = cal.month(m);
        for (ArmRow row : ArmRow.of(appraisal)) {
          Resilience resilience = new Resilience(row.comparison());
          for (int team : resilience.teams()) {
            for (TeamMeasure measure : TeamMeasure.values()) {
              Summary s = resilience.monthly(row.arm(), m, team, measure);
              List<String> r =
                  Columns.row(
                      s,
                      false,
                      fm.firstDay().toString(),
                      fm.financialYear().label(),
                      fm.label(),
                      row.option(),
                      row.title(),
                      row.arm().label(),
                      resilience.id(team),
                      resilience.label(team),
                      measure.label(),
                      measure.title());
              rows.write(r);
            }
          }
        }
      }
    }
  }

  /**
   * Columns: date, financial_year, period, option, option_title, arm, measure, measure_title, the
   * summary columns, replications (in which the measure is defined, e.g. with at least one budget).
   * For the status quo and each option: the infrastructure of the budgets each has; and the
   * difference, status quo minus option, paired replication by replication.
   */
  static void infrastructure(AppraisalResult appraisal, Writer out) throws IOException {
    Columns.note(out, appraisal, "Infrastructure of personal health budgets per month");
    FinancialCalendar cal = appraisal.first().option().compiled().calendar();
    List<String> header = new ArrayList<>(List.of(Columns.monthly("measure", "measure_title")));
    header.addAll(Columns.SUMMARY);
    try (SequenceWriter rows =
        MAPPER.writer(Columns.of(header.toArray(String[]::new))).writeValues(out)) {
      for (int m = 0; m < cal.monthCount(); m++) {
        FinancialMonth fm = cal.month(m);
        String[] when = Columns.when(fm);
        for (ArmRow row : ArmRow.of(appraisal)) {
          ComparisonResult c = row.comparison();
          Infrastructure sq = new Infrastructure(c, Arm.STATUS_QUO);
          Infrastructure option = new Infrastructure(c, Arm.OPTION);
          for (Infrastructure.Figure f : Infrastructure.Figure.values()) {
            Summary s =
                switch (row.arm()) {
                  case STATUS_QUO -> sq.summary(f, m);
                  case OPTION -> option.summary(f, m);
                  case DIFFERENCE -> Infrastructure.difference(sq, option, f, m);
                };
            write(rows, when, row, f, s);
          }
        }
      }
    }
  }

  private static void write(
      SequenceWriter rows, String[] when, ArmRow row, Infrastructure.Figure f, Summary s)
      throws IOException {
    boolean money =
        f == Infrastructure.Figure.COST || f == Infrastructure.Figure.COST_PER_ACTIVE_BUDGET;
    List<String> r =
        Columns.row(
            s,
            money,
            when[0],
            when[1],
            when[2],
            row.option(),
            row.title(),
            row.arm().label(),
            INFRASTRUCTURE_LABELS[f.ordinal()],
            INFRASTRUCTURE_TITLES[f.ordinal()]);
    rows.write(r);
  }

  /** The column codes of {@link Infrastructure.Figure}, in its order. */
  private static final String[] INFRASTRUCTURE_LABELS = {
    "infrastructure_cost",
    "active_budgets",
    "cost_per_active_budget",
    "planning_queue",
    "days_from_offer_to_plan"
  };

  /** Their titles. */
  private static final String[] INFRASTRUCTURE_TITLES = {
    "Infrastructure cost, £",
    "Budgets active",
    "Infrastructure cost per active budget, £",
    "People in support planning",
    "Days from offer to signed-off plan"
  };
}
