package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunCommandTest {
  @TempDir Path tmp;

  @Test
  @DisplayName("run writes tidy monthly and annual CSVs and prints a summary per financial year")
  void runWritesTidyCsv() throws IOException {
    Path out = tmp.resolve("out");
    Cli r = Cli.run("run", "tiny", "-r", "3", "--set", "years=2", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out().replaceAll("\\s+", " ")) // the prose wrapped to the width
        .contains("2026/27", "2027/28", "Crises", "Admissions to a ward", "Written to")
        .contains(phbsim.report.Arm.SIGN_RULE)
        .contains("95 % confidence interval of the mean");

    // Every file opens with a one-line note: the basis, the sign rule and both intervals.
    List<String> monthly = Files.readAllLines(out.resolve("monthly_metrics.csv"));
    assertThat(monthly.get(0))
        .startsWith("# Scenario tiny, changed for this run (--set): years=2. Activity per month")
        .contains("2026/27 prices", "Sign rule", "ci95:", "range95:");
    int measures = phbsim.observe.Measure.values().length;
    assertThat(monthly.get(1))
        .isEqualTo(
            "date,financial_year,period,option,option_title,arm,segment,segment_label,measure,measure_title,"
                + "mean,ci95_low,ci95_high,range95_low,range95_high,replications");
    assertThat(monthly)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "2026-04-01,2026/27,M1,,Status quo,status_quo,all,All segments,caseload,"));
    assertThat(monthly)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "2026-04-01,2026/27,M1,as-written,The scenario as written,option,all,"));
    assertThat(monthly).anySatisfy(l -> assertThat(l).startsWith("2027-03-01,2026/27,M12,"));
    assertThat(monthly).anySatisfy(l -> assertThat(l).startsWith("2027-04-01,2027/28,M1,"));
    // 24 months x 3 arms (status quo, option, difference) x (1 segment + all) x the measures,
    // plus the note and the header
    assertThat(monthly).hasSize(24 * 3 * 2 * measures + 2);

    List<String> annual = Files.readAllLines(out.resolve("annual_metrics.csv"));
    assertThat(annual.get(1))
        .startsWith(
            "financial_year,months_in_year,option,option_title,arm,segment,segment_label,measure,"
                + "measure_title,mean,");
    assertThat(annual).hasSize(2 * 3 * 2 * measures + 2);

    int lines = phbsim.money.LedgerLine.values().length + 2; // and the two totals
    List<String> cashMonthly = Files.readAllLines(out.resolve("cashflow_monthly.csv"));
    assertThat(cashMonthly.get(1))
        .isEqualTo(
            "date,financial_year,period,option,option_title,arm,line,line_title,basis,row_type,"
                + "saving_is,mean,ci95_low,ci95_high,range95_low,range95_high,replications");
    // and each month the option's double_running and the saving's two cumulative rows
    assertThat(cashMonthly).hasSize(24 * (3 * lines + 3) + 2);
    assertThat(cashMonthly)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "2028-03-01,2027/28,M12,as-written,Saving: The scenario as written,difference,"
                            + "cumulative_saving_cash,"));
    assertThat(cashMonthly)
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "2026-04-01,2026/27,M1,,Status quo,status_quo,block_contract_staff,"
                            + "Block contracts: staff posts,cash,line,\"cash, fixed: does not fall"
                            + " with activity\",\\d+\\.\\d\\d,.*"));
    assertThat(cashMonthly)
        .anySatisfy(l -> assertThat(l).contains(",bed_days_block,", ",capacity,"));
    List<String> cashAnnual = Files.readAllLines(out.resolve("cashflow_annual.csv"));
    assertThat(cashAnnual.get(1))
        .startsWith(
            "financial_year,months_in_year,option,option_title,arm,line,line_title,basis,row_type,"
                + "saving_is,mean,");
    // and each year the option's double running, a memo
    assertThat(cashAnnual).hasSize(2 * (3 * lines + 1) + 2);
    assertThat(Files.readString(out.resolve("cash_summary.csv")))
        .contains(
            "net_saving_cash,",
            "net_saving_economic,",
            "npv_cash,",
            "break_even_cash,",
            "double_running,");
    assertThat(r.out())
        .contains("Cash flow, £000s", "Status quo", "Saving (status quo minus option)");
    assertThat(r.out()).contains("Community teams in", "Budgets and their infrastructure");
    List<String> teams = Files.readAllLines(out.resolve("teams_monthly.csv"));
    assertThat(teams.get(1))
        .isEqualTo(
            "date,financial_year,period,option,option_title,arm,team,team_label,measure,measure_title,"
                + "mean,ci95_low,ci95_high,range95_low,range95_high,replications");
    // tiny has one team: 24 months x 3 arms x the team measures
    assertThat(teams).hasSize(24 * 3 * phbsim.observe.TeamMeasure.values().length + 2);
    assertThat(teams)
        .anySatisfy(
            l -> assertThat(l).startsWith("2026-04-01,2026/27,M1,,Status quo,status_quo,team,"));
    List<String> infra = Files.readAllLines(out.resolve("infrastructure_monthly.csv"));
    assertThat(infra.get(1))
        .isEqualTo(
            "date,financial_year,period,option,option_title,arm,measure,measure_title,"
                + "mean,ci95_low,ci95_high,range95_low,range95_high,replications");
    // 24 months x 3 arms (status quo, option, difference) x 5 figures
    assertThat(infra).hasSize(24 * 3 * 5 + 2);
    assertThat(out.resolve("scenario.yaml")).exists();
    assertThat(Files.readString(out.resolve("run.json")))
        .contains("\"seed\"", "\"status_quo\"", "\"as-written\"", "\"priceBase\" : \"2026/27\"");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
    }
  }

  @Test
  @DisplayName("a 10-year run's tables fit the width: years split into blocks, labels repeated")
  void tablesFitTheWidth() {
    Cli r =
        Cli.run("run", "tiny", "-r", "2", "--set", "years=10", "-o", tmp.resolve("ten").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    // A table line has a gap of two spaces or more between its label and its figures.
    List<String> tableLines =
        r.out().lines().filter(l -> l.strip().matches(".*\\S {2,}\\S.*")).toList();
    assertThat(tableLines)
        .isNotEmpty()
        .allSatisfy(
            l ->
                assertThat(l.length())
                    .as(l)
                    .isLessThanOrEqualTo(phbsim.writers.AppraisalText.DEFAULT_WIDTH));
    assertThat(r.out()).contains("Cash flow, £000s (continued)", "2035/36");
  }

  @Test
  @DisplayName(
      "the printout's prose (basis, sign rule, notes) wraps within the width, no word lost or cut")
  void proseFitsTheWidth() {
    Cli r =
        Cli.run("run", "default", "-r", "2", "--set", "years=2", "-o", tmp.resolve("p").toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    int width = phbsim.writers.AppraisalText.DEFAULT_WIDTH;
    assertThat(r.out().lines())
        .allSatisfy(l -> assertThat(l.length()).as(l).isLessThanOrEqualTo(width));
    // the sign rule whole, once its lines are joined again
    String joined = r.out().replaceAll("\\s+", " ");
    assertThat(joined).contains(phbsim.report.Arm.SIGN_RULE);
  }

  @Test
  @DisplayName("run reports every named option of a scenario side by side with the status quo")
  void namedOptionsSideBySide() throws IOException {
    Path out = tmp.resolve("options");
    Cli r = Cli.run("run", "default", "-r", "2", "--set", "years=3", "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("Options appraisal", "roll-out-release-post", "Option roll-out:")
        .contains("Option roll-out-release-post:", "Net saving, cash", "Net saving, economic");
    String summary = Files.readString(out.resolve("cash_summary.csv"));
    assertThat(summary).contains("\nroll-out,", "\nroll-out-release-post,");
    List<String> cash = Files.readAllLines(out.resolve("cashflow_annual.csv"));
    // The status quo once, then each option and its saving: 5 blocks a year.
    assertThat(cash)
        .filteredOn(l -> l.startsWith("2027/28,") && l.contains(",total_cash,"))
        .extracting(
            l -> {
              var m =
                  java.util.regex.Pattern.compile(
                          "^2027/28,12,([^,]*),(?:\"[^\"]*\"|[^,]*),([^,]*),")
                      .matcher(l);
              return m.find() ? m.group(1) + "/" + m.group(2) : l;
            })
        .containsExactly(
            "/status_quo",
            "roll-out/option",
            "roll-out/difference",
            "roll-out-release-post/option",
            "roll-out-release-post/difference");
    // The post released from April 2028 is in the second option only: 1 x £98,836 at 2023/24
    // prices, brought to 2026/27 prices, comes off its 2028/29 cash; the status quo releases none.
    assertThat(cash)
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "2028/29,12,roll-out-release-post,\"The roll-out, and take one CMHT post out from"
                            + " April 2028\",option,posts_released,[^,]*,cash,line,cash-releasing,"
                            + "-1\\d{5}\\.\\d\\d,.*"));
    assertThat(cash)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("2028/29,12,,Status quo,status_quo,posts_released,")
                    .contains(",0.00,"));
    assertThat(cash)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith(
                        "2028/29,12,roll-out,Offer budgets along the planned roll-out,option,posts_released,")
                    .contains(",0.00,"));
  }

  @Test
  @DisplayName("the same seed gives the same output bytes with 1 thread and with 3")
  void sameBytesWhateverTheThreads() throws IOException {
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    assertThat(Cli.run("run", "tiny", "-r", "6", "--threads", "1", "-o", a.toString()).exitCode())
        .isZero();
    assertThat(Cli.run("run", "tiny", "-r", "6", "--threads", "3", "-o", b.toString()).exitCode())
        .isZero();
    for (String f :
        List.of(
            "monthly_metrics.csv",
            "annual_metrics.csv",
            "cashflow_monthly.csv",
            "cashflow_annual.csv",
            "cash_summary.csv",
            "teams_monthly.csv",
            "infrastructure_monthly.csv",
            "run.json")) {
      assertThat(Files.readAllBytes(b.resolve(f)))
          .as(f)
          .isEqualTo(Files.readAllBytes(a.resolve(f)));
    }
    Path c = tmp.resolve("c");
    assertThat(Cli.run("run", "tiny", "-r", "6", "--seed", "2", "-o", c.toString()).exitCode())
        .isZero();
    assertThat(Files.readAllBytes(c.resolve("monthly_metrics.csv")))
        .isNotEqualTo(Files.readAllBytes(a.resolve("monthly_metrics.csv")));
  }

  @Test
  @DisplayName("a bad override gives a short message naming it, exit 1, and writes nothing")
  void badOverride() {
    Path out = tmp.resolve("never");
    Cli r = Cli.run("run", "tiny", "--set", "years=lots", "-o", out.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("years", "lots").doesNotContain("Exception", "\tat ");
    assertThat(out).doesNotExist();
  }

  @Test
  @DisplayName("a scenario that is neither a file nor built in is named in the message")
  void unknownScenario() {
    Cli r = Cli.run("run", "no-such-place");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("no-such-place", "default", "tiny").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("impossible run settings are refused before anything runs")
  void badRunSettings() {
    Cli r = Cli.run("run", "tiny", "-r", "0");
    assertThat(r.exitCode()).isEqualTo(2);
    assertThat(r.err()).contains("--replications must be at least 1").contains("--help");
    assertThat(Cli.run("run", "tiny", "--threads", "0").exitCode()).isEqualTo(2);
    assertThat(Cli.run("run", "tiny", "-r", "many").exitCode()).isEqualTo(2);
  }

  @Test
  @DisplayName("an output folder that cannot be created is reported, not thrown")
  void unwritableOutput() throws IOException {
    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Cli r = Cli.run("run", "tiny", "-r", "1", "-o", file.resolve("sub").toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err()).contains("Cannot write the results").doesNotContain("\tat ");
  }

  @Test
  @DisplayName("a rerun into the same folder is refused before it runs, and nothing is touched")
  void rerunRefused() throws IOException {
    Path out = tmp.resolve("results");
    assertThat(Cli.run("run", "tiny", "-r", "2", "--quiet", "-o", out.toString()).exitCode())
        .isZero();
    byte[] before = Files.readAllBytes(out.resolve("cashflow_monthly.csv"));
    long modified = Files.getLastModifiedTime(out.resolve("run.json")).toMillis();
    // england would take half a minute to simulate: the refusal comes first
    Cli again = Cli.run("run", "england", "--quiet", "-o", out.toString());
    assertThat(again.exitCode()).isEqualTo(1);
    assertThat(again.err()).contains("already holds files", "--force").doesNotContain("\tat ");
    assertThat(again.out()).doesNotContain("Done in");
    assertThat(Files.readAllBytes(out.resolve("cashflow_monthly.csv"))).isEqualTo(before);
    assertThat(Files.getLastModifiedTime(out.resolve("run.json")).toMillis()).isEqualTo(modified);
    // with --force it is replaced whole, and the manifest says how to reproduce it
    Cli forced =
        Cli.run(
            "run", "tiny", "-r", "3", "--seed", "5", "--quiet", "--force", "-o", out.toString());
    assertThat(forced.exitCode()).as(forced.err()).isZero();
    assertThat(Files.readString(out.resolve("manifest.json")))
        .contains("\"seed\" : 5", "\"replications\" : 3", "\"command\" : [ \"phbsim\", \"run\"")
        .contains("\"scenarioSha256\"", "\"java\"", "\"commit\"");
    try (var files = Files.list(tmp)) {
      assertThat(files.map(p -> p.getFileName().toString())).containsExactly("results");
    }
  }

  @Test
  @DisplayName("every command has --help with an example")
  void helpHasExamples() {
    for (String command : List.of("run", "validate", "explain", "scenarios", "pathway", "bench")) {
      Cli r = Cli.run(command, "--help");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).as(command).contains("Usage: phbsim " + command, "Example");
    }
    assertThat(Cli.run("--help").out()).contains("run", "validate", "scenarios", "pathway");
  }
}
