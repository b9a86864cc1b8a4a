package phbsim.experiment;

import java.util.ArrayList;
import java.util.List;
import phbsim.report.AppraisalResult;
import phbsim.report.ComparisonResult;
import phbsim.report.ExperimentResult;
import phbsim.report.ReplicationResult;
import phbsim.scenario.Scenario;
import phbsim.world.CompiledScenario;

/**
 * An options appraisal (docs/model.md section 5): the status quo of a place and each option, run
 * replication by replication with the same random streams (common random numbers), so that each
 * paired difference measures the option and not the noise.
 */
public final class Appraisal {
  private Appraisal() {}

  /**
   * Runs the status quo and every option with the same run settings.
   *
   * @param statusQuo the place as it is (usually {@link Scenario#statusQuo()} of the scenario)
   * @param options the options, at least one
   * @throws phbsim.scenario.ScenarioException if a scenario has problems
   */
  public static AppraisalResult run(Scenario statusQuo, List<OptionArm> options, RunSpec run) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("an appraisal needs at least one option");
    }
    List<CompiledScenario> arms = new ArrayList<>();
    arms.add(new CompiledScenario(statusQuo));
    for (OptionArm o : options) {
      arms.add(new CompiledScenario(o.scenario()));
    }
    // Every arm of a replication is one task, so that the arms share one pool and one tail (the
    // last, slowest tasks), instead of each arm waiting for its own stragglers. Each arm's
    // replication i is still computed from (seed, i) alone, so the results are those of running
    // the arms one after the other, whatever the threads.
    List<ReplicationResult[]> byReplication =
        ReplicationRunner.run(
            run.replications(),
            run.threads(),
            i -> {
              ReplicationResult[] results = new ReplicationResult[arms.size()];
              for (int a = 0; a < arms.size(); a++) {
                results[a] = Experiment.replicate(arms.get(a), run.masterSeed(), i);
              }
              return results;
            });
    List<ExperimentResult> experiments = new ArrayList<>();
    for (int a = 0; a < arms.size(); a++) {
      List<ReplicationResult> list = new ArrayList<>(byReplication.size());
      for (ReplicationResult[] results : byReplication) {
        list.add(results[a]);
      }
      experiments.add(new ExperimentResult(arms.get(a), run, list));
    }
    ExperimentResult sq = experiments.get(0);
    List<ComparisonResult> comparisons = new ArrayList<>();
    for (int k = 0; k < options.size(); k++) {
      OptionArm o = options.get(k);
      comparisons.add(new ComparisonResult(o.id(), o.label(), experiments.get(k + 1), sq));
    }
    return new AppraisalResult(sq, comparisons);
  }
}
