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
    assertThat(r.out()).contains("2026/27", "2027/28", "Crises", "Admissions", "Written to");

    List<String> monthly = Files.readAllLines(out.resolve("monthly_metrics.csv"));
    int measures = phbsim.observe.Measure.values().length;
    assertThat(monthly.get(0))
        .isEqualTo("date,financial_year,period,arm,segment,measure,mean,lower_95,upper_95");
    assertThat(monthly)
        .anySatisfy(l -> assertThat(l).startsWith("2026-04-01,2026/27,M1,scenario,all,caseload,"));
    assertThat(monthly).anySatisfy(l -> assertThat(l).startsWith("2027-03-01,2026/27,M12,"));
    assertThat(monthly).anySatisfy(l -> assertThat(l).startsWith("2027-04-01,2027/28,M1,"));
    // 24 months x 3 arms x (1 segment + all) x the measures, plus the header
    assertThat(monthly).hasSize(24 * 3 * 2 * measures + 1);

    List<String> annual = Files.readAllLines(out.resolve("annual_metrics.csv"));
    assertThat(annual.get(0))
        .isEqualTo("financial_year,arm,segment,measure,mean,lower_95,upper_95");
    assertThat(annual).hasSize(2 * 3 * 2 * measures + 1);

    int lines = phbsim.money.LedgerLine.values().length + 1; // and the total
    List<String> cashMonthly = Files.readAllLines(out.resolve("cashflow_monthly.csv"));
    assertThat(cashMonthly.get(0))
        .isEqualTo("date,financial_year,period,arm,line,mean,lower_95,upper_95");
    // and each month a double_running row and a cumulative_net_saving row
    assertThat(cashMonthly).hasSize(24 * (3 * lines + 2) + 1);
    assertThat(cashMonthly)
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("2028-03-01,2027/28,M12,difference,cumulative_net_saving,"));
    assertThat(cashMonthly)
        .anySatisfy(
            l ->
                assertThat(l)
                    .matches(
                        "2026-04-01,2026/27,M1,scenario,block_contract_staff,\\d+\\.\\d\\d,.*"));
    List<String> cashAnnual = Files.readAllLines(out.resolve("cashflow_annual.csv"));
    assertThat(cashAnnual.get(0)).isEqualTo("financial_year,arm,line,mean,lower_95,upper_95");
    assertThat(cashAnnual).hasSize(2 * 3 * lines + 1);
    assertThat(Files.readString(out.resolve("cash_summary.csv")))
        .contains("net_saving,", "npv_of_difference,", "break_even_month,", "double_running,");
    assertThat(r.out()).contains("Cash flow, £000s", "Baseline", "Difference", "Net saving");
    assertThat(r.out()).contains("Community teams at the end", "Budgets and their infrastructure");
    List<String> teams = Files.readAllLines(out.resolve("teams_monthly.csv"));
    assertThat(teams.get(0))
        .isEqualTo("date,financial_year,period,arm,team,measure,mean,lower_95,upper_95");
    // tiny has one team: 24 months x 3 arms x the team measures
    assertThat(teams).hasSize(24 * 3 * phbsim.observe.TeamMeasure.values().length + 1);
    assertThat(teams).anySatisfy(l -> assertThat(l).startsWith("2026-04-01,2026/27,M1,scenario,"));
    List<String> infra = Files.readAllLines(out.resolve("infrastructure_monthly.csv"));
    assertThat(infra.get(0))
        .isEqualTo("date,financial_year,period,measure,mean,lower_95,upper_95,replications");
    assertThat(infra).hasSize(24 * 5 + 1);
    assertThat(out.resolve("scenario.yaml")).exists();
    assertThat(Files.readString(out.resolve("run.json")))
        .contains("\"seed\"", "scenarioResultsSha256", "baselineResultsSha256");
    try (var files = Files.list(out)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".partial"));
    }
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
  @DisplayName("every command has --help with an example")
  void helpHasExamples() {
    for (String command : List.of("run", "validate", "scenarios", "pathway", "bench")) {
      Cli r = Cli.run(command, "--help");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).as(command).contains("Usage: phbsim " + command, "Example");
    }
    assertThat(Cli.run("--help").out()).contains("run", "validate", "scenarios", "pathway");
  }
}
