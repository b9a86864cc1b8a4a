package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Progress;

/** What a long run shows off a terminal, without waiting for a long run. */
class ProgressReporterTest {
  @Test
  @DisplayName("off a terminal: a plain line at each tenth, with the time so far and left")
  void plainLines() {
    StringWriter err = new StringWriter();
    try (ProgressReporter r =
        new ProgressReporter("phbsim run", new PrintWriter(err), false, false, 0)) {
      Progress p = r.cells();
      for (int done = 1; done <= 40; done++) {
        p.advanced(done, 40);
      }
    }
    String[] lines = err.toString().split("\n");
    // the first report, then one a tenth (4, 8, ... 36 of 40), then the end
    assertThat(lines).hasSize(1 + 9 + 1);
    assertThat(lines[0])
        .startsWith("phbsim run: 2 % (1 of 40 runs of the model), ")
        .contains("so far, about");
    assertThat(lines[1]).startsWith("phbsim run: 10 % (4 of 40 runs of the model), ");
    assertThat(lines[10]).startsWith("phbsim run: 100 % (40 of 40 runs of the model) in ");
    assertThat(err.toString()).doesNotContain("\r");
  }

  @Test
  @DisplayName(
      "an appraisal counts replications, not runs: 400 replications of 3 arms show as 400, not"
          + " 1,200")
  void replications() {
    StringWriter err = new StringWriter();
    try (ProgressReporter r =
        new ProgressReporter("phbsim run", new PrintWriter(err), false, false, 0)) {
      Progress p = r.replications(3);
      for (int done = 1; done <= 1_200; done++) {
        p.advanced(done, 1_200);
      }
    }
    String[] lines = err.toString().split("\n");
    assertThat(lines[lines.length - 1])
        .startsWith("phbsim run: 100 % (400 of 400 replications) in ");
    assertThat(err.toString()).doesNotContain("1,200");
  }

  @Test
  @DisplayName("--quiet shows nothing, and neither does a run shorter than the quiet spell")
  void quiet() {
    StringWriter err = new StringWriter();
    try (ProgressReporter r =
        new ProgressReporter("phbsim run", new PrintWriter(err), true, false, 0)) {
      Progress p = r.cells();
      for (int done = 1; done <= 10; done++) {
        p.advanced(done, 10);
      }
    }
    assertThat(err.toString()).isEmpty();
    try (ProgressReporter r =
        new ProgressReporter("phbsim run", new PrintWriter(err), false, false, 60_000_000_000L)) {
      Progress p = r.cells();
      for (int done = 1; done <= 10; done++) {
        p.advanced(done, 10);
      }
    }
    assertThat(err.toString()).isEmpty();
  }

  @Test
  @DisplayName("a search counts its evaluations, not the cells of each")
  void evaluations() {
    StringWriter err = new StringWriter();
    try (ProgressReporter r =
        new ProgressReporter("phbsim calibrate", new PrintWriter(err), false, false, 0)) {
      Progress p = r.evaluations(50);
      for (int e = 0; e < 3; e++) {
        for (int done = 1; done <= 8; done++) {
          p.advanced(done, 8);
        }
      }
    }
    assertThat(err.toString().split("\n"))
        .hasSize(3)
        .allSatisfy(
            l -> assertThat(l).matches("phbsim calibrate: evaluation \\d of at most 50, .*"));
  }
}
