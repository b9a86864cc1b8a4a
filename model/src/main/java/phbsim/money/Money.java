package phbsim.money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * An amount of money in whole pence. Never a double: pennies must not drift (docs/model.md section
 * 5).
 *
 * <p>Conversions from pounds round half to even, once, at the point a price enters the model.
 */
public record Money(long pence) implements Comparable<Money> {
  public static final Money ZERO = new Money(0);

  /** Exactly {@code pounds}, rounded half-even to the penny. */
  public static Money ofPounds(double pounds) {
    return new Money(toPence(pounds));
  }

  /** Pence for an amount in pounds, rounded half-even; for prices as a scenario states them. */
  public static long toPence(double pounds) {
    if (Double.isNaN(pounds) || Double.isInfinite(pounds)) {
      throw new IllegalArgumentException("not an amount of money: " + pounds);
    }
    return BigDecimal.valueOf(pounds)
        .movePointRight(2)
        .setScale(0, RoundingMode.HALF_EVEN)
        .longValueExact();
  }

  /**
   * {@code pence x quantity}, rounded half-even to the penny (quantity may be fractional, such as
   * bed days in continuous time). Exact for amounts below about 90 trillion pounds.
   *
   * @throws ArithmeticException if the result is not a number or does not fit in a long (a cast
   *     would silently saturate)
   */
  public static long times(long pence, double quantity) {
    double product = Math.rint(pence * quantity);
    if (!(Math.abs(product) < 0x1p63)) {
      throw new ArithmeticException(pence + "p x " + quantity + " is not an amount in pence");
    }
    return (long) product;
  }

  public Money plus(Money other) {
    return new Money(Math.addExact(pence, other.pence));
  }

  public Money minus(Money other) {
    return new Money(Math.subtractExact(pence, other.pence));
  }

  public Money negate() {
    return new Money(Math.negateExact(pence));
  }

  /** Pounds as an exact decimal with two places. */
  public BigDecimal pounds() {
    return BigDecimal.valueOf(pence, 2);
  }

  @Override
  public int compareTo(Money o) {
    return Long.compare(pence, o.pence);
  }

  /** "£1,234.56", "-£7.00". */
  @Override
  public String toString() {
    String sign = pence < 0 ? "-" : "";
    // Pounds and pence taken apart before the sign is dropped: Math.abs(Long.MIN_VALUE) < 0.
    long pounds = Math.abs(pence / 100);
    long pennies = Math.abs(pence % 100);
    return sign + "£" + String.format(java.util.Locale.UK, "%,d.%02d", pounds, pennies);
  }
}
