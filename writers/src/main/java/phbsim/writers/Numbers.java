package phbsim.writers;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/** Number formats for files (plain, locale-free, stable bytes) and for people (grouped). */
public final class Numbers {
  private Numbers() {}

  /** A plain decimal for a data file: at most 4 decimal places, no exponent, no grouping. */
  public static String plain(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
    BigDecimal d =
        BigDecimal.valueOf(value).setScale(4, RoundingMode.HALF_EVEN).stripTrailingZeros();
    if (d.signum() == 0) {
      return "0";
    }
    return d.toPlainString();
  }

  /** Pounds with pence for a data file: exactly two decimal places, no grouping. */
  public static String pounds(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** Pounds in thousands for a printed table: "1,234.5" (one decimal place), "-12.0". */
  public static String thousands(double pounds) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
    f.setMinimumFractionDigits(1);
    f.setMaximumFractionDigits(1);
    String s = f.format(pounds / 1000.0);
    return s.equals("-0.0") ? "0.0" : s;
  }

  /** A ratio for people to read, two decimal places: "0.96". */
  public static String twoPlaces(double value) {
    return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_EVEN).toPlainString();
  }

  /** A rounded figure for people to read: "1,234", or "12.3" below 100. */
  /**
   * A parameter's value for reading: three significant figures, grouped (0.0225, 0.38, 3,600), so
   * that small rates do not print as 0.
   */
  public static String significant(double value) {
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      return "";
    }
    if (value == 0) {
      return "0";
    }
    if (Math.abs(value) >= 1000) {
      return String.format(Locale.UK, "%,.0f", value);
    }
    BigDecimal d =
        new BigDecimal(value).round(new java.math.MathContext(3, RoundingMode.HALF_EVEN));
    NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
    f.setMaximumFractionDigits(Math.max(0, d.scale()));
    return f.format(d);
  }

  /** A number for reading, to one decimal place below 100 and none above, with grouping. */
  public static String readable(double value) {
    if (Double.isNaN(value)) {
      return "-"; // undefined, or withheld by small-number suppression
    }
    NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
    f.setMaximumFractionDigits(Math.abs(value) < 100 ? 1 : 0);
    f.setMinimumFractionDigits(0);
    String text = f.format(value);
    // A small negative that rounds to nothing reads as 0, not "-0".
    return text.matches("-0(\\.0*)?") ? text.substring(1) : text;
  }
}
