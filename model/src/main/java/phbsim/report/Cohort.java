package phbsim.report;

import java.util.List;
import java.util.function.ToDoubleFunction;
import phbsim.observe.CohortLog;
import phbsim.observe.CohortLog.Component;
import phbsim.population.Segments;

/**
 * The cohort view (docs/model.md section 7.5), as the national pilot measured it: for the people
 * who started a budget, their costs by component in the 12 months before and the 12 months after
 * the start, against the same people in the status quo on the same random numbers (their twins).
 *
 * <p>Definitions. The cohort of a replication is everyone the option's log saw start a budget (a
 * plan signed off, not a budget held on day 0) at least a year after day 0 and at least a year
 * before the horizon, so that both windows lie within the run, and who was in secondary care
 * throughout both windows in both arms: as in the pilot, people are compared over their twelve
 * months of follow-up, and someone who died, moved away or recovered during it is not. Windows are
 * [start - 1 year, start) and [start, start + 1 year), a year being 365.2425 days. Costs are summed
 * over the cohort within a replication; the changes are ratios of those sums (after / before - 1),
 * and the "other NHS" saving is per holder: (twins' in-patient, crisis and emergency and GP costs
 * after - holders') / holders. Each figure is then summarised across replications (mean and both
 * intervals), leaving out replications where it is undefined (no cohort, or nothing spent before).
 */
public final class Cohort {
  /** A year, in days, for the windows. */
  public static final double YEAR = Segments.DAYS_PER_YEAR;

  private static final int C = Component.values().length;

  private Cohort() {}

  /**
   * One replication's cohort, as sums over its members. Arrays are by {@link Component} ordinal.
   *
   * @param holders people in the cohort
   * @param restrictive of whom, budgets run the restrictive way
   * @param holderBefore the holders' costs in the year before their start
   * @param holderAfter their costs in the year from their start
   * @param twinBefore the same people's costs in the status quo, the year before
   * @param twinAfter and the year after
   * @param allocation the sum of the holders' annual allocations at the start, pounds
   * @param restrictiveCrises crises of the restrictive holders in the year after
   * @param restrictiveTwinCrises crises of their twins in the same windows
   * @param restrictiveCostAfter the restrictive holders' total costs in the year after
   * @param restrictiveTwinCostAfter their twins'
   */
  public record Figures(
      int holders,
      int restrictive,
      double[] holderBefore,
      double[] holderAfter,
      double[] twinBefore,
      double[] twinAfter,
      double allocation,
      double restrictiveCrises,
      double restrictiveTwinCrises,
      double restrictiveCostAfter,
      double restrictiveTwinCostAfter)
      implements java.io.Serializable {

    /** Holders' total costs (budget included), year after over year before, minus 1. */
    public double holdersChange() {
      return change(sum(holderAfter, false), sum(holderBefore, false));
    }

    /** The same people's total costs in the status quo, year after over year before, minus 1. */
    public double twinsChange() {
      return change(sum(twinAfter, false), sum(twinBefore, false));
    }

    /**
     * In-patient, crisis and emergency and GP costs in the year after: twins' minus holders', per
     * holder (a positive figure: holders used less).
     */
    public double otherNhsSaving() {
      return holders == 0 ? Double.NaN : (sum(twinAfter, true) - sum(holderAfter, true)) / holders;
    }

    /** The mean annual allocation at the start, pounds. */
    public double meanAllocation() {
      return holders == 0 ? Double.NaN : allocation / holders;
    }

    /**
     * Crises avoided by restrictive holders in the year after: their twins' crises minus theirs,
     * per such holder, by the sign rule (the status quo minus the option): negative when the
     * restrictive did worse than the same people without a budget, as the pilot found.
     */
    public double restrictiveCrisesAvoided() {
      return restrictive == 0
          ? Double.NaN
          : (restrictiveTwinCrises - restrictiveCrises) / restrictive;
    }

    /**
     * The saving on restrictive holders in the year after: their twins' total cost minus theirs,
     * per such holder (negative: they cost more than the same people without a budget).
     */
    public double restrictiveCostSaving() {
      return restrictive == 0
          ? Double.NaN
          : (restrictiveTwinCostAfter - restrictiveCostAfter) / restrictive;
    }

    /** A component's mean per holder, from one of the four sums. */
    public double perHolder(double[] sums, Component c) {
      return holders == 0 ? Double.NaN : sums[c.ordinal()] / holders;
    }

    private static double change(double after, double before) {
      return before > 0 ? after / before - 1 : Double.NaN;
    }

    static double sum(double[] byComponent, boolean otherNhsOnly) {
      double s = 0;
      for (Component c : Component.values()) {
        if (!otherNhsOnly || c.otherNhs()) {
          s += byComponent[c.ordinal()];
        }
      }
      return s;
    }
  }

  /** No cohort: every figure undefined. */
  public static final Figures NONE =
      new Figures(0, 0, new double[C], new double[C], new double[C], new double[C], 0, 0, 0, 0, 0);

  /**
   * The cohort of one replication, from the option's log and the status quo's log of the same
   * replication.
   */
  public static Figures of(CohortLog option, CohortLog statusQuo, double horizonDays) {
    CohortLog.Reader o = option.reader();
    CohortLog.Reader q = statusQuo.reader();
    double[] hb = new double[C];
    double[] ha = new double[C];
    double[] tb = new double[C];
    double[] ta = new double[C];
    double[] scratch = new double[C];
    int holders = 0;
    int restrictive = 0;
    double allocation = 0;
    double rCrises = 0;
    double rTwinCrises = 0;
    double rCost = 0;
    double rTwinCost = 0;
    for (int i = 0; i < option.starts(); i++) {
      double s = option.startDay(i);
      if (s < YEAR || s + YEAR > horizonDays) {
        continue;
      }
      int p = option.startPerson(i);
      if (!o.presentThroughout(p, s - YEAR, s + YEAR)
          || !q.presentThroughout(p, s - YEAR, s + YEAR)) {
        continue;
      }
      holders++;
      allocation += option.startAllocation(i);
      o.costs(p, s - YEAR, s, hb);
      o.costs(p, s, s + YEAR, ha);
      q.costs(p, s - YEAR, s, tb);
      q.costs(p, s, s + YEAR, ta);
      if (option.startRestrictive(i)) {
        restrictive++;
        rCrises += o.crises(p, s, s + YEAR);
        rTwinCrises += q.crises(p, s, s + YEAR);
        java.util.Arrays.fill(scratch, 0);
        o.costs(p, s, s + YEAR, scratch);
        rCost += Figures.sum(scratch, false);
        java.util.Arrays.fill(scratch, 0);
        q.costs(p, s, s + YEAR, scratch);
        rTwinCost += Figures.sum(scratch, false);
      }
    }
    return new Figures(
        holders, restrictive, hb, ha, tb, ta, allocation, rCrises, rTwinCrises, rCost, rTwinCost);
  }

  /** A figure of each replication's cohort, summarised across replications. */
  public static Summary summary(List<Figures> replications, ToDoubleFunction<Figures> figure) {
    return summary(replications, figure, 0);
  }

  /** As above, its intervals protected at threshold {@code below} (Summary.protectedOf). */
  public static Summary summary(
      List<Figures> replications, ToDoubleFunction<Figures> figure, int below) {
    double[] v = new double[replications.size()];
    for (int r = 0; r < v.length; r++) {
      v[r] = figure.applyAsDouble(replications.get(r));
    }
    return Summary.protectedOf(v, below);
  }
}
