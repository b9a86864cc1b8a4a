package phbsim.cli.write;

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

  /** A rounded figure for people to read: "1,234", or "12.3" below 100. */
  public static String readable(double value) {
    NumberFormat f = NumberFormat.getNumberInstance(Locale.UK);
    f.setMaximumFractionDigits(Math.abs(value) < 100 ? 1 : 0);
    f.setMinimumFractionDigits(0);
    return f.format(value);
  }
}
