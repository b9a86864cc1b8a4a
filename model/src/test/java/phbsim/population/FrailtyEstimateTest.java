package phbsim.population;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;
import org.apache.commons.math3.special.Gamma;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Checks {@link FrailtyEstimate} against populations drawn from known frailties.
 *
 * <p>Tolerances were set from a throwaway run over 30 seeds of each population (20,000 people, mu =
 * 1.2): the spread measured there is quoted next to each tolerance, which is about four standard
 * errors, so that a correct estimator passes with any seed and a wrong one fails.
 */
class FrailtyEstimateTest {
  private static final int PEOPLE = 20_000;
  private static final double CRISES_PER_YEAR = 1.2;

  /** People sorted by posterior mean into this many groups for the calibration check. */
  private static final int GROUPS = 10;

  /*
   * Calibration: in each group the mean true frailty may differ from the mean posterior mean by
   * this many standard errors of the group's mean true frailty. Over 30 seeds x 10 groups x two
   * variances the worst seen was 3.8; using a wrong variance (half the truth) gives gaps of 14 to
   * 19 standard errors in the extreme groups, so 5 separates the two cleanly.
   */
  private static final double CALIBRATION_STANDARD_ERRORS = 5.0;

  /**
   * People drawn from known frailties: person i has frailty frailty[i] and crises[i] crises. The
   * arrays are only read, and populations are never compared, so array components are harmless.
   */
  @SuppressWarnings("ArrayRecordComponent")
  private record Population(double[] frailty, int[] crises) {}

  /**
   * A seeded Commons RNG provider. Commons RNG "simple" (RandomSource) is not a dependency of the
   * model module, so the provider is SplittableRandom's SplitMix64 generator, which is all that
   * UniformRandomProvider needs (nextLong) and is fixed by its seed.
   */
  private static UniformRandomProvider rng(long seed) {
    return new SplittableRandom(seed)::nextLong;
  }

  /** z ~ Gamma(shape 1/v, scale v), y ~ Poisson(mu z); v = 0 gives z = 1 (plain Poisson). */
  private static Population population(long seed, int people, double variance, double mu) {
    UniformRandomProvider rng = rng(seed);
    double[] frailty = new double[people];
    int[] crises = new int[people];
    for (int i = 0; i < people; i++) {
      frailty[i] =
          variance == 0
              ? 1.0
              : AhrensDieterMarsagliaTsangGammaSampler.of(rng, 1 / variance, variance).sample();
      double mean = mu * frailty[i];
      // A gamma draw with shape 1/3 can underflow to 0, and a Poisson sampler needs a mean > 0.
      crises[i] = mean > 0 ? PoissonSampler.of(rng, mean).sample() : 0;
    }
    return new Population(frailty, crises);
  }

  // ---------------------------------------------------------------------------------------------
  // 1. Recovery of v and mu

  @Test
  @DisplayName("recovers v = 0.6 and mu = 1.2 from 20,000 people")
  void recoversModerateVariance() {
    Population p = population(11L, PEOPLE, 0.6, CRISES_PER_YEAR);
    FrailtyEstimate fit = FrailtyEstimate.fit(p.crises(), 99.0);

    assertThat(fit.estimated()).isTrue();
    assertThat(fit.rows()).isEqualTo(PEOPLE);
    // Standard error of v hat measured over 30 seeds: 0.0165 (mean 0.596); 0.07 is about 4 SE.
    assertThat(fit.variance()).isCloseTo(0.6, offset(0.07));
    // Standard error of the mean count: sqrt((mu + v mu^2) / n) = 0.0102 (measured 0.0100);
    // 0.04 is about 4 SE.
    assertThat(fit.meanCount()).isCloseTo(CRISES_PER_YEAR, offset(0.04));
  }

  @Test
  @DisplayName("recovers a large variance, v = 3")
  void recoversLargeVariance() {
    Population p = population(13L, PEOPLE, 3.0, CRISES_PER_YEAR);
    FrailtyEstimate fit = FrailtyEstimate.fit(p.crises(), 0.1);

    assertThat(fit.estimated()).isTrue();
    // Standard error of v hat measured over 30 seeds: 0.051 (mean 2.991); 0.2 is about 4 SE.
    assertThat(fit.variance()).isCloseTo(3.0, offset(0.2));
    // sqrt((mu + v mu^2) / n) = 0.0166 (measured 0.018); 0.07 is about 4 SE.
    assertThat(fit.meanCount()).isCloseTo(CRISES_PER_YEAR, offset(0.07));
    assertCalibrated(p, fit::posteriorMean);
    // Posterior draws: mean SE sqrt(3 / n) = 0.012 (worst seen over 30 seeds 0.0135), 0.06 is
    // about 5 SE; sample variance of the draws minus 3 had root mean square 0.077 over 30 seeds
    // (it follows the sampling error of the counts' variance), 0.3 is about 4 of those.
    assertPopulationGivenBack(fit, p.crises(), 17L, 0.06, 3.0, 0.3);
  }

  // ---------------------------------------------------------------------------------------------
  // 2. The frailties given back

  @Test
  @DisplayName("posterior means are calibrated: each tenth's mean true frailty matches them")
  void posteriorMeansAreCalibrated() {
    Population p = population(21L, PEOPLE, 0.6, CRISES_PER_YEAR);
    FrailtyEstimate fit = FrailtyEstimate.fit(p.crises(), 99.0);

    assertCalibrated(p, fit::posteriorMean);

    // The check has power: posterior means worked out with half the true variance (pulled too
    // far towards 1) miss by far more than the tolerance in some group.
    double wrong = 0.3;
    IntToDoubleFunction shrunk = y -> (1 + wrong * y) / (1 + wrong * fit.meanCount());
    assertThat(worstCalibrationGap(p, shrunk)).isGreaterThan(2 * CALIBRATION_STANDARD_ERRORS);
  }

  @Test
  @DisplayName("one posterior draw per person gives back a frailty distribution of mean 1, var v")
  void posteriorDrawsGiveBackThePopulation() {
    Population p = population(23L, PEOPLE, 0.6, CRISES_PER_YEAR);
    FrailtyEstimate fit = FrailtyEstimate.fit(p.crises(), 99.0);

    // Mean of the draws: SE sqrt(0.6 / n) = 0.0055 (worst seen over 30 seeds 0.0082); 0.025 is
    // about 4.5 SE. Variance of the draws minus 0.6: root mean square 0.020 over 30 seeds (the
    // sampling error of v hat plus that of a sample variance of gamma draws), 0.08 is 4 of those.
    assertPopulationGivenBack(fit, p.crises(), 29L, 0.025, 0.6, 0.08);
  }

  /**
   * Sorts people by posterior mean into ten equal groups and checks, in each, that the mean true
   * frailty is within CALIBRATION_STANDARD_ERRORS of the mean posterior mean.
   */
  private static void assertCalibrated(Population p, IntToDoubleFunction posteriorMean) {
    assertThat(worstCalibrationGap(p, posteriorMean))
        .as("worst gap between mean true frailty and mean posterior mean, in standard errors")
        .isLessThan(CALIBRATION_STANDARD_ERRORS);
  }

  /**
   * The largest, over ten groups of people sorted by posterior mean, of |mean true frailty - mean
   * posterior mean| divided by the standard error of the group's mean true frailty.
   *
   * <p>Most people have 0 or 1 crises, so several groups share one posterior mean; the sort is
   * stable and people are in random order, so such a group is a random sample of its count.
   */
  private static double worstCalibrationGap(Population p, IntToDoubleFunction posteriorMean) {
    int n = p.crises().length;
    double[] estimate = new double[n];
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      estimate[i] = posteriorMean.applyAsDouble(p.crises()[i]);
      order[i] = i;
    }
    Arrays.sort(order, Comparator.comparingDouble(i -> estimate[i]));
    double worst = 0;
    for (int g = 0; g < GROUPS; g++) {
      int from = g * n / GROUPS;
      int to = (g + 1) * n / GROUPS;
      double sumTrue = 0;
      double sumTrueSquared = 0;
      double sumEstimate = 0;
      for (int r = from; r < to; r++) {
        int i = order[r];
        sumTrue += p.frailty()[i];
        sumTrueSquared += p.frailty()[i] * p.frailty()[i];
        sumEstimate += estimate[i];
      }
      int m = to - from;
      double meanTrue = sumTrue / m;
      double standardError = Math.sqrt((sumTrueSquared / m - meanTrue * meanTrue) / (m - 1));
      worst = Math.max(worst, Math.abs(meanTrue - sumEstimate / m) / standardError);
    }
    return worst;
  }

  /**
   * Draws one frailty per person from Gamma(posteriorShape(y), scale 1/posteriorRate) and checks
   * the draws' mean is within meanTolerance of 1 and their variance within varianceTolerance of the
   * known variance.
   */
  private static void assertPopulationGivenBack(
      FrailtyEstimate fit,
      int[] crises,
      long seed,
      double meanTolerance,
      double variance,
      double varianceTolerance) {
    UniformRandomProvider rng = rng(seed);
    int n = crises.length;
    double sum = 0;
    double sumSquares = 0;
    for (int y : crises) {
      double z =
          AhrensDieterMarsagliaTsangGammaSampler.of(
                  rng, fit.posteriorShape(y), 1 / fit.posteriorRate())
              .sample();
      sum += z;
      sumSquares += z * z;
    }
    double mean = sum / n;
    assertThat(mean).isCloseTo(1.0, offset(meanTolerance));
    assertThat((sumSquares - n * mean * mean) / (n - 1))
        .isCloseTo(variance, offset(varianceTolerance));
  }

  // ---------------------------------------------------------------------------------------------
  // The estimate is the maximum of the likelihood as the textbook writes it

  /**
   * The negative binomial profile log-likelihood exactly as written in the model's definition, with
   * k = 1/v: sum over rows of lnGamma(k + y) - lnGamma(k) - lnGamma(y + 1) + k ln(k / (k + mu)) + y
   * ln(mu / (k + mu)). Written out independently of the class under test (which drops constants and
   * rearranges terms for accuracy).
   */
  private static double textbookLogLikelihood(int[] crises, double mu, double v) {
    double k = 1 / v;
    double sum = 0;
    for (int y : crises) {
      sum +=
          Gamma.logGamma(k + y)
              - Gamma.logGamma(k)
              - Gamma.logGamma(y + 1.0)
              + k * Math.log(k / (k + mu))
              + y * Math.log(mu / (k + mu));
    }
    return sum;
  }

  /**
   * Checks the fitted v against the textbook likelihood: no higher at 0.1% either side (so the
   * optimiser converged there), nor anywhere on a grid of 300 points over [1e-3, 50].
   */
  private static void assertMaximisesTextbookLikelihood(int[] crises) {
    FrailtyEstimate fit = FrailtyEstimate.fit(crises, 99.0);
    assertThat(fit.estimated()).isTrue();
    double mu = fit.meanCount();
    double v = fit.variance();
    double atFit = textbookLogLikelihood(crises, mu, v);
    // 1e-7 absorbs rounding in the sums (logGamma is good to about 1e-14 relative and the terms
    // are at most a few thousand); a maximum misplaced by 0.1% costs more than that for these
    // samples (about 1e-5 for the first, the curvature in ln v being of order n v^2 / 2).
    double slack = 1e-7;
    assertThat(atFit).isGreaterThanOrEqualTo(textbookLogLikelihood(crises, mu, v * 1.001) - slack);
    assertThat(atFit).isGreaterThanOrEqualTo(textbookLogLikelihood(crises, mu, v / 1.001) - slack);
    for (int i = 0; i < 300; i++) {
      double grid = 1e-3 * Math.pow(50 / 1e-3, i / 299.0);
      assertThat(atFit).isGreaterThanOrEqualTo(textbookLogLikelihood(crises, mu, grid) - slack);
    }
  }

  @Test
  @DisplayName("the fitted variance maximises the textbook negative binomial likelihood")
  void maximisesTheLikelihood() {
    assertMaximisesTextbookLikelihood(population(31L, 2_000, 0.6, CRISES_PER_YEAR).crises());
  }

  @Test
  @DisplayName("counts with long gaps between values (summed through logGamma) fit the same way")
  void longGapsBetweenCounts() {
    // Gaps of 1,000 between distinct counts take the logGamma path; the small counts take the
    // term-by-term path; both must add up to the textbook likelihood.
    int[] crises = new int[94];
    int at = 30; // 30 zeros
    for (int y : new int[] {1, 2, 3, 5}) {
      crises[at++] = y;
    }
    while (at < 64) {
      crises[at++] = 1_000;
    }
    while (at < 94) {
      crises[at++] = 2_000;
    }
    assertMaximisesTextbookLikelihood(crises);
    // The moments give 0.74, and the 30 zeros beside counts of 1,000 pull the likelihood's
    // maximum higher (5.41): the grid above only spans [1e-3, 50], so also check the estimate is
    // well inside the search interval [1e-4, 50] rather than stuck at an end of it.
    assertThat(FrailtyEstimate.fit(crises, 99.0).variance()).isBetween(1.0, 20.0);
  }

  // ---------------------------------------------------------------------------------------------
  // 3. No over-dispersion

  @Test
  @DisplayName("Poisson counts (v = 0) give a variance of 0 or close to it")
  void poissonCountsGiveNoFrailty() {
    Population p = population(41L, PEOPLE, 0.0, CRISES_PER_YEAR);
    FrailtyEstimate fit = FrailtyEstimate.fit(p.crises(), 99.0);

    assertThat(fit.estimated()).isTrue();
    // At v = 0 the estimator's asymptotic standard error is sqrt(2 / (n mu^2)) = 0.0083; it is 0
    // for about half the seeds (16 of 30 measured) and at most 0.016 for the rest. 0.035 is about
    // 4 SE, and far below anything from over-dispersed data.
    assertThat(fit.variance()).isLessThan(0.035);
    // sqrt(mu / n) = 0.0077; 0.035 is about 4.5 SE.
    assertThat(fit.meanCount()).isCloseTo(CRISES_PER_YEAR, offset(0.035));
  }

  @Test
  @DisplayName("counts not over-dispersed give exactly 0 and every frailty 1")
  void underDispersedCountsGiveExactlyZero() {
    int[] ones = new int[50];
    Arrays.fill(ones, 1);
    FrailtyEstimate fit = FrailtyEstimate.fit(ones, 0.4);

    assertThat(fit.estimated()).isTrue();
    assertThat(fit.variance()).isZero();
    assertThat(fit.meanCount()).isEqualTo(1.0);
    for (int y = 0; y < 10; y++) {
      assertThat(fit.posteriorMean(y)).isEqualTo(1.0);
    }
    assertThatThrownBy(() -> fit.posteriorShape(1)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(fit::posteriorRate).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("variance over n equal to the mean is the boundary: v = 0, not a tiny positive v")
  void dispersionBoundaryUsesVarianceOverN() {
    // 15 zeros and 15 twos: mean 1, variance over n exactly 1, so the likelihood's slope at v = 0
    // is 0 and its maximum is at 0. The variance over n - 1 (1.034) would call it over-dispersed.
    int[] crises = new int[30];
    for (int i = 0; i < 30; i += 2) {
      crises[i] = 2;
    }
    assertThat(FrailtyEstimate.fit(crises, 0.4).variance()).isZero();

    // One more crisis for one person tips it over: a positive estimate.
    crises[0] = 3;
    FrailtyEstimate over = FrailtyEstimate.fit(crises, 0.4);
    assertThat(over.estimated()).isTrue();
    assertThat(over.variance()).isPositive();
  }

  // ---------------------------------------------------------------------------------------------
  // 4. Fallback

  @Test
  @DisplayName("fewer than MINIMUM_ROWS rows keep the fallback variance; MINIMUM_ROWS rows do not")
  void fewRowsKeepTheFallback() {
    int[] crises = population(51L, FrailtyEstimate.MINIMUM_ROWS, 3.0, 2.0).crises();
    int[] fewer = Arrays.copyOf(crises, FrailtyEstimate.MINIMUM_ROWS - 1);

    FrailtyEstimate few = FrailtyEstimate.fit(fewer, 0.25);
    assertThat(few.estimated()).isFalse();
    assertThat(few.variance()).isEqualTo(0.25);
    assertThat(few.rows()).isEqualTo(FrailtyEstimate.MINIMUM_ROWS - 1);
    assertThat(few.meanCount()).isEqualTo(Arrays.stream(fewer).average().orElseThrow());

    FrailtyEstimate enough = FrailtyEstimate.fit(crises, 0.25);
    assertThat(enough.estimated()).isTrue();
    assertThat(enough.variance()).isNotEqualTo(0.25);

    FrailtyEstimate none = FrailtyEstimate.fit(new int[0], 0.25);
    assertThat(none.estimated()).isFalse();
    assertThat(none.variance()).isEqualTo(0.25);
    assertThat(none.rows()).isZero();
    assertThat(none.meanCount()).isZero();
  }

  @Test
  @DisplayName("all-zero counts keep the fallback, and every posterior mean is 1")
  void allZeroCountsKeepTheFallback() {
    FrailtyEstimate fit = FrailtyEstimate.fit(new int[1_000], 0.25);

    assertThat(fit.estimated()).isFalse();
    assertThat(fit.variance()).isEqualTo(0.25);
    assertThat(fit.meanCount()).isZero();
    assertThat(fit.posteriorMean(0)).isEqualTo(1.0);
    assertThat(fit.posteriorMean(3)).isEqualTo(1.0);
    // The posterior is the prior, Gamma(4, rate 4): its mean agrees with posteriorMean.
    assertThat(fit.posteriorShape(3)).isEqualTo(4.0);
    assertThat(fit.posteriorRate()).isEqualTo(4.0);
  }

  // ---------------------------------------------------------------------------------------------
  // 5. Hand-worked posterior

  @Test
  @DisplayName("posterior by hand: k = 2, mu = 2 gives Gamma(k + y, rate 4), mean (2 + y) / 4")
  void posteriorByHand() {
    // Five rows (below MINIMUM_ROWS) keep the fallback v = 0.5, so k = 2; mu = 10 / 5 = 2.
    FrailtyEstimate fit = FrailtyEstimate.fit(new int[] {0, 1, 2, 3, 4}, 0.5);
    assertThat(fit.estimated()).isFalse();
    assertThat(fit.meanCount()).isEqualTo(2.0);

    assertThat(fit.posteriorShape(3)).isEqualTo(5.0); // 2 + 3
    assertThat(fit.posteriorRate()).isEqualTo(4.0); // 2 + 2
    // Exact in binary, so compared exactly.
    assertThat(fit.posteriorMean(0)).isEqualTo(0.5); // 2 / 4
    assertThat(fit.posteriorMean(2)).isEqualTo(1.0); // 4 / 4: a person at the mean
    assertThat(fit.posteriorMean(3)).isEqualTo(1.25); // 5 / 4
    assertThat(fit.posteriorMean(10)).isEqualTo(3.0); // 12 / 4

    // A fallback variance of 0: everybody has frailty 1, whatever their history.
    FrailtyEstimate none = FrailtyEstimate.fit(new int[] {0, 1, 2, 3, 4}, 0.0);
    assertThat(none.posteriorMean(0)).isEqualTo(1.0);
    assertThat(none.posteriorMean(10)).isEqualTo(1.0);
  }

  // ---------------------------------------------------------------------------------------------
  // Input checks

  @Test
  @DisplayName("rejects negative counts, a negative or non-finite fallback, and a negative y")
  void rejectsBadInput() {
    int[] crises = new int[40];
    crises[7] = -1;
    assertThatThrownBy(() -> FrailtyEstimate.fit(crises, 0.5))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FrailtyEstimate.fit(new int[40], -0.1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FrailtyEstimate.fit(new int[40], Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> FrailtyEstimate.fit(new int[40], Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    FrailtyEstimate fit = FrailtyEstimate.fit(new int[] {0, 1, 2}, 0.5);
    assertThatThrownBy(() -> fit.posteriorMean(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> fit.posteriorShape(-1)).isInstanceOf(IllegalArgumentException.class);
  }
}
