package phbsim.budget;

/**
 * The Bass (1969) diffusion curve: the expected cumulative number of adopters, out of a market of
 * {@code marketSize} people, after a given time in years.
 *
 * <p>{@code p} (innovation) and {@code q} (imitation) are rates per year. Adoption starts at time 0
 * with no adopters, never decreases, and tends to {@code marketSize} as time goes on. With {@code q
 * = 0} it is the exponential {@code m (1 - e^(-p t))}.
 */
public final class BassDiffusion {
  /*
   * Design notes
   *
   * 1. The curve. Bass (1969) models the hazard of adoption at time t, for someone who has not yet
   *    adopted, as p + q F(t): p is the pull of outside influence (innovation) and q F(t) the pull
   *    of those who have already adopted (imitation). Solving dF/dt = (p + q F)(1 - F) with
   *    F(0) = 0 gives
   *
   *        F(t) = (1 - e^(-(p+q)t)) / (1 + (q/p) e^(-(p+q)t)),
   *
   *    and the cumulative number of adopters is m F(t). docs/model.md section 6 uses it for the PHB
   *    roll-out, the seeds' "hare and tortoise": a high p pushes offers early, a high q builds up.
   *
   * 2. Peak. The rate of adoption m dF/dt is greatest at t* = ln(q/p) / (p + q) when q > p;
   *    otherwise it is greatest at t = 0 (Bass 1969, equation 10).
   *
   * 3. Numerics. 1 - e^(-x) is computed as -expm1(-x), exact to the last bits for small x (the
   *    first months of a roll-out). Both the numerator and the denominator are monotone in t, so
   *    the computed F never decreases from one month to the next, which BassRollout relies on.
   *
   * References
   *   [1] Bass, F. M. (1969). A new product growth for model consumer durables. Management Science
   *       15(5), 215-227.
   */

  private final double p;
  private final double q;
  private final double marketSize;

  /**
   * A curve with innovation rate {@code p > 0} and imitation rate {@code q >= 0}, both per year,
   * over a market of {@code marketSize >= 0} people.
   *
   * @throws IllegalArgumentException naming the field that is out of range or not finite
   */
  public BassDiffusion(double p, double q, double marketSize) {
    check(p, q, marketSize);
    this.p = p;
    this.q = q;
    this.marketSize = marketSize;
  }

  static void check(double p, double q, double marketSize) {
    if (!(p > 0) || !Double.isFinite(p)) {
      throw new IllegalArgumentException(
          "p (innovation per year) must be > 0 and finite, was " + p);
    }
    if (!(q >= 0) || !Double.isFinite(q)) {
      throw new IllegalArgumentException(
          "q (imitation per year) must be >= 0 and finite, was " + q);
    }
    if (!(marketSize >= 0) || !Double.isFinite(marketSize)) {
      throw new IllegalArgumentException("marketSize must be >= 0 and finite, was " + marketSize);
    }
  }

  /** Innovation rate per year. */
  public double p() {
    return p;
  }

  /** Imitation rate per year. */
  public double q() {
    return q;
  }

  /** The number of people who adopt in the end. */
  public double marketSize() {
    return marketSize;
  }

  /**
   * The expected cumulative number of adopters after {@code years} years: {@code m F(t)} for {@code
   * t > 0}, and 0 for {@code t <= 0}. Infinite time gives {@code marketSize}.
   */
  public double cumulative(double years) {
    return cumulative(p, q, marketSize, years);
  }

  /** The time in years at which adoption is fastest: {@code ln(q/p) / (p+q)} if q > p, else 0. */
  public double peakYears() {
    return q > p ? Math.log(q / p) / (p + q) : 0.0;
  }

  /** {@link #cumulative(double)} without an object, for {@link BassRollout}; no checks. */
  static double cumulative(double p, double q, double marketSize, double years) {
    if (!(years > 0)) {
      return 0.0;
    }
    // Bass (1969): F(t) = (1 - e^(-(p+q)t)) / (1 + (q/p) e^(-(p+q)t)).
    double x = (p + q) * years;
    double decay = Math.exp(-x);
    double fraction = -Math.expm1(-x) / (1.0 + (q / p) * decay);
    return marketSize * fraction;
  }

  @Override
  public String toString() {
    return "BassDiffusion[p=" + p + ", q=" + q + ", marketSize=" + marketSize + "]";
  }
}
