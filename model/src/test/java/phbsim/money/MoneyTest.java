package phbsim.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MoneyTest {

  @ParameterizedTest(name = "£{0} is {1}p")
  @CsvSource({
    // Exact amounts need no rounding.
    "0, 0",
    "1234.56, 123456",
    "3602, 360200",
    // Half a penny goes to the even penny: 12.5p -> 12p, 13.5p -> 14p.
    "0.125, 12",
    "0.135, 14",
    // 100.5p -> 100p (even), 101.5p -> 102p (even), 267.5p -> 268p (even).
    "1.005, 100",
    "1.015, 102",
    "2.675, 268",
    // Not a half: 0.1249 -> 12.49p -> 12p, 0.1251 -> 12.51p -> 13p.
    "0.1249, 12",
    "0.1251, 13",
    // Negative amounts round the same way, mirrored: -12.5p -> -12p, -13.5p -> -14p.
    "-0.125, -12",
    "-0.135, -14",
    "-7, -700",
    "-1234.56, -123456"
  })
  @DisplayName("pounds become pence rounded half to even, as the decimal is written")
  void toPenceRoundsHalfEven(double pounds, long pence) {
    assertThat(Money.toPence(pounds)).isEqualTo(pence);
    assertThat(Money.ofPounds(pounds).pence()).isEqualTo(pence);
  }

  @Test
  @DisplayName("an amount that is not a number, or does not fit in pence, is refused")
  void toPenceRefusesNonAmounts() {
    assertThatThrownBy(() -> Money.toPence(Double.NaN))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.toPence(Double.POSITIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Money.toPence(Double.NEGATIVE_INFINITY))
        .isInstanceOf(IllegalArgumentException.class);
    // £1e17 is 1e19 pence, above Long.MAX_VALUE (about 9.22e18).
    assertThatThrownBy(() -> Money.toPence(1e17)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.toPence(-1e17)).isInstanceOf(ArithmeticException.class);
  }

  @ParameterizedTest(name = "{0}p x {1} = {2}p")
  @CsvSource({
    // Whole results need no rounding: 57,500p a bed day x 3 days.
    "57500, 3, 172500",
    // 27,300p x 0.25 = 6,825p.
    "27300, 0.25, 6825",
    // Half pennies go to the even penny: 5p x 0.5 = 2.5p -> 2p; 7p x 0.5 = 3.5p -> 4p.
    "5, 0.5, 2",
    "7, 0.5, 4",
    // 27,015p x 0.5 = 13,507.5p -> 13,508p; 27,013p x 0.5 = 13,506.5p -> 13,506p.
    "27015, 0.5, 13508",
    "27013, 0.5, 13506",
    // 30,017p x 0.9 = 27,015.3p -> 27,015p; 30,016p x 0.9 = 27,014.4p -> 27,014p.
    "30017, 0.9, 27015",
    "30016, 0.9, 27014",
    // 30,026p x 0.1 = 3,002.6p -> 3,003p.
    "30026, 0.1, 3003",
    // Negative: -5p x 0.5 = -2.5p -> -2p; -7p x 0.5 = -3.5p -> -4p; 7p x -0.5 -> -4p.
    "-5, 0.5, -2",
    "-7, 0.5, -4",
    "7, -0.5, -4",
    // Zero quantity, zero price.
    "123456, 0, 0",
    "0, 12.75, 0"
  })
  @DisplayName("price x quantity rounds half to even")
  void timesRoundsHalfEven(long pence, double quantity, long expected) {
    assertThat(Money.times(pence, quantity)).isEqualTo(expected);
  }

  @Test
  @DisplayName("price x quantity that does not fit in pence is refused, not saturated")
  void timesOverflowThrows() {
    // Long.MAX_VALUE x 2 is about 1.8e19 pence, beyond a long: it must not come back as
    // Long.MAX_VALUE (a silently wrong figure) but fail.
    assertThatThrownBy(() -> Money.times(Long.MAX_VALUE, 2.0))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.times(Long.MIN_VALUE, 2.0))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.times(100, 1e18)).isInstanceOf(ArithmeticException.class);
    // A quantity that is not a number has no price: not 0p.
    assertThatThrownBy(() -> Money.times(100, Double.NaN)).isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> Money.times(100, Double.POSITIVE_INFINITY))
        .isInstanceOf(ArithmeticException.class);
    // Just inside: 2^62 pence x 1 is exact in a double and fits.
    assertThat(Money.times(1L << 62, 1.0)).isEqualTo(1L << 62);
  }

  @Test
  @DisplayName("sums and differences are exact and overflow throws")
  void arithmetic() {
    Money a = new Money(123_456);
    Money b = new Money(-700);
    // £1,234.56 + -£7.00 = £1,227.56; £1,234.56 - -£7.00 = £1,241.56.
    assertThat(a.plus(b)).isEqualTo(new Money(122_756));
    assertThat(a.minus(b)).isEqualTo(new Money(124_156));
    assertThat(b.negate()).isEqualTo(new Money(700));
    assertThat(Money.ZERO.pence()).isZero();
    assertThatThrownBy(() -> new Money(Long.MAX_VALUE).plus(new Money(1)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> new Money(Long.MIN_VALUE).minus(new Money(1)))
        .isInstanceOf(ArithmeticException.class);
    assertThatThrownBy(() -> new Money(Long.MIN_VALUE).negate())
        .isInstanceOf(ArithmeticException.class);
  }

  @Test
  @DisplayName("amounts order by pence and convert to exact pounds")
  void orderAndPounds() {
    assertThat(new Money(-1)).isLessThan(Money.ZERO);
    assertThat(new Money(100)).isGreaterThan(new Money(99));
    assertThat(new Money(100).compareTo(new Money(100))).isZero();
    assertThat(new Money(123_456).pounds()).isEqualByComparingTo(new BigDecimal("1234.56"));
    assertThat(new Money(123_456).pounds().scale()).isEqualTo(2);
    assertThat(new Money(-700).pounds()).isEqualTo(new BigDecimal("-7.00"));
    assertThat(new Money(5).pounds()).isEqualTo(new BigDecimal("0.05"));
  }

  @ParameterizedTest(name = "{0}p is \"{1}\"")
  @CsvSource(
      delimiter = '|',
      value = {
        "123456 | £1,234.56",
        "-700 | -£7.00",
        "0 | £0.00",
        "5 | £0.05",
        "-5 | -£0.05",
        "99 | £0.99",
        "100 | £1.00",
        "14600000 | £146,000.00",
        "-416667 | -£4,166.67",
        "100000000001 | £1,000,000,000.01",
        "9223372036854775807 | £92,233,720,368,547,758.07",
        // The most negative long has no positive twin: it must still print as money.
        "-9223372036854775808 | -£92,233,720,368,547,758.08"
      })
  @DisplayName("prints as a board paper would: £, thousands separators, two places")
  void printsAsPounds(long pence, String text) {
    assertThat(new Money(pence)).hasToString(text);
  }
}
