package phbsim.population;

import java.util.Arrays;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import org.apache.commons.math3.special.Gamma;

/**
 * The gamma frailty of one segment estimated from a person-level file of last year's crisis counts,
 * and the posterior frailty of each person given their own count.
 *
 * <p>Model: person i has frailty {@code z_i ~ Gamma(shape k, rate k)} (mean 1, variance {@code v =
 * 1/k}) and {@code y_i | z_i ~ Poisson(mu z_i)} crises over one year. Marginally {@code y} is
 * negative binomial with mean {@code mu} and variance {@code mu + v mu^2}. With equal exposure the
 * maximum-likelihood estimate of {@code mu} is the sample mean, and {@code v} maximises the profile
 * log-likelihood with {@code mu} at that mean. Given {@code y}, the frailty is gamma with shape
 * {@code k + y} and rate {@code k + mu} (conjugacy).
 *
 * <p>Immutable.
 */
public final class FrailtyEstimate {
  /** Fewest rows from which the variance is estimated; fewer use the scenario's value. */
  public static final int MINIMUM_ROWS = 30;

  /*
   * The search runs over ln v, so that the optimiser's tolerance is relative across four and a
   * half decades of variance. Below 1e-4 a frailty is indistinguishable from none for any
   * plausible crisis rate; above 50 nearly everybody's frailty is near 0 and a handful carry all
   * crises, which no segment of a real caseload looks like. A maximum outside the interval is
   * given back as the nearer end.
   */
  private static final double LOWEST_LN_VARIANCE = Math.log(1e-4);
  private static final double HIGHEST_LN_VARIANCE = Math.log(50.0);

  /*
   * Brent's tolerances on ln v: 1e-10 relative and absolute is far below the sampling error of
   * any estimate (several per cent even with 100,000 rows) and costs only a few dozen evaluations,
   * each of which is cheap (see logLikelihood).
   */
  private static final double RELATIVE_TOLERANCE = 1e-10;
  private static final double ABSOLUTE_TOLERANCE = 1e-10;
  private static final int MAX_EVALUATIONS = 500;

  /*
   * Runs of missing count values longer than this are summed through logGamma rather than term by
   * term: a file with one mis-keyed row of 100,000 crises must not cost 100,000 logarithms per
   * evaluation. Shorter runs (every run of a real file) are summed term by term, which is exact to
   * rounding even where lnGamma(k + y) - lnGamma(k) would cancel (k = 1e4).
   */
  private static final int DIRECT_SUM_LIMIT = 256;

  private final int rows;
  private final double meanCount;
  private final double variance;
  private final boolean estimated;

  private FrailtyEstimate(int rows, double meanCount, double variance, boolean estimated) {
    this.rows = rows;
    this.meanCount = meanCount;
    this.variance = variance;
    this.estimated = estimated;
  }

  /**
   * Fits from one segment's crisis counts; below MINIMUM_ROWS, or when every count is 0, keeps
   * fallbackVariance (estimated() false).
   *
   * <p>When the counts are not over-dispersed (their variance, taken over n, is not above their
   * mean) the maximum of the likelihood is at {@code v = 0} and the variance is exactly 0, still
   * estimated. The mean count is the sample mean in every case (0 for no rows).
   *
   * @param crisisCounts crises of each person of the segment over one year; each at least 0. Not
   *     modified.
   * @param fallbackVariance the scenario's frailty variance, at least 0 and finite
   * @return the estimate
   * @throws IllegalArgumentException if a count is negative or the fallback is negative or not
   *     finite
   */
  public static FrailtyEstimate fit(int[] crisisCounts, double fallbackVariance) {
    if (!(fallbackVariance >= 0) || Double.isInfinite(fallbackVariance)) {
      throw new IllegalArgumentException(
          "fallbackVariance must be finite and >= 0, was " + fallbackVariance);
    }
    int n = crisisCounts.length;
    // Sorted, the counts group into runs of equal values: every sum below then costs one term per
    // distinct count, not one per row.
    int[] sorted = crisisCounts.clone();
    Arrays.sort(sorted);
    if (n > 0 && sorted[0] < 0) {
      throw new IllegalArgumentException("crisis counts must be >= 0, found " + sorted[0]);
    }
    int distinct = 0;
    for (int i = 0; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        distinct++;
      }
    }
    int[] values = new int[distinct];
    int[] atLeast = new int[distinct]; // rows with a count >= values[d]
    long total = 0;
    for (int i = 0, d = -1; i < n; i++) {
      if (i == 0 || sorted[i] != sorted[i - 1]) {
        d++;
        values[d] = sorted[i];
        atLeast[d] = n - i;
      }
      total += sorted[i];
    }
    double mu = n == 0 ? 0.0 : (double) total / n;
    if (n < MINIMUM_ROWS || total == 0) {
      return new FrailtyEstimate(n, mu, fallbackVariance, false);
    }

    double squares = 0;
    for (int d = 0; d < distinct; d++) {
      int count = atLeast[d] - (d + 1 < distinct ? atLeast[d + 1] : 0);
      double deviation = values[d] - mu;
      squares += count * deviation * deviation;
    }
    // The slope of the log-likelihood in v at v = 0 is (sum (y - mu)^2 - n mu) / 2, and a finite
    // maximum exists, and is then the only one, exactly when the variance over n is above the mean
    // (Aragon, Eberly and Eberly 1992, Statist. Probab. Lett. 15). Otherwise the maximum is at
    // v = 0. The variance over n - 1 would wrongly call a sample whose variance over n equals its
    // mean over-dispersed.
    if (squares / n <= mu) {
      return new FrailtyEstimate(n, mu, 0.0, true);
    }

    UnivariateFunction objective = lnV -> logLikelihood(Math.exp(lnV), values, atLeast, n, mu);
    UnivariatePointValuePair best =
        new BrentOptimizer(RELATIVE_TOLERANCE, ABSOLUTE_TOLERANCE)
            .optimize(
                new MaxEval(MAX_EVALUATIONS),
                new UnivariateObjectiveFunction(objective),
                GoalType.MAXIMIZE,
                new SearchInterval(LOWEST_LN_VARIANCE, HIGHEST_LN_VARIANCE, 0.0));
    return new FrailtyEstimate(n, mu, Math.exp(best.getPoint()), true);
  }

  /**
   * The profile log-likelihood of the variance v (with mu at the sample mean), less terms that do
   * not depend on v.
   *
   * <p>Per row, with k = 1/v, the negative binomial log-likelihood is lnGamma(k + y) - lnGamma(k) -
   * lnGamma(y + 1) + k ln(k / (k + mu)) + y ln(mu / (k + mu)). Writing lnGamma(k + y) - lnGamma(k)
   * = sum over j < y of ln(k + j) = y ln k + sum over j < y of log1p(j v), the y ln k cancels
   * against the y ln v hidden in ln(mu / (k + mu)) = ln(mu v) - log1p(mu v), leaving
   *
   * <pre>sum_i sum_{j < y_i} log1p(j v) - n (1/v + mu) log1p(mu v) + terms free of v.</pre>
   *
   * <p>No large terms are left to cancel, so the function stays smooth to rounding down to v =
   * 1e-4, where the textbook form subtracts lnGamma values near 8e4 from each other.
   *
   * <p>The double sum counts log1p(j v) once for every row with y > j, that is for the rows with a
   * count at least the next distinct value above j; so it costs one term per j up to the largest
   * count (or one logGamma pair per long gap between distinct counts).
   */
  private static double logLikelihood(double v, int[] values, int[] atLeast, int n, double mu) {
    double sum = 0;
    int from = 0; // j runs over [from, values[d]) with rows y > j being atLeast[d]
    for (int d = 0; d < values.length; d++) {
      int to = values[d];
      if (to > from) {
        sum += atLeast[d] * logRising(v, from, to);
      }
      from = to;
    }
    return sum - n * (1.0 / v + mu) * Math.log1p(mu * v);
  }

  /** The sum over j in [from, to) of log1p(j v). */
  private static double logRising(double v, int from, int to) {
    if (to - from <= DIRECT_SUM_LIMIT) {
      double s = 0;
      for (int j = from; j < to; j++) {
        s += Math.log1p(j * v);
      }
      return s;
    }
    // log1p(j v) = ln(k + j) + ln v, and the sum of ln(k + j) over the run is a ratio of gammas.
    double k = 1.0 / v;
    return Gamma.logGamma(k + to) - Gamma.logGamma(k + from) + (to - from) * Math.log(v);
  }

  /**
   * Rows the estimate was made from.
   *
   * @return the number of crisis counts given to {@link #fit}
   */
  public int rows() {
    return rows;
  }

  /**
   * The mean crisis count per person per year: the maximum-likelihood estimate of mu.
   *
   * @return the sample mean of the counts, 0 when there were none
   */
  public double meanCount() {
    return meanCount;
  }

  /**
   * The variance of the frailty: the maximum-likelihood estimate, or the fallback when {@link
   * #estimated()} is false.
   *
   * @return v, at least 0
   */
  public double variance() {
    return variance;
  }

  /**
   * Whether the variance came from the data rather than from the fallback.
   *
   * @return true when {@link #variance()} is the estimate from the counts
   */
  public boolean estimated() {
    return estimated;
  }

  /**
   * Shape of the posterior gamma of the frailty of a person with y crises: k + y. Not defined when
   * variance()==0.
   *
   * <p>When {@link #meanCount()} is 0 the counts carry no information on the crisis rate (every one
   * was 0), so the posterior is the prior, shape k, whatever y; this keeps the posterior's mean
   * equal to {@link #posteriorMean(int)}.
   *
   * @param y the person's crisis count last year, at least 0
   * @return the shape, k + y
   * @throws IllegalStateException if the variance is 0 (the frailty is exactly 1, not gamma)
   * @throws IllegalArgumentException if y is negative
   */
  public double posteriorShape(int y) {
    checkCount(y);
    double k = shape();
    return meanCount == 0 ? k : k + y;
  }

  /**
   * Rate of that posterior: k + mu.
   *
   * @return the rate, k + {@link #meanCount()}
   * @throws IllegalStateException if the variance is 0 (the frailty is exactly 1, not gamma)
   */
  public double posteriorRate() {
    return shape() + meanCount;
  }

  /**
   * Posterior mean (k + y)/(k + mu); 1 when variance() is 0 or meanCount() is 0.
   *
   * @param y the person's crisis count last year, at least 0
   * @return the expected frailty of a person of this segment with y crises last year
   * @throws IllegalArgumentException if y is negative
   */
  public double posteriorMean(int y) {
    checkCount(y);
    if (variance == 0 || meanCount == 0) {
      return 1.0;
    }
    // (k + y) / (k + mu) multiplied through by v: the same number, without forming 1/v.
    return (1.0 + variance * y) / (1.0 + variance * meanCount);
  }

  private double shape() {
    if (variance == 0) {
      throw new IllegalStateException(
          "frailty variance is 0: every frailty is exactly 1, there is no gamma posterior");
    }
    return 1.0 / variance;
  }

  private static void checkCount(int y) {
    if (y < 0) {
      throw new IllegalArgumentException("crisis count must be >= 0, was " + y);
    }
  }

  @Override
  public String toString() {
    return "FrailtyEstimate[rows="
        + rows
        + ", meanCount="
        + meanCount
        + ", variance="
        + variance
        + ", estimated="
        + estimated
        + "]";
  }
}
