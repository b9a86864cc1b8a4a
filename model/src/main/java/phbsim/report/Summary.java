package phbsim.report;

/**
 * A measure across replications: the mean, and the interval that holds the middle 95% of the
 * replications' values (the 2.5th and 97.5th percentiles, linearly interpolated between order
 * statistics). The interval describes the spread of outcomes a commissioner should plan for; it is
 * not a confidence interval of the mean, which would be narrower by about the square root of the
 * number of replications.
 */
public record Summary(double mean, double lower, double upper, int replications) {
  /*
   * Design note: the two percentiles need four order statistics, not a sorted array. They are
   * found by selection (quickselect, expected linear time) on keys that order doubles exactly as
   * Arrays.sort(double[]) does (Double.compare: -0.0 before 0.0, NaN last), so the values picked,
   * and therefore every bit of the interval, are those a full sort would give.
   */

  /** Summarises values given in replication order (the order matters only for the mean's bits). */
  public static Summary of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to summarise");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    long[] keys = new long[values.length];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = key(values[i]);
    }
    return new Summary(
        sum / values.length, percentile(keys, 0.025), percentile(keys, 0.975), values.length);
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
