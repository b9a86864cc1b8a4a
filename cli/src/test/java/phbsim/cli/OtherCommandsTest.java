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
    assertThat(show.out()).contains("CALIBRATION", "segments:");
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
}
