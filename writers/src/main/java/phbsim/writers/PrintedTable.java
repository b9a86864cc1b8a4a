package phbsim.writers;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;

/**
 * A printed table of figures: row labels down the left, one column per heading, laid out by
 * picocli's {@link TextTable} within a given width. When the columns do not fit beside the labels,
 * the table is printed in blocks of columns that do, each repeating the row labels, as a wide table
 * is laid across the pages of a board paper: a figure is never wrapped or cut.
 *
 * <p>Each column is as wide as its widest cell or heading, and its figures are right-aligned (the
 * one thing TextTable does not do itself). A label too long for the label column stands on a line
 * of its own, with its figures on the next (TextTable's span overflow).
 */
final class PrintedTable {
  /** The width a printout is laid out for when it is not shown on a terminal. */
  static final int DEFAULT_WIDTH = 100;

  /** The narrowest width laid out (picocli's narrowest help), so a block always has a column. */
  static final int NARROWEST = 55;

  /** Spaces before each column of figures. */
  private static final int GAP = 2;

  /** A row: a label with figures, a label alone (a section), or a label with a note after it. */
  private record Row(String label, List<String> cells, String note) {}

  private final String title;
  private final List<String> headings;
  private final List<Row> rows = new ArrayList<>();

  /**
   * A table titled {@code title} (printed above the labels, beside the headings).
   *
   * @param headings one per column; a heading may hold a line break for a two-line heading
   */
  PrintedTable(String title, List<String> headings) {
    this.title = title;
    this.headings = List.copyOf(headings);
  }

  /** A row of figures, one per heading (fewer: the rest are blank). */
  PrintedTable row(String label, List<String> cells) {
    if (cells.size() > headings.size()) {
      throw new IllegalArgumentException(
          cells.size() + " cells for " + headings.size() + " columns in '" + title + "'");
    }
    rows.add(new Row(label, List.copyOf(cells), null));
    return this;
  }

  /** A label with no figures: the heading of the rows below it. */
  PrintedTable section(String label) {
    rows.add(new Row(label, List.of(), null));
    return this;
  }

  /**
   * A label with a note beside it instead of figures (an interval of the total column, say):
   * printed in the last block only, the one that holds the table's last columns.
   */
  PrintedTable note(String label, String note) {
    rows.add(new Row(label, List.of(), note));
    return this;
  }

  /** Prints the table within {@code width} characters (held to at least {@link #NARROWEST}). */
  void print(PrintWriter out, int width) {
    width = Math.max(NARROWEST, width);
    int[] widths = new int[headings.size()];
    for (int c = 0; c < widths.length; c++) {
      for (String line : headings.get(c).split("\n", -1)) {
        widths[c] = Math.max(widths[c], line.length());
      }
      for (Row r : rows) {
        if (c < r.cells().size()) {
          widths[c] = Math.max(widths[c], r.cells().get(c).length());
        }
      }
      widths[c] += GAP;
    }
    int widest = 0;
    for (int w : widths) {
      widest = Math.max(widest, w);
    }
    // The labels take what they need, but leave room for at least one column of figures.
    int label = title.length();
    for (Row r : rows) {
      if (r.note() != null || !r.cells().isEmpty()) {
        label = Math.max(label, r.label().length()); // a section's label may run on
      }
    }
    label = Math.min(label, Math.max(10, width - widest));
    List<int[]> blocks = blocks(widths, width - label);
    for (int b = 0; b < blocks.size(); b++) {
      if (b > 0) {
        out.println();
      }
      int[] block = blocks.get(b);
      out.print(
          block(
              b == 0 ? title : title + " (continued)",
              label,
              widths,
              block,
              b == blocks.size() - 1));
    }
    out.flush();
  }

  /**
   * The columns split into blocks that fit {@code room} beside the labels, as even in size as the
   * widest allows (so a last block does not hold the total alone).
   */
  private static List<int[]> blocks(int[] widths, int room) {
    int n = widths.length;
    if (n == 0) {
      return List.of(new int[] {0, 0});
    }
    for (int count = 1; count <= n; count++) {
      int size = (n + count - 1) / count;
      List<int[]> blocks = new ArrayList<>();
      boolean fits = true;
      for (int from = 0; from < n; from += size) {
        int to = Math.min(n, from + size);
        int sum = 0;
        for (int c = from; c < to; c++) {
          sum += widths[c];
        }
        fits &= sum <= room || to - from == 1;
        blocks.add(new int[] {from, to});
      }
      if (fits) {
        return blocks;
      }
    }
    throw new AssertionError("a column each always fits");
  }

  private String block(String heading, int label, int[] widths, int[] block, boolean last) {
    int from = block[0];
    int to = block[1];
    Column[] columns = new Column[1 + to - from];
    columns[0] = new Column(label, 0, Column.Overflow.SPAN);
    for (int c = from; c < to; c++) {
      // TextTable wraps a value as wide as the last column at its last space ("± 5" would
      // break after the sign), so the last column has one character to spare; the lines printed
      // are no wider, as TextTable drops the trailing blank.
      int spare = c == to - 1 ? 1 : 0;
      columns[1 + c - from] = new Column(widths[c] + spare, 0, Column.Overflow.SPAN);
    }
    TextTable table = TextTable.forColumns(Ansi.OFF, columns);
    table.indentWrappedLines = 0;
    int headingLines = 1;
    for (int c = from; c < to; c++) {
      headingLines = Math.max(headingLines, headings.get(c).split("\n", -1).length);
    }
    for (int line = 0; line < headingLines; line++) {
      String[] values = new String[columns.length];
      values[0] = line == headingLines - 1 ? heading : "";
      for (int c = from; c < to; c++) {
        String[] parts = headings.get(c).split("\n", -1);
        int at = line - (headingLines - parts.length); // headings sit on the bottom line
        values[1 + c - from] = at >= 0 ? right(parts[at], widths[c]) : "";
      }
      add(table, values);
    }
    for (Row r : rows) {
      String[] values = new String[columns.length];
      java.util.Arrays.fill(values, "");
      values[0] = r.label();
      if (r.note() != null) {
        if (!last) {
          continue;
        }
        values[1] = " ".repeat(GAP) + r.note();
      }
      for (int c = from; c < to && c < r.cells().size(); c++) {
        values[1 + c - from] = right(r.cells().get(c), widths[c]);
      }
      add(table, values);
    }
    return table.toString();
  }

  /**
   * Adds a row, putting only its non-empty values: an empty value in a column a note spans into
   * would push TextTable on to a line of its own.
   */
  private static void add(TextTable table, String[] values) {
    table.addEmptyRow();
    int lastValue = -1;
    for (int c = 0; c < values.length; c++) {
      lastValue = values[c].isEmpty() ? lastValue : c;
    }
    for (int c = 0; c < values.length; c++) {
      if (values[c].isEmpty()) {
        continue;
      }
      int row = table.rowCount() - 1;
      TextTable.Cell cell = table.putValue(row, c, Ansi.OFF.text(values[c]));
      // As TextTable's own addRowValues: a value that spanned on puts the rest on a new line.
      if ((cell.row != row || cell.column != c) && c < lastValue) {
        table.addEmptyRow();
      }
    }
  }

  /** A figure right-aligned in its column. */
  private static String right(String s, int width) {
    return s.length() >= width ? s : " ".repeat(width - s.length()) + s;
  }
}
