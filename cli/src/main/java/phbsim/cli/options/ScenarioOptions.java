package phbsim.cli.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Which scenario to run, and overrides of any of its settings. */
public final class ScenarioOptions {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      description =
          "A scenario file (.yaml) or the name of a built-in scenario (see 'phbsim scenarios')."
              + " Default: ${DEFAULT-VALUE}.",
      defaultValue = BuiltInScenarios.DEFAULT)
  String scenario;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description =
          "Override one setting without editing the file, e.g. --set years=10"
              + " --set segments[psychosis].crisesPerYear=0.8. Repeatable.")
  List<String> overrides = new ArrayList<>();

  /** The scenario named, as a file if such a file exists, else as a built-in. */
  public Scenario load() {
    return load(scenario, overrides);
  }

  /** The YAML text of the scenario named, as {@link #load()} reads it. */
  public String text() {
    return text(scenario);
  }

  /** The YAML text of a scenario file or built-in. */
  public static String text(String scenario) {
    return BuiltInScenarios.textOfFileOrBuiltIn(scenario);
  }

  /** A scenario file, or a built-in of that name, with overrides. */
  public static Scenario load(String scenario, List<String> overrides) {
    return BuiltInScenarios.fileOrBuiltIn(scenario, overrides);
  }

  /** The input files a run reads (the scenario file, if it is a file): never to be overwritten. */
  public List<Path> inputs() {
    Path file = Path.of(scenario);
    return Files.isRegularFile(file) ? List.of(file) : List.of();
  }

  /** The overrides given with --set, in order. */
  public List<String> overrides() {
    return List.copyOf(overrides);
  }

  /** What the user named, for messages and output folder names. */
  public String name() {
    return scenario;
  }
}
