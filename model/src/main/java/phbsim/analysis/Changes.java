package phbsim.analysis;

import java.math.BigDecimal;

/** Writing values into {@code path=value} changes. */
final class Changes {
  private Changes() {}

  /**
   * A number as a change writes it: a whole number without a decimal point (so that it fits a
   * whole-number setting such as beds), else its shortest exact decimal.
   */
  static String number(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      throw new IllegalArgumentException("not a number: " + v);
    }
    BigDecimal d = BigDecimal.valueOf(v).stripTrailingZeros();
    return d.scale() <= 0 ? d.toBigIntegerExact().toString() : d.toPlainString();
  }

  static String set(String path, double v) {
    return path + "=" + number(v);
  }
}
