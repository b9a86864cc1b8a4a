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
    assertThat(s.lower()).isEqualTo(1.0);
    assertThat(s.upper()).isEqualTo(39.0);
    assertThat(s.replications()).isEqualTo(41);

    // Two values: position 0.025 and 0.975 between them
    Summary two = Summary.of(new double[] {10, 20});
    assertThat(two.lower()).isCloseTo(10.25, within(1e-12));
    assertThat(two.upper()).isCloseTo(19.75, within(1e-12));

    Summary one = Summary.of(new double[] {7});
    assertThat(one.lower()).isEqualTo(7.0);
    assertThat(one.upper()).isEqualTo(7.0);
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
      org.assertj.core.api.Assertions.assertThat(Double.doubleToRawLongBits(s.lower()))
          .isEqualTo(Double.doubleToRawLongBits(sortedPercentile(values, 0.025)));
      org.assertj.core.api.Assertions.assertThat(Double.doubleToRawLongBits(s.upper()))
          .isEqualTo(Double.doubleToRawLongBits(sortedPercentile(values, 0.975)));
    }
  }
}
