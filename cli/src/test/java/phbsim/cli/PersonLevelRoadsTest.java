package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.scenarios.BuiltInScenarios;

/**
 * Every road by which a person-level file can enter a run gets the protection the main scenario's
 * file gets (issue 21, item 7): an option that names a file, an area that does while the place is
 * built in, and the second scenario of a compare whose first is built in. Each run uses a file in
 * which one segment (organic) has 3 people, so that its counts are below the threshold in every
 * month: on each road, the tables must withhold them (and say so), and never print a count from 1
 * to 4 outside a difference.
 */
class PersonLevelRoadsTest {
  private static final Path EXAMPLE = PersonLevelFiles.EXAMPLE;

  @TempDir static Path tmp;

  @BeforeAll
  static void threeOrganic() throws IOException {
    PersonLevelFiles.threeOrganic(tmp.resolve("three.csv"));
  }

  /** The built-in default with one more option first, which draws its people from the file. */
  private static Path optionNamingFile() throws IOException {
    String text = BuiltInScenarios.text("default");
    assertThat(text).contains("\noptions:\n  - id: roll-out\n");
    text =
        text.replace(
            "\noptions:\n  - id: roll-out\n",
            "\noptions:\n  - id: from-file\n    set: {startingPopulation.file: three.csv}\n"
                + "  - id: roll-out\n");
    Path file = tmp.resolve("option.yaml");
    Files.writeString(file, text);
    return file;
  }

  private static Path personLevel() throws IOException {
    Path file = tmp.resolve("person-level.yaml");
    Files.writeString(
        file, BuiltInScenarios.text("default") + "\nstartingPopulation:\n  file: three.csv\n");
    return file;
  }

  /**
   * The checks every road must pass in a folder of appraisal files: small counts withheld, none
   * from 1 to 4 published, and the note says so.
   */
  private static void protectedFolder(Path folder, Cli c) throws IOException {
    assertThat(c.exitCode()).as(c.err()).isZero();
    List<Map<String, String>> monthly =
        PersonLevelFiles.rows(folder.resolve("monthly_metrics.csv"));
    int withheld = 0;
    for (Map<String, String> r : monthly) {
      String mean = r.get("mean");
      if (mean.equals("*")) {
        withheld++;
        continue;
      }
      if (!r.get("arm").equals("difference") && !mean.isEmpty()) {
        double v = Double.parseDouble(mean);
        assertThat(v > 0 && v < 5).as("published small count %s", r).isFalse();
      }
    }
    assertThat(withheld).isGreaterThan(100);
    assertThat(Files.readString(folder.resolve("monthly_metrics.csv")))
        .contains("withheld because the starting population came from person-level data");
    assertThat(c.out()).contains("counts from 1 to 4");
    for (var e : PersonLevelFiles.everythingWritten(folder, c).entrySet()) {
      assertThat(e.getValue()).as(e.getKey()).doesNotContain("SYN-");
    }
  }

  @Test
  @DisplayName("an option that names a person-level file protects the whole run")
  void optionNamingAFile() throws IOException {
    Path folder = tmp.resolve("option-out");
    Cli c = Cli.run("run", optionNamingFile().toString(), "-r", "3", "--quiet", "-o", "" + folder);
    protectedFolder(folder, c);
  }

  @Test
  @DisplayName("compare with a built-in scenario first and a person-level one second is protected")
  void compareSecondArmFromFile() throws IOException {
    Path folder = tmp.resolve("compare-out");
    Cli c =
        Cli.run(
            "compare",
            "default",
            personLevel().toString(),
            "-r",
            "3",
            "--quiet",
            "-o",
            folder.toString());
    protectedFolder(folder, c);
  }

  @Test
  @DisplayName("--per-replication is refused when any arm of a compare draws from a file")
  void compareSecondArmRefusesPerReplication() throws IOException {
    Path folder = tmp.resolve("compare-per-rep");
    Cli c =
        Cli.run(
            "compare",
            "default",
            personLevel().toString(),
            "-r",
            "2",
            "--per-replication",
            "-o",
            folder.toString());
    assertThat(c.exitCode()).isNotZero();
    assertThat(c.err()).contains("--per-replication is not available");
    assertThat(folder).doesNotExist();
  }

  @Test
  @DisplayName("--per-replication is refused when an option draws from a file")
  void optionRefusesPerReplication() throws IOException {
    Path folder = tmp.resolve("option-per-rep");
    Cli c =
        Cli.run(
            "run",
            optionNamingFile().toString(),
            "-r",
            "2",
            "--per-replication",
            "-o",
            folder.toString());
    assertThat(c.exitCode()).isNotZero();
    assertThat(c.err()).contains("--per-replication is not available");
    assertThat(folder).doesNotExist();
  }

  @Test
  @DisplayName(
      "areas of a built-in place, one of which names a file: every area's files are protected,"
          + " the built-in area's too, since the total would give the other away")
  void areaNamingAFile() throws IOException {
    Path file = tmp.resolve("areas.yaml");
    Files.writeString(
        file,
        BuiltInScenarios.text("default")
            + "\nareas:\n"
            + "  - id: north\n    population: 220000\n"
            + "  - id: south\n    population: 180000\n"
            + "    set: {startingPopulation.file: three.csv}\n");
    Path folder = tmp.resolve("areas-out");
    Cli c = Cli.run("run", file.toString(), "-r", "3", "--quiet", "-o", folder.toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
    // The person-level area: its own small counts withheld.
    protectedFolder(folder.resolve("areas/south"), c);
    // The built-in area: its figures are withheld at the same threshold (its file says so), so
    // that the total over areas minus its figures cannot give the person-level area's away.
    assertThat(Files.readString(folder.resolve("areas/north/monthly_metrics.csv")))
        .contains("withheld because the starting population came from person-level data");
    assertThat(Files.readString(folder.resolve("areas_per_100k.csv")))
        .contains("withheld because the starting population came from person-level data");
  }

  @Test
  @DisplayName("a run with no file anywhere withholds nothing")
  void builtInWithholdsNothing() throws IOException {
    Path folder = tmp.resolve("plain-out");
    Cli c =
        Cli.run("compare", "default", "default:roll-out", "-r", "2", "--quiet", "-o", "" + folder);
    assertThat(c.exitCode()).as(c.err()).isZero();
    assertThat(Files.readString(folder.resolve("monthly_metrics.csv")))
        .doesNotContain("withheld because");
    assertThat(EXAMPLE).exists();
  }

  /** Every row of every CSV in the folder that has the summary columns. */
  private static List<Map<String, String>> summaryRows(Path folder) throws IOException {
    List<Map<String, String>> all = new ArrayList<>();
    try (var files = Files.walk(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
        List<Map<String, String>> rows = PersonLevelFiles.rows(f);
        if (!rows.isEmpty() && rows.get(0).containsKey("range95_low")) {
          for (Map<String, String> r : rows) {
            Map<String, String> named = new java.util.HashMap<>(r);
            named.put("file", f.getFileName().toString());
            all.add(named);
          }
        }
      }
    }
    return all;
  }

  @Test
  @DisplayName(
      "person-level intervals: range95 withheld in every table; with 2 replications every ci95"
          + " too, since the mean and half-width give both replications back")
  void intervalsProtected() throws IOException {
    Path two = tmp.resolve("intervals-2");
    Cli c = Cli.run("run", personLevel().toString(), "-r", "2", "--quiet", "-o", two.toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
    List<Map<String, String>> rows = summaryRows(two);
    assertThat(rows.stream().map(r -> r.get("file")).distinct())
        .contains("monthly_metrics.csv", "annual_metrics.csv");
    assertThat(rows).hasSizeGreaterThan(1000);
    for (Map<String, String> r : rows) {
      for (String col : List.of("ci95_low", "ci95_high", "range95_low", "range95_high")) {
        assertThat(r.get(col)).as("%s %s", col, r).isIn("*", "");
      }
    }
    Path four = tmp.resolve("intervals-4");
    c = Cli.run("run", personLevel().toString(), "-r", "4", "--quiet", "-o", four.toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
    int ciPublished = 0;
    for (Map<String, String> r : summaryRows(four)) {
      assertThat(r.get("range95_low")).as("%s", r).isIn("*", "");
      assertThat(r.get("range95_high")).as("%s", r).isIn("*", "");
      if (!r.get("ci95_low").equals("*") && !r.get("ci95_low").isEmpty()) {
        ciPublished++;
        assertThat(r.get("mean")).isNotEqualTo("*");
      }
    }
    // Large counts and money keep their confidence interval: the tables are still of use.
    assertThat(ciPublished).isGreaterThan(100);
  }
}
