package phbsim.report;

/**
 * A measure across replications, with the two kinds of interval a reader must not confuse:
 *
 * <ul>
 *   <li>the <b>confidence interval of the mean</b> ({@code ciLow} to {@code ciHigh}): how sure we
 *       are of the average, mean &plusmn; t(0.975, n-1) &times; sd / &radic;n; it narrows as
 *       replications are added;
 *   <li>the <b>range of outcomes</b> ({@code rangeLow} to {@code rangeHigh}): the middle 95 % of
 *       the replications' values (the 2.5th and 97.5th percentiles, linearly interpolated between
 *       order statistics), how much one year's reality can vary; it does not narrow with more
 *       replications.
 * </ul>
 *
 * <p>With one replication the confidence interval is undefined (NaN).
 */
public record Summary(
    double mean,
    double ciLow,
    double ciHigh,
    double rangeLow,
    double rangeHigh,
    int replications,
    boolean ciWithheld,
    boolean rangeWithheld)
    implements java.io.Serializable {
  private static final long serialVersionUID = 2L;

  /** A summary whose intervals are published as computed. */
  public Summary(
      double mean,
      double ciLow,
      double ciHigh,
      double rangeLow,
      double rangeHigh,
      int replications) {
    this(mean, ciLow, ciHigh, rangeLow, rangeHigh, replications, false, false);
  }

  /**
   * Summarises the defined values of a figure of a run whose people came from a person-level file,
   * withholding its intervals where they could give away a count from 1 to {@code below - 1} (issue
   * 21, item 5; docs/model.md section 2):
   *
   * <ul>
   *   <li>the range of outcomes is withheld always: its ends are single replications' values (with
   *       few replications, the smallest and largest), and a replication's count, or a price times
   *       it, is what small-number suppression protects;
   *   <li>the confidence interval of the mean is published only when it is computed from protected
   *       inputs: at least 3 replications (with 2, the mean and the half-width give both values
   *       exactly) and no replication's value from above 0 to below the threshold in size.
   * </ul>
   *
   * With {@code below <= 1} (nothing withheld) it is {@link #ofDefined(double[])}.
   */
  public static Summary protectedOf(double[] values, int below) {
    Summary s = ofDefined(values);
    if (below <= 1 || s.replications() <= 0) {
      return s;
    }
    boolean ciWithheld = s.replications() < 3;
    for (double v : values) {
      double size = Math.abs(v);
      if (size > 0 && size < below) {
        ciWithheld = true;
      }
    }
    return new Summary(
        s.mean(),
        ciWithheld ? Double.NaN : s.ciLow(),
        ciWithheld ? Double.NaN : s.ciHigh(),
        Double.NaN,
        Double.NaN,
        s.replications(),
        ciWithheld,
        true);
  }

  /*
   * Design notes.
   *
   * 1. The two percentiles need four order statistics, not a sorted array. They are found by
   *    selection (quickselect, expected linear time) on keys that order doubles exactly as
   *    Arrays.sort(double[]) does (Double.compare: -0.0 before 0.0, NaN last), so the values
   *    picked, and therefore every bit of the interval, are those a full sort would give.
   * 2. Sums run in replication order, so the bits of the mean and the standard deviation do not
   *    depend on how many threads produced the values.
   * 3. The t quantiles are cached by degrees of freedom: a report asks for thousands of
   *    summaries with the same number of replications.
   */

  /**
   * A money figure summarised already, protected as {@link #protectedOf(double[], int)} would
   * protect it where no replication's value is small: the range withheld, and the confidence
   * interval withheld with fewer than 3 replications. For sums over areas whose replications'
   * values are no longer at hand.
   */
  public Summary protectedAt(int below) {
    if (below <= 1 || replications <= 0 || withheld()) {
      return this;
    }
    boolean ci = ciWithheld || replications < 3;
    return new Summary(
        mean,
        ci ? Double.NaN : ciLow,
        ci ? Double.NaN : ciHigh,
        Double.NaN,
        Double.NaN,
        replications,
        ci,
        true);
  }

  /** One line describing the confidence interval, for the top of every output. */
  public static final String CI_NOTE =
      "ci95: the 95 % confidence interval of the mean (how sure we are of the average; it"
          + " narrows with more replications)";

  /** One line describing the range of outcomes, for the top of every output. */
  public static final String RANGE_NOTE =
      "range95: the middle 95 % of replications (how much one year's reality can vary; more"
          + " replications do not narrow it)";

  private static final java.util.concurrent.ConcurrentHashMap<Integer, Double> T_QUANTILES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** The 97.5 % quantile of Student's t with {@code df} degrees of freedom. */
  public static double t975(int df) {
    return T_QUANTILES.computeIfAbsent(
        df,
        d ->
            new org.apache.commons.math3.distribution.TDistribution(null, d)
                .inverseCumulativeProbability(0.975));
  }

  /**
   * A figure withheld by small-number suppression (Disclosure): every value NaN, and -1
   * replications to tell it from a figure that is merely undefined.
   */
  public static final Summary WITHHELD =
      new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, -1);

  /**
   * A figure worked out from published figures (a sum of released means), with no interval: it
   * tells a reader nothing the figures it is made of do not. A NaN (a withheld term) stays NaN.
   */
  public static Summary sumOfPublished(double sum) {
    return new Summary(sum, Double.NaN, Double.NaN, sum, sum, 1);
  }

  /** Whether this figure is withheld by small-number suppression. */
  public boolean withheld() {
    return replications == -1;
  }

  /** No value to summarise: every figure NaN, over 0 replications. */
  public static final Summary UNDEFINED =
      new Summary(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, 0);

  /**
   * Summarises the values that are defined (not NaN), in replication order; {@link #UNDEFINED} if
   * none is. For measures that do not exist in every replication's month, such as a wait centile in
   * a month when nobody got a place.
   */
  public static Summary ofDefined(double[] values) {
    int k = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        k++;
      }
    }
    if (k == values.length) {
      return of(values);
    }
    if (k == 0) {
      return UNDEFINED;
    }
    double[] defined = new double[k];
    k = 0;
    for (double v : values) {
      if (!Double.isNaN(v)) {
        defined[k++] = v;
      }
    }
    return of(defined);
  }

  /**
   * This summary with its intervals kept within the range a quantity can take, [low, high]: a
   * count, a wait or a length cannot be below 0, a share above 1. The confidence interval of a mean
   * near a bound (mean &plusmn; t &times; se) can cross it; clipped, it still holds the mean, which
   * lies within the range since every value does.
   */
  public Summary within(double low, double high) {
    if (replications <= 0) {
      return this;
    }
    return new Summary(
        mean,
        clip(ciLow, low, high),
        clip(ciHigh, low, high),
        clip(rangeLow, low, high),
        clip(rangeHigh, low, high),
        replications,
        ciWithheld,
        rangeWithheld);
  }

  /** The summary of minus this figure: the mean negated, each interval negated and turned round. */
  public Summary negated() {
    // 0.0 - x, not -x: a zero stays 0.0 rather than -0.0, which would print as "-0".
    return new Summary(
        0.0 - mean,
        0.0 - ciHigh,
        0.0 - ciLow,
        0.0 - rangeHigh,
        0.0 - rangeLow,
        replications,
        ciWithheld,
        rangeWithheld);
  }

  /** This summary of a quantity that cannot be negative, its intervals clipped at 0. */
  public Summary nonNegative() {
    return within(0, Double.POSITIVE_INFINITY);
  }

  private static double clip(double v, double low, double high) {
    return Double.isNaN(v) ? v : Math.max(low, Math.min(high, v));
  }

  /** Summarises values given in replication order (the order matters only for the mean's bits). */
  public static Summary of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to summarise");
    }
    int n = values.length;
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double mean = sum / n;
    double half = Double.NaN;
    if (n > 1) {
      double squares = 0;
      for (double v : values) {
        squares += (v - mean) * (v - mean);
      }
      half = t975(n - 1) * Math.sqrt(squares / (n - 1) / n);
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      keys[i] = key(values[i]);
    }
    return new Summary(
        mean, mean - half, mean + half, percentile(keys, 0.025), percentile(keys, 0.975), n);
  }

  private static double percentile(long[] keys, double q) {
    double position = q * (keys.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, keys.length - 1);
    double fraction = position - below;
    double low = value(select(keys, below));
    double high = above == below ? low : value(smallestFrom(keys, above));
    return low + fraction * (high - low);
  }

  /** A long that orders like Double.compare orders the double. */
  private static long key(double v) {
    long bits = Double.doubleToLongBits(v);
    return bits ^ ((bits >> 63) & Long.MAX_VALUE);
  }

  private static double value(long key) {
    return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
  }

  /**
   * Rearranges {@code a} so that a[k] is its k-th smallest element, everything before it no larger
   * and everything after it no smaller; returns a[k].
   */
  static long select(long[] a, int k) {
    int lo = 0;
    int hi = a.length - 1;
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      // Hoare partition around the median of the first, middle and last elements.
      long x = a[lo];
      long y = a[mid];
      long z = a[hi];
      long pivot = x < y ? (y < z ? y : (x < z ? z : x)) : (x < z ? x : (y < z ? z : y));
      int i = lo;
      int j = hi;
      while (i <= j) {
        while (a[i] < pivot) {
          i++;
        }
        while (a[j] > pivot) {
          j--;
        }
        if (i <= j) {
          long t = a[i];
          a[i] = a[j];
          a[j] = t;
          i++;
          j--;
        }
      }
      if (k <= j) {
        hi = j;
      } else if (k >= i) {
        lo = i;
      } else {
        return a[k];
      }
    }
    return a[k];
  }

  /** The smallest of a[from..]; after select(a, from - 1) it is the from-th smallest of a. */
  private static long smallestFrom(long[] a, int from) {
    long min = a[from];
    for (int i = from + 1; i < a.length; i++) {
      min = Math.min(min, a[i]);
    }
    return min;
  }
}
