package phbsim.random;

/**
 * Variates by inversion: one uniform number gives one variate, so that two arms of a comparison
 * stay in step draw for draw (L'Ecuyer's advice for common random numbers, as in SSJ).
 */
public final class Draw {
  private Draw() {}

  /** An exponential time with the given rate, from a uniform in (0, 1]; infinite if rate is 0. */
  public static double exponential(double rate, double openUniform) {
    if (rate <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return -Math.log(openUniform) / rate;
  }

  /** The index chosen by a uniform in [0, 1) from cumulative probabilities ending at 1. */
  public static int branch(double[] cumulative, double uniform) {
    for (int i = 0; i < cumulative.length - 1; i++) {
      if (uniform < cumulative[i]) {
        return i;
      }
    }
    return cumulative.length - 1;
  }
}
