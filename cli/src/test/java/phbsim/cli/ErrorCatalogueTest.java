package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every row of docs/errors.md, run: the command on its input gives the exit code and the message
 * the catalogue says, word for word, and never a stack trace or an internal error.
 */
class ErrorCatalogueTest {
  /**
   * A row of the catalogue: what is wrong, the input file (or none), the command, exit, message.
   */
  record Row(String what, String input, String command, int exit, String message) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Row> rows() throws IOException {
    // Tests run in the module's folder; the catalogue is the project's.
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "errors.md"));
    List<Row> rows = new ArrayList<>();
    for (String line : lines) {
      if (!line.startsWith("| ") || line.startsWith("| what") || line.startsWith("|---")) {
        continue;
      }
      String[] cells = line.substring(2, line.length() - 2).split(" \\| ", -1);
      if (cells.length != 5) {
        continue; // the output-folder table has its own tests
      }
      String message = cells[4];
      // A message whose end depends on the machine (the heap's size) is quoted up to there.
      int end = message.indexOf("` (");
      message = end > 0 ? message.substring(0, end + 1) : message;
      rows.add(
          new Row(
              cells[0],
              unquote(cells[1]),
              unquote(cells[2]).replaceFirst("^phbsim ", ""),
              Integer.parseInt(cells[3]),
              unquote(message).replace("\\|", "|")));
    }
    assertThat(rows).hasSizeGreaterThan(20);
    return rows.stream();
  }

  private static String unquote(String cell) {
    String c = cell.strip();
    return c.startsWith("`") && c.endsWith("`") ? c.substring(1, c.length() - 1) : c;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void catalogued(Row row) throws URISyntaxException {
    List<String> args = new ArrayList<>(Arrays.asList(row.command().split(" ")));
    if (!row.input().equals("—")) {
      Path file = Path.of(ErrorCatalogueTest.class.getResource("/" + row.input()).toURI());
      args.replaceAll(a -> a.equals("FILE") ? file.toString() : a);
    }
    if (args.get(0).equals("run")) {
      args.addAll(List.of("--quiet", "-o", Path.of("target", "never-written").toString()));
    }
    Cli r = Cli.run(args.toArray(String[]::new));
    String all = r.out() + r.err();
    assertThat(r.exitCode()).as(all).isEqualTo(row.exit());
    assertThat(all).contains(row.message()).doesNotContain("\tat ", "internal error");
    assertThat(Path.of("target", "never-written")).doesNotExist();
    if (args.get(0).equals("validate")) {
      // validate and run agree: run refuses the same file with the same message
      Cli run =
          Cli.run(
              "run", args.get(1), "--quiet", "-o", Path.of("target", "never-written").toString());
      assertThat(run.exitCode()).isEqualTo(row.exit());
      assertThat(run.out() + run.err()).contains(row.message());
      assertThat(Path.of("target", "never-written")).doesNotExist();
    }
  }
}
