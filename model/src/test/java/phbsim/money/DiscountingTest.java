package phbsim.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Discounting (Green Book: year t x 1/(1+r)^t, year 0 undiscounted)")
class DiscountingTest {

  @Test
  @DisplayName("discount factors at 3.5 % match the Green Book table")
  void factorsAtGreenBookRate() {
    // Year 0: 1. Year 1: 1/1.035 = 0.966184. Year 2: 1/1.071225 = 0.933511.
    // Year 3: 1/1.108718 = 0.901943. Year 10: 1/1.410599 = 0.708919.
    assertThat(Discounting.factor(0, 0.035)).isEqualTo(1.0);
    assertThat(Discounting.factor(1, 0.035)).isCloseTo(0.966184, within(5e-7));
    assertThat(Discounting.factor(2, 0.035)).isCloseTo(0.933511, within(5e-7));
    assertThat(Discounting.factor(3, 0.035)).isCloseTo(0.901943, within(5e-7));
    assertThat(Discounting.factor(10, 0.035)).isCloseTo(0.708919, within(5e-7));
  }

  @Test
  @DisplayName("at rate 0 every factor is 1 and the present value is the plain sum")
  void rateZero() {
    for (int t = 0; t < 30; t++) {
      assertThat(Discounting.factor(t, 0.0)).isEqualTo(1.0);
    }
    // 100,000 + 250,001 - 3 = 349,998p.
    assertThat(Discounting.presentValue(new long[] {100_000, 250_001, -3}, 0.0)).isEqualTo(349_998);
  }

  @Test
  @DisplayName("£1,000 a year for 3 years at 3.5 % is worth £2,899.69")
  void threeYearsAtGreenBookRate() {
    // 100,000p x (1 + 1/1.035 + 1/1.035^2)
    //   = 100,000 + 96,618.357... + 93,351.070... = 289,969.428p -> 289,969p = £2,899.69.
    assertThat(Discounting.presentValue(new long[] {100_000, 100_000, 100_000}, 0.035))
        .isEqualTo(289_969);
  }

  @Test
  @DisplayName("the present value is rounded once, at the end, half to even")
  void roundedOnce() {
    // £10 in year 1 at 3.5 %: 1,000 / 1.035 = 966.183p -> 966p.
    assertThat(Discounting.presentValue(new long[] {0, 1_000}, 0.035)).isEqualTo(966);
    // £10 in each of years 1 and 2: 966.184 + 933.511 = 1,899.694p -> 1,900p.
    assertThat(Discounting.presentValue(new long[] {0, 1_000, 1_000}, 0.035)).isEqualTo(1_900);
    // Half a penny is rounded to even: 1p at rate 1 (100 %) in year 1 is 0.5p -> 0p, and 3p is
    // 1.5p -> 2p.
    assertThat(Discounting.presentValue(new long[] {0, 1}, 1.0)).isZero();
    assertThat(Discounting.presentValue(new long[] {0, 3}, 1.0)).isEqualTo(2);
    // 1p in each of years 1 and 2 at 100 %: 0.5 + 0.25 = 0.75p -> 1p, though each year alone
    // would round to 0p: rounding happens once.
    assertThat(Discounting.presentValue(new long[] {0, 1, 1}, 1.0)).isEqualTo(1);
  }

  @Test
  @DisplayName("savings (negative years) are discounted like costs")
  void negativeYears() {
    // -£1,000 in year 1 at 3.5 %: -100,000 / 1.035 = -96,618.357p -> -96,618p.
    assertThat(Discounting.presentValue(new long[] {0, -100_000}, 0.035)).isEqualTo(-96_618);
    // Costs then savings: 100,000 - 96,618.357 = 3,381.643p -> 3,382p.
    assertThat(Discounting.presentValue(new long[] {100_000, -100_000}, 0.035)).isEqualTo(3_382);
    assertThat(Discounting.presentValue(new long[0], 0.035)).isZero();
  }

  @Test
  @DisplayName("a rate of -100 % or below is refused")
  void badRate() {
    assertThatThrownBy(() -> Discounting.factor(1, -1.0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Discounting.presentValue(new long[] {1, 1}, -1.5))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
