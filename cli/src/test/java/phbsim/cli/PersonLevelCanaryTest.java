package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.scenarios.BuiltInScenarios;

/**
 * No value from a person-level file is ever printed in a message (issue 21, item 6): not a cell,
 * not a fragment of a header, not a head count. Each file here is built so that every value in it
 * is a canary, a text or number that appears nowhere else (CNRY and a serial; numbers such as
 * 987654321 that no scenario holds), and every command a user would try on it (validate, run,
 * explain, compare) is searched for every canary in all it prints and writes. The head counts are
 * canaries too: the file gives its segments 437, 389 and 173 people, which the default scenario's
 * own figures do not contain, and messages that would need a count from the file must not show it.
 */
class PersonLevelCanaryTest {
  private static final String HEADER =
      "id,segment,age_band,bed_days,crisis_contacts,community_contacts";

  /** Every canary: a text no scenario holds, or a number no scenario holds. */
  private static final Pattern CANARY =
      Pattern.compile("CNRY|987654321|9876543210|8765432109|(?<![\\d,.])(437|389|173)(?![\\d,.])");

  @TempDir Path tmp;

  private Path scenario(String csvName, String csvText, String extra) throws IOException {
    return scenario(csvName, csvText, extra, BuiltInScenarios.text("default"));
  }

  private Path scenario(String csvName, String csvText, String extra, String base)
      throws IOException {
    Files.writeString(tmp.resolve(csvName), csvText);
    Path yaml = tmp.resolve(csvName.replace(".csv", ".yaml"));
    Files.writeString(yaml, base + "\nstartingPopulation:\n  file: " + csvName + "\n" + extra);
    return yaml;
  }

  /** A valid file whose segments have 437, 389, 173 and 7 people, every identifier a canary. */
  private static String countsAsCanaries() {
    StringBuilder b = new StringBuilder(HEADER).append('\n');
    int serial = 0;
    String[] segments = {"common", "psychosis", "complex", "organic"};
    int[] counts = {437, 389, 173, 7};
    for (int g = 0; g < segments.length; g++) {
      for (int i = 0; i < counts[g]; i++) {
        b.append(String.format("CNRY%06d,%s,35-44,%d,%d,%d%n", serial++, segments[g], 0, i % 2, 6));
      }
    }
    return b.toString();
  }

  /** Everything a command printed, and every file it left (none, for a refused run). */
  private static void noCanary(String what, Cli c, Path folder) throws IOException {
    String all = c.out() + "\n" + c.err();
    if (folder != null && Files.exists(folder)) {
      all += String.join("\n", PersonLevelFiles.everythingWritten(folder, c).values());
    }
    var m = CANARY.matcher(all);
    if (m.find()) {
      int from = Math.max(0, m.start() - 120);
      throw new AssertionError(
          what
              + " printed or wrote a value from the file ("
              + m.group()
              + "): ..."
              + all.substring(from, Math.min(all.length(), m.end() + 80)));
    }
  }

  /** Validate, run and explain on a file phbsim must refuse: each refuses it and quotes nothing. */
  private void refusedQuotingNothing(String name, String csv, String extra) throws IOException {
    Path yaml = scenario(name, csv, extra);
    Path out = tmp.resolve(name + "-out");
    List<Cli> tries = new ArrayList<>();
    tries.add(Cli.run("validate", yaml.toString()));
    tries.add(Cli.run("run", yaml.toString(), "-r", "2", "--quiet", "-o", out.toString()));
    tries.add(Cli.run("explain", yaml.toString(), "years"));
    tries.add(
        Cli.run("compare", "default", yaml.toString(), "-r", "2", "--quiet", "-o", out.toString()));
    for (Cli c : tries) {
      assertThat(c.exitCode()).as("%s: %s", name, c.err()).isNotZero();
      // The message still says where: the file's name and a line.
      assertThat(c.err()).as(name).contains(name + ":");
      noCanary(name, c, out);
    }
  }

  @Test
  @DisplayName("a file with no header: its first person is not printed back")
  void noHeader() throws IOException {
    refusedQuotingNothing(
        "no-header.csv",
        "CNRY000001,common,35-44,0,0,9876543210\nCNRY000002,common,35-44,0,0,22\n",
        "");
  }

  @Test
  @DisplayName("a header with a column phbsim does not read, or a person's row inside it")
  void headerFragments() throws IOException {
    refusedQuotingNothing(
        "extra-column.csv",
        HEADER + ",CNRY-NHS-NUMBER\nCNRY000001,common,35-44,0,0,22,9876543210\n",
        "");
    // A header run into the first person's row (a lost line break): the person's cells are
    // columns phbsim does not know, and must not be named.
    refusedQuotingNothing(
        "shifted.csv",
        HEADER + ",CNRY000001,common,35-44,0,0,8765432109\nCNRY000002,common,35-44,0,0,22\n",
        "");
  }

  @Test
  @DisplayName("rows whose every cell is a canary: each problem named by line and column only")
  void everyCellACanary() throws IOException {
    String csv =
        HEADER
            + "\nCNRY-A1,CNRY-B1,CNRY-C1,CNRY-D1,CNRY-E1,CNRY-F1"
            + "\nCNRY-A2,common,35-44,987654321,9876543210,8765432109"
            + "\nCNRY-A2,common,35-44,0,0,22" // the identifier of the line before, repeated
            + "\nCNRY-A3,common,35-44,0,0" // a cell short
            + "\nCNRY-A4,common,35-44,0,0,22,CNRY-G4" // a cell over
            + "\nCNRY-A5,\"CNRY-B5,common,35-44,0,0,22\n"; // a quote not closed
    refusedQuotingNothing("every-cell.csv", csv, "");
  }

  @Test
  @DisplayName("care clusters: a cluster not assigned is refused without being quoted")
  void clusters() throws IOException {
    String csv =
        "id,cluster,age_band,bed_days,crisis_contacts,community_contacts\n"
            + "CNRY000001,CNRY-CLUSTER,35-44,0,0,22\nCNRY000002,1,CNRY-AGE,0,0,22\n";
    refusedQuotingNothing(
        "clusters.csv",
        csv,
        "  clusters: {common: [1, 2], psychosis: [10], complex: [7], organic: [18]}\n");
  }

  @Test
  @DisplayName("a scenario at odds with its file: the file's head counts are never printed")
  void headCountsNotPrinted() throws IOException {
    // 500 starting budget holders in a segment of 437 people: refused, without the 437.
    String text = BuiltInScenarios.text("default");
    assertThat(text).contains("startingHolders: 10 ");
    Path wrong =
        scenario(
            "too-many.csv",
            countsAsCanaries(),
            "",
            text.replaceFirst("startingHolders: 10 ", "startingHolders: 500"));
    Path yaml = scenario("counts.csv", countsAsCanaries(), "");
    for (Cli holders :
        List.of(
            Cli.run("validate", wrong.toString()),
            Cli.run(
                "run",
                yaml.toString(),
                "--set",
                "segments[common].budget.startingHolders=500",
                "-r",
                "2",
                "--quiet",
                "-o",
                tmp.resolve("never").toString()))) {
      assertThat(holders.exitCode()).isNotZero();
      assertThat(holders.err()).contains("startingHolders: found 500; expected 0 to the segment's");
      noCanary("too many holders", holders, null);
    }
    // explain of a head count counted from the file: not a setting it publishes.
    Cli explain = Cli.run("explain", yaml.toString(), "segments[common].startingCaseload");
    noCanary("explain of a head count", explain, null);
    // A run of it that is accepted: its identifiers are in nothing it prints or writes. (The head
    // counts are published through the disclosure policy, as tables of people at or above the
    // threshold, so only the identifiers are searched for here.)
    Path out = tmp.resolve("counts-out");
    Cli run = Cli.run("run", yaml.toString(), "-r", "2", "--quiet", "-o", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    String all = String.join("\n", PersonLevelFiles.everythingWritten(out, run).values());
    assertThat(all).doesNotContain("CNRY");
  }
}
