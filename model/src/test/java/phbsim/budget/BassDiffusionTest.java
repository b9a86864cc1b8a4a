package phbsim.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BassDiffusionTest {

  @Test
  @DisplayName("the cumulative curve matches values worked by hand for p = 0.03, q = 0.38, m = 100")
  void handWorkedValues() {
    BassDiffusion bass = new BassDiffusion(0.03, 0.38, 100);
    // p + q = 0.41 and q / p = 12.666..., so with E = e^(-0.41 t):
    //   t = 1: E = 0.663650250136, m (1 - E) / (1 + 12.6667 E) = 33.6349750 / 9.40623650 =
    // 3.57581643
    //   t = 2: E = 0.440431654506, 55.9568345 / 6.57880096 = 8.50562814
    //   t = 5: E = 0.128734903588, 87.1265096 / 2.63064211 = 33.1198642
    assertThat(bass.cumulative(1)).isCloseTo(3.57581643, within(1e-8));
    assertThat(bass.cumulative(2)).isCloseTo(8.50562814, within(1e-8));
    assertThat(bass.cumulative(5)).isCloseTo(33.1198642, within(1e-7));
  }

  @Test
  @DisplayName("nobody has adopted at or before time 0")
  void zeroAtStart() {
    BassDiffusion bass = new BassDiffusion(0.03, 0.38, 100);
    assertThat(bass.cumulative(0)).isZero();
    assertThat(bass.cumulative(-3)).isZero();
  }

  @Test
  @DisplayName("in the long run the whole market adopts")
  void tendsToMarketSize() {
    BassDiffusion bass = new BassDiffusion(0.03, 0.38, 100);
    assertThat(bass.cumulative(200)).isCloseTo(100, within(1e-9));
    assertThat(bass.cumulative(Double.POSITIVE_INFINITY)).isEqualTo(100);
  }

  @Test
  @DisplayName("with no imitation the curve is the exponential m (1 - e^(-p t))")
  void noImitationIsExponential() {
    BassDiffusion bass = new BassDiffusion(0.2, 0, 500);
    for (double t = 0.25; t <= 30; t += 0.25) {
      assertThat(bass.cumulative(t)).isCloseTo(500 * (1 - Math.exp(-0.2 * t)), within(1e-9));
    }
  }

  @Test
  @DisplayName("the curve never decreases")
  void monotone() {
    BassDiffusion bass = new BassDiffusion(0.01, 0.9, 1e6);
    double previous = 0;
    for (int day = 1; day <= 365 * 30; day++) {
      double now = bass.cumulative(day / 365.0);
      assertThat(now).isGreaterThanOrEqualTo(previous);
      previous = now;
    }
  }

  @Test
  @DisplayName("adoption is fastest at ln(q/p) / (p + q) years, and at the start when q <= p")
  void peak() {
    // ln(0.38 / 0.03) = 2.53897387, / 0.41 = 6.19261920 years.
    BassDiffusion bass = new BassDiffusion(0.03, 0.38, 100);
    assertThat(bass.peakYears()).isCloseTo(6.19261920, within(1e-8));
    // The adoption rate (a central difference) is larger at the peak than either side of it.
    double t = bass.peakYears();
    double h = 1e-3;
    double atPeak = bass.cumulative(t + h) - bass.cumulative(t - h);
    assertThat(atPeak).isGreaterThan(bass.cumulative(t) - bass.cumulative(t - 2 * h));
    assertThat(atPeak).isGreaterThan(bass.cumulative(t + 2 * h) - bass.cumulative(t));

    assertThat(new BassDiffusion(0.3, 0.3, 100).peakYears()).isZero();
    assertThat(new BassDiffusion(0.3, 0.1, 100).peakYears()).isZero();
  }

  @ParameterizedTest(name = "p={0}, q={1}, marketSize={2} names {3}")
  @CsvSource({
    "0, 0.38, 100, p",
    "-0.1, 0.38, 100, p",
    "NaN, 0.38, 100, p",
    "0.03, -0.01, 100, q",
    "0.03, Infinity, 100, q",
    "0.03, 0.38, -1, marketSize",
    "0.03, 0.38, NaN, marketSize"
  })
  @DisplayName("invalid parameters are refused with the field named")
  void validation(double p, double q, double marketSize, String field) {
    assertThatThrownBy(() -> new BassDiffusion(p, q, marketSize))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " ");
  }
}
