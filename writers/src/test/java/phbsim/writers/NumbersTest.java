package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Numbers for people to read, worked by hand. */
class NumbersTest {
  @Test
  @DisplayName(
      "readable: one decimal below 100, none above, grouped; never '-0'; '-' when undefined")
  void readable() {
    assertThat(Numbers.readable(12.34)).isEqualTo("12.3");
    assertThat(Numbers.readable(1234.6)).isEqualTo("1,235");
    assertThat(Numbers.readable(-0.04)).isEqualTo("0");
    assertThat(Numbers.readable(-0.0)).isEqualTo("0");
    assertThat(Numbers.readable(-0.06)).isEqualTo("-0.1");
    assertThat(Numbers.readable(Double.NaN)).isEqualTo("-");
  }
}
