package phbsim.report;

import phbsim.money.CashFlow;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;

/**
 * What an option costs and saves per budget-holder-year of the budgets it adds (issue 20, item 16):
 * the figures a finance lead sets beside the national pilot's, which were given per holder a year.
 *
 * <p>Each is a ratio taken replication by replication, then summarised: the option's extra spend
 * (or saving) over the horizon, option minus status quo on the same random numbers, over the extra
 * budget-holder-years it held (budget-days held / 365.25, option minus status quo). Budgets and
 * infrastructure are amounts paid (positive is money out); other care is the saving in every other
 * line, status quo minus option, so positive is a saving, as the sign rule reads. A replication
 * whose option adds no holder-years has no such figure and is left out; an option that adds none in
 * any replication has none at all (undefined).
 */
public final class UnitCosts {
  /**
   * The national pilot's mental health figures per holder a year [pilot-2016]: the average annual
   * budget and the lower use of other NHS services (in-patient, emergency, GP). Their price year is
   * not stated; docs/sources.md takes 2010/11, the pilot's middle year (an assumption).
   */
  public static final double PILOT_BUDGET = 3_602;

  public static final double PILOT_OTHER_CARE_SAVED = 3_050;
  public static final String PILOT_PRICE_YEAR = "2010/11";

  private static final double DAYS_PER_YEAR = 365.25;

  /** An option's figures per extra budget-holder-year, in pounds at the price base. */
  public record Figures(
      Summary holderYears,
      Summary budgetsPaid,
      Summary infrastructurePaid,
      Summary otherCareSavedCash,
      Summary otherCareSavedEconomic) {}

  private UnitCosts() {}

  /** The figures of one option against its status quo. */
  public static Figures of(ComparisonResult c) {
    if (c.suppressBelow() > 0) {
      // Budget-days and the money of budgets are a price times a count of people: on a run
      // protected for person-level data a ratio of the two would give the count back.
      return new Figures(
          Summary.WITHHELD, Summary.WITHHELD, Summary.WITHHELD, Summary.WITHHELD, Summary.WITHHELD);
    }
    int n = c.option().replications().size();
    double[] years = new double[n];
    double[] budgets = new double[n];
    double[] infrastructure = new double[n];
    double[] cash = new double[n];
    double[] economic = new double[n];
    for (int r = 0; r < n; r++) {
      ReplicationResult o = c.option().replications().get(r);
      ReplicationResult s = c.statusQuo().replications().get(r);
      double extra = (budgetDays(o) - budgetDays(s)) / DAYS_PER_YEAR;
      years[r] = extra;
      if (!(extra > 0)) {
        budgets[r] = infrastructure[r] = cash[r] = economic[r] = Double.NaN;
        continue;
      }
      budgets[r] =
          (group(o, LedgerLine.Group.BUDGETS) - group(s, LedgerLine.Group.BUDGETS)) / extra;
      infrastructure[r] =
          (group(o, LedgerLine.Group.INFRASTRUCTURE) - group(s, LedgerLine.Group.INFRASTRUCTURE))
              / extra;
      cash[r] = (otherCare(s, true) - otherCare(o, true)) / extra;
      economic[r] = (otherCare(s, false) - otherCare(o, false)) / extra;
    }
    return new Figures(
        Summary.ofDefined(years),
        Summary.ofDefined(budgets),
        Summary.ofDefined(infrastructure),
        Summary.ofDefined(cash),
        Summary.ofDefined(economic));
  }

  /** A pilot figure of {@link #PILOT_PRICE_YEAR}, in pounds at the option's price base. */
  public static double pilotAtPriceBase(ComparisonResult c, double pounds) {
    return pounds * c.option().compiled().prices().factor(PILOT_PRICE_YEAR);
  }

  private static double budgetDays(ReplicationResult r) {
    double days = 0;
    for (int m = 0; m < r.metrics().months(); m++) {
      days += r.metrics().total(m, Measure.BUDGET_DAYS);
    }
    return days;
  }

  /** Pounds of a group of lines over the horizon. */
  private static double group(ReplicationResult r, LedgerLine.Group group) {
    CashFlow c = r.cashFlow();
    long pence = 0;
    for (LedgerLine line : LedgerLine.values()) {
      if (line.group() == group) {
        pence += c.lineTotal(line);
      }
    }
    return pence / 100.0;
  }

  /** Pounds of every line but budgets and infrastructure (cash lines only if {@code cashOnly}). */
  private static double otherCare(ReplicationResult r, boolean cashOnly) {
    CashFlow c = r.cashFlow();
    long pence = 0;
    for (LedgerLine line : LedgerLine.values()) {
      boolean budget =
          line.group() == LedgerLine.Group.BUDGETS
              || line.group() == LedgerLine.Group.INFRASTRUCTURE;
      if (!budget && (!cashOnly || line.cash())) {
        pence += c.lineTotal(line);
      }
    }
    return pence / 100.0;
  }
}
