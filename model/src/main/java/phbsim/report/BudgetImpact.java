package phbsim.report;

import java.util.ArrayList;
import java.util.List;
import phbsim.money.CashFlow;
import phbsim.money.LedgerLine;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialYear;

/**
 * An option's cash saving laid out as an NHS budget-impact statement (issue 20, item 20): by
 * financial year, the recurrent and the non-recurrent saving, the part-year effect (what the year
 * actually saves, a change that starts part-way through counted only from then) beside the
 * full-year effect (the recurrent saving of the year's last month, times 12: what the year would
 * save had the position at its end held all year), and the run rate at the end of year 5.
 *
 * <p>All in the cash position, by the sign rule (status quo minus option: positive is a saving).
 * Recurrent lines are all but the set-ups (LedgerLine.recurrent). Each figure is taken replication
 * by replication on the same random numbers and then summarised, so intervals are paired. The part-
 * year effect of a year is its recurrent saving; with the non-recurrent it makes the year's cash
 * saving, the same figure as the cash flow's total.
 */
public final class BudgetImpact {
  /** The year the run rate is read at, as NHS finance plans ask: the end of year 5. */
  public static final int RUN_RATE_YEAR = 5;

  /** One financial year's figures, in pounds. */
  public record Year(
      FinancialYear year,
      int months,
      Summary recurrent,
      Summary nonRecurrent,
      Summary total,
      Summary fullYearEffect) {
    /** Whether the horizon holds the whole financial year. */
    public boolean whole() {
      return months == 12;
    }
  }

  /**
   * The statement of an option.
   *
   * @param years each financial year of the horizon
   * @param runRate the recurrent saving a year at the end of year 5 of the horizon (its 60th
   *     month's recurrent saving x 12), or at the end of the horizon when it is shorter
   * @param runRateMonth the month it is read in (index from 0: 59, or the last month)
   */
  public record Statement(List<Year> years, Summary runRate, int runRateMonth) {
    /** Whether the run rate is read at the end of year 5 (not at the end of a shorter horizon). */
    public boolean atYearFive() {
      return runRateMonth == 12 * RUN_RATE_YEAR - 1;
    }
  }

  private BudgetImpact() {}

  /** The statement of one option against its status quo. */
  public static Statement of(ComparisonResult c) {
    FinancialCalendar cal = c.option().compiled().calendar();
    List<FinancialYear> fys = c.option().financialYears();
    int n = c.option().replications().size();
    boolean withheld = c.suppressBelow() > 0;
    List<Year> years = new ArrayList<>();
    for (FinancialYear y : fys) {
      int from = -1;
      int to = -1;
      for (int m = 0; m < cal.monthCount(); m++) {
        if (cal.month(m).financialYear().equals(y)) {
          from = from < 0 ? m : from;
          to = m;
        }
      }
      if (withheld) {
        // The cash lines of a run protected for person-level data are withheld cell by cell
        // (Disclosure); sums across them would give withheld lines back.
        years.add(
            new Year(
                y,
                to - from + 1,
                Summary.WITHHELD,
                Summary.WITHHELD,
                Summary.WITHHELD,
                Summary.WITHHELD));
        continue;
      }
      double[] recurrent = new double[n];
      double[] once = new double[n];
      double[] total = new double[n];
      double[] fullYear = new double[n];
      for (int r = 0; r < n; r++) {
        CashFlow o = c.option().replications().get(r).cashFlow();
        CashFlow s = c.statusQuo().replications().get(r).cashFlow();
        recurrent[r] = saving(s, o, from, to, true);
        once[r] = saving(s, o, from, to, false);
        total[r] = recurrent[r] + once[r];
        fullYear[r] = 12 * saving(s, o, to, to, true);
      }
      years.add(
          new Year(
              y,
              to - from + 1,
              Summary.of(recurrent),
              Summary.of(once),
              Summary.of(total),
              Summary.of(fullYear)));
    }
    // Year 5 counts from the start of the horizon: its last month is month 59, or the horizon's
    // last month when it ends sooner.
    int month = Math.min(cal.monthCount(), 12 * RUN_RATE_YEAR) - 1;
    Summary runRate;
    if (withheld) {
      runRate = Summary.WITHHELD;
    } else {
      double[] rate = new double[n];
      for (int r = 0; r < n; r++) {
        rate[r] =
            12
                * saving(
                    c.statusQuo().replications().get(r).cashFlow(),
                    c.option().replications().get(r).cashFlow(),
                    month,
                    month,
                    true);
      }
      runRate = Summary.of(rate);
    }
    return new Statement(years, runRate, month);
  }

  /** The cash saving, status quo minus option, in pounds, of months from..to on recurrent lines. */
  private static double saving(CashFlow s, CashFlow o, int from, int to, boolean recurrent) {
    long pence = 0;
    for (LedgerLine line : LedgerLine.values()) {
      if (!line.cash() || line.recurrent() != recurrent) {
        continue;
      }
      for (int m = from; m <= to; m++) {
        pence += s.amount(m, line) - o.amount(m, line);
      }
    }
    return pence / 100.0;
  }
}
