package phbsim.experiment;

import phbsim.scenario.Scenario;

/**
 * One option of an appraisal, resolved: its id and name, and the scenario it runs (the place with
 * the option's changes applied).
 */
public record OptionArm(String id, String label, Scenario scenario) {
  /** The id of the single option of a scenario that names none: the scenario as written. */
  public static final String AS_WRITTEN = "as-written";

  /** The option a scenario with no named options stands for: itself, as written. */
  public static OptionArm asWritten(Scenario scenario) {
    return new OptionArm(AS_WRITTEN, "The scenario as written", scenario.withoutOptions());
  }
}
