package phbsim.writers;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.OptionalInt;
import phbsim.money.LedgerLine;
import phbsim.report.AppraisalResult;
import phbsim.report.Arm;
import phbsim.report.ComparisonResult;
import phbsim.report.Position;
import phbsim.report.Summary;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialMonth;

/**
 * Cash flow as tidy CSV, in pounds with pence: one row per period, arm (status quo, each option,
 * each option's saving) and ledger line, with the totals of the cash and the economic position; and
 * the headline figures of each option.
 */
public final class CashFlowCsv {
  private static final CsvMapper MAPPER = Columns.MAPPER;

  private CashFlowCsv() {}

  /**
   * Columns: date, financial_year, period, option, option_title, arm, line, line_title, basis,
   * row_type, saving_is, then the summary columns. {@code row_type} is {@code line} for a ledger
   * line, {@code total} for the two totals ({@code total_cash}, the sum of the cash lines, and
   * {@code total_economic}, of every line) and {@code memo} for a figure never added to them: each
   * option's {@code double_running} (inside the cash) and each saving's {@code
   * cumulative_saving_cash} and {@code cumulative_saving_economic}. {@code saving_is} says of a
   * line whether a saving on it releases cash (LedgerLine.Release).
   */
  static void monthly(AppraisalResult appraisal, Writer out) throws IOException {
    Columns.note(out, appraisal, "Cash flow per month, by ledger line");
    FinancialCalendar cal = appraisal.first().option().compiled().calendar();
    try (SequenceWriter rows =
        MAPPER
            .writer(
                Columns.withSummary(
                    Columns.monthly("line", "line_title", "basis", "row_type", "saving_is")))
            .writeValues(out)) {
      for (int m = 0; m < cal.monthCount(); m++) {
        FinancialMonth fm = cal.month(m);
        String[] when = Columns.when(fm);
        for (ArmRow row : ArmRow.of(appraisal)) {
          ComparisonResult c = row.comparison();
          for (LedgerLine line : LedgerLine.values()) {
            write(rows, when, row, line, c.monthly(row.arm(), m, line));
          }
          for (Position p : Position.values()) {
            writeTotal(rows, when, row, p, c.monthlyTotal(row.arm(), m, p));
          }
          if (row.arm() == Arm.OPTION) {
            rows.write(
                memo(
                    when,
                    row,
                    "double_running",
                    Columns.DOUBLE_RUNNING_MEMO,
                    "cash",
                    c.doubleRunning(m)));
          }
          if (row.arm() == Arm.DIFFERENCE) {
            for (Position p : Position.values()) {
              rows.write(
                  memo(
                      when,
                      row,
                      "cumulative_saving_" + p.label(),
                      "Cumulative saving, " + p.title().toLowerCase(java.util.Locale.ROOT),
                      p == Position.CASH ? "cash" : "economic",
                      c.cumulativeSaving(m, p)));
            }
          }
        }
      }
    }
  }

  /**
   * Columns: financial_year, months_in_year (12, or fewer for a part year), option, option_title,
   * arm, line, line_title, basis, row_type, saving_is, then the summary columns: the lines, the
   * totals and each option's double running (a memo) per financial year, as {@link #monthly}.
   */
  static void annual(AppraisalResult appraisal, Writer out) throws IOException {
    Columns.note(out, appraisal, "Cash flow per financial year, by ledger line");
    var years = appraisal.first().option().financialYears();
    var cal = appraisal.first().option().compiled().calendar();
    try (SequenceWriter rows =
        MAPPER
            .writer(
                Columns.withSummary(
                    "financial_year",
                    "months_in_year",
                    "option",
                    "option_title",
                    "arm",
                    "line",
                    "line_title",
                    "basis",
                    "row_type",
                    "saving_is"))
            .writeValues(out)) {
      for (int y = 0; y < years.size(); y++) {
        String[] when = {years.get(y).label(), Integer.toString(Text.monthsIn(cal, years.get(y)))};
        for (ArmRow row : ArmRow.of(appraisal)) {
          ComparisonResult c = row.comparison();
          for (LedgerLine line : LedgerLine.values()) {
            write(rows, when, row, line, c.annual(row.arm(), y, line));
          }
          for (Position p : Position.values()) {
            writeTotal(rows, when, row, p, c.annualTotal(row.arm(), y, p));
          }
          if (row.arm() == Arm.OPTION) {
            rows.write(
                memo(
                    when,
                    row,
                    "double_running",
                    Columns.DOUBLE_RUNNING_MEMO,
                    "cash",
                    c.doubleRunningYear(y)));
          }
        }
      }
    }
  }

  private static void write(
      SequenceWriter rows, String[] when, ArmRow row, LedgerLine line, Summary s)
      throws IOException {
    rows.write(
        line(
            when,
            row,
            line.label(),
            line.title(),
            line.basis(),
            "line",
            line.release().label(),
            s));
  }

  /**
   * A memo row: a figure beside the lines (double running, the cumulative saving) that is never
   * added to them; summing the {@code line} rows of a basis gives its total.
   */
  private static List<String> memo(
      String[] when, ArmRow row, String code, String title, String basis, Summary s) {
    return line(when, row, code, title, basis, "memo", "", s);
  }

  private static void writeTotal(
      SequenceWriter rows, String[] when, ArmRow row, Position p, Summary s) throws IOException {
    rows.write(
        line(
            when,
            row,
            "total_" + p.label(),
            "Total, " + p.title().toLowerCase(java.util.Locale.ROOT),
            p == Position.CASH ? "cash" : "economic",
            "total",
            "",
            s));
  }

  private static List<String> line(
      String[] when,
      ArmRow row,
      String code,
      String title,
      String basis,
      String rowType,
      String savingIs,
      Summary s) {
    String[] leading = new String[when.length + 8];
    System.arraycopy(when, 0, leading, 0, when.length);
    leading[when.length] = row.option();
    leading[when.length + 1] = row.title();
    leading[when.length + 2] = row.arm().label();
    leading[when.length + 3] = code;
    leading[when.length + 4] = title;
    leading[when.length + 5] = basis;
    leading[when.length + 6] = rowType;
    leading[when.length + 7] = savingIs;
    return Columns.row(s, true, leading);
  }

  /**
   * The headline figures of each option. Columns: option, option_title, figure, figure_title, then
   * the summary columns, then note. Money in pounds; months and shares as numbers.
   */
  static void summary(AppraisalResult appraisal, Writer out) throws IOException {
    summary(appraisal, out, 50_000);
  }

  /**
   * As {@link #summary(AppraisalResult, Writer)}, with the replications needed for a confidence
   * interval of plus or minus {@code precision} pounds on each net saving.
   */
  static void summary(AppraisalResult appraisal, Writer out, double precision) throws IOException {
    Columns.note(out, appraisal, "Headline figures of each option against the status quo");
    FinancialCalendar cal = appraisal.first().option().compiled().calendar();
    List<String> header =
        new java.util.ArrayList<>(List.of("option", "option_title", "figure", "figure_title"));
    header.addAll(Columns.SUMMARY);
    header.add("note");
    try (SequenceWriter rows =
        MAPPER.writer(Columns.of(header.toArray(String[]::new))).writeValues(out)) {
      for (ComparisonResult c : appraisal.options()) {
        for (Position p : Position.values()) {
          String basis = p.label();
          write(
              rows,
              c,
              "net_saving_" + basis,
              "Net saving over the horizon, " + p.title().toLowerCase(java.util.Locale.ROOT),
              c.netSaving(p),
              true,
              "status quo minus option, summed over the horizon");
          write(
              rows,
              c,
              "npv_" + basis,
              "Net present value of the saving, " + p.title().toLowerCase(java.util.Locale.ROOT),
              c.npv(p),
              true,
              "discounted at "
                  + Text.percent(c.discountRate() * 100)
                  + " a year, the first year undiscounted");
          OptionalInt be = c.breakEvenMonthOfMean(p);
          rows.write(
              List.of(
                  c.id(),
                  c.label(),
                  "break_even_" + basis,
                  "Break-even month, " + p.title().toLowerCase(java.util.Locale.ROOT),
                  "",
                  "",
                  "",
                  "",
                  "",
                  be.isPresent()
                      ? Text.month(cal.month(be.getAsInt()))
                      : "not within the horizon (mean cumulative saving)"));
          rows.write(
              List.of(
                  c.id(),
                  c.label(),
                  "share_breaking_even_" + basis,
                  "Share of replications breaking even, "
                      + p.title().toLowerCase(java.util.Locale.ROOT),
                  Numbers.plain(c.shareBreakingEven(p)),
                  "",
                  "",
                  "",
                  "",
                  "a share from 0 to 1"));
        }
        write(
            rows,
            c,
            "double_running",
            "Double running over the horizon (a cost)",
            c.doubleRunningSaving(),
            true,
            "a cost, so negative by the sign rule (cashflow_annual.csv gives it as the option's"
                + " spending): block cost of places left by budget holders and not released,"
                + " capped by their budgets' payments");
        // A release's gross saving, the fixed costs it strands and the net, side by side: the
        // stranded line read alone looks like a loss (Releases).
        phbsim.report.Releases.Figures released = phbsim.report.Releases.horizon(c);
        write(
            rows,
            c,
            "release_gross_saving",
            "Posts released: gross saving over the horizon (the posts and their share of the fixed"
                + " part)",
            released.gross(),
            true,
            "status quo minus option: the posts-released line's saving plus the stranded costs");
        write(
            rows,
            c,
            "release_stranded_costs",
            "Posts released: stranded fixed costs over the horizon (their share of the fixed part,"
                + " still paid)",
            released.stranded(),
            true,
            "a cost, so negative by the sign rule");
        write(
            rows,
            c,
            "release_net_saving",
            "Posts released: net saving over the horizon (the cash no longer paid)",
            released.net(),
            true,
            "gross saving plus stranded fixed costs");
        write(
            rows,
            c,
            "double_running_months",
            "Months with double running",
            c.doubleRunningMonths(),
            false,
            "months");
        for (Position p : Position.values()) {
          int n = c.replicationsNeeded(p, precision);
          rows.write(
              List.of(
                  c.id(),
                  c.label(),
                  "replications_needed_" + p.label(),
                  "Replications needed for the chosen precision, "
                      + p.title().toLowerCase(java.util.Locale.ROOT),
                  n == 0 ? "" : Integer.toString(n),
                  "",
                  "",
                  "",
                  "",
                  "for a 95 % confidence interval of the net saving within plus or minus "
                      + String.format(java.util.Locale.UK, "%,.0f", precision)
                      + " pounds; this run had "
                      + c.option().replicationCount()));
        }
      }
    }
  }

  private static void write(
      SequenceWriter rows,
      ComparisonResult c,
      String figure,
      String title,
      Summary s,
      boolean money,
      String note)
      throws IOException {
    List<String> r = new java.util.ArrayList<>(List.of(c.id(), c.label(), figure, title));
    r.addAll(Columns.cells(s, money));
    r.add(note);
    rows.write(r);
  }
}
