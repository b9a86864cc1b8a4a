package phbsim.report;

import java.util.OptionalInt;
import phbsim.money.CashFlow;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;

/**
 * The cost of running personal health budgets and how fast it falls (docs/model.md section 7): per
 * month, the infrastructure cost (set-up, support planning, brokerage and monitoring), the cost per
 * active budget, the planning queue and the time from offer to signed-off plan; and when the cost
 * per active budget first falls below the scenario's target, and its half-life.
 *
 * <p>Definitions. Cost per active budget in a month = that month's infrastructure lines / budgets
 * active at the month end; undefined (left out) in a replication with no active budget. Its
 * half-life: the months from the first month it is defined until it is first at or below half of
 * that first value. Both "first month" figures are read off the mean path across replications.
 */
public final class Infrastructure {
  /** The figures reported each month. */
  public enum Figure {
    /** Infrastructure cost in the month, pounds. */
    COST,
    /** Budgets active at the month end. */
    ACTIVE_BUDGETS,
    /** Infrastructure pounds per active budget (undefined with none active). */
    COST_PER_ACTIVE_BUDGET,
    /** People accepted and waiting for, or working with, a planner at the month end. */
    PLANNING_QUEUE,
    /** Mean days from offer to signed-off plan of the month's plans (undefined with none). */
    DAYS_FROM_OFFER_TO_PLAN
  }

  private final ComparisonResult comparison;
  private final Arm arm;
  private final ExperimentResult scenario;
  private final int months;
  private final double target;

  /**
   * The infrastructure of an option ({@code Arm.OPTION}) or of its status quo (the budgets it
   * already has), as the comparison summarises it.
   */
  public Infrastructure(ComparisonResult comparison, Arm arm) {
    if (arm == Arm.DIFFERENCE) {
      throw new IllegalArgumentException("an arm's infrastructure: the option or the status quo");
    }
    this.comparison = comparison;
    this.arm = arm;
    this.scenario = comparison.arm(arm);
    this.months = scenario.compiled().calendar().monthCount();
    var b = scenario.compiled().scenario().budgets();
    this.target =
        b == null || b.costPerBudgetTarget() == null ? Double.NaN : b.costPerBudgetTarget();
  }

  /** The scenario's target, pounds per active budget per month; NaN if it sets none. */
  public double target() {
    return target;
  }

  /** Infrastructure cost in a month, in pounds. */
  public Summary cost(int month) {
    return summary(Figure.COST, month);
  }

  /** Budgets active at a month end. */
  public Summary activeBudgets(int month) {
    return summary(Figure.ACTIVE_BUDGETS, month);
  }

  /** Infrastructure pounds per active budget in a month, over replications where it is defined. */
  public Summary costPerActiveBudget(int month) {
    return summary(Figure.COST_PER_ACTIVE_BUDGET, month);
  }

  /** People accepted and waiting for, or working with, a planner at a month end. */
  public Summary planningQueue(int month) {
    return summary(Figure.PLANNING_QUEUE, month);
  }

  /** Mean days from offer to signed-off plan for the plans signed off in a month. */
  public Summary daysFromOfferToPlan(int month) {
    return summary(Figure.DAYS_FROM_OFFER_TO_PLAN, month);
  }

  /** A figure in a month, over the replications where it is defined. */
  public Summary summary(Figure figure, int month) {
    if (scenario.withheld() != null && scenario.withheld().infrastructure(month, figure)) {
      return Summary.WITHHELD;
    }
    return comparison.infrastructure(arm, figure, month);
  }

  /**
   * The paired difference, status quo minus option, of a figure in a month: replication by
   * replication (the two arms ran on the same random numbers), over the replications where both
   * arms define it.
   */
  public static Summary difference(
      Infrastructure statusQuo, Infrastructure option, Figure figure, int month) {
    if (statusQuo.comparison != option.comparison
        || statusQuo.arm != Arm.STATUS_QUO
        || option.arm != Arm.OPTION) {
      throw new IllegalArgumentException("the status quo and the option of one comparison");
    }
    for (Infrastructure arm : new Infrastructure[] {statusQuo, option}) {
      var w = arm.scenario.withheld();
      if (w != null && w.infrastructure(month, figure)) {
        return Summary.WITHHELD; // either side withheld: the difference would reveal it
      }
    }
    return option.comparison.infrastructure(Arm.DIFFERENCE, figure, month);
  }

  /** A figure in one replication and month; NaN where it is undefined. */
  static double value(Figure figure, ReplicationResult r, int month) {
    MonthlyMetrics metrics = r.metrics();
    return switch (figure) {
      case COST -> pence(r, month) / 100.0;
      case ACTIVE_BUDGETS -> metrics.total(month, Measure.BUDGET_HOLDERS);
      case COST_PER_ACTIVE_BUDGET -> {
        double active = metrics.total(month, Measure.BUDGET_HOLDERS);
        yield active > 0 ? pence(r, month) / 100.0 / active : Double.NaN;
      }
      case PLANNING_QUEUE -> metrics.total(month, Measure.PLANNING_QUEUE);
      case DAYS_FROM_OFFER_TO_PLAN -> {
        double plans = metrics.total(month, Measure.PLANS_SIGNED_OFF);
        yield plans > 0
            ? metrics.total(month, Measure.DAYS_FROM_OFFER_TO_PLAN) / plans
            : Double.NaN;
      }
    };
  }

  /** The first month the mean cost per active budget is at or below the target. */
  public OptionalInt firstMonthBelowTarget() {
    if (Double.isNaN(target)) {
      return OptionalInt.empty();
    }
    for (int m = 0; m < months; m++) {
      double mean = costPerActiveBudget(m).mean();
      if (!Double.isNaN(mean) && mean <= target) {
        return OptionalInt.of(m);
      }
    }
    return OptionalInt.empty();
  }

  /** The half-life of the mean cost per active budget, in months. */
  public OptionalInt halfLifeMonths() {
    int first = -1;
    double start = Double.NaN;
    for (int m = 0; m < months; m++) {
      double mean = costPerActiveBudget(m).mean();
      if (Double.isNaN(mean)) {
        continue;
      }
      if (first < 0) {
        first = m;
        start = mean;
      } else if (mean <= start / 2) {
        return OptionalInt.of(m - first);
      }
    }
    return OptionalInt.empty();
  }

  private static long pence(ReplicationResult r, int month) {
    CashFlow c = r.cashFlow();
    long sum = 0;
    for (LedgerLine line : LedgerLine.values()) {
      if (line.group() == LedgerLine.Group.INFRASTRUCTURE) {
        sum += c.amount(month, line);
      }
    }
    return sum;
  }
}
