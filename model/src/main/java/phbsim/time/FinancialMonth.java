package phbsim.time;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * A calendar month seen as an NHS accounting period: April is M1 of its financial year, March is
 * M12.
 */
public record FinancialMonth(YearMonth month) implements Comparable<FinancialMonth> {
  public FinancialMonth {
    if (month == null) {
      throw new IllegalArgumentException("month must not be null");
    }
  }

  public static FinancialMonth containing(LocalDate date) {
    return new FinancialMonth(YearMonth.from(date));
  }

  public FinancialYear financialYear() {
    return FinancialYear.containing(month.atDay(1));
  }

  /** 1 for April ... 12 for March. */
  public int period() {
    return (month.getMonthValue() + 8) % 12 + 1;
  }

  /** "M1" for April ... "M12" for March. */
  public String label() {
    return "M" + period();
  }

  public LocalDate firstDay() {
    return month.atDay(1);
  }

  public FinancialMonth next() {
    return new FinancialMonth(month.plusMonths(1));
  }

  @Override
  public int compareTo(FinancialMonth o) {
    return month.compareTo(o.month);
  }

  @Override
  public String toString() {
    return month + " " + financialYear().label() + " " + label();
  }
}
