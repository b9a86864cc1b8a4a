package phbsim.budget;

/**
 * Wright's (1936) learning curve: the cost (or time) of the {@code n}-th unit is {@code first *
 * n^(-b)}, with {@code b = -log2(progressRatio)}. Each doubling of the cumulative number of units
 * multiplies the unit cost by {@code progressRatio}: at 0.8, the second plan costs 80 per cent of
 * the first and the fourth 64 per cent. A ratio of 1 means no learning (a flat cost).
 *
 * <p>docs/model.md section 6 uses it for the cost and the time of a support plan, with {@code n}
 * the number of plans started so far ({@link SupportPlanners#started()}); the culture change of the
 * seeds ("the hare and the tortoise") is expressed through {@code progressRatio}, not a count.
 *
 * @param first the cost or time of the first unit, >= 0, in the caller's units
 * @param progressRatio the factor per doubling of cumulative units, in (0, 1]
 */
public record LearningCurve(double first, double progressRatio) {
  /*
   * Design notes
   *
   * 1. The formula. Wright (1936) observed that the labour per aeroplane fell by a constant share
   *    each time cumulative output doubled: y(n) = y(1) n^(-b). A progress ratio r = 2^(-b) gives
   *    b = -log2(r). The unit is the n-th plan (not the average of the first n: Crawford's "unit"
   *    form, not Wright's original "cumulative average" form), as docs/model.md section 6 says "cost is
   *    proportional to cumulative plans^-b".
   *
   * 2. Inverse. value(n) = target at n = (first / target)^(1/b), a real number of units: the
   *    first whole unit at or below the target is its ceiling.
   *
   * References
   *   [1] Wright, T. P. (1936). Factors affecting the cost of airplanes. Journal of the
   *       Aeronautical Sciences 3(4), 122-128.
   */

  /**
   * @throws IllegalArgumentException naming the field that is out of range or not finite
   */
  public LearningCurve {
    if (!(first >= 0) || !Double.isFinite(first)) {
      throw new IllegalArgumentException("first must be >= 0 and finite, was " + first);
    }
    if (!(progressRatio > 0 && progressRatio <= 1)) {
      throw new IllegalArgumentException("progressRatio must be in (0, 1], was " + progressRatio);
    }
  }

  /** A curve with no learning: every unit costs {@code first}. */
  public static LearningCurve flat(double first) {
    return new LearningCurve(first, 1.0);
  }

  /** The learning exponent {@code b = -log2(progressRatio)}, >= 0; 0 means no learning. */
  public double exponent() {
    // Wright (1936): r = 2^(-b).
    return -Math.log(progressRatio) / Math.log(2.0);
  }

  /**
   * The cost or time of the {@code n}-th unit, {@code first * n^(-b)}; {@code n = 1} gives {@code
   * first}.
   *
   * @throws IllegalArgumentException if {@code n < 1}
   */
  public double value(long n) {
    if (n < 1) {
      throw new IllegalArgumentException("n (the unit, counted from 1) must be >= 1, was " + n);
    }
    if (n == 1 || progressRatio == 1.0) {
      return first;
    }
    // Wright (1936); docs/model.md section 6: cost proportional to cumulative plans^-b.
    return first * Math.pow((double) n, -exponent());
  }

  /**
   * The (real) number of units {@code n} at which the unit value falls to {@code target}: {@code
   * (first / target)^(1/b)}. It is 1 when the first unit already costs no more than the target, and
   * infinite when the target is never reached (no learning with {@code target < first}, or a target
   * of 0 or below with {@code first > 0}).
   *
   * @throws IllegalArgumentException if {@code target} is not a number
   */
  public double unitsToReach(double target) {
    if (Double.isNaN(target)) {
      throw new IllegalArgumentException("target must be a number, was " + target);
    }
    if (target >= first) {
      return 1.0;
    }
    double b = exponent();
    if (b == 0 || target <= 0) {
      return Double.POSITIVE_INFINITY;
    }
    return Math.pow(first / target, 1.0 / b);
  }
}
