package phbsim.money;

/**
 * Net present value by the HM Treasury Green Book (docs/sources.md [green-book]: 3.5 % a year real
 * for years 0 to 30).
 *
 * <p>Convention, stated once: cash is grouped by financial year of the horizon; year t (t = 0 for
 * the first financial year of the run) is multiplied by 1 / (1 + r)^t. The first year is not
 * discounted, as in the Green Book's own tables, and every payment in a year is treated alike
 * whatever its month. A horizon that starts part-way through a financial year counts that part year
 * as year 0.
 */
public final class Discounting {
  private Discounting() {}

  /** The discount factor of year {@code t} at rate {@code r} (0.035 for 3.5 %). */
  public static double factor(int year, double rate) {
    if (rate <= -1) {
      throw new IllegalArgumentException("discount rate must be above -100 %, was " + rate);
    }
    return 1.0 / Math.pow(1.0 + rate, year);
  }

  /**
   * The present value, in pence rounded half-even, of amounts per year ({@code annual[t]} is the
   * cash of year t).
   */
  public static long presentValue(long[] annual, double rate) {
    double sum = 0;
    for (int t = 0; t < annual.length; t++) {
      sum += annual[t] * factor(t, rate);
    }
    return (long) Math.rint(sum);
  }
}
