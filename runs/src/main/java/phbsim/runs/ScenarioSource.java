package phbsim.runs;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;

/**
 * Where a run's scenario comes from: a name as the command line takes it (a file if such a file
 * exists, else a built-in), a built-in only (what a web page may name: no request reaches the file
 * system), or the bytes of an uploaded file.
 */
public sealed interface ScenarioSource {
  /** What the user named, for messages, run.json and output folder names. */
  String name();

  /** The YAML text the scenario is read from (hashed into run info and the manifest). */
  String text();

  /**
   * The scenario with {@code overrides} applied.
   *
   * @throws phbsim.scenarios.ScenarioLoadException with every problem found
   */
  Scenario load(List<String> overrides);

  /** The input files a run reads: never to be overwritten by its results. */
  default List<Path> inputs() {
    return List.of();
  }

  /** A file or a built-in of that name, as the command line reads {@code SCENARIO}. */
  static ScenarioSource named(String name) {
    return new Named(name);
  }

  /** A file if one of that name exists, else the built-in of that name. */
  record Named(String name) implements ScenarioSource {
    @Override
    public String text() {
      return BuiltInScenarios.textOfFileOrBuiltIn(name);
    }

    @Override
    public Scenario load(List<String> overrides) {
      return BuiltInScenarios.fileOrBuiltIn(name, overrides);
    }

    @Override
    public List<Path> inputs() {
      Path file = Path.of(name);
      return Files.isRegularFile(file) ? List.of(file) : List.of();
    }
  }

  /** A built-in scenario only: a name that is not one is refused, never read as a file. */
  record BuiltIn(String name) implements ScenarioSource {
    public BuiltIn {
      if (!BuiltInScenarios.isBuiltIn(name)) {
        throw new RunRefused(
            "'"
                + name
                + "' is not a built-in scenario; expected one of "
                + String.join(", ", BuiltInScenarios.names()));
      }
    }

    @Override
    public String text() {
      return BuiltInScenarios.text(name);
    }

    @Override
    public Scenario load(List<String> overrides) {
      return BuiltInScenarios.load(name, overrides);
    }
  }

  /**
   * A scenario file's text sent by a user (an upload), named for messages. A person-level file it
   * names would be read relative to the working folder, so an upload naming one is refused by
   * {@link RunService} before it runs.
   */
  record Uploaded(String name, String yaml) implements ScenarioSource {
    @Override
    public String text() {
      return yaml;
    }

    @Override
    public Scenario load(List<String> overrides) {
      return ScenarioLoader.parse(name, yaml, overrides);
    }
  }
}
