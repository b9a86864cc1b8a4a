package phbsim.experiment;

import java.util.List;
import phbsim.report.ComparisonResult;
import phbsim.scenario.Scenario;

/**
 * A scenario, as written, against its status quo ({@link Scenario#statusQuo()}): the appraisal of a
 * single option, for callers that have no named options to resolve.
 */
public final class Comparison {
  private Comparison() {}

  /**
   * Runs {@code scenario} (without its named options) and its status quo with the same run
   * settings.
   *
   * @throws phbsim.scenario.ScenarioException if the scenario has problems
   */
  public static ComparisonResult run(Scenario scenario, RunSpec run) {
    return Appraisal.run(scenario.statusQuo(), List.of(OptionArm.asWritten(scenario)), run).first();
  }
}
