package phbsim.writers;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.dhatim.fastexcel.BorderSide;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Position;
import org.dhatim.fastexcel.Worksheet;
import phbsim.writers.xlsx.Cells;

/**
 * One worksheet written row by row, in the house style: a title, a few lines of basis, then a table
 * whose header row is bold, shaded and frozen, with numbers as numbers in the formats a finance
 * lead expects (negatives in brackets), dates as dates, and totals and differences as formulas over
 * the cells they add or take apart, each with the value phbsim computed cached beside it.
 *
 * <p>Printed, every sheet is A4 landscape, as wide as one page (as many pages down as it needs),
 * with its title, basis and header repeated at the top of each page and the sheet's name and page
 * number at the foot: a finance lead prints a tab and gets a paper, not 900 slices of one.
 */
final class Sheet {
  /** A formula (without its "=") and the value phbsim computed for it. */
  record Formula(String expression, double cached) {
    Formula {
      // fastexcel writes a formula's text into the XML as it is, unescaped
      if (expression.matches(".*[<>&].*")) {
        throw new IllegalArgumentException("a formula with <, > or &: " + expression);
      }
    }
  }

  /** A month or a day: day, month and year, as UK finance writes a date. */
  static final String DATE = "dd mmm yyyy";

  /** A time of day with its date. */
  static final String DATE_TIME = "dd mmm yyyy hh:mm:ss";

  /** Pounds in thousands, one decimal, negatives in brackets, zero as a dash. */
  static final String THOUSANDS = "#,##0.0;(#,##0.0);\"-\"";

  /** Whole pounds, negatives in brackets. */
  static final String POUNDS = "#,##0;(#,##0);\"-\"";

  /** A count or a rate, one decimal. */
  static final String NUMBER = "#,##0.0";

  /** A count that can be large: grouped, up to two decimals shown only when there are any. */
  static final String COUNT = "#,##0.##";

  /** A share written as a fraction and shown as a percentage. */
  static final String PERCENT = "0.0%";

  /** A percentage already in percent units (e.g. -12.0 for -12 %). */
  static final String PERCENT_POINTS = "0.0\" %\";(0.0\" %\")";

  private final Book book;

  /** Which scenario the workbook is about, or null. */
  Origin origin() {
    return book.origin;
  }

  private final Worksheet ws;
  private final String name;
  private final int number;
  private final int[] widths = new int[64];
  private int row;
  private int headerRow = -1;

  Sheet(Book book, String name) {
    this.book = book;
    this.ws = book.workbook.newWorksheet(name);
    this.name = name;
    this.number = book.nextSheet();
    ws.pageOrientation("landscape");
    ws.paperSize(PaperSize.A4_PAPER);
    ws.setFitToPage(true);
    ws.fitToWidth((short) 1);
    ws.fitToHeight((short) 0); // 0: as many pages down as the rows need
    ws.leftMargin(0.5f);
    ws.rightMargin(0.5f);
    ws.topMargin(0.6f);
    ws.bottomMargin(0.6f);
    // fastexcel's placeholders for the sheet's name (&A) and "Page &P of &N".
    ws.footer("sheetname", Position.LEFT);
    ws.footer("page 1 of ?", Position.RIGHT);
  }

  /** The sheet's name, as a formula on another sheet names it. */
  String name() {
    return name;
  }

  /** The row the next call writes (from 0). */
  int row() {
    return row;
  }

  /** Prints the whole sheet on one page (the board paper's summary). */
  Sheet onePage() {
    ws.fitToHeight((short) 1);
    return this;
  }

  /** A chart over this sheet's cells. */
  void chart(phbsim.writers.xlsx.LineChart chart) {
    book.parts.chart(number, chart);
  }

  /** "'Cash flow'!F12": a cell of this sheet as another sheet's formula names it. */
  String ref(int row, int column) {
    return Cells.onSheet(name, Cells.ref(row, column));
  }

  /** The sheet's title, in bold. */
  Sheet title(String text) {
    // Every sheet of a run's workbook names its scenario (file, own name, overrides) first: a
    // sheet copied into another paper still says what it is of.
    if (book.origin != null) {
      text = book.origin.label() + ": " + text;
    }
    ws.value(row, 0, text);
    ws.style(row, 0).bold().fontSize(14).set();
    row++;
    return this;
  }

  /** A line of text (the basis, the sign rule). */
  Sheet line(String text) {
    ws.value(row, 0, text);
    ws.style(row, 0).italic().set();
    row++;
    return this;
  }

  Sheet blank() {
    row++;
    return this;
  }

  /** A header row: bold, shaded, a rule beneath, frozen with everything above it. */
  Sheet header(String... names) {
    for (int c = 0; c < names.length; c++) {
      ws.value(row, c, names[c]);
      ws.style(row, c)
          .bold()
          .fillColor("DDE4EE")
          .wrapText(true)
          .verticalAlignment("center")
          .borderStyle(BorderSide.BOTTOM, BorderStyle.THIN)
          .set();
      widen(c, Math.min(names[c].length(), 24));
    }
    int longest = 0;
    for (String n : names) {
      longest = Math.max(longest, n.length());
    }
    if (longest > 14) {
      // room for a wrapped heading, which the printout would cut
      ws.rowHeight(row, longest > 40 ? 45 : 30);
    }
    if (headerRow < 0) {
      headerRow = row;
      ws.freezePane(0, row + 1);
    }
    row++;
    return this;
  }

  /** A header cell spanning several columns (a financial year over its 12 months). */
  Sheet spanning(int column, int columns, String text) {
    ws.value(row, column, text);
    ws.range(row, column, row, column + columns - 1).merge();
    ws.range(row, column, row, column + columns - 1)
        .style()
        .bold()
        .horizontalAlignment("center")
        .fillColor("DDE4EE")
        .set();
    return this;
  }

  /** Moves to the next row (after {@link #spanning}). */
  Sheet next() {
    row++;
    return this;
  }

  /**
   * A row of cells: a String is text, a Number a number in the format given for its column (null: a
   * plain number), null or NaN an empty cell.
   */
  Sheet cells(String[] formats, Object... values) {
    for (int c = 0; c < values.length; c++) {
      Object v = values[c];
      if (v == null) {
        continue;
      }
      if (v instanceof String s) {
        ws.value(row, c, s);
        widen(c, Math.min(s.length(), 60));
      } else if (v instanceof Formula f) {
        ws.formula(row, c, f.expression());
        book.parts.cache(number, row, c, f.cached());
        format(c, formats);
        widen(c, 12);
      } else if (v instanceof LocalDate d) {
        ws.value(row, c, d);
        ws.style(row, c).format(DATE).set();
        widen(c, 11);
      } else if (v instanceof LocalDateTime t) {
        ws.value(row, c, t);
        ws.style(row, c).format(DATE_TIME).set();
        widen(c, 20);
      } else if (v instanceof Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          continue;
        }
        ws.value(row, c, n);
        format(c, formats);
        widen(c, 12);
      } else {
        ws.value(row, c, v.toString());
      }
    }
    row++;
    return this;
  }

  private void format(int c, String[] formats) {
    String format = formats != null && c < formats.length ? formats[c] : null;
    if (format != null) {
      ws.style(row, c).format(format).set();
    }
  }

  /** What a withheld figure shows (small-number suppression): the NHS convention. */
  static final String WITHHELD = "*";

  /** A summary's mean as a cell: a number, or {@link #WITHHELD}. */
  static Object mean(phbsim.report.Summary s) {
    return s.withheld() ? WITHHELD : s.mean();
  }

  /** A summary's lower confidence bound as a cell. */
  static Object low(phbsim.report.Summary s) {
    return s.withheld() || s.ciWithheld() ? WITHHELD : s.ciLow();
  }

  /** A summary's upper confidence bound as a cell. */
  static Object high(phbsim.report.Summary s) {
    return s.withheld() || s.ciWithheld() ? WITHHELD : s.ciHigh();
  }

  /** Key and value, for the Run sheet. */
  Sheet pair(String key, Object value) {
    return cells(null, key, value);
  }

  /** Bold text in the first column: a section of a long sheet. */
  Sheet section(String text) {
    ws.value(row, 0, text);
    ws.style(row, 0).bold().set();
    row++;
    return this;
  }

  private void widen(int column, int characters) {
    if (column < widths.length) {
      widths[column] = Math.max(widths[column], characters);
    }
  }

  /**
   * Sets the column widths from what was written (the title column no wider than it needs), and the
   * rows every printed page repeats: the title, the basis and the first header.
   */
  void finish() {
    if (headerRow >= 0) {
      ws.repeatRows(0, headerRow);
    }
    for (int c = 0; c < widths.length; c++) {
      if (widths[c] > 0) {
        ws.width(c, Math.max(9, Math.min(62, widths[c] + 2)));
      }
    }
  }
}
