package phbsim.writers;

import org.dhatim.fastexcel.BorderSide;
import org.dhatim.fastexcel.BorderStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/**
 * One worksheet written row by row, in the house style: a title, a few lines of basis, then a table
 * whose header row is bold, shaded and frozen, with numbers as numbers in the formats a finance
 * lead expects (negatives in brackets).
 */
final class Sheet {
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

  private final Worksheet ws;
  private final int[] widths = new int[64];
  private int row;
  private int headerRow = -1;

  Sheet(Workbook wb, String name) {
    this.ws = wb.newWorksheet(name);
  }

  /** The sheet's title, in bold. */
  Sheet title(String text) {
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
      } else if (v instanceof Number n) {
        double d = n.doubleValue();
        if (Double.isNaN(d) || Double.isInfinite(d)) {
          continue;
        }
        ws.value(row, c, n);
        String format = formats != null && c < formats.length ? formats[c] : null;
        if (format != null) {
          ws.style(row, c).format(format).set();
        }
        widen(c, 12);
      } else {
        ws.value(row, c, v.toString());
      }
    }
    row++;
    return this;
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

  /** Sets the column widths from what was written (the title column no wider than it needs). */
  void finish() {
    for (int c = 0; c < widths.length; c++) {
      if (widths[c] > 0) {
        ws.width(c, Math.max(9, Math.min(62, widths[c] + 2)));
      }
    }
  }
}
