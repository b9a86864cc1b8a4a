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
}
