package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherCommandsTest {
  @TempDir Path tmp;

  @Test
  @DisplayName(
      "warnings go to the error stream, not into the report: one replication, and a compare of"
          + " two places")
  void warningsOnStderr(@TempDir Path dir) {
    Cli one =
        Cli.run("run", "-r", "1", "--set", "years=1", "-q", "-o", dir.resolve("a").toString());
    assertThat(one.exitCode()).as(one.err()).isZero();
    assertThat(one.err()).contains("Warning: one replication gives no interval");
    assertThat(one.out()).doesNotContain("Warning");
    // The header states the override, so the description's "5 years" is not read as this run's.
    assertThat(one.out()).contains("Changed for this run (--set): years=1. 1 year from 2026-04-01");
    Cli places =
        Cli.run(
            "compare",
            "default",
            "tiny",
            "-r",
            "2",
            "--set",
            "years=1",
            "-q",
            "-o",
            dir.resolve("b").toString());
    assertThat(places.exitCode()).as(places.err()).isZero();
    assertThat(places.err()).contains("Warning: tiny is not the same place as default");
    assertThat(places.out()).doesNotContain("is not the same place");
  }

  @Test
  @DisplayName(
      "--replications=abc says what a replication is and what is wanted; 1,000 is read as 1000")
  void replicationsAsTyped() {
    Cli bad = Cli.run("run", "--replications=abc");
    assertThat(bad.exitCode()).isEqualTo(2);
    assertThat(bad.err())
        .contains("'abc' is not a number of replications; expected a whole number such as 100")
        .doesNotContain("Exception");
    Cli zero = Cli.run("run", "--replications=1,000", "--set", "years=0");
    assertThat(zero.err()).doesNotContain("not a number of replications");
  }

  @Test
  @DisplayName("validate says ok for good files and lists every problem of a bad one")
  void validate() throws IOException {
    Path bad =
        Files.writeString(
            tmp.resolve("bad.yaml"), "name: x\nyears: 45\nstartDate: 2026-04-01\nsegmnts: []\n");
    Cli ok = Cli.run("validate", "default", "tiny");
    assertThat(ok.exitCode()).isZero();
    assertThat(ok.out()).contains("default: ok", "tiny: ok");

    Cli r = Cli.run("validate", "tiny", bad.toString());
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).contains("tiny: ok");
    assertThat(r.err())
        .contains("bad.yaml:2:8: years", "bad.yaml:4:1: segmnts", "did you mean 'segments'")
        .doesNotContain("\tat ");
  }

  @Test
  @DisplayName("scenarios lists the built-ins and shows one as YAML with its sources")
  void scenarios() {
    Cli list = Cli.run("scenarios");
    assertThat(list.exitCode()).isZero();
    assertThat(list.out()).contains("default", "tiny");
    Cli show = Cli.run("scenarios", "--show", "default");
    assertThat(show.exitCode()).isZero();
    assertThat(show.out()).contains("[pssru-2024]", "segments:").doesNotContain("CALIBRATION");
    assertThat(Cli.run("scenarios", "--show", "nope").exitCode()).isEqualTo(1);
  }

  @Test
  @DisplayName("pathway prints DOT and Mermaid with every service")
  void pathway() {
    Cli r = Cli.run("pathway", "tiny");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out()).contains("digraph pathway", "flowchart LR", "\"team\" -> ");
    Cli dot = Cli.run("pathway", "tiny", "--format", "dot");
    assertThat(dot.out()).contains("digraph").doesNotContain("flowchart");
    assertThat(Cli.run("pathway", "tiny", "--format", "png").exitCode()).isEqualTo(2);
  }

  @Test
  @DisplayName(
      "explain prints a value, its line, its price year and its source; a bad path exits 1")
  void explain() {
    Cli r = Cli.run("explain", "segments[common].budget.annualAllocation");
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(r.out())
        .contains("= 3602", "line ", "a price in pounds of 2010/11", "2026/27: £5,309.32")
        .contains("source [pilot-2016] Debating personal health budgets");
    Cli tiny = Cli.run("explain", "tiny", "years", "--set", "years=3");
    assertThat(tiny.out())
        .contains("years = 3")
        .contains("set by --set years=3 for this command, in place of the file's value")
        .contains("(replaced by the --set above): years:");
    Cli unset = Cli.run("explain", "tiny", "years");
    assertThat(unset.out()).doesNotContain("--set");
    Cli bad = Cli.run("explain", "tiny", "services[nowhere].beds");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err()).contains("nowhere").doesNotContain("\tat ", "Exception");
  }
}
