package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The workbook rows of docs/errors.md ("Assumptions workbooks"), run: each workbook is made by its
 * recipe ({@link Workbooks}: the template of {@code default} spoilt with Apache POI, or a file that
 * is not a template), and {@code validate} and {@code run} both refuse it with exit 1 and the
 * catalogue's message word for word after the file's name, never a stack trace, an internal error
 * or a partial output.
 */
class WorkbookErrorsTest {
  static final String SECTION = "Assumptions workbooks";

  @TempDir static Path dir;

  /** A row of the workbook table: what is wrong, the recipe, the exit code, the message. */
  record Row(String what, String recipe, int exit, String message) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Row> rows() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "errors.md"));
    List<Row> rows = new ArrayList<>();
    String section = "";
    for (String line : lines) {
      if (line.startsWith("## ")) {
        section = line.substring(3).strip();
      }
      if (!section.equals(SECTION)
          || !line.startsWith("| ")
          || line.startsWith("| what")
          || line.startsWith("|---")) {
        continue;
      }
      String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
      assertThat(cells).as(line).hasSize(4);
      rows.add(new Row(cells[0], unquote(cells[1]), Integer.parseInt(cells[2]), unquote(cells[3])));
    }
    // every recipe is catalogued, and every row names a recipe
    assertThat(rows).extracting(Row::recipe).doesNotHaveDuplicates();
    assertThat(rows.stream().map(Row::recipe).sorted().toList())
        .isEqualTo(
            Workbooks.RECIPES.keySet().stream()
                .filter(k -> !k.equals("formula-cached"))
                .sorted()
                .toList());
    return rows.stream();
  }

  private static String unquote(String cell) {
    String c = cell.strip();
    return c.startsWith("`") && c.endsWith("`") ? c.substring(1, c.length() - 1) : c;
  }

  private static Path made(String recipe) throws Exception {
    Path file = dir.resolve(Workbooks.fileName(recipe));
    Workbooks.RECIPES.get(recipe).make(Workbooks.template(dir, "default"), file);
    return file;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void catalogued(Row row) throws Exception {
    Path file = made(row.recipe());
    Path out = dir.resolve("never-written-" + row.recipe());
    for (Cli r :
        List.of(
            Cli.run("validate", file.toString()),
            Cli.run("run", file.toString(), "--quiet", "-r", "1", "-o", out.toString()))) {
      String all = r.out() + r.err();
      assertThat(r.exitCode()).as(all).isEqualTo(row.exit());
      // After the file's name: a cell follows it with ':', the file as a whole with ': '.
      assertThat(
              all.contains(file + ":" + row.message()) || all.contains(file + ": " + row.message()))
          .as("%s%nexpected after %s:%n%s", all, file, row.message())
          .isTrue();
      assertThat(all).doesNotContain("\tat ", "internal error", "Exception:");
    }
    assertThat(out).doesNotExist();
  }

  @Test
  @DisplayName("a formula is read by its calculated value: explain gives 0.18 for =0.1+0.08")
  void formulaReadByItsCachedValue() throws Exception {
    Path file = made("formula-cached");
    Cli v = Cli.run("validate", file.toString());
    assertThat(v.exitCode()).as(v.err()).isZero();
    Cli e = Cli.run("explain", file.toString(), "budgets.restrictiveShare");
    assertThat(e.exitCode()).as(e.err()).isZero();
    assertThat(e.out()).startsWith("budgets.restrictiveShare = 0.18\n");
  }
}
