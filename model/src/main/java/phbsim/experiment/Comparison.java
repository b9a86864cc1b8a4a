package phbsim.experiment;

import java.util.ArrayList;
import java.util.List;
import phbsim.report.ComparisonResult;
import phbsim.report.ExperimentResult;
import phbsim.report.ReplicationResult;
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
    // Both arms of a replication are one task, so that the two arms share one pool and one tail
    // (the last, slowest tasks), instead of each arm waiting for its own stragglers. Each arm's
    // replication i is still computed from (seed, i) alone, so the results are those of running
    // the arms one after the other, whatever the threads.
    List<ReplicationResult[]> pairs =
        ReplicationRunner.run(
            run.replications(),
            run.threads(),
            i ->
                new ReplicationResult[] {
                  Experiment.replicate(withBudgets, run.masterSeed(), i),
                  Experiment.replicate(baseline, run.masterSeed(), i)
                });
    List<ReplicationResult> a = new ArrayList<>(pairs.size());
    List<ReplicationResult> b = new ArrayList<>(pairs.size());
    for (ReplicationResult[] pair : pairs) {
      a.add(pair[0]);
      b.add(pair[1]);
    }
    return new ComparisonResult(
        new ExperimentResult(withBudgets, run, a), new ExperimentResult(baseline, run, b));
  }
}
