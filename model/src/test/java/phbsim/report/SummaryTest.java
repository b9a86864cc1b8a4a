package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class SummaryTest {
  @Test
  @DisplayName("mean and 2.5/97.5 percentiles, worked by hand")
  void knownAnswers() {
    // 0..40: mean 20; 2.5th percentile at position 1.0 -> 1.0; 97.5th at 39.0 -> 39.0
    double[] values = new double[41];
    for (int i = 0; i < values.length; i++) {
      values[40 - i] = i; // order of input does not matter for the interval
    }
    Summary s = Summary.of(values);
    assertThat(s.mean()).isEqualTo(20.0);
    assertThat(s.rangeLow()).isEqualTo(1.0);
    assertThat(s.rangeHigh()).isEqualTo(39.0);
    assertThat(s.replications()).isEqualTo(41);

    // Two values: position 0.025 and 0.975 between them
    Summary two = Summary.of(new double[] {10, 20});
    assertThat(two.rangeLow()).isCloseTo(10.25, within(1e-12));
    assertThat(two.rangeHigh()).isCloseTo(19.75, within(1e-12));

    Summary one = Summary.of(new double[] {7});
    assertThat(one.rangeLow()).isEqualTo(7.0);
    assertThat(one.rangeHigh()).isEqualTo(7.0);
    assertThat(one.ciLow()).isNaN();
  }

  @Test
  @DisplayName("the confidence interval of the mean, worked by hand: 1..5 gives 3 +- 1.9632")
  void confidenceIntervalByHand() {
    // mean 3, sd sqrt(2.5) = 1.5811, se 0.70711, t(0.975, 4) = 2.776445 -> half-width 1.963243.
    Summary s = Summary.of(new double[] {1, 2, 3, 4, 5});
    assertThat(s.ciLow()).isCloseTo(3 - 1.963243, within(1e-6));
    assertThat(s.ciHigh()).isCloseTo(3 + 1.963243, within(1e-6));
    // The range of outcomes is the percentiles: 1.1 and 4.9, wider, and not shrinking with n.
    assertThat(s.rangeLow()).isCloseTo(1.1, within(1e-12));
    assertThat(s.rangeHigh()).isCloseTo(4.9, within(1e-12));
  }

  @Test
  @DisplayName(
      "the 95 % confidence interval covers a known mean in 93 % to 97 % of 1,000 experiments")
  void confidenceIntervalCoverage() {
    // 1,000 independent experiments of 20 normal draws with mean 1; the interval must cover 1 in
    // 93-97 % of them. With a fixed seed, the count is binomial(1000, 0.95) if the interval is
    // right: sd 6.9, so 930-970 is about 3 sd. (ExperimentTest checks the same on the model.)
    java.util.SplittableRandom r = new java.util.SplittableRandom(20261201);
    int covered = 0;
    for (int e = 0; e < 1000; e++) {
      double[] v = new double[20];
      for (int i = 0; i < v.length; i++) {
        v[i] = 1 + gaussian(r);
      }
      Summary s = Summary.of(v);
      if (s.ciLow() <= 1 && 1 <= s.ciHigh()) {
        covered++;
      }
    }
    assertThat(covered).isBetween(930, 970);
  }

  /** A standard normal draw by Box-Muller. */
  private static double gaussian(java.util.SplittableRandom r) {
    return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
  }

  /** The percentiles as the sort-based implementation computed them, for comparison. */
  private static double sortedPercentile(double[] values, double q) {
    double[] sorted = values.clone();
    java.util.Arrays.sort(sorted);
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(ints = {1, 2, 3, 39, 40, 41, 200, 3001})
  @DisplayName("percentiles by selection are bit for bit those of a full sort, ties and zeros too")
  void selectionMatchesSort(int n) {
    java.util.SplittableRandom random = new java.util.SplittableRandom(n);
    for (int round = 0; round < 20; round++) {
      double[] values = new double[n];
      for (int i = 0; i < n; i++) {
        values[i] =
            switch (random.nextInt(4)) {
              case 0 -> 0.0;
              case 1 -> -0.0;
              case 2 -> random.nextInt(5) * 1.5;
              default -> random.nextGaussian() * 1e6;
            };
      }
      double[] copy = values.clone();
      Summary s = Summary.of(values);
      org.assertj.core.api.Assertions.assertThat(values).isEqualTo(copy);
      org.assertj.core.api.Assertions.assertThat(Double.doubleToRawLongBits(s.rangeLow()))
          .isEqualTo(Double.doubleToRawLongBits(sortedPercentile(values, 0.025)));
      org.assertj.core.api.Assertions.assertThat(Double.doubleToRawLongBits(s.rangeHigh()))
          .isEqualTo(Double.doubleToRawLongBits(sortedPercentile(values, 0.975)));
    }
  }
}
