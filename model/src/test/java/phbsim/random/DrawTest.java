package phbsim.random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.Arrays;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.stat.inference.ChiSquareTest;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class DrawTest {
  private static final int N = 100_000;

  @Test
  @DisplayName("branch picks the first index whose cumulative probability exceeds the uniform")
  void branchBoundaries() {
    double[] cumulative = {0.25, 0.5, 1.0};
    assertThat(Draw.branch(cumulative, 0.0)).isZero();
    assertThat(Draw.branch(cumulative, 0.2499)).isZero();
    assertThat(Draw.branch(cumulative, 0.25)).isEqualTo(1);
    assertThat(Draw.branch(cumulative, 0.5)).isEqualTo(2);
    assertThat(Draw.branch(cumulative, Math.nextDown(1.0))).isEqualTo(2);
    // Rounding in the cumulative sum never sends a draw past the last branch.
    assertThat(Draw.branch(new double[] {0.1, 0.3, 0.9999999}, 0.99999999)).isEqualTo(2);
    assertThat(Draw.branch(new double[] {1.0}, 0.7)).isZero();
  }

  @Test
  @DisplayName("branch chooses each destination with its probability (chi-square, 100,000 draws)")
  void branchFrequencies() {
    double[] probabilities = {0.1, 0.25, 0.4, 0.05, 0.2};
    double[] cumulative = new double[probabilities.length];
    double sum = 0;
    for (int i = 0; i < probabilities.length; i++) {
      sum += probabilities[i];
      cumulative[i] = sum;
    }
    RandomStreams.Family family = new RandomStreams(77L, 0).family(Purpose.CRISIS_BRANCH, 1);
    long[] observed = new long[probabilities.length];
    for (int i = 0; i < N; i++) {
      observed[Draw.branch(cumulative, family.nextDouble(0))]++;
    }
    double[] expected = new double[probabilities.length];
    for (int i = 0; i < probabilities.length; i++) {
      expected[i] = probabilities[i] * N;
    }

    assertThat(new ChiSquareTest().chiSquareTest(expected, observed)).isGreaterThan(0.001);
  }

  @Test
  @DisplayName("exponential times have mean 1/rate and the exponential distribution (KS test)")
  void exponential() {
    double rate = 0.5;
    RandomStreams.Family family = new RandomStreams(31L, 2).family(Purpose.EXIT, 1);
    double[] times = new double[N];
    double total = 0;
    for (int i = 0; i < N; i++) {
      times[i] = Draw.exponential(rate, family.nextOpenDouble(0));
      total += times[i];
    }
    double mean = total / N;
    // Standard error of the mean is (1/rate)/sqrt(N) = 0.0063; allow about 5 of them.
    assertThat(mean).isCloseTo(2.0, offset(0.03));
    double p =
        new KolmogorovSmirnovTest()
            .kolmogorovSmirnovTest(new ExponentialDistribution(null, 1 / rate), times);
    assertThat(p).isGreaterThan(0.001);
    assertThat(Arrays.stream(times).min().orElseThrow()).isGreaterThanOrEqualTo(0.0);
    assertThat(Arrays.stream(times).max().orElseThrow()).isFinite();
  }

  @Test
  @DisplayName("exponential by inversion: known values, and never with a rate of 0")
  void exponentialKnownValues() {
    assertThat(Draw.exponential(2.0, Math.exp(-1))).isCloseTo(0.5, offset(1e-15));
    assertThat(Math.abs(Draw.exponential(3.0, 1.0))).isEqualTo(0.0);
    assertThat(Draw.exponential(0.0, 0.5)).isEqualTo(Double.POSITIVE_INFINITY);
    assertThat(Draw.exponential(-1.0, 0.5)).isEqualTo(Double.POSITIVE_INFINITY);
    // The smallest open uniform gives a large but finite time.
    assertThat(Draw.exponential(1.0, 0x1.0p-53)).isFinite().isCloseTo(36.74, offset(0.01));
  }
}
