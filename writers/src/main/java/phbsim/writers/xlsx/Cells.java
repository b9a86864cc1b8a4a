package phbsim.writers.xlsx;

/** A1-style cell references, as formulas and chart parts name cells. Rows and columns from 0. */
public final class Cells {
  private Cells() {}

  /** The column's letters: 0 is A, 25 Z, 26 AA. */
  public static String column(int column) {
    StringBuilder s = new StringBuilder();
    for (int c = column + 1; c > 0; c = (c - 1) / 26) {
      s.insert(0, (char) ('A' + (c - 1) % 26));
    }
    return s.toString();
  }

  /** "F12" for row 11, column 5. */
  public static String ref(int row, int column) {
    return column(column) + (row + 1);
  }

  /** "F12:J12". */
  public static String range(int row, int column, int lastRow, int lastColumn) {
    return ref(row, column) + ":" + ref(lastRow, lastColumn);
  }

  /**
   * "'Cash flow'!F12": the sheet's name always quoted, so a name with a space or a digit needs no
   * rule of its own (an apostrophe in it doubled, as the format asks).
   */
  public static String onSheet(String sheet, String ref) {
    return "'" + sheet.replace("'", "''") + "'!" + ref;
  }

  /** "'Summary'!$B$19:$F$19": fixed, as a chart's series names its cells. */
  public static String absolute(String sheet, int row, int column, int lastRow, int lastColumn) {
    String from = "$" + column(column) + "$" + (row + 1);
    String to = "$" + column(lastColumn) + "$" + (lastRow + 1);
    return onSheet(sheet, from.equals(to) ? from : from + ":" + to);
  }
}
