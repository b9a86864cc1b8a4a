package phbsim.cli.write;

import java.io.PrintWriter;
import java.util.OptionalInt;
import phbsim.observe.TeamMeasure;
import phbsim.report.Arm;
import phbsim.report.Infrastructure;
import phbsim.report.Resilience;
import phbsim.report.Summary;
import phbsim.time.FinancialCalendar;

/**
 * What {@code phbsim run} prints about the teams that stay behind and the infrastructure of
 * budgets: the state at the end of the horizon against the baseline, and the headline months.
 */
public final class PolicyText {
  private PolicyText() {}

  public static void print(
      Resilience resilience, Infrastructure infra, FinancialCalendar cal, PrintWriter out) {
    int last = cal.monthCount() - 1;
    out.println("Community teams at the end of the horizon (scenario / baseline)");
    for (int team : resilience.teams()) {
      out.println("  " + resilience.id(team));
      row(out, resilience, last, team, TeamMeasure.POSTS, "posts");
      row(out, resilience, last, team, TeamMeasure.CASELOAD, "caseload");
      row(out, resilience, last, team, TeamMeasure.UTILISATION, "utilisation");
      row(out, resilience, last, team, TeamMeasure.WAITING_LIST, "waiting list");
      row(out, resilience, last, team, TeamMeasure.WAIT_P90_DAYS, "90th centile wait, days");
      row(
          out,
          resilience,
          last,
          team,
          TeamMeasure.COST_PER_PERSON,
          "block cost per person, £/month");
      row(
          out,
          resilience,
          last,
          team,
          TeamMeasure.MEAN_FRAILTY_ON_CASELOAD,
          "mean frailty on caseload (left behind)");
      double share = resilience.shareFallingBelowMinimum(Arm.SCENARIO, team);
      OptionalInt first = resilience.medianFirstMonthBelowMinimum(Arm.SCENARIO, team);
      out.println(
          "    below minimum viable size in "
              + Math.round(share * 100)
              + "% of replications"
              + (first.isPresent()
                  ? ", first in " + CashFlowCsv.describe(cal.month(first.getAsInt())) + " (median)"
                  : ""));
    }
    out.println();
    out.println("Budgets and their infrastructure (scenario)");
    Summary active = infra.activeBudgets(last);
    out.println("  active budgets at the end: " + Numbers.readable(active.mean()));
    Summary perBudget = infra.costPerActiveBudget(last);
    out.println(
        "  infrastructure cost per active budget, last month: "
            + (Double.isNaN(perBudget.mean()) ? "-" : "£" + Numbers.readable(perBudget.mean())));
    OptionalInt below = infra.firstMonthBelowTarget();
    out.println(
        "  first month at or below the target"
            + (Double.isNaN(infra.target())
                ? " (none set)"
                : " of £" + Numbers.readable(infra.target()))
            + ": "
            + (below.isPresent()
                ? CashFlowCsv.describe(cal.month(below.getAsInt()))
                : "not within the horizon"));
    OptionalInt half = infra.halfLifeMonths();
    out.println(
        "  half-life of the cost per active budget: "
            + (half.isPresent() ? half.getAsInt() + " months" : "not within the horizon"));
  }

  private static void row(
      PrintWriter out, Resilience r, int month, int team, TeamMeasure measure, String label) {
    Summary a = r.monthly(Arm.SCENARIO, month, team, measure);
    Summary b = r.monthly(Arm.BASELINE, month, team, measure);
    out.println(
        "    " + label + ": " + Numbers.readable(a.mean()) + " / " + Numbers.readable(b.mean()));
  }
}
