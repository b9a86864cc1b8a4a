package phbsim.writers;

import java.io.FilterWriter;
import java.io.IOException;
import java.io.Writer;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Help.Column;
import picocli.CommandLine.Help.TextTable;

/**
 * A printout's writer that wraps each line wider than the page at its spaces, as picocli wraps help
 * text (its {@link TextTable} with a wrapping column), so that the basis, the sign rule and the
 * notes under a table read as paragraphs in a terminal of any width. A wrapped line keeps its own
 * indent and its continuation lines are indented two more, so an indented note stays under its
 * table. Lines that fit, the tables among them (already laid out within the width by {@link
 * PrintedTable}), pass through unchanged; a word longer than the width is never cut (its line is
 * left whole).
 */
public final class Prose extends FilterWriter {
  private final int width;
  private final StringBuilder line = new StringBuilder();

  Prose(Writer out, int width) {
    super(out);
    this.width = width;
  }

  @Override
  public void write(int c) throws IOException {
    if (c == '\n') {
      out.write(wrap(line.toString(), width));
      out.write('\n');
      line.setLength(0);
    } else {
      line.append((char) c);
    }
  }

  @Override
  public void write(char[] b, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(b[i]);
    }
  }

  @Override
  public void write(String s, int off, int len) throws IOException {
    for (int i = off; i < off + len; i++) {
      write(s.charAt(i));
    }
  }

  /** Writes a line not yet ended (wrapped), then flushes: call once the printout is done. */
  @Override
  public void flush() throws IOException {
    if (line.length() > 0) {
      out.write(wrap(line.toString(), width));
      line.setLength(0);
    }
    out.flush();
  }

  @Override
  public void close() throws IOException {
    flush();
    out.close();
  }

  /** {@code out} with its long lines wrapped within {@code width}; flush it when done. */
  public static java.io.PrintWriter around(java.io.PrintWriter out, int width) {
    return new java.io.PrintWriter(new Prose(out, width));
  }

  /** One line, wrapped within {@code width} characters if it is wider (without its line end). */
  static String wrap(String text, int width) {
    if (text.length() <= width) {
      return text;
    }
    int indent = 0;
    while (indent < text.length() && text.charAt(indent) == ' ') {
      indent++;
    }
    int longest = 0;
    for (String word : text.substring(indent).split(" ")) {
      longest = Math.max(longest, word.length());
    }
    if (indent + 12 > width || indent + 2 + longest > width) {
      // no room to wrap into, or a word (a path, an address) wider than the page, which the
      // wrapping column would cut: the line is left whole
      return text;
    }
    TextTable table =
        TextTable.forColumns(Ansi.OFF, new Column(width, indent, Column.Overflow.WRAP));
    table.indentWrappedLines = 2;
    table.addRowValues(text.substring(indent));
    StringBuilder wrapped = new StringBuilder();
    for (String l : table.toString().split("\n", -1)) {
      String trimmed = l.stripTrailing();
      if (!trimmed.isEmpty()) {
        wrapped.append(wrapped.length() == 0 ? "" : "\n").append(trimmed);
      }
    }
    return wrapped.toString();
  }
}
