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
 * the catalogue says, word for word, and never a stack trace or an internal error. A row about a
 * person-level file is also checked for naming the right file (the CSV, or the scenario for the
 * file as a whole) and for repeating no value from the file.
 */
class ErrorCatalogueTest {
  /** The section of the catalogue whose rows are about person-level files. */
  static final String PERSON_LEVEL = "Person-level files";

  /**
   * A row of the catalogue: its section, what is wrong, the input file (or none), the command,
   * exit, message.
   */
  record Row(String section, String what, String input, String command, int exit, String message) {
    @Override
    public String toString() {
      return what;
    }
  }

  static Stream<Row> rows() throws IOException {
    // Tests run in the module's folder; the catalogue is the project's.
    List<String> lines = Files.readAllLines(Path.of("..", "docs", "errors.md"));
    List<Row> rows = new ArrayList<>();
    String section = "";
    for (String line : lines) {
      if (line.startsWith("## ")) {
        section = line.substring(3).strip();
      }
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
              section,
              cells[0],
              unquote(cells[1]),
              unquote(cells[2]).replaceFirst("^phbsim ", ""),
              Integer.parseInt(cells[3]),
              unquote(message).replace("\\|", "|")));
    }
    assertThat(rows).hasSizeGreaterThan(20);
    assertThat(rows).filteredOn(r -> r.section().equals(PERSON_LEVEL)).hasSizeGreaterThan(7);
    return rows.stream();
  }

  private static String unquote(String cell) {
    String c = cell.strip();
    return c.startsWith("`") && c.endsWith("`") ? c.substring(1, c.length() - 1) : c;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("rows")
  void catalogued(Row row) throws URISyntaxException, IOException {
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
    if (row.section().equals(PERSON_LEVEL)) {
      personLevel(row, Path.of(args.get(1)), all);
    }
    if (args.get(0).equals("validate")) {
      // validate and run agree: run refuses the same file with the same message
      Cli run =
          Cli.run(
              "run", args.get(1), "--quiet", "-o", Path.of("target", "never-written").toString());
      assertThat(run.exitCode()).isEqualTo(row.exit());
      assertThat(run.out() + run.err()).contains(row.message());
      assertThat(Path.of("target", "never-written")).doesNotExist();
      if (row.section().equals(PERSON_LEVEL)) {
        personLevel(row, Path.of(args.get(1)), run.out() + run.err());
      }
    }
  }

  /**
   * A person-level row: the message follows the name of the file it is about (the CSV's for a
   * problem in its rows or header, the scenario's for one at startingPopulation.file), and nothing
   * printed repeats a value from the CSV, other than short whole numbers (which line numbers and
   * limits match by chance) and values the scenario itself names (its segments). The CSV files
   * avoid the values a message names as examples (18-24, 65+ in the row of the bad age band).
   */
  private static void personLevel(Row row, Path scenario, String printed) throws IOException {
    String yaml = Files.readString(scenario);
    String name = null;
    for (String line : yaml.lines().toList()) {
      if (line.startsWith("  file: ")) {
        name = line.substring("  file: ".length()).strip();
      }
    }
    assertThat(name).as("startingPopulation.file in %s", scenario).isNotNull();
    Path csv = scenario.toAbsolutePath().getParent().resolve(name).normalize();
    Path named = row.message().contains("startingPopulation.") ? scenario : csv;
    assertThat(printed).contains(named + ":" + row.message());
    if (!Files.exists(csv)) {
      return;
    }
    // Without the folder's name, which a value could be part of by chance.
    String shown = printed.replace(csv.getParent().toString(), "");
    List<String> lines =
        Files.readAllLines(csv, java.nio.charset.StandardCharsets.ISO_8859_1); // any bytes
    int checked = 0;
    for (String line : lines.subList(1, lines.size())) {
      for (String cell : line.split(",", -1)) {
        String value = cell.strip().replace("\"", "");
        if (value.matches("\\d{0,2}") || yaml.contains(value)) {
          continue;
        }
        checked++;
        assertThat(shown).as("%s repeats a value from %s", row, csv).doesNotContain(value);
      }
    }
    assertThat(checked).as("values checked in %s", csv).isPositive();
  }
}
