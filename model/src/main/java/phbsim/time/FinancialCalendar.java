package phbsim.time;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Maps simulated time (days since the start date, day 0.0 being the start of the start date) to
 * calendar dates and accounting months over a horizon of whole years.
 *
 * <p>Month {@code m} (0-based) of the horizon covers days {@code [monthStart(m), monthStart(m+1))}.
 * If the start date is not the first of a month, month 0 is the part of that month that remains.
 */
public final class FinancialCalendar {
  private final LocalDate startDate;
  private final int years;
  private final List<FinancialMonth> months;
  private final int[] monthStartDays;

  public FinancialCalendar(LocalDate startDate, int years) {
    if (years < 1 || years > 30) {
      throw new IllegalArgumentException("horizon must be 1..30 years, was " + years);
    }
    this.startDate = startDate;
    this.years = years;
    LocalDate end = startDate.plusYears(years);
    List<FinancialMonth> list = new ArrayList<>();
    List<Integer> starts = new ArrayList<>();
    LocalDate first = startDate;
    while (first.isBefore(end)) {
      list.add(FinancialMonth.containing(first));
      starts.add((int) ChronoUnit.DAYS.between(startDate, first));
      first = first.withDayOfMonth(1).plusMonths(1);
    }
    starts.add((int) ChronoUnit.DAYS.between(startDate, end));
    this.months = List.copyOf(list);
    this.monthStartDays = starts.stream().mapToInt(Integer::intValue).toArray();
  }

  public LocalDate startDate() {
    return startDate;
  }

  public int years() {
    return years;
  }

  /** The horizon in days: the first day that is no longer simulated. */
  public int horizonDays() {
    return monthStartDays[monthStartDays.length - 1];
  }

  /** Number of accounting months in the horizon. */
  public int monthCount() {
    return months.size();
  }

  public FinancialMonth month(int index) {
    return months.get(index);
  }

  /**
   * The day on which month {@code index} starts; {@code monthStart(monthCount())} is the horizon.
   */
  public int monthStart(int index) {
    return monthStartDays[index];
  }

  /**
   * Length of month {@code index} in days (a partial first month counts only its simulated days).
   */
  public int monthLength(int index) {
    return monthStartDays[index + 1] - monthStartDays[index];
  }

  /** The date on which simulated day {@code day} falls. */
  public LocalDate dateOf(double day) {
    return startDate.plusDays((long) Math.floor(day));
  }

  /**
   * The index of the month containing {@code day}, or {@link #monthCount()} if the day is at or
   * past the horizon.
   */
  public int monthIndexOf(double day) {
    if (day < 0) {
      throw new IllegalArgumentException("day must be >= 0, was " + day);
    }
    int lo = 0;
    int hi = monthStartDays.length - 1;
    if (day >= monthStartDays[hi]) {
      return hi;
    }
    while (hi - lo > 1) {
      int mid = (lo + hi) >>> 1;
      if (monthStartDays[mid] <= day) {
        lo = mid;
      } else {
        hi = mid;
      }
    }
    return lo;
  }

  /** The accounting month containing {@code day}. */
  public FinancialMonth monthOf(double day) {
    return FinancialMonth.containing(dateOf(day));
  }

  /** Number of financial years touched by the horizon. */
  public List<FinancialYear> financialYears() {
    List<FinancialYear> list = new ArrayList<>();
    for (FinancialMonth m : months) {
      if (list.isEmpty() || !list.get(list.size() - 1).equals(m.financialYear())) {
        list.add(m.financialYear());
      }
    }
    return List.copyOf(list);
  }
}
