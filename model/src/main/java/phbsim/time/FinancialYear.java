package phbsim.time;

import java.time.LocalDate;

/**
 * An NHS financial year, 1 April to 31 March, named by the calendar year in which it starts: {@code
 * new FinancialYear(2026).label()} is "2026/27".
 */
public record FinancialYear(int startYear) implements Comparable<FinancialYear> {
  public FinancialYear {
    if (startYear < 1900 || startYear > 9998) {
      throw new IllegalArgumentException(
          "financial year must start in 1900..9998, was " + startYear);
    }
  }

  /** The financial year that contains {@code date}. */
  public static FinancialYear containing(LocalDate date) {
    return new FinancialYear(date.getMonthValue() >= 4 ? date.getYear() : date.getYear() - 1);
  }

  /**
   * The financial year written as in {@link #label()}, such as "2023/24"; empty if {@code text} is
   * not one (the second part must be the year after the first).
   */
  public static java.util.Optional<FinancialYear> parse(String text) {
    if (text == null || !text.matches("\\d{4}/\\d{2}")) {
      return java.util.Optional.empty();
    }
    int start = Integer.parseInt(text.substring(0, 4));
    int end = Integer.parseInt(text.substring(5));
    if (start < 1900 || start > 9998 || end != (start + 1) % 100) {
      return java.util.Optional.empty();
    }
    return java.util.Optional.of(new FinancialYear(start));
  }

  /** "2026/27"; "1999/00" for the year that starts in 1999. */
  public String label() {
    int next = (startYear + 1) % 100;
    return startYear + "/" + (next < 10 ? "0" : "") + next;
  }

  public LocalDate firstDay() {
    return LocalDate.of(startYear, 4, 1);
  }

  public LocalDate lastDay() {
    return LocalDate.of(startYear + 1, 3, 31);
  }

  public FinancialYear next() {
    return new FinancialYear(startYear + 1);
  }

  @Override
  public int compareTo(FinancialYear o) {
    return Integer.compare(startYear, o.startYear);
  }

  @Override
  public String toString() {
    return label();
  }
}
