package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.population.Caseload;
import phbsim.population.Caseloads;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentSpec;

/**
 * A person-level starting population (CaseloadFile, StartingPopulations), through {@link
 * ScenarioLoader#load(Path)} on files written for each test: the people read, the fingerprint, and
 * every problem of a bad file, each at its line and column, word for word, with no value from the
 * file repeated.
 */
class CaseloadFileTest {
  private static final String HEADER =
      "id,segment,age_band,bed_days,crisis_contacts,community_contacts";
  private static final String SEGMENTS = "common, psychosis, complex, organic";
  private static final String EXPECTED_COLUMNS =
      "expected the columns id (optional), segment (or cluster), age_band, bed_days,"
          + " crisis_contacts and community_contacts";
  private static final String AGE =
      "is not an age band; expected one such as 18-24 or 65+ (ages up to 120, the lower first)";
  private static final String DAYS =
      "is not a whole number from 0 to 366; expected last year's days of the person, from 0 to"
          + " 366";
  private static final String CONTACTS =
      "is not a whole number from 0 to 1,000; expected last year's contacts of the person, from 0"
          + " to 1,000";
  private static final String LISTED =
      "startingPopulation.file: has the problems listed with their lines; expected a person-level"
          + " file phbsim can read";

  /** The care clusters of the cluster files here, by segment. */
  private static final String CLUSTERS =
      "  clusters: {psychosis: [10, 11], common: [1, 2, 3, 4], complex: [7]}\n";

  @TempDir Path tmp;

  /**
   * Rows enough for the default scenario's budget holders on day 0 (10 common, 5 psychosis and 10
   * complex), so that a small file's scenario passes the model's checks: written last, after the
   * rows a test is about, in the columns of {@link #HEADER}, or with a cluster for {@link
   * #CLUSTERS}, or with no id.
   */
  private static List<String> filler(String kind) {
    List<String> rows = new ArrayList<>();
    String[][] groups = {{"common", "1", "10"}, {"psychosis", "10", "5"}, {"complex", "7", "10"}};
    int n = 0;
    for (String[] g : groups) {
      for (int i = 0; i < Integer.parseInt(g[2]); i++) {
        String id = "F" + n++ + ",";
        rows.add(
            switch (kind) {
              case "cluster" -> id + g[1] + ",45-54,0,0,1";
              case "no id" -> g[0] + ",45-54,0,0,1";
              default -> id + g[0] + ",45-54,0,0,1";
            });
      }
    }
    return rows;
  }

  private static String[] withFillerOf(String kind, String... lines) {
    List<String> all = new ArrayList<>(List.of(lines));
    all.addAll(filler(kind));
    return all.toArray(String[]::new);
  }

  private static String[] withFiller(String... lines) {
    return withFillerOf("segment", lines);
  }

  // ---------------------------------------------------------------------------------- helpers

  /** The default scenario with a starting population from {@code csv}, and {@code extra} lines. */
  private Path scenario(String csv, String extra) throws IOException {
    Path yaml = tmp.resolve("scenario-" + csv.replaceAll("[^A-Za-z0-9]", "_") + ".yaml");
    Files.writeString(
        yaml,
        BuiltInScenarios.text("default") + "\nstartingPopulation:\n  file: " + csv + "\n" + extra);
    return yaml;
  }

  private Path scenario(String csv) throws IOException {
    return scenario(csv, "");
  }

  /** The line of the scenario on which {@code startingPopulation.file} is written. */
  private static int fileLine(Path yaml) throws IOException {
    List<String> lines = Files.readAllLines(yaml);
    int at = lines.indexOf("startingPopulation:");
    assertThat(at).isPositive();
    assertThat(lines.get(at + 1)).startsWith("  file: ");
    return at + 2;
  }

  private Path csv(String name, String... lines) throws IOException {
    Path file = tmp.resolve(name);
    Files.writeString(file, String.join("\n", lines) + "\n");
    return file;
  }

  private static List<LoadProblem> problems(Path yaml) {
    ScenarioLoadException e =
        catchThrowableOfType(ScenarioLoadException.class, () -> ScenarioLoader.load(yaml));
    assertThat(e).as("%s loaded without a problem", yaml).isNotNull();
    return e.problems();
  }

  /**
   * The problems as they are shown, the scenario's name written as YAML and the person-level file's
   * as CSV, so that a list of them can be compared word for word.
   */
  private static List<String> shown(List<LoadProblem> problems, Path yaml, Path csv) {
    List<String> out = new ArrayList<>();
    for (LoadProblem p : problems) {
      String s = p.toString();
      if (p.source().equals(yaml.toString())) {
        s = "YAML" + s.substring(yaml.toString().length());
      } else if (p.source().equals(csv.toString())) {
        s = "CSV" + s.substring(csv.toString().length());
      }
      out.add(s);
    }
    return out;
  }

  private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
    return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
  }

  private static Path example() {
    String relative = "docs/examples/person-level/caseload.csv";
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(relative))) {
        return p.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found");
  }

  private static Map<String, Integer> startingCaseloads(Scenario s) {
    return s.segments().stream()
        .collect(Collectors.toMap(SegmentSpec::id, SegmentSpec::startingCaseload));
  }

  // --------------------------------------------------------------------------------- good files

  @Test
  @DisplayName("a good file: caseloads counted, absolute path, SHA-256, people by segment in order")
  void goodFileLoads() throws Exception {
    Path csv = tmp.resolve("caseload.csv");
    Files.copy(example(), csv);
    Scenario s = ScenarioLoader.load(scenario("caseload.csv"));

    List<String[]> rows = new ArrayList<>();
    for (String line : Files.readAllLines(csv).subList(1, 1501)) {
      rows.add(line.split(",", -1));
    }
    List<String> order = List.of("common", "psychosis", "complex", "organic");
    assertThat(s.segments()).extracting(SegmentSpec::id).containsExactlyElementsOf(order);
    assertThat(startingCaseloads(s))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("common", 600, "psychosis", 550, "complex", 150, "organic", 200));
    assertThat(s.startingPopulation().file()).isEqualTo(csv.toAbsolutePath().toString());
    assertThat(Path.of(s.startingPopulation().file())).isAbsolute();
    String sha = sha256(Files.readAllBytes(csv));
    assertThat(s.startingPopulation().sha256()).isEqualTo(sha);
    assertThat(s.startingPopulation().suppressBelow()).isEqualTo(5);

    Caseload people = Caseloads.get(sha);
    assertThat(people).isNotNull();
    assertThat(people.size()).isEqualTo(1500);
    // Grouped by segment in the scenario's order, each segment's people in the file's order.
    List<String> segments = new ArrayList<>();
    List<String> ages = new ArrayList<>();
    List<Integer> beds = new ArrayList<>();
    List<Integer> crises = new ArrayList<>();
    List<Integer> contacts = new ArrayList<>();
    for (String segment : order) {
      for (String[] r : rows) {
        if (r[1].equals(segment)) {
          segments.add(r[1]);
          ages.add(r[2]);
          beds.add(Integer.parseInt(r[3]));
          crises.add(Integer.parseInt(r[4]));
          contacts.add(Integer.parseInt(r[5]));
        }
      }
    }
    assertThat(people.segments()).containsExactlyElementsOf(segments);
    assertThat(people.ageBands()).containsExactlyElementsOf(ages);
    assertThat(people.bedDays()).containsExactly(beds.stream().mapToInt(i -> i).toArray());
    assertThat(people.crisisContacts()).containsExactly(crises.stream().mapToInt(i -> i).toArray());
    assertThat(people.communityContacts())
        .containsExactly(contacts.stream().mapToInt(i -> i).toArray());
  }

  @Test
  @DisplayName("a byte-order mark, quoted cells, spaces, blank lines and CRLF read the same people")
  void bomQuotesSpacesAndBlankLines() throws Exception {
    Path plain =
        csv(
            "plain.csv",
            withFiller(
                HEADER,
                "A1,psychosis,18-24,12,3,40",
                "A2,common,65+,0,0,6",
                "A3,organic,85+,30,1,9",
                "A4,common,25-34,0,2,11",
                "A5,complex,45-54,366,1000,0"));
    Path messy = tmp.resolve("messy.csv");
    String text =
        "\uFEFF\r\n"
            + " \"ID\" , \"Segment\",Age Band , bed_days,crisis_contacts ,community_contacts\r\n"
            + "\r\n"
            + "\"A1\", psychosis , 18 - 24,\"12\",3 , 40\r\n"
            + "  A2  ,\"common\",\"65+\",0,0,6\r\n"
            + "\r\n"
            + "\r\n"
            + "\"A3\",ORGANIC,85+,30,1,9\r\n"
            + "A4 , Common ,25-34,0,2,11\r\n"
            + "A5,complex,45-54,366,1000,0\r\n\r\n"
            + String.join("\r\n", filler("segment"));
    Files.write(messy, text.getBytes(StandardCharsets.UTF_8));
    assertThat(Files.readAllBytes(messy)).startsWith(0xEF, 0xBB, 0xBF);

    Scenario a = ScenarioLoader.load(scenario("plain.csv"));
    Scenario b = ScenarioLoader.load(scenario("messy.csv"));
    Caseload fromPlain = Caseloads.get(a.startingPopulation().sha256());
    Caseload fromMessy = Caseloads.get(b.startingPopulation().sha256());
    assertThat(a.startingPopulation().sha256()).isNotEqualTo(b.startingPopulation().sha256());
    assertThat(b.startingPopulation().sha256()).isEqualTo(sha256(Files.readAllBytes(messy)));
    assertThat(fromMessy).isEqualTo(fromPlain);
    assertThat(fromMessy.size()).isEqualTo(30);
    // The rows of the test, each first in its segment, before the filler's of that segment.
    assertThat(fromMessy.segments().subList(0, 2)).containsExactly("common", "common");
    assertThat(fromMessy.segments().subList(12, 13)).containsExactly("psychosis");
    assertThat(fromMessy.segments().subList(18, 19)).containsExactly("complex");
    assertThat(fromMessy.segments().subList(29, 30)).containsExactly("organic");
    int[] mine = {0, 1, 12, 18, 29};
    int[] beds = {0, 0, 12, 366, 30};
    int[] crises = {0, 2, 3, 1000, 1};
    int[] contacts = {6, 11, 40, 0, 9};
    String[] ages = {"65+", "25-34", "18-24", "45-54", "85+"};
    for (int i = 0; i < mine.length; i++) {
      assertThat(fromMessy.ageBands().get(mine[i])).isEqualTo(ages[i]);
      assertThat(fromMessy.bedDays()[mine[i]]).isEqualTo(beds[i]);
      assertThat(fromMessy.crisisContacts()[mine[i]]).isEqualTo(crises[i]);
      assertThat(fromMessy.communityContacts()[mine[i]]).isEqualTo(contacts[i]);
    }
    assertThat(startingCaseloads(b))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("common", 12, "psychosis", 6, "complex", 11, "organic", 1));
  }

  @Test
  @DisplayName("a file without an id column loads; ids are optional")
  void noIdColumn() throws Exception {
    csv(
        "no-id.csv",
        withFillerOf(
            "no id",
            "segment,age_band,bed_days,crisis_contacts,community_contacts",
            "common,18-24,0,0,1",
            "common,18-24,0,0,1",
            "organic,65+,2,0,3"));
    Scenario s = ScenarioLoader.load(scenario("no-id.csv"));
    assertThat(startingCaseloads(s))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("common", 12, "psychosis", 5, "complex", 10, "organic", 1));
  }

  // ------------------------------------------------------------------------------------ bad rows

  @Test
  @DisplayName("every bad row is reported at its line and column, and no bad value is repeated")
  void everyBadRowReported() throws Exception {
    Path csv =
        csv(
            "bad.csv",
            HEADER, // 1
            "SECRET-ID-01,common,35-44,0,0,22", // 2: good
            "SECRET-ID-02,SECRET-VALUE-1,35-44,0,0,22", // 3: unknown segment
            "SECRET-ID-03,common,SECRET-VALUE-2,0,0,22", // 4: not an age band
            "", // 5: blank, skipped but counted
            "SECRET-ID-04,common,65-18,0,0,22", // 6: the higher age first
            "SECRET-ID-05,common,121+,0,0,22", // 7: above 120
            "SECRET-ID-06,common,35-44,367,0,22", // 8: more than a year of bed days
            "SECRET-ID-07,common,35-44,0,-3,22", // 9: negative
            "SECRET-ID-08,common,35-44,0,0,2.5", // 10: not whole
            "SECRET-ID-09,common,35-44,,0,22", // 11: empty
            "SECRET-ID-10,common,35-44,0,0", // 12: five cells
            "SECRET-ID-11,common,35-44,0,0,22,SECRET-VALUE-3", // 13: seven cells
            "SECRET-ID-01,common,35-44,0,0,22", // 14: repeats line 2's id
            ",common,35-44,0,0,22", // 15: empty id
            "SECRET-ID-12,,35-44,0,0,22", // 16: empty segment
            "SECRET-ID-13,common,,0,0,22", // 17: empty age band
            "SECRET-ID-14,common,35-44,0,SECRET-VALUE-4,1001", // 18: two bad numbers
            "\"SECRET-ID-15\nSECRET-VALUE-5\",psychosis,18-24,0,0,1", // 19-20: a line break in a
            // cell
            "SECRET-ID-16,Psychosis,abc,SECRET-VALUE-6,0,0", // 21: two problems
            "SECRET-ID-02,common,35-44,0,0,22"); // 22: repeats line 3's id (a bad row's)
    Path yaml = scenario("bad.csv");
    List<LoadProblem> problems = problems(yaml);
    int at = fileLine(yaml);
    assertThat(shown(problems, yaml, csv))
        .containsExactly(
            "CSV:3: segment: is not a segment of the scenario; expected one of " + SEGMENTS,
            "CSV:4: age_band: " + AGE,
            "CSV:6: age_band: " + AGE,
            "CSV:7: age_band: " + AGE,
            "CSV:8: bed_days: " + DAYS,
            "CSV:9: crisis_contacts: " + CONTACTS,
            "CSV:10: community_contacts: " + CONTACTS,
            "CSV:11: bed_days: is empty; expected last year's days of the person, from 0 to 366",
            "CSV:12: has 5 cells; expected 6, one for each column of the header on line 1",
            "CSV:13: has 7 cells; expected 6, one for each column of the header on line 1",
            "CSV:14: id: repeats the identifier on line 2; expected one row per person",
            "CSV:15: id: is empty; expected the person's pseudonymised identifier",
            "CSV:16: segment: is empty; expected one of " + SEGMENTS,
            "CSV:17: age_band: " + AGE,
            "CSV:18: crisis_contacts: " + CONTACTS,
            "CSV:18: community_contacts: " + CONTACTS,
            "CSV:21: age_band: " + AGE,
            "CSV:21: bed_days: " + DAYS,
            "CSV:22: id: repeats the identifier on line 3; expected one row per person",
            "YAML:" + at + ":9: " + LISTED);
    assertThat(problems.get(0).source()).isEqualTo(csv.toString());
    assertThat(problems.get(0).column()).isZero();
    // Every message as shown, without the folder's name (which a value could be part of).
    String everything =
        String.join("\n", shown(problems, yaml, csv))
            + "\n"
            + catchThrowableOfType(ScenarioLoadException.class, () -> ScenarioLoader.load(yaml))
                .getMessage()
                .replace(tmp.toString(), "");
    for (String secret :
        List.of("SECRET", "VALUE", "65-18", "121+", "367", "-3", "2.5", "1001", "abc", "ID-")) {
      assertThat(everything).as("a message repeats %s", secret).doesNotContain(secret);
    }
  }

  @Test
  @DisplayName("more than 100 problems: the first 100 listed, then how many more")
  void moreThanAHundredProblems() throws Exception {
    List<String> lines = new ArrayList<>(List.of(HEADER));
    for (int i = 0; i < 117; i++) {
      lines.add("P" + i + ",SECRET-SEGMENT,35-44,0,0,1");
    }
    Path csv = csv("many.csv", lines.toArray(String[]::new));
    Path yaml = scenario("many.csv");
    List<String> shown = shown(problems(yaml), yaml, csv);
    String unknown = ": segment: is not a segment of the scenario; expected one of " + SEGMENTS;
    List<String> expected = new ArrayList<>();
    for (int line = 2; line <= 101; line++) {
      expected.add("CSV:" + line + unknown);
    }
    // After those listed, at the first line not listed.
    expected.add(
        "CSV:102: and 17 more problems of the same kinds, from this line on; expected every row"
            + " to be corrected");
    expected.add("YAML:" + fileLine(yaml) + ":9: " + LISTED);
    assertThat(shown).containsExactlyElementsOf(expected);
    assertThat(shown).hasSize(102).noneMatch(s -> s.contains("SECRET"));
  }

  // ------------------------------------------------------------------------------------- headers

  /** The problems with the header {@code header} and one good-looking row {@code row}. */
  private List<String> headerProblems(String name, String header, String row, String extra)
      throws IOException {
    Path csv = csv(name, header, row);
    Path yaml = scenario(name, extra);
    List<String> shown = shown(problems(yaml), yaml, csv);
    assertThat(shown).last().isEqualTo("YAML:" + fileLine(yaml) + ":9: " + LISTED);
    return shown.subList(0, shown.size() - 1);
  }

  @Test
  @DisplayName("a column phbsim does not read is named by its place (never its text), and refused")
  void unknownColumn() throws Exception {
    assertThat(headerProblems("nhs.csv", HEADER + ",nhs_number", "A,common,18-24,0,0,1,X", ""))
        .containsExactly(
            "CSV:1: has a column (the 7th) that phbsim does not read; "
                + EXPECTED_COLUMNS
                + " (remove any other column, such as a name or an NHS number, before using the"
                + " file)");
  }

  @Test
  @DisplayName("a required column left out")
  void missingColumn() throws Exception {
    assertThat(
            headerProblems(
                "no-beds.csv", "id,segment,age_band,crisis_contacts,community_contacts",
                "A,common,18-24,0,1", ""))
        .containsExactly("CSV:1: has no column bed_days; " + EXPECTED_COLUMNS);
  }

  @Test
  @DisplayName("both segment and cluster, or neither")
  void segmentAndCluster() throws Exception {
    assertThat(
            headerProblems(
                "both.csv",
                "id,segment,cluster,age_band,bed_days,crisis_contacts,community_contacts",
                "A,common,1,18-24,0,0,1",
                "  clusters: {common: [1]}\n"))
        .containsExactly(
            "CSV:1: has both segment and cluster; expected one of them, saying which segment each"
                + " person is in");
    assertThat(
            headerProblems(
                "neither.csv", "id,age_band,bed_days,crisis_contacts,community_contacts",
                "A,18-24,0,0,1", ""))
        .containsExactly(
            "CSV:1: has neither segment nor cluster; expected one of them, saying which segment"
                + " each person is in");
  }

  @Test
  @DisplayName("a column named twice")
  void columnTwice() throws Exception {
    assertThat(
            headerProblems(
                "twice.csv",
                "id,segment,age_band,bed_days,crisis_contacts,community_contacts,Age Band",
                "A,common,18-24,0,0,1,18-24",
                ""))
        .containsExactly("CSV:1: age_band: appears twice in the header; expected each column once");
  }

  @Test
  @DisplayName("a file whose first line is a person, not a header: no value repeated")
  void noHeader() throws Exception {
    Path csv =
        csv(
            "no-header.csv",
            "SECRET-ID-1,psychosis,35-44,SECRET-VALUE-1,0,22",
            "SECRET-ID-2,common,35-44,0,0,22");
    Path yaml = scenario("no-header.csv");
    List<String> shown = shown(problems(yaml), yaml, csv);
    assertThat(shown)
        .containsExactly(
            "CSV:1: is not a header row; " + EXPECTED_COLUMNS + ", named on the first line",
            "YAML:" + fileLine(yaml) + ":9: " + LISTED);
    assertThat(String.join("\n", shown)).doesNotContain("SECRET", "psychosis", "35-44");
  }

  @Test
  @DisplayName("the header on the first line that is not blank: its line number is kept")
  void headerAfterBlankLines() throws Exception {
    Path csv =
        csv(
            "late.csv",
            withFiller("", "  ", HEADER, "A,common,18-24,0,0,1", "", "B,common,18-24,0,x,1"));
    Path yaml = scenario("late.csv");
    assertThat(shown(problems(yaml), yaml, csv))
        .containsExactly(
            "CSV:6: crisis_contacts: " + CONTACTS, "YAML:" + fileLine(yaml) + ":9: " + LISTED);
  }

  // ------------------------------------------------------------------------------------ clusters

  @Test
  @DisplayName("a cluster column, mapped to segments through startingPopulation.clusters")
  void clusters() throws Exception {
    csv(
        "clusters.csv",
        withFillerOf(
            "cluster",
            "id,cluster,age_band,bed_days,crisis_contacts,community_contacts",
            "A,10,18-24,0,0,101",
            "B,1,25-34,0,0,102",
            "C,11,35-44,0,0,103",
            "D,4,45-54,0,0,104",
            "E,3,55-64,0,0,105",
            "F, 10 ,65+,0,0,106"));
    Scenario s = ScenarioLoader.load(scenario("clusters.csv", CLUSTERS));
    assertThat(startingCaseloads(s))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("common", 13, "psychosis", 8, "complex", 10, "organic", 0));
    Caseload people = Caseloads.get(s.startingPopulation().sha256());
    assertThat(people.size()).isEqualTo(31);
    // Common first (the scenario's order), the file's rows before the filler's; then psychosis.
    assertThat(people.communityContacts()).startsWith(102, 104, 105, 1);
    assertThat(Arrays.copyOfRange(people.communityContacts(), 13, 17))
        .containsExactly(101, 103, 106, 1);
    assertThat(people.segments().subList(13, 21)).containsOnly("psychosis");
  }

  @Test
  @DisplayName("a cluster the mapping does not hold, and a cluster column with no mapping")
  void clustersNotMapped() throws Exception {
    String header = "id,cluster,age_band,bed_days,crisis_contacts,community_contacts";
    Path csv =
        csv(
            "unmapped.csv",
            withFillerOf("cluster", header, "A,10,18-24,0,0,1", "B,SECRET-CLUSTER,18-24,0,0,1"));
    Path yaml = scenario("unmapped.csv", CLUSTERS);
    assertThat(shown(problems(yaml), yaml, csv))
        .containsExactly(
            "CSV:3: cluster: is not a care cluster the scenario assigns to a segment; expected one"
                + " of those in startingPopulation.clusters: 10, 11, 1, 2, 3, 4, 7",
            "YAML:" + fileLine(yaml) + ":9: " + LISTED);

    assertThat(headerProblems("no-mapping.csv", header, "A,10,18-24,0,0,1", ""))
        .containsExactly(
            "CSV:1: cluster: needs startingPopulation.clusters in the scenario; expected the care"
                + " clusters of each segment there");
  }

  @Test
  @DisplayName("a mapping to a segment the scenario does not have is refused at the mapping")
  void clusterOfUnknownSegment() throws Exception {
    String header = "id,cluster,age_band,bed_days,crisis_contacts,community_contacts";
    Path csv = csv("elsewhere.csv", withFillerOf("cluster", header, "A,99,18-24,0,0,1"));
    Path yaml =
        scenario(
            "elsewhere.csv",
            "  clusters: {psychosis: [10, 11], common: [1, 2, 3, 4], complex: [7], nowhere: [99]}\n");
    int at = fileLine(yaml);
    assertThat(shown(problems(yaml), yaml, csv))
        .containsExactly(
            "YAML:"
                + at
                + ":9: startingPopulation.file: has people in segments the scenario does not have;"
                + " expected every person in one of its segments",
            "YAML:"
                + (at + 1)
                + ":71: startingPopulation.clusters.nowhere: is not a segment of the scenario;"
                + " expected one of "
                + SEGMENTS);
  }

  // ------------------------------------------------------------------------------- whole files

  /** The one problem of a scenario whose file cannot be read at all, at startingPopulation.file. */
  private void fileProblem(String name, String message) throws IOException {
    Path yaml = scenario(name);
    assertThat(shown(problems(yaml), yaml, tmp.resolve(name)))
        .containsExactly("YAML:" + fileLine(yaml) + ":9: startingPopulation.file: " + message);
  }

  @Test
  @DisplayName("a file that is not UTF-8")
  void notUtf8() throws Exception {
    Files.write(
        tmp.resolve("latin.csv"),
        (HEADER + "\nA,common,18-24,0,0,1\n").getBytes(StandardCharsets.UTF_8));
    byte[] bad = {'B', ',', (byte) 0xC3, 0x28, '\n'};
    Files.write(tmp.resolve("latin.csv"), bad, java.nio.file.StandardOpenOption.APPEND);
    fileProblem(
        "latin.csv",
        "is not UTF-8 text; expected a CSV saved as UTF-8 (in Excel: Save As, CSV UTF-8)");
  }

  @Test
  @DisplayName("a missing file")
  void missingFile() throws Exception {
    fileProblem("nowhere.csv", "does not exist; expected the person-level CSV file");
  }

  @Test
  @DisplayName("an empty file, and a file with only its header")
  void emptyAndHeaderOnly() throws Exception {
    Path empty = tmp.resolve("empty.csv");
    Files.write(empty, new byte[0]);
    Path yaml = scenario("empty.csv");
    assertThat(shown(problems(yaml), yaml, empty))
        .containsExactly(
            "CSV: is empty; " + EXPECTED_COLUMNS + " on its first line, then one row a person",
            "YAML:" + fileLine(yaml) + ":9: " + LISTED);

    Path header = csv("header.csv", HEADER, "", "");
    yaml = scenario("header.csv");
    assertThat(shown(problems(yaml), yaml, header))
        .containsExactly(
            "CSV:1: has no people; expected one row per person on a caseload on day 0",
            "YAML:" + fileLine(yaml) + ":9: " + LISTED);
  }

  @Test
  @DisplayName("a quote that is never closed: at the line where it opens, no value repeated")
  void unclosedQuote() throws Exception {
    String notWellFormed =
        ": is not well-formed CSV here (for example a quote that is not closed); expected"
            + " comma-separated values, text with commas in double quotes";
    Path csv =
        csv(
            "quote.csv",
            withFiller(
                HEADER,
                "A,common,18-24,0,0,1",
                "\"SECRET-ID,common,18-24,0,0,1",
                "B,common,18-24,0,0,1"));
    Path yaml = scenario("quote.csv");
    List<String> shown = shown(problems(yaml), yaml, csv);
    assertThat(shown)
        .containsExactly("CSV:3" + notWellFormed, "YAML:" + fileLine(yaml) + ":9: " + LISTED);
    assertThat(String.join("\n", shown)).doesNotContain("SECRET");

    // Opened in a later cell of a later row.
    Path mid =
        csv(
            "quote-mid.csv",
            withFiller(
                HEADER,
                "A,common,18-24,0,0,1",
                "",
                "B,common,18-24,0,0,1",
                "C,common,\"SECRET-VALUE,0,0,1",
                "D,common,18-24,0,0,1"));
    yaml = scenario("quote-mid.csv");
    assertThat(shown(problems(yaml), yaml, mid))
        .containsExactly("CSV:5" + notWellFormed, "YAML:" + fileLine(yaml) + ":9: " + LISTED);
  }

  @Test
  @DisplayName("a SHA-256 given in the scenario that the file no longer has")
  void shaMismatch() throws Exception {
    Path csv = csv("changed.csv", withFiller(HEADER, "A,common,18-24,0,0,1"));
    String other = "ab".repeat(32);
    Path yaml = scenario("changed.csv", "  sha256: " + other + "\n");
    assertThat(sha256(Files.readAllBytes(csv))).isNotEqualTo(other);
    assertThat(shown(problems(yaml), yaml, csv))
        .containsExactly(
            "YAML:"
                + (fileLine(yaml) + 1)
                + ":11: startingPopulation.sha256: does not match the file, which has changed"
                + " since the scenario named it; expected the file with this SHA-256, or no sha256"
                + " to accept the file as it is now");

    // The right fingerprint is accepted.
    Path right = scenario("changed.csv", "  sha256: " + sha256(Files.readAllBytes(csv)) + "\n");
    assertThat(ScenarioLoader.load(right).startingPopulation().sha256())
        .isEqualTo(sha256(Files.readAllBytes(csv)));
  }

  // ------------------------------------------------------------------------- the scenario's side

  @Test
  @DisplayName("an area's scale in a person-level scenario is refused at areas[0].scale")
  void areaScaleRefused() throws Exception {
    Path csv = csv("area.csv", withFiller(HEADER, "A,common,18-24,0,0,1"));
    Path yaml =
        scenario("area.csv", "areas:\n  - id: north\n    population: 250000\n    scale: 2\n");
    assertThat(shown(problems(yaml), yaml, csv))
        .containsExactly(
            "YAML:"
                + (fileLine(yaml) + 4)
                + ":12: areas[0].scale: found 2.0; expected 1 or no scale, since the area's people"
                + " come from a person-level file, which a scale cannot multiply");

    Path one =
        scenario("area.csv", "areas:\n  - id: north\n    population: 250000\n    scale: 1\n");
    assertThat(ScenarioLoader.load(one).areas()).hasSize(1);
  }

  @Test
  @DisplayName("an area naming its own file: its people, not held to the scenario's fingerprint")
  void areaWithItsOwnFile() throws Exception {
    Path shared = csv("shared.csv", withFiller(HEADER, "A,common,18-24,0,0,1"));
    Path north =
        csv("north.csv", withFiller(HEADER, "N1,organic,85+,0,0,1", "N2,organic,75-84,0,0,1"));
    Path yaml =
        scenario(
            "shared.csv",
            "areas:\n"
                + "  - id: north\n    population: 250000\n"
                + "    set: [\"startingPopulation.file=north.csv\"]\n"
                + "  - id: south\n    population: 200000\n");
    Scenario s = ScenarioLoader.load(yaml);
    assertThat(s.startingPopulation().sha256()).isEqualTo(sha256(Files.readAllBytes(shared)));
    var areas = ScenarioLoader.areas(s);
    assertThat(areas).extracting(a -> a.id()).containsExactly("north", "south");
    Scenario n = areas.get(0).place();
    assertThat(n.startingPopulation().file()).isEqualTo(north.toString());
    assertThat(n.startingPopulation().sha256()).isEqualTo(sha256(Files.readAllBytes(north)));
    assertThat(startingCaseloads(n))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("common", 10, "psychosis", 5, "complex", 10, "organic", 2));
    Scenario south = areas.get(1).place();
    assertThat(south.startingPopulation().file()).isEqualTo(shared.toString());
    assertThat(startingCaseloads(south))
        .containsExactlyInAnyOrderEntriesOf(
            Map.of("common", 11, "psychosis", 5, "complex", 10, "organic", 0));
  }

  @Test
  @DisplayName("suppressBelow 0 is refused with the model's message")
  void suppressBelowZero() throws Exception {
    Path csv = csv("suppress.csv", withFiller(HEADER, "A,common,18-24,0,0,1"));
    Path yaml = scenario("suppress.csv", "  suppressBelow: 0\n");
    assertThat(shown(problems(yaml), yaml, csv))
        .containsExactly(
            "YAML:"
                + (fileLine(yaml) + 1)
                + ":18: startingPopulation.suppressBelow: found 0; expected a whole number from 1"
                + " (suppress nothing) to 100");
  }

  @Test
  @DisplayName("an unknown disclosure policy is refused, naming the two there are")
  void unknownDisclosure() throws Exception {
    Path csv = csv("disclosure.csv", withFiller(HEADER, "A,common,18-24,0,0,1"));
    Path yaml = scenario("disclosure.csv", "  disclosure: rounding\n");
    assertThat(shown(problems(yaml), yaml, csv))
        .containsExactly(
            "YAML:"
                + (fileLine(yaml) + 1)
                + ":15: startingPopulation.disclosure: found 'rounding'; expected suppression (the"
                + " default: withhold small counts) or nhs-rounding (withhold 1 to 7, round the"
                + " rest to the nearest 5)");
  }

  @Test
  @DisplayName("the NHS convention is accepted, and counts at 8 at least")
  void nhsRounding() throws Exception {
    csv("nhs.csv", withFiller(HEADER, "A,common,18-24,0,0,1"));
    Path yaml = scenario("nhs.csv", "  disclosure: nhs-rounding\n");
    Scenario s = ScenarioLoader.load(yaml);
    assertThat(s.startingPopulation().rounds()).isTrue();
    assertThat(phbsim.report.Disclosure.threshold(List.of(s))).isEqualTo(8);
    assertThat(phbsim.report.Disclosure.rounds(List.of(s))).isTrue();
  }
}
