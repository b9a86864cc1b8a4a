package phbsim.world;

import phbsim.time.FinancialCalendar;

/**
 * The month the books are open for (every count, measure and payment of the moment goes to it) and
 * each month's price uplift. Shared by the rooms of one replication; only the month end moves it.
 */
final class OpenMonth {
  /** The open month's index (0 = the first month of the horizon). */
  int month;

  private final double[] uplift;

  /** Prices uplifted each April by {@code inflationPercent} (0 by default: real terms). */
  OpenMonth(FinancialCalendar calendar, double inflationPercent) {
    int months = calendar.monthCount();
    this.uplift = new double[months];
    double inflation = inflationPercent / 100.0;
    var years = calendar.financialYears();
    for (int m = 0; m < months; m++) {
      uplift[m] = Math.pow(1 + inflation, years.indexOf(calendar.month(m).financialYear()));
    }
  }

  /** The open month's price uplift. */
  double uplift() {
    return uplift[month];
  }

  /** Month m's price uplift. */
  double uplift(int m) {
    return uplift[m];
  }
}
