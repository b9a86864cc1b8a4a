package phbsim.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LearningCurveTest {

  @Test
  @DisplayName("the first unit costs the first value")
  void firstUnit() {
    assertThat(new LearningCurve(850.0, 0.8).value(1)).isEqualTo(850.0);
    assertThat(new LearningCurve(0.0, 0.7).value(1)).isZero();
  }

  @Test
  @DisplayName("at a progress ratio of 0.8, each doubling costs 80 per cent of the one before")
  void doublings() {
    LearningCurve curve = new LearningCurve(1000.0, 0.8);
    assertThat(curve.exponent()).isCloseTo(0.32192809488736235, within(1e-15));
    assertThat(curve.value(2)).isCloseTo(800.0, within(1e-12 * 1000));
    assertThat(curve.value(4)).isCloseTo(640.0, within(1e-12 * 1000));
    assertThat(curve.value(8)).isCloseTo(512.0, within(1e-12 * 1000));
    assertThat(curve.value(1024)).isCloseTo(1000.0 * Math.pow(0.8, 10), within(1e-12 * 1000));
  }

  @Test
  @DisplayName("every unit's value follows first x n^(-b) with b = -log2(ratio)")
  void formula() {
    double[] ratios = {0.6, 0.75, 0.85, 0.9, 0.95, 0.99};
    for (double ratio : ratios) {
      LearningCurve curve = new LearningCurve(120.0, ratio);
      double b = -Math.log(ratio) / Math.log(2);
      double previous = Double.POSITIVE_INFINITY;
      for (long n = 1; n <= 5000; n++) {
        double expected = 120.0 * Math.pow((double) n, -b);
        double value = curve.value(n);
        assertThat(value).isCloseTo(expected, within(1e-12 * 120.0));
        assertThat(value).isLessThan(previous);
        previous = value;
      }
    }
  }

  @Test
  @DisplayName("the units needed to reach a target give back that target")
  void unitsToReachRoundTrips() {
    LearningCurve curve = new LearningCurve(500.0, 0.85);
    for (long n = 1; n <= 10_000; n *= 3) {
      double target = curve.value(n);
      assertThat(curve.unitsToReach(target)).isCloseTo((double) n, within(1e-9 * n));
    }
    // A target between two units is first met at the ceiling of the real answer.
    double units = curve.unitsToReach(300.0);
    long firstBelow = (long) Math.ceil(units);
    assertThat(curve.value(firstBelow)).isLessThanOrEqualTo(300.0);
    assertThat(curve.value(firstBelow - 1)).isGreaterThan(300.0);
  }

  @Test
  @DisplayName("a target the first unit already meets takes one unit; one never met takes forever")
  void unitsToReachEdges() {
    LearningCurve curve = new LearningCurve(500.0, 0.85);
    assertThat(curve.unitsToReach(500.0)).isEqualTo(1.0);
    assertThat(curve.unitsToReach(900.0)).isEqualTo(1.0);
    assertThat(curve.unitsToReach(0.0)).isInfinite();
    assertThat(LearningCurve.flat(500.0).unitsToReach(499.0)).isInfinite();
    assertThatThrownBy(() -> curve.unitsToReach(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("a progress ratio of 1 means no learning: every unit costs the same")
  void flat() {
    LearningCurve curve = new LearningCurve(42.5, 1.0);
    assertThat(curve.exponent()).isZero();
    for (long n = 1; n <= 1_000_000; n *= 7) {
      assertThat(curve.value(n)).isEqualTo(42.5);
    }
    assertThat(LearningCurve.flat(42.5)).isEqualTo(curve);
  }

  @Test
  @DisplayName("invalid parameters are refused with the field named")
  void validation() {
    assertThatThrownBy(() -> new LearningCurve(-1, 0.8)).hasMessageStartingWith("first ");
    assertThatThrownBy(() -> new LearningCurve(Double.NaN, 0.8)).hasMessageStartingWith("first ");
    assertThatThrownBy(() -> new LearningCurve(10, 0)).hasMessageStartingWith("progressRatio ");
    assertThatThrownBy(() -> new LearningCurve(10, 1.01)).hasMessageStartingWith("progressRatio ");
    assertThatThrownBy(() -> new LearningCurve(10, 0.8).value(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("n ");
  }
}
