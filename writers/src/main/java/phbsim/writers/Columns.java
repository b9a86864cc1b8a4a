package phbsim.writers;

import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import phbsim.report.AppraisalResult;
import phbsim.report.Arm;
import phbsim.report.Summary;

/**
 * The conventions every CSV file of phbsim follows: a first line starting with {@code #} that
 * states the price base, the sign rule and the two kinds of interval; then a header row; codes in
 * lower case with underscores, each next to its title for people; numbers plain, with no grouping
 * and a full stop for the decimal point; an undefined figure left empty.
 */
public final class Columns {
  /**
   * The one CSV writer: a value is quoted only when it must be (it holds a comma, a quote or a line
   * break), whatever its length, so quoting follows one rule everywhere.
   */
  public static final CsvMapper MAPPER =
      CsvMapper.builder().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING).build();

  /**
   * A figure withheld by small-number suppression, as NHS tables show it: counts of 1 to the
   * threshold less one, and the figures that would let them be worked out, when the starting
   * population came from person-level data (phbsim.report.Disclosure).
   */
  public static final String WITHHELD = "*";

  /**
   * Double running's title in every file and sheet: a memo figure inside the cash (the budgets and
   * places paid twice), never added to a total.
   */
  public static final String DOUBLE_RUNNING_MEMO =
      "Double running (memo: within the cash, not added)";

  /**
   * The summary columns every table ends with; the last, {@code replications}, is the number of
   * replications behind the figure (n): all of them, or those in which the figure is defined (a
   * wait centile is not in a month when nobody got a place), the same for both arms and their
   * difference.
   */
  public static final List<String> SUMMARY =
      List.of("mean", "ci95_low", "ci95_high", "range95_low", "range95_high", "replications");

  /** What the replications column holds, for the note that opens every file. */
  static final String REPLICATIONS_NOTE =
      "replications: how many replications each figure is over (for a figure undefined in some,"
          + " those in which both arms define it, the same for the arms and their difference)";

  private Columns() {}

  /**
   * The names of a monthly table's columns: the month (date, financial_year, period) and which arm
   * of which option (option, option_title, arm), then {@code rest}.
   */
  public static String[] monthly(String... rest) {
    List<String> all =
        new ArrayList<>(
            List.of("date", "financial_year", "period", "option", "option_title", "arm"));
    all.addAll(List.of(rest));
    return all.toArray(String[]::new);
  }

  /** A month's first three cells: its first day, its financial year and its period. */
  public static String[] when(phbsim.time.FinancialMonth month) {
    return new String[] {month.firstDay().toString(), month.financialYear().label(), month.label()};
  }

  /** A header for {@code names}, then the summary columns. */
  public static CsvSchema withSummary(String... names) {
    List<String> all = new ArrayList<>(List.of(names));
    all.addAll(SUMMARY);
    return of(all.toArray(String[]::new));
  }

  public static CsvSchema of(String... names) {
    CsvSchema.Builder b = CsvSchema.builder();
    for (String n : names) {
      b.addColumn(n);
    }
    return b.build().withHeader();
  }

  /**
   * Writes the one-line note that opens a file: what it holds, the prices, the sign rule and the
   * intervals. Spreadsheets show it as the first row; {@code read_csv(..., comment="#")} skips it.
   */
  static void note(Writer out, AppraisalResult appraisal, String what) throws IOException {
    int below = appraisal.suppressBelow();
    note(
        out,
        appraisal.first().option().compiled().scenario(),
        below == 0
            ? what
            : what + ". " + withheldNote(below) + (appraisal.rounds() ? ". " + ROUNDED_NOTE : ""));
  }

  /** What the NHS convention does to the published figures (phbsim.report.NhsRounding). */
  public static final String ROUNDED_NOTE =
      "Every other count is rounded to the nearest 5 (the NHS convention), each on its own, so"
          + " parts need not add up to their total; money that is a price times a count is that"
          + " price times the rounded count, and the confidence interval of a rounded figure is"
          + " withheld";

  /** What a withheld figure means, for the notes of files and sheets. */
  public static String withheldNote(int below) {
    return "* marks a figure withheld because the starting population came from person-level data:"
        + " counts from 1 to "
        + (below - 1)
        + ", and the figures that would let them be worked out (small-number suppression)";
  }

  /** The opening note of a file about a scenario's analysis. */
  public static void note(Writer out, phbsim.scenario.Scenario scenario, String what)
      throws IOException {
    out.write("# " + what + ". " + Text.moneyBasis(scenario) + ". " + Arm.SIGN_RULE);
    out.write(" " + Summary.CI_NOTE + "; " + Summary.RANGE_NOTE + "; " + REPLICATIONS_NOTE + ".\n");
  }

  /**
   * The summary cells: mean, confidence interval, range, pounds with pence if {@code money}; then
   * the replications behind them.
   */
  public static List<String> cells(Summary s, boolean money) {
    if (s.withheld()) {
      return List.of(WITHHELD, WITHHELD, WITHHELD, WITHHELD, WITHHELD, WITHHELD);
    }
    return List.of(
        format(s.mean(), money),
        s.ciWithheld() ? WITHHELD : format(s.ciLow(), money),
        s.ciWithheld() ? WITHHELD : format(s.ciHigh(), money),
        s.rangeWithheld() ? WITHHELD : format(s.rangeLow(), money),
        s.rangeWithheld() ? WITHHELD : format(s.rangeHigh(), money),
        Integer.toString(s.replications()));
  }

  private static String format(double v, boolean money) {
    if (Double.isNaN(v)) {
      return "";
    }
    return money ? Numbers.pounds(v) : Numbers.plain(v);
  }

  /** A row: the leading cells, then the summary's. */
  public static List<String> row(Summary s, boolean money, String... leading) {
    List<String> r = new ArrayList<>(List.of(leading));
    r.addAll(cells(s, money));
    return r;
  }
}
