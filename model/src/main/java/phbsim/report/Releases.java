package phbsim.report;

import java.util.List;
import phbsim.money.CashFlow;
import phbsim.money.LedgerLine;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialYear;

/**
 * What an option's post releases save, gross and net of the costs they strand (issue 20, item 11),
 * so that the stranded line is read beside the release that stranded it and not as a loss of its
 * own.
 *
 * <p>A released post stops its staffed instalment (the posts-released line) but not its share of
 * the contract's fixed part (estates, management): that share is moved from the fixed line to the
 * stranded line, and is still paid (BlockContract). So, by the sign rule (status quo minus option),
 * in each period:
 *
 * <ul>
 *   <li><b>gross saving</b>: the posts at their full cost, staffed instalment and share of the
 *       fixed part: the saving on the posts-released line plus the stranded cost;
 *   <li><b>stranded fixed costs</b>: that share of the fixed part, which the release cannot save (a
 *       cost, so negative);
 *   <li><b>net saving</b>: gross plus stranded, the cash that stops being paid: the saving on the
 *       posts-released line.
 * </ul>
 *
 * Each is taken replication by replication (the option against its status quo on the same random
 * numbers) and then summarised, so its interval is the paired one. The releases of all the option's
 * teams are added together. A release the status quo makes too (one the scenario marks as happening
 * anyway) is in both arms and cancels.
 */
public final class Releases {
  /** One period's figures, in pounds. */
  public record Figures(Summary gross, Summary stranded, Summary net) {
    /** Whether the option releases anything in this period in any replication. */
    public boolean any() {
      return gross.mean() != 0
          || !(Double.isNaN(gross.rangeLow()) || gross.rangeLow() == 0)
          || !(Double.isNaN(gross.rangeHigh()) || gross.rangeHigh() == 0);
    }
  }

  private Releases() {}

  /** The figures of each financial year of the option, in order. */
  public static List<Figures> byYear(ComparisonResult c) {
    FinancialCalendar cal = c.option().compiled().calendar();
    List<FinancialYear> years = c.option().financialYears();
    return years.stream()
        .map(
            y -> {
              int from = -1;
              int to = -1;
              for (int m = 0; m < cal.monthCount(); m++) {
                if (cal.month(m).financialYear().equals(y)) {
                  from = from < 0 ? m : from;
                  to = m;
                }
              }
              return of(c, from, to);
            })
        .toList();
  }

  /** The figures over the whole horizon. */
  public static Figures horizon(ComparisonResult c) {
    return of(c, 0, c.option().compiled().calendar().monthCount() - 1);
  }

  /** The figures of months {@code from} to {@code to}, inclusive. */
  static Figures of(ComparisonResult c, int from, int to) {
    if (c.suppressBelow() > 0) {
      // Posts are not counts of people, but the stranded share and the released posts' cost sit in
      // the money tables under the same groups as the lines that are: withheld with them.
      return new Figures(Summary.WITHHELD, Summary.WITHHELD, Summary.WITHHELD);
    }
    int n = c.option().replications().size();
    double[] gross = new double[n];
    double[] stranded = new double[n];
    double[] net = new double[n];
    for (int r = 0; r < n; r++) {
      CashFlow o = c.option().replications().get(r).cashFlow();
      CashFlow s = c.statusQuo().replications().get(r).cashFlow();
      // The posts-released line is posted negative (money not paid): its saving, status quo minus
      // option, is positive. The stranded line is posted positive (money still paid).
      double released =
          (sum(s, LedgerLine.POSTS_RELEASED, from, to)
                  - sum(o, LedgerLine.POSTS_RELEASED, from, to))
              / 100.0;
      double strandedCost =
          (sum(o, LedgerLine.STRANDED_FIXED_COSTS, from, to)
                  - sum(s, LedgerLine.STRANDED_FIXED_COSTS, from, to))
              / 100.0;
      gross[r] = released + strandedCost;
      stranded[r] = 0.0 - strandedCost;
      net[r] = released;
    }
    return new Figures(Summary.of(gross), Summary.of(stranded), Summary.of(net));
  }

  private static long sum(CashFlow f, LedgerLine line, int from, int to) {
    long pence = 0;
    for (int m = from; m <= to; m++) {
      pence += f.amount(m, line);
    }
    return pence;
  }
}
