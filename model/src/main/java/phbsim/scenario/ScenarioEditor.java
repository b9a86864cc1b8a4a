package phbsim.scenario;

import java.util.List;

/**
 * Changes a scenario by path, as {@code --set path=value} does, so that analyses in the model
 * (sweeps, sensitivity, goal-seek, calibration) can vary any parameter without knowing how
 * scenarios are read. Implemented outside the model, by the scenario loader.
 */
public interface ScenarioEditor {
  /**
   * The scenario with each {@code path=value} change applied in order, and checked.
   *
   * @throws ScenarioException listing every problem if the result cannot run (or the loader's own
   *     exception, naming the change)
   */
  Scenario apply(Scenario scenario, List<String> changes);

  /**
   * The number at {@code path} in the scenario (defaults included).
   *
   * @throws IllegalArgumentException naming the path if it does not lead to a number
   */
  double number(Scenario scenario, String path);
}
