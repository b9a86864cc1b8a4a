package phbsim.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ReviewPolicyTest {

  private static final ReviewPolicy POLICY = new ReviewPolicy(0.25, 0.125, 0.2);

  @Test
  @DisplayName("the uniform is read off the thresholds: step down, stop, continue")
  void thresholds() {
    // Cumulative thresholds 0.25 and 0.375 (exact in binary).
    assertThat(POLICY.outcome(0.0, false)).isEqualTo(ReviewOutcome.STEP_DOWN);
    assertThat(POLICY.outcome(Math.nextDown(0.25), false)).isEqualTo(ReviewOutcome.STEP_DOWN);
    assertThat(POLICY.outcome(0.25, false)).isEqualTo(ReviewOutcome.STOP);
    assertThat(POLICY.outcome(Math.nextDown(0.375), false)).isEqualTo(ReviewOutcome.STOP);
    assertThat(POLICY.outcome(0.375, false)).isEqualTo(ReviewOutcome.CONTINUE);
    assertThat(POLICY.outcome(Math.nextDown(1.0), false)).isEqualTo(ReviewOutcome.CONTINUE);
    assertThat(POLICY.continuing()).isEqualTo(0.625);
  }

  @Test
  @DisplayName("a dependent budget never steps down, but can still stop on the same draws")
  void dependent() {
    assertThat(POLICY.outcome(0.0, true)).isEqualTo(ReviewOutcome.CONTINUE);
    assertThat(POLICY.outcome(0.2, true)).isEqualTo(ReviewOutcome.CONTINUE);
    assertThat(POLICY.outcome(0.25, true)).isEqualTo(ReviewOutcome.STOP);
    assertThat(POLICY.outcome(0.37, true)).isEqualTo(ReviewOutcome.STOP);
    assertThat(POLICY.outcome(0.9, true)).isEqualTo(ReviewOutcome.CONTINUE);
    for (int i = 0; i < 1000; i++) {
      double u = i / 1000.0;
      ReviewOutcome free = POLICY.outcome(u, false);
      ReviewOutcome held = POLICY.outcome(u, true);
      assertThat(held).isNotEqualTo(ReviewOutcome.STEP_DOWN);
      assertThat(held == ReviewOutcome.STOP).isEqualTo(free == ReviewOutcome.STOP);
    }
  }

  @Test
  @DisplayName("probabilities that add up to exactly 1 leave nothing to continue")
  void fullProbability() {
    ReviewPolicy policy = new ReviewPolicy(0.3, 0.7, 0.0);
    assertThat(policy.outcome(Math.nextDown(1.0), false)).isEqualTo(ReviewOutcome.STOP);
    assertThat(policy.continuing()).isZero();
  }

  @ParameterizedTest(name = "{0} pence less {1} -> {2} pence")
  @CsvSource({
    "1000000, 0.1, 900000",
    "1000001, 0.1, 900001", // 900000.9
    "3, 0.5, 2", // 1.5 rounds to the even 2
    "5, 0.5, 2", // 2.5 rounds to the even 2
    "7, 0.5, 4", // 3.5 rounds to the even 4
    "12345, 0.25, 9259", // 9258.75
    "999, 0.0, 999",
    "999, 1.0, 0",
    "0, 0.3, 0",
    "1, 0.3, 1" // 0.7
  })
  @DisplayName("a step down takes the share off and rounds half-even to the penny")
  void steppedDown(long pence, double share, long expected) {
    assertThat(new ReviewPolicy(0.1, 0.1, share).steppedDown(pence)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}, {1}, {2} names {3}")
  @CsvSource({
    "-0.1, 0, 0, stepDown",
    "1.1, 0, 0, stepDown",
    "NaN, 0, 0, stepDown",
    "0, 2, 0, stop",
    "0, -0.5, 0, stop",
    "0, 0, 1.5, stepDownShare",
    "0.5, 0.6, 0, stepDown + stop"
  })
  @DisplayName("invalid probabilities are refused with the field named")
  void validation(double stepDown, double stop, double share, String field) {
    assertThatThrownBy(() -> new ReviewPolicy(stepDown, stop, share))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith(field + " must be");
  }

  @Test
  @DisplayName("a uniform outside [0, 1) is refused")
  void uniformRange() {
    assertThatThrownBy(() -> POLICY.outcome(1.0, false))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> POLICY.outcome(-0.01, false))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
