package phbsim.experiment;

import phbsim.report.ComparisonResult;
import phbsim.report.ExperimentResult;
import phbsim.scenario.Scenario;
import phbsim.world.CompiledScenario;

/**
 * A scenario run beside its baseline: the same scenario with personal health budgets switched off,
 * replication by replication with the same random streams (common random numbers), so the paired
 * difference measures the budgets and not the noise.
 */
public final class Comparison {
  private Comparison() {}

  /**
   * Runs {@code scenario} and {@link Scenario#baseline()} with the same run settings.
   *
   * @throws phbsim.scenario.ScenarioException if the scenario has problems
   */
  public static ComparisonResult run(Scenario scenario, RunSpec run) {
    CompiledScenario withBudgets = new CompiledScenario(scenario);
    CompiledScenario baseline = new CompiledScenario(scenario.baseline());
    ExperimentResult a = Experiment.run(withBudgets, run);
    ExperimentResult b = Experiment.run(baseline, run);
    return new ComparisonResult(a, b);
  }
}
