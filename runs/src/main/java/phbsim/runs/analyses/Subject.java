package phbsim.runs.analyses;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;
import phbsim.writers.AnalysisFiles;

/**
 * What an analysis is of, loaded and checked: the scenario with its overrides, the option chosen,
 * the editor that sets a parameter by its path, and the scenario's text as read (hashed into the
 * run's records, explained on the Assumptions sheet).
 */
public record Subject(
    AnalysisRequest request,
    Scenario scenario,
    OptionSpec option,
    ScenarioEditor editor,
    String text) {
  /** What the user named, for messages, folder names and run.json. */
  public String name() {
    return request.scenario().name();
  }

  /** The input files the analysis reads: never to be overwritten by its results. */
  public List<Path> inputs() {
    return request.scenario().inputs();
  }

  /**
   * What run.json says went in, in a fixed order: the scenario as named, its overrides, the option,
   * then {@code more} as key, value, key, value.
   */
  public Map<String, Object> describe(Object... more) {
    return AnalysisFiles.describe(name(), request.overrides(), option.id(), more);
  }
}
