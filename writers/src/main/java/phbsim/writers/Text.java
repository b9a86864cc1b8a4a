package phbsim.writers;

import java.util.Locale;
import phbsim.report.AppraisalResult;
import phbsim.time.FinancialMonth;

/** Words shared by every output: the money basis, plurals, percentages, months. */
public final class Text {
  private Text() {}

  /** "Money in pounds at 2026/27 prices, real terms" or the cash-terms equivalent. */
  static String moneyBasis(AppraisalResult appraisal) {
    return moneyBasis(appraisal.first().option().compiled().scenario());
  }

  /** The money basis of a scenario's outputs. */
  public static String moneyBasis(phbsim.scenario.Scenario scenario) {
    String base = new phbsim.money.Prices(scenario).base().label();
    double inflation = scenario.money().inflationPercent();
    double real = scenario.money().discountRatePercent();
    double rate = ((1 + real / 100) * (1 + inflation / 100) - 1) * 100;
    if (inflation == 0) {
      return "Money in pounds at "
          + base
          + " prices, real terms; NPV at "
          + percent(rate)
          + " a year (real)";
    }
    return "Money in pounds of each year (cash terms): "
        + base
        + " prices uplifted by "
        + percent(inflation)
        + " each April; NPV at "
        + percent(rate)
        + " a year, the nominal rate matching "
        + percent(real)
        + " real";
  }

  /** "3.5 %", "97 %": a percentage for people, at most one decimal place. */
  public static String percent(double value) {
    return Numbers.readable(Math.round(value * 10) / 10.0) + " %";
  }

  /** A share (0.97) as a percentage for people ("97 %"). */
  public static String share(double fraction) {
    return Double.isNaN(fraction) ? "-" : percent(fraction * 100);
  }

  /** "1 replication", "2 replications". */
  public static String count(long n, String singular, String plural) {
    return String.format(Locale.UK, "%,d", n) + " " + (n == 1 ? singular : plural);
  }

  /** "2028-04 (2028/29 M1)". */
  public static String month(FinancialMonth m) {
    return m.firstDay().toString().substring(0, 7)
        + " ("
        + m.financialYear().label()
        + " "
        + m.label()
        + ")";
  }

  /**
   * The problems found in a scenario, as {@code phbsim validate} prints them: the name and how
   * many, then one indented line each.
   */
  public static void problems(java.io.PrintWriter err, String name, java.util.List<?> problems) {
    err.printf(
        java.util.Locale.ROOT,
        "%s: %d %s%n",
        name,
        problems.size(),
        problems.size() == 1 ? "problem" : "problems");
    problems.forEach(p -> err.println("  " + p));
  }

  /**
   * A financial year's column heading: its label, and for a year the horizon covers only in part
   * the periods it holds ("2026/27 M12", "2027/28 M1-11"), so a part year is never read as a full
   * one.
   */
  public static String yearHeading(phbsim.time.FinancialCalendar cal, phbsim.time.FinancialYear y) {
    int first = 0;
    int last = 0;
    int count = 0;
    for (int m = 0; m < cal.monthCount(); m++) {
      FinancialMonth fm = cal.month(m);
      if (fm.financialYear().equals(y)) {
        first = count == 0 ? fm.period() : first;
        last = fm.period();
        count++;
      }
    }
    if (count >= 12) {
      return y.label();
    }
    return y.label() + " M" + first + (last != first ? "-" + last : "");
  }

  /**
   * How many months of financial year {@code y} the horizon holds: 12, or fewer for a part year.
   */
  public static int monthsIn(phbsim.time.FinancialCalendar cal, phbsim.time.FinancialYear y) {
    int count = 0;
    for (int m = 0; m < cal.monthCount(); m++) {
      if (cal.month(m).financialYear().equals(y)) {
        count++;
      }
    }
    return count;
  }

  /**
   * The horizon in words: "5 years" when it covers whole financial years, else its months and the
   * financial years they fall in ("24 months across 3 financial years, 2 of them part years").
   */
  public static String horizon(phbsim.time.FinancialCalendar cal) {
    var years = cal.financialYears();
    int part = 0;
    for (var y : years) {
      if (!yearHeading(cal, y).equals(y.label())) {
        part++;
      }
    }
    if (part == 0) {
      return count(years.size(), "year", "years");
    }
    return count(cal.monthCount(), "month", "months")
        + " across "
        + count(years.size(), "financial year", "financial years")
        + ", "
        + (part == 1 ? "1 of them a part year" : part + " of them part years");
  }

  /**
   * Which way a change went, in words, for a percentage whose sign alone a reader may misread: "
   * (fell)" or " (rose)" after the figure, empty for none or no change.
   *
   * @param change the change (any unit; only its sign is read)
   * @param down the word when it is below zero ("fell")
   * @param up the word when it is above zero ("rose")
   */
  public static String direction(double change, String down, String up) {
    // A change printed as 0 % (under half a tenth of a point) has no direction to state.
    if (Double.isNaN(change) || Math.abs(change) < 0.05) {
      return "";
    }
    return " (" + (change < 0 ? down : up) + ")";
  }
}
