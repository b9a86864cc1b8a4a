package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.money.Prices;
import phbsim.scenarios.BuiltInScenarios;

/** Several areas side by side (docs/model.md section 9). */
class AreasTest {
  @TempDir Path tmp;

  private Path areas(String areasYaml) throws IOException {
    return Files.writeString(
        tmp.resolve("areas.yaml"), BuiltInScenarios.text("tiny") + "\n" + areasYaml);
  }

  private static final List<String> CSVS =
      List.of(
          "monthly_metrics.csv",
          "annual_metrics.csv",
          "cashflow_monthly.csv",
          "cashflow_annual.csv",
          "cash_summary.csv",
          "cohort.csv",
          "teams_monthly.csv",
          "infrastructure_monthly.csv");

  @Test
  @DisplayName("a run of one area writes, for that area, exactly the files of the plain run")
  void oneAreaIsThePlainRun() throws IOException {
    Path file = areas("areas:\n  - id: only\n    population: 100000\n");
    Path a = tmp.resolve("areas-run");
    Path b = tmp.resolve("plain-run");
    Cli r = Cli.run("run", file.toString(), "-r", "4", "--quiet", "-o", a.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Cli p = Cli.run("run", "tiny", "-r", "4", "--quiet", "-o", b.toString());
    assertThat(p.exitCode()).as(p.err()).isZero();
    for (String f : CSVS) {
      // The same figures byte for byte; only the opening note differs, naming each run's own
      // scenario (its file and name).
      List<String> area = Files.readAllLines(a.resolve("areas/only").resolve(f));
      List<String> plain = Files.readAllLines(b.resolve(f));
      assertThat(area.subList(1, area.size())).as(f).isEqualTo(plain.subList(1, plain.size()));
      assertThat(area.get(0)).startsWith("# Scenario " + file);
      assertThat(plain.get(0)).startsWith("# Scenario tiny, as written. ");
      assertThat(area.get(0).substring(area.get(0).indexOf(". ")))
          .isEqualTo(plain.get(0).substring(plain.get(0).indexOf(". ")));
    }
  }

  @Test
  @DisplayName(
      "team-months below the minimum viable size: 12 by hand for a team of 2 posts that may not go"
          + " below 2, and the same as the recount from the area's teams_monthly.csv")
  void teamMonthsBelowMinimum() throws IOException {
    Path file =
        areas(
            "areas:\n  - id: only\n    population: 100000\n    set:\n"
                + "      - \"services[team].community.posts=2\"\n"
                + "      - \"services[team].community.contract.unbundling="
                + "{threshold: 0.9, heldMonths: 3, minimumPosts: 2}\"\n");
    Path out = tmp.resolve("below-minimum");
    Cli r = Cli.run("run", file.toString(), "-r", "2", "--quiet", "-o", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String figure = null;
    for (String line : Files.readAllLines(out.resolve("areas_per_100k.csv"))) {
      if (line.startsWith("only,") && line.contains(",option,team_months_below_minimum,")) {
        figure = line;
      }
    }
    assertThat(figure).isNotNull();
    // tiny runs one year: its one team, 25 people against a minimum of 2 posts x 30 places, is
    // below the minimum at all 12 month ends.
    String[] cells = figure.split(",");
    assertThat(Double.parseDouble(cells[cells.length - 5])).isEqualTo(12.0);
    // The recount: the option's below_minimum_viable_size (1 = yes) summed over the months.
    double recount = 0;
    for (String line : Files.readAllLines(out.resolve("areas/only/teams_monthly.csv"))) {
      String[] c = line.split(",");
      if (c.length > 12 && c[5].equals("option") && c[8].equals("below_minimum_viable_size")) {
        recount += Double.parseDouble(c[10]);
      }
    }
    assertThat(recount).isEqualTo(12.0);
  }

  @Test
  @DisplayName("per 100,000 a year, by hand: a contract's fixed part, scaled, over the population")
  void per100kByHand() throws IOException {
    Path file =
        areas(
            "areas:\n  - id: small\n    population: 50000\n    scale: 2\n"
                + "  - id: large\n    population: 400000\n    scale: 4\n");
    Path out = tmp.resolve("two");
    Cli r = Cli.run("run", file.toString(), "-r", "3", "--quiet", "-o", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    // tiny's team: £111,000 a year fixed at 2023/24 prices, brought to 2026/27; one year.
    double factor = new Prices(BuiltInScenarios.load("tiny")).factor("2023/24");
    List<String> rows = Files.readAllLines(out.resolve("areas_per_100k.csv"));
    assertThat(mean(rows, "small,", ",status_quo,block_contract_fixed,"))
        .isCloseTo(111_000 * factor * 2 / 50_000 * 100_000, within(0.05));
    assertThat(mean(rows, "large,", ",status_quo,block_contract_fixed,"))
        .isCloseTo(111_000 * factor * 4 / 400_000 * 100_000, within(0.05));
    // the total: both contracts over both populations
    assertThat(mean(rows, "total,", ",status_quo,block_contract_fixed,"))
        .isCloseTo(111_000 * factor * 6 / 450_000 * 100_000, within(0.05));
    // and the headline total is the sum of the areas' savings (each area against its own)
    List<String> headlines = Files.readAllLines(out.resolve("areas.csv"));
    double small = mean(headlines, "small,", ",net_saving_economic,");
    double large = mean(headlines, "large,", ",net_saving_economic,");
    double total = mean(headlines, "total,", ",net_saving_economic,");
    assertThat(total).isCloseTo(small + large, within(0.02));
  }

  /** The mean (the first summary column) of the row that starts so and contains the figure. */
  private static double mean(List<String> rows, String start, String figure) {
    String row =
        rows.stream()
            .filter(l -> l.startsWith(start) && l.contains(figure))
            .findFirst()
            .orElseThrow(() -> new AssertionError("no row " + start + "..." + figure));
    String after = row.substring(row.indexOf(figure) + figure.length());
    // skip the title and the unit, which may be quoted
    String[] cells = after.split(",(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)");
    for (String c : cells) {
      try {
        return Double.parseDouble(c);
      } catch (NumberFormatException notYet) {
        // a title or a unit
      }
    }
    throw new AssertionError("no number in " + row);
  }

  @Test
  @DisplayName("areas give the same bytes with 1 thread and with 4")
  void sameBytesWhateverTheThreads() throws IOException {
    Path file =
        areas(
            "areas:\n  - id: a\n    population: 80000\n  - id: b\n    population: 120000\n"
                + "    scale: 1.5\n    set:\n      segments[everyone].crisesPerYear: 0.8\n");
    Path one = tmp.resolve("one");
    Path four = tmp.resolve("four");
    assertThat(
            Cli.run(
                    "run",
                    file.toString(),
                    "-r",
                    "3",
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
                    "3",
                    "--threads",
                    "4",
                    "--quiet",
                    "-o",
                    four.toString())
                .exitCode())
        .isZero();
    try (Stream<Path> s = Files.walk(one)) {
      for (Path f : s.filter(Files::isRegularFile).toList()) {
        String name = f.getFileName().toString();
        if (name.equals("manifest.json")) {
          continue;
        }
        assertThat(Files.readAllBytes(four.resolve(one.relativize(f))))
            .as(one.relativize(f).toString())
            .isEqualTo(Files.readAllBytes(f));
      }
    }
  }

  @Test
  @DisplayName("an area's mistakes are reported at its line, naming the area")
  void badArea() throws IOException {
    Path file =
        areas(
            "areas:\n  - id: a\n    population: 0\n  - id: b\n    population: 1000\n"
                + "    set:\n      segments[everyone].crisesPerYear: -1\n");
    Cli r = Cli.run("validate", file.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("areas[0].population", "expected people, more than 0");
    Cli again =
        Cli.run(
            "validate",
            areas(
                    "areas:\n  - id: b\n    population: 1000\n    set:\n      segments[everyone].crisesPerYear: -1\n")
                .toString());
    assertThat(again.err()).contains("in area 'b'", "crisesPerYear").doesNotContain("\tat ");
  }
}
