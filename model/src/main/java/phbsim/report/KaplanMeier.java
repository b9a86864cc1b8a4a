package phbsim.report;

import java.util.Arrays;

/**
 * The Kaplan-Meier estimate of a survival curve from lengths some of which are censored (still
 * running when observation stopped), and the two figures read from it: the median and the
 * restricted mean up to a horizon.
 *
 * <p>S(t) is the product, over the distinct times t_j &le; t at which at least one spell ended, of
 * (1 - d_j / n_j): d_j spells ended at t_j, n_j were still at risk just before it. A spell censored
 * at exactly t_j counts as at risk at t_j (the usual convention: ends come before censorings at a
 * tie). After the last time observed the curve is held flat (the restricted mean then counts the
 * spells still running at the end as lasting to the horizon, which is all the data can say).
 */
public final class KaplanMeier {
  /** The distinct times at which a spell ended, increasing. */
  private final double[] times;

  /** S at each of {@link #times}, just after it. */
  private final double[] survival;

  private final int spells;

  private KaplanMeier(double[] times, double[] survival, int spells) {
    this.times = times;
    this.survival = survival;
    this.spells = spells;
  }

  /** The estimate from {@code count} spells: {@code length[i]}, censored if {@code censored[i]}. */
  public static KaplanMeier of(double[] length, boolean[] censored, int count) {
    int ended = 0;
    for (int i = 0; i < count; i++) {
      if (!censored[i]) {
        ended++;
      }
    }
    double[] ends = new double[ended];
    double[] stops = new double[count - ended];
    int e = 0;
    int c = 0;
    for (int i = 0; i < count; i++) {
      if (censored[i]) {
        stops[c++] = length[i];
      } else {
        ends[e++] = length[i];
      }
    }
    Arrays.sort(ends);
    Arrays.sort(stops);
    double[] times = new double[ended];
    double[] survival = new double[ended];
    int distinct = 0;
    double s = 1;
    int gone = 0; // spells ended or censored strictly before the current time
    c = 0;
    for (int i = 0; i < ended; ) {
      double t = ends[i];
      while (c < stops.length && stops[c] < t) {
        c++;
      }
      int atRisk = count - gone - c;
      int d = 0;
      while (i < ended && ends[i] == t) {
        d++;
        i++;
      }
      s *= 1 - (double) d / atRisk;
      gone += d;
      times[distinct] = t;
      survival[distinct] = s;
      distinct++;
    }
    return new KaplanMeier(
        Arrays.copyOf(times, distinct), Arrays.copyOf(survival, distinct), count);
  }

  /** How many spells the estimate is from. */
  public int spells() {
    return spells;
  }

  /** S(t): the estimated share of spells lasting longer than t. */
  public double survival(double t) {
    double s = 1;
    for (int j = 0; j < times.length && times[j] <= t; j++) {
      s = survival[j];
    }
    return s;
  }

  /**
   * The median: the first time at which S falls to one half or below; NaN if it never does within
   * what was observed ("not reached").
   */
  public double median() {
    for (int j = 0; j < times.length; j++) {
      if (survival[j] <= 0.5) {
        return times[j];
      }
    }
    return Double.NaN;
  }

  /**
   * The restricted mean up to {@code horizon}: the area under S from 0 to the horizon, the mean
   * length of a spell if every spell were stopped at the horizon.
   */
  public double restrictedMean(double horizon) {
    double area = 0;
    double from = 0;
    double s = 1;
    for (int j = 0; j < times.length && times[j] < horizon; j++) {
      area += s * (times[j] - from);
      from = times[j];
      s = survival[j];
    }
    return area + s * (horizon - from);
  }
}
