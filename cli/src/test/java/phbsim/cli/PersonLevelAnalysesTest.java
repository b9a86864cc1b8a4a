package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import phbsim.runs.analyses.Analyses;
import phbsim.scenarios.BuiltInScenarios;

/**
 * The analyses (sweep, sensitivity, goal-seek, calibrate) on the synthetic person-level caseload
 * the project ships: each refuses it, saying why, before anything runs, so that none of its figures
 * leaves the process unprotected. Why refusing is the only protection: the runs module's
 * AnalysesPersonLevelTest reads a count back from two of an analysis's money figures.
 */
class PersonLevelAnalysesTest {
  @TempDir static Path tmp;
  private static Path scenario;

  @BeforeAll
  static void files() throws IOException {
    Files.copy(PersonLevelFiles.EXAMPLE, tmp.resolve("caseload.csv"));
    scenario = tmp.resolve("person-level.yaml");
    Files.writeString(
        scenario,
        BuiltInScenarios.text("default") + "\nstartingPopulation:\n  file: caseload.csv\n");
  }

  /** Each command with settings that would run on a built-in scenario (money outputs only). */
  static Stream<Arguments> commands() {
    return Stream.of(
        Arguments.of("sweep", List.of("--vary", "budgets.rollout.marketSize=50,100")),
        Arguments.of("sensitivity", List.of("--parameter", "budgets.rollout.marketSize")),
        Arguments.of(
            "goal-seek",
            List.of(
                "--target",
                "net_saving_cash=0",
                "--vary",
                "budgets.rollout.marketSize",
                "--range",
                "0:500")),
        Arguments.of(
            "calibrate",
            List.of(
                "--targets",
                PersonLevelFiles.locate("docs/calibration/default/targets.yaml").toString())));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  @DisplayName("an analysis refuses a person-level scenario, saying why, and writes nothing")
  void refused(String command, List<String> settings) throws IOException {
    Path folder = tmp.resolve(command + "-out");
    List<String> args = new java.util.ArrayList<>(List.of(command, scenario.toString()));
    args.addAll(settings);
    args.addAll(List.of("-r", "2", "--set", "years=1", "--quiet", "-o", folder.toString()));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertThat(cli.exitCode()).as(cli.err()).isEqualTo(1);
    // The whole message is the policy's words: no figure of the run, no trace.
    assertThat(cli.err().strip()).isEqualTo(Analyses.PERSON_LEVEL);
    assertThat(cli.out()).isEmpty();
    assertThat(folder).doesNotExist();
    try (Stream<Path> left = Files.list(tmp)) {
      assertThat(left.map(p -> p.getFileName().toString()))
          .as("nothing written beside the inputs")
          .containsExactlyInAnyOrder("caseload.csv", "person-level.yaml");
    }
  }

  /** The quicker two of the commands above. */
  static Stream<Arguments> quick() {
    return commands().filter(a -> List.of("sweep", "goal-seek").contains(a.get()[0]));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("quick")
  @DisplayName("the same settings run on the built-in scenario: what is refused is the file")
  void runsWithoutThePersonLevelFile(String command, List<String> settings) throws IOException {
    Path folder = Files.createTempDirectory("phbsim-built-in").resolve(command);
    List<String> args = new java.util.ArrayList<>(List.of(command, "default"));
    args.addAll(settings);
    args.addAll(List.of("-r", "2", "--set", "years=1", "--quiet", "-o", folder.toString()));
    Cli cli = Cli.run(args.toArray(String[]::new));
    assertThat(cli.exitCode()).as(cli.err()).isZero();
    assertThat(folder.resolve("manifest.json")).exists();
  }
}
