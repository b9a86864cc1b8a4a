package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PrintedTableTest {
  private static String print(PrintedTable t, int width) {
    StringWriter s = new StringWriter();
    t.print(new PrintWriter(s), width);
    return s.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  @DisplayName("a table that fits is one block, laid out as worked by hand")
  void fitsInOneBlock() {
    PrintedTable t =
        new PrintedTable("Cash, £000s", List.of("2026/27", "Total"))
            .section("Status quo")
            .row("  Blocks", List.of("1,234.5", "1,234.5"))
            .row("  Budgets", List.of("-7.0", "12,345.6"))
            .note("    interval", "[1.0 to 2.0]");
    // Label column: the widest label or title (12); each column its widest cell plus two.
    assertThat(print(t, 100))
        .isEqualTo(
            "Cash, £000s   2026/27     Total\n"
                + "Status quo\n"
                + "  Blocks      1,234.5   1,234.5\n"
                + "  Budgets        -7.0  12,345.6\n"
                + "    interval  [1.0 to 2.0]\n");
  }

  /** Ten financial years and a total, as a 10-year run prints its cash by year. */
  private static PrintedTable tenYears(List<String> figures) {
    List<String> heads = new ArrayList<>();
    for (int y = 0; y < 10; y++) {
      heads.add((2026 + y) + "/" + (27 + y));
    }
    heads.add("Total");
    PrintedTable t = new PrintedTable("Cash by financial year, £000s", heads);
    for (String row : List.of("  Status quo", "  roll-out", "    saving against the status quo")) {
      List<String> cells = new ArrayList<>();
      for (int c = 0; c < heads.size(); c++) {
        String f = String.format(java.util.Locale.UK, "%,.1f", 10_000.0 + 37 * figures.size());
        figures.add(f);
        cells.add(f);
      }
      t.row(row, cells);
    }
    t.note("    95 % confidence interval of the total", "[-3,569.8 to -3,017.6]");
    return t;
  }

  @ParameterizedTest
  @ValueSource(ints = {55, 80, 100, 120})
  @DisplayName(
      "a table too wide is split into blocks of years that fit, labels repeated, no figure cut")
  void splitIntoBlocks(int width) {
    List<String> figures = new ArrayList<>();
    String printed = print(tenYears(figures), width);
    List<String> lines = printed.lines().toList();
    assertThat(lines).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
    // Every figure whole, exactly once; every year heading once.
    List<String> tokens = new ArrayList<>();
    for (String l : lines) {
      tokens.addAll(List.of(l.trim().split(" +")));
    }
    for (String f : figures) {
      assertThat(tokens.stream().filter(f::equals).count()).as(f).isEqualTo(1);
    }
    for (int y = 0; y < 10; y++) {
      assertThat(tokens).containsOnlyOnce((2026 + y) + "/" + (27 + y));
    }
    long blocks = lines.stream().filter(l -> l.startsWith("Cash by financial year")).count();
    assertThat(blocks).isGreaterThan(1);
    // Each block repeats the row labels; the note is in the last block only, with the total.
    assertThat(lines.stream().filter(l -> l.startsWith("  roll-out")).count()).isEqualTo(blocks);
    assertThat(printed.indexOf("95 % confidence")).isGreaterThan(printed.lastIndexOf("Total"));
    assertThat(printed).containsOnlyOnce("95 % confidence");
  }

  @Test
  @DisplayName("blocks are even: 11 columns that need two blocks are printed 6 and 5")
  void evenBlocks() {
    String printed = print(tenYears(new ArrayList<>()), 120);
    List<String> heads =
        printed.lines().filter(l -> l.contains("2026/27") || l.contains("Total")).toList();
    assertThat(heads).hasSize(2);
    assertThat(heads.get(0).trim().split(" +")).hasSizeGreaterThanOrEqualTo(6);
    assertThat(heads.get(1)).contains("(continued)", "Total");
  }
}
