package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.observe.Measure;
import phbsim.scenarios.BuiltInScenarios;

/**
 * A starting population from a person-level file (docs/model.md section 2): identifiers never reach
 * an output or a message, and small numbers are suppressed in every table, with the cells that
 * would let them be worked out. The file is the synthetic example the project ships.
 */
class PersonLevelTest {
  private static final Path EXAMPLE = locate("docs/examples/person-level/caseload.csv");

  @TempDir static Path tmp;
  private static Path out;
  private static Cli run;
  private static List<String> ids;

  private static Path locate(String relative) {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(relative))) {
        return p.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + here);
  }

  private static Path scenario(String extra) throws IOException {
    Path csv = tmp.resolve("caseload.csv");
    if (!Files.exists(csv)) {
      Files.copy(EXAMPLE, csv);
    }
    Path file = tmp.resolve("person-level-" + Math.abs(extra.hashCode()) + ".yaml");
    Files.writeString(
        file,
        BuiltInScenarios.text("default") + "\nstartingPopulation:\n  file: caseload.csv\n" + extra);
    return file;
  }

  @BeforeAll
  static void runOnce() throws IOException {
    ids = new ArrayList<>();
    for (String line : Files.readAllLines(EXAMPLE).subList(1, 1501)) {
      ids.add(line.substring(0, line.indexOf(',')));
    }
    out = tmp.resolve("out");
    run = Cli.run("run", scenario("").toString(), "-r", "8", "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
  }

  /** Every text the run wrote: each file, the entries of the workbook, the two streams. */
  private static Map<String, String> everythingWritten(Path folder, Cli cli) throws IOException {
    Map<String, String> texts = new HashMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.toString().endsWith(".xlsx")) {
          try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(f.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
              try (InputStream in = zip.getInputStream(e)) {
                texts.put(
                    f + "!" + e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
              }
            }
          }
        } else {
          texts.put(f.toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
        }
      }
    }
    texts.put("stdout", cli.out());
    texts.put("stderr", cli.err());
    return texts;
  }

  @Test
  @DisplayName("no identifier from the file is in any output file, workbook entry or message")
  void identifiersNeverWritten() throws IOException {
    Map<String, String> texts = everythingWritten(out, run);
    assertThat(texts.keySet()).anyMatch(k -> k.endsWith("workbook.xlsx!xl/worksheets/sheet1.xml"));
    assertThat(texts.keySet()).anyMatch(k -> k.endsWith("report.html"));
    for (var e : texts.entrySet()) {
      for (String id : ids) {
        assertThat(e.getValue()).as("%s holds %s", e.getKey(), id).doesNotContain(id);
      }
      // Nor the prefix of the pseudonyms: a message that quoted any of them would show it.
      assertThat(e.getValue()).as(e.getKey()).doesNotContain("SYN-");
    }
  }

  @Test
  @DisplayName("a file with bad rows: every problem named by line and column, no value repeated")
  void badRowsNameNoValue() throws IOException {
    List<String> lines = new ArrayList<>(Files.readAllLines(EXAMPLE));
    // Line numbers are the file's: the header is line 1.
    lines.set(2, ids.get(1) + ",psychosis-" + ids.get(1) + ",35-44,0,1,12");
    lines.set(5, ids.get(4) + ",common,35-44,0," + ids.get(4) + ",12");
    lines.set(9, ids.get(2) + ",common,35-44,0,1,12"); // repeats line 4's identifier
    Path csv = tmp.resolve("bad.csv");
    Files.write(csv, lines);
    Path file = tmp.resolve("bad.yaml");
    Files.writeString(
        file, BuiltInScenarios.text("default") + "\nstartingPopulation:\n  file: bad.csv\n");
    for (String command : List.of("validate", "run")) {
      Cli c =
          command.equals("run")
              ? Cli.run("run", file.toString(), "-r", "2", "-o", tmp.resolve("never").toString())
              : Cli.run("validate", file.toString());
      assertThat(c.exitCode()).as(command).isNotZero();
      assertThat(c.err())
          .as(command)
          .contains(csv + ":3: segment: is not a segment of the scenario; expected one of common,")
          .contains(
              csv
                  + ":6: crisis_contacts: is not a whole number from 0 to 1,000; expected last"
                  + " year's contacts of the person, from 0 to 1,000")
          .contains(csv + ":10: id: repeats the identifier on line 4; expected one row per person");
      for (String id : ids) {
        assertThat(c.out() + c.err()).as(command).doesNotContain(id);
      }
      assertThat(c.err()).doesNotContain("Exception").doesNotContain("internal error");
    }
    assertThat(tmp.resolve("never")).doesNotExist();
  }

  /** A CSV's rows as maps of column to cell, after its note line. */
  private static List<Map<String, String>> rows(Path csv) throws IOException {
    var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
    var schema = com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader();
    String text = Files.readString(csv);
    text = text.substring(text.indexOf('\n') + 1);
    try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(schema).readValues(text)) {
      return it.readAll();
    }
  }

  @Test
  @DisplayName(
      "monthly and annual activity: no count from 1 to 4 published, and no withheld cell can be"
          + " worked out from a total, a year or a difference")
  void suppressionInTheActivityTables() throws IOException {
    List<Map<String, String>> monthly = rows(out.resolve("monthly_metrics.csv"));
    List<Map<String, String>> annual = rows(out.resolve("annual_metrics.csv"));
    int withheld = 0;
    for (var table : List.of(monthly, annual)) {
      for (Map<String, String> r : table) {
        String mean = r.get("mean");
        if (mean.equals("*")) {
          withheld++;
          assertThat(List.of(r.get("ci95_low"), r.get("range95_high"))).containsOnly("*");
          continue;
        }
        if (!r.get("arm").equals("difference") && !mean.isEmpty()) {
          double v = Double.parseDouble(mean);
          assertThat(v > 0 && v < 5).as("published small count %s", r).isFalse();
        }
      }
    }
    assertThat(withheld).as("the example is small enough to need suppression").isGreaterThan(100);

    // Segments and their total: never exactly one withheld in a group.
    for (var table : List.of(monthly, annual)) {
      Map<String, List<String>> groups = new HashMap<>();
      for (Map<String, String> r : table) {
        String key =
            r.getOrDefault("date", r.get("financial_year"))
                + "|"
                + r.get("option")
                + "|"
                + r.get("arm")
                + "|"
                + r.get("measure");
        groups.computeIfAbsent(key, k -> new ArrayList<>()).add(r.get("mean"));
      }
      for (var g : groups.entrySet()) {
        long stars = g.getValue().stream().filter("*"::equals).count();
        assertThat(stars).as("segments and total of %s", g.getKey()).isNotEqualTo(1);
      }
    }

    // A year and its months (a flow is their sum; a stock is its last month).
    Map<String, List<String>> byYear = new HashMap<>();
    for (Map<String, String> r : monthly) {
      Measure m = Measure.valueOf(r.get("measure").toUpperCase(java.util.Locale.ROOT));
      String key =
          r.get("financial_year")
              + "|"
              + r.get("option")
              + "|"
              + r.get("arm")
              + "|"
              + r.get("segment")
              + "|"
              + r.get("measure");
      if (r.get("arm").equals("difference")) {
        continue;
      }
      if (m.kind() == Measure.Kind.STOCK) {
        if (r.get("period").equals("M12")) {
          byYear.computeIfAbsent(key, k -> new ArrayList<>()).add(r.get("mean"));
        }
      } else {
        byYear.computeIfAbsent(key, k -> new ArrayList<>()).add(r.get("mean"));
      }
    }
    for (Map<String, String> r : annual) {
      String key =
          r.get("financial_year")
              + "|"
              + r.get("option")
              + "|"
              + r.get("arm")
              + "|"
              + r.get("segment")
              + "|"
              + r.get("measure");
      if (byYear.containsKey(key)) {
        byYear.get(key).add(r.get("mean"));
      }
    }
    for (var g : byYear.entrySet()) {
      long stars = g.getValue().stream().filter("*"::equals).count();
      assertThat(stars).as("a year and its months, %s", g.getKey()).isNotEqualTo(1);
    }

    // A difference is withheld whenever either side is.
    Map<String, String> statusQuo = new HashMap<>();
    Map<String, String> option = new HashMap<>();
    for (Map<String, String> r : monthly) {
      String cell = r.get("date") + "|" + r.get("segment") + "|" + r.get("measure");
      switch (r.get("arm")) {
        case "status_quo" -> statusQuo.put(cell, r.get("mean"));
        case "option" -> option.put(r.get("option") + "|" + cell, r.get("mean"));
        default -> {}
      }
    }
    int differencesChecked = 0;
    for (Map<String, String> r : monthly) {
      if (r.get("arm").equals("difference")) {
        String cell = r.get("date") + "|" + r.get("segment") + "|" + r.get("measure");
        if ("*".equals(statusQuo.get(cell))
            || "*".equals(option.get(r.get("option") + "|" + cell))) {
          assertThat(r.get("mean")).as("difference %s", cell).isEqualTo("*");
          differencesChecked++;
        }
      }
    }
    assertThat(differencesChecked).isGreaterThan(100);
  }

  @Test
  @DisplayName(
      "secondary suppression, by hand: a segment of 3 people is withheld, and so is a second"
          + " segment, so that the total cannot give it away")
  void secondarySuppression() throws IOException {
    // Three people of the organic segment, everyone else as in the example.
    List<String> lines = new ArrayList<>();
    int organic = 0;
    for (String line : Files.readAllLines(EXAMPLE)) {
      if (line.contains(",organic,") && ++organic > 3) {
        continue;
      }
      lines.add(line);
    }
    Path csv = tmp.resolve("three-organic.csv");
    Files.write(csv, lines);
    Path file = tmp.resolve("three.yaml");
    Files.writeString(
        file,
        BuiltInScenarios.text("default")
            + "\nstartingPopulation:\n  file: three-organic.csv\n"
            + "  suppressBelow: 10\n");
    Cli validate = Cli.run("validate", file.toString());
    assertThat(validate.exitCode()).as(validate.err()).isZero();
    assertThat(validate.out())
        .contains("organic: fewer than 10 people; frailty variance 0.50 (the scenario's: too few")
        .contains("psychosis: 550 people; frailty variance")
        .doesNotContain("SYN-");
    Path folder = tmp.resolve("three-out");
    Cli c = Cli.run("run", file.toString(), "-r", "4", "--quiet", "-o", folder.toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
    Map<String, String> caseload = new HashMap<>();
    for (Map<String, String> r : rows(folder.resolve("monthly_metrics.csv"))) {
      if (r.get("period").equals("M1")
          && r.get("financial_year").equals("2026/27")
          && r.get("arm").equals("status_quo")
          && r.get("measure").equals("caseload")) {
        caseload.put(r.get("segment"), r.get("mean"));
      }
    }
    // Primary: the organic segment's 3 (or fewer, after a month's exits) people.
    assertThat(caseload.get("organic")).isEqualTo("*");
    // Secondary: one more cell of the group segments + total, else total minus the rest gives it.
    Set<String> others = new LinkedHashSet<>();
    caseload.forEach(
        (segment, mean) -> {
          if (!segment.equals("organic") && mean.equals("*")) {
            others.add(segment);
          }
        });
    assertThat(others).as("cells withheld beside organic: %s", caseload).isNotEmpty();
    // The head counts of the file are not published with the scenario either.
    assertThat(Files.readString(folder.resolve("scenario.yaml")))
        .doesNotContain("startingCaseload");
    // The older adults' team serves only the organic segment: its caseload is the same count.
    for (Map<String, String> r : rows(folder.resolve("teams_monthly.csv"))) {
      if (r.get("period").equals("M1")
          && r.get("financial_year").equals("2026/27")
          && r.get("arm").equals("status_quo")
          && r.get("team").equals("older-adults-cmht")
          && List.of("caseload", "mean_frailty_on_caseload", "cost_per_person")
              .contains(r.get("measure"))) {
        assertThat(r.get("mean")).as(r.get("measure")).isEqualTo("*");
      }
    }
  }

  @Test
  @DisplayName(
      "areas side by side from person-level files: the comparison per 100,000 withholds small"
          + " counts, and an area and the total never leave one withheld alone")
  void areasPer100kSuppressed() throws IOException {
    List<String> lines = new ArrayList<>();
    int organic = 0;
    for (String line : Files.readAllLines(EXAMPLE)) {
      if (line.contains(",organic,") && ++organic > 40) {
        continue;
      }
      lines.add(line);
    }
    Files.write(tmp.resolve("fewer-organic.csv"), lines);
    Path file =
        scenario(
            "areas:\n"
                + "  - id: north\n    population: 220000\n"
                + "  - id: south\n    population: 180000\n"
                + "    set: {startingPopulation.file: fewer-organic.csv}\n");
    Path folder = tmp.resolve("areas-out");
    Cli c = Cli.run("run", file.toString(), "-r", "3", "--quiet", "-o", folder.toString());
    assertThat(c.exitCode()).as(c.err()).isZero();
    List<Map<String, String>> table = rows(folder.resolve("areas_per_100k.csv"));
    Map<String, List<String>> groups = new HashMap<>();
    int withheld = 0;
    for (Map<String, String> r : table) {
      if (r.get("mean").equals("*")) {
        withheld++;
      }
      if (!r.get("arm").equals("difference")) {
        groups
            .computeIfAbsent(
                r.get("option") + "|" + r.get("arm") + "|" + r.get("figure"),
                k -> new ArrayList<>())
            .add(r.get("mean"));
      }
    }
    assertThat(withheld).as("out-of-area days and the like are small here").isPositive();
    for (var g : groups.entrySet()) {
      long stars = g.getValue().stream().filter("*"::equals).count();
      assertThat(stars).as("areas and total of %s", g.getKey()).isNotEqualTo(1);
    }
    for (String id : ids) {
      assertThat(Files.readString(folder.resolve("areas_per_100k.csv"))).doesNotContain(id);
    }
  }

  @Test
  @DisplayName("the same bytes on 1 and 4 threads")
  void threadsInvariance() throws IOException {
    Path one = tmp.resolve("t1");
    Path four = tmp.resolve("t4");
    Path file = scenario("");
    assertThat(
            Cli.run(
                    "run",
                    file.toString(),
                    "-r",
                    "6",
                    "--threads",
                    "1",
                    "--quiet",
                    "-o",
                    one.toString())
                .exitCode())
        .isZero();
    assertThat(
            Cli.run(
                    "run",
                    file.toString(),
                    "-r",
                    "6",
                    "--threads",
                    "4",
                    "--quiet",
                    "-o",
                    four.toString())
                .exitCode())
        .isZero();
    for (String f : List.of("monthly_metrics.csv", "teams_monthly.csv", "cohort.csv", "run.json")) {
      assertThat(Files.readAllBytes(one.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(four.resolve(f)));
    }
  }

  @Test
  @DisplayName(
      "per-replication tables are refused for person-level data: they cannot be suppressed")
  void perReplicationRefused() throws IOException {
    Cli c =
        Cli.run(
            "run",
            scenario("").toString(),
            "-r",
            "2",
            "--per-replication",
            "-o",
            tmp.resolve("per-rep").toString());
    assertThat(c.exitCode()).isNotZero();
    assertThat(c.err()).contains("--per-replication").doesNotContain("Exception");
    assertThat(tmp.resolve("per-rep")).doesNotExist();
  }
}
