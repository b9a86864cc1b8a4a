package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class BenchCommandTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int execute(String... args) {
    CommandLine cli = new CommandLine(new BenchCommand());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    return cli.execute(args);
  }

  @Test
  @DisplayName("population-flow prints the figures of docs/benchmark.md and every state's count")
  void runsASmallCase() {
    int code = execute("population-flow", "--people", "2000", "--capacity", "0.25", "--seed", "3");
    assertThat(code).isZero();
    String text = out.toString();
    assertThat(text)
        .startsWith("population-flow: 2000 people, capacity 0.25 (500 CMHT slots), 10.0 years")
        .containsPattern("(?m)^events processed +\\d+$")
        .containsPattern("(?m)^wall seconds +\\d+\\.\\d{3}$")
        .containsPattern("(?m)^events per second +\\d+$")
        .containsPattern("(?m)^mean CMHT wait +\\d+\\.\\d{4} years \\(\\d+ waits ended\\)$")
        .containsPattern("(?m)^largest waiting line +\\d+$");
    List<String> stateLines = new ArrayList<>();
    int total = 0;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("  ")) {
        stateLines.add(line.trim().replaceAll(" +\\d+ +\\d\\.\\d{4}$", ""));
        String[] fields = line.trim().split(" +", -1);
        total += Integer.parseInt(fields[fields.length - 2]);
      }
    }
    assertThat(stateLines)
        .containsExactly("CMHT", "INPATIENT", "CRISIS", "PHB", "DISCHARGED", "waiting (for CMHT)");
    assertThat(total).isEqualTo(2000);
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @DisplayName("the same seed prints the same counts")
  void reproducible() {
    execute("population-flow", "--people", "1500", "--years", "2", "--seed", "9");
    String first = withoutTiming(out.toString());
    out.getBuffer().setLength(0);
    execute("population-flow", "--people", "1500", "--years", "2", "--seed", "9");
    assertThat(withoutTiming(out.toString())).isEqualTo(first);
  }

  @Test
  @DisplayName("replications on 1 and 2 threads: the same events, and replication 0's counts")
  void replicationsOnThreads() {
    String single = smallFlow();
    String oneThread = smallFlow("--replications", "3", "--threads", "1");
    String twoThreads = smallFlow("--replications", "3", "--threads", "2", "--warm-up", "1");
    assertThat(oneThread)
        .contains("replications          3 on 1 threads, after 0 warm-up")
        .containsPattern("(?m)^replications/second +\\d+\\.\\d{3}$");
    assertThat(twoThreads).contains("replications          3 on 2 threads, after 1 warm-up");
    assertThat(eventsOf(oneThread)).isEqualTo(eventsOf(twoThreads)).isGreaterThan(eventsOf(single));
    assertThat(countsOf(oneThread)).isEqualTo(countsOf(twoThreads)).isEqualTo(countsOf(single));
    assertThat(err.toString()).isEmpty();
  }

  /** Runs population-flow on 1,500 people for 2 years with {@code more} options; its output. */
  private String smallFlow(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("population-flow", "--people", "1500", "--years", "2", "--seed", "9"));
    args.addAll(List.of(more));
    out.getBuffer().setLength(0);
    assertThat(execute(args.toArray(String[]::new))).isZero();
    return out.toString();
  }

  private static long eventsOf(String text) {
    return Long.parseLong(text.replaceAll("(?s).*events processed +(\\d+).*", "$1"));
  }

  private static String countsOf(String text) {
    return text.substring(text.indexOf("final state"));
  }

  @Test
  @DisplayName("bad input gives a short message and exit code 2, without a stack trace")
  void badInput() {
    assertThat(execute("population-flow", "--people", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--people must be greater than 0, was 0");
    assertThat(execute("population-flow", "--capacity", "1.5")).isEqualTo(2);
    assertThat(err.toString()).contains("--capacity must be in (0, 1], was 1.5");
    assertThat(execute("population-flow", "--capacity", "0")).isEqualTo(2);
    assertThat(execute("population-flow", "--people", "many")).isEqualTo(2);
    assertThat(execute("population-flow", "--threads", "0")).isEqualTo(2);
    assertThat(err.toString()).contains("--threads must be greater than 0, was 0");
    assertThat(execute("population-flow", "--replications", "0")).isEqualTo(2);
    assertThat(execute("population-flow", "--warm-up", "-1")).isEqualTo(2);
    assertThat(execute()).isEqualTo(2);
    assertThat(err.toString()).contains("Missing subcommand");
    assertThat(err.toString()).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(out.toString()).isEmpty();
  }

  @Test
  @DisplayName("--help shows the options and an example")
  void help() {
    assertThat(execute("population-flow", "--help")).isZero();
    assertThat(out.toString())
        .contains("--people=N", "--capacity=C", "--seed=S", "--years=Y")
        .contains("--replications=R", "--threads=T", "--warm-up=W")
        .contains("Examples:")
        .contains("phbsim bench population-flow --people 1000000");
    out.getBuffer().setLength(0);
    assertThat(execute("--help")).isZero();
    assertThat(out.toString()).contains("population-flow").contains("Example:");
  }

  private static String withoutTiming(String text) {
    return text.replaceAll("(?m)^(wall seconds|events per second).*$", "");
  }
}
