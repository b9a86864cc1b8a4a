package phbsim.analysis;

import java.util.function.Function;
import phbsim.money.CashFlow;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.report.ReplicationResult;
import phbsim.time.FinancialCalendar;
import phbsim.world.CompiledScenario;

/**
 * What one replication of one arm adds up to: money by financial year (cash lines, and every line),
 * double running, and each measure over the horizon (flows summed, stocks at the end). A cell of an
 * analysis is reduced to this as soon as it is made, so that thousands of cells fit in memory.
 *
 * @param cashByYear pence on cash lines, per financial year
 * @param allByYear pence on every line (the economic position), per financial year
 * @param doubleRunning pence of double running over the horizon
 * @param measures per {@link Measure} ordinal, over all segments: a flow's sum over the horizon, a
 *     stock's value at the last month end
 * @param cohort the cohort view of an option's replication, paired with its status quo (null for
 *     the status quo itself, and until paired)
 * @param byLine pence on each ledger line over the horizon, per {@link LedgerLine} ordinal
 * @param teamMonthsBelowMinimum months in which a community team was below its minimum viable size,
 *     summed over the teams
 */
public record ArmTotals(
    long[] cashByYear,
    long[] allByYear,
    long doubleRunning,
    double[] measures,
    phbsim.report.Cohort.Figures cohort,
    long[] byLine,
    double teamMonthsBelowMinimum)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** The same totals with the cohort view of their replication. */
  public ArmTotals withCohort(phbsim.report.Cohort.Figures figures) {
    return new ArmTotals(
        cashByYear, allByYear, doubleRunning, measures, figures, byLine, teamMonthsBelowMinimum);
  }

  /**
   * The sum of two areas' totals of the same replication (docs/model.md section 9): money, flows
   * and stocks add; the cohort view is not summed (it is read per area).
   */
  public ArmTotals plus(ArmTotals other) {
    long[] cash = cashByYear.clone();
    long[] all = allByYear.clone();
    for (int y = 0; y < cash.length; y++) {
      cash[y] += other.cashByYear[y];
      all[y] += other.allByYear[y];
    }
    double[] m = measures.clone();
    for (int k = 0; k < m.length; k++) {
      m[k] += other.measures[k];
    }
    long[] lines = byLine.clone();
    for (int k = 0; k < lines.length; k++) {
      lines[k] += other.byLine[k];
    }
    return new ArmTotals(
        cash,
        all,
        doubleRunning + other.doubleRunning,
        m,
        null,
        lines,
        teamMonthsBelowMinimum + other.teamMonthsBelowMinimum);
  }

  /** A reducer for the cells of a compiled scenario. */
  public static Function<ReplicationResult, ArmTotals> reducer(CompiledScenario compiled) {
    FinancialCalendar cal = compiled.calendar();
    var years = cal.financialYears();
    int[] yearOfMonth = new int[cal.monthCount()];
    for (int m = 0; m < yearOfMonth.length; m++) {
      yearOfMonth[m] = years.indexOf(cal.month(m).financialYear());
    }
    int yearCount = years.size();
    return r -> of(r, yearOfMonth, yearCount);
  }

  private static ArmTotals of(ReplicationResult r, int[] yearOfMonth, int years) {
    CashFlow c = r.cashFlow();
    long[] cash = new long[years];
    long[] all = new long[years];
    long[] lines = new long[LedgerLine.values().length];
    for (int m = 0; m < yearOfMonth.length; m++) {
      for (LedgerLine line : LedgerLine.values()) {
        long p = c.amount(m, line);
        all[yearOfMonth[m]] += p;
        lines[line.ordinal()] += p;
        if (line.cash()) {
          cash[yearOfMonth[m]] += p;
        }
      }
    }
    long dr = 0;
    for (long p : r.doubleRunning()) {
      dr += p;
    }
    MonthlyMetrics metrics = r.metrics();
    Measure[] ms = Measure.values();
    double[] totals = new double[ms.length];
    int last = metrics.months() - 1;
    for (Measure m : ms) {
      if (m.kind() == Measure.Kind.STOCK) {
        totals[m.ordinal()] = metrics.total(last, m);
      } else {
        double sum = 0;
        for (int month = 0; month <= last; month++) {
          sum += metrics.total(month, m);
        }
        totals[m.ordinal()] = sum;
      }
    }
    var teams = r.teams();
    double below = 0;
    for (int month = 0; month < teams.months(); month++) {
      for (int t = 0; t < teams.teams(); t++) {
        below += teams.get(month, t, phbsim.observe.TeamMeasure.BELOW_MINIMUM_VIABLE_SIZE);
      }
    }
    return new ArmTotals(cash, all, dr, totals, null, lines, below);
  }
}
