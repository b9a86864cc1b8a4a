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
    // Each (replication, arm) is one task, replication-major, so that the arms of a replication
    // are near each other in the queue and a run of few replications (one replication of a
    // region, say) still uses every thread. A task is computed from (seed, replication) and its
    // arm alone, so the results are those of running the cells one after the other, whatever the
    // threads; they are stored by index.
    int a = arms.size();
    List<ReplicationResult> cells =
        ReplicationRunner.run(
            run.replications() * a,
            run.threads(),
            i -> Experiment.replicate(arms.get(i % a), run.masterSeed(), i / a));
    List<ExperimentResult> experiments = new ArrayList<>();
    for (int arm = 0; arm < a; arm++) {
      List<ReplicationResult> list = new ArrayList<>(run.replications());
      for (int r = 0; r < run.replications(); r++) {
        list.add(cells.get(r * a + arm));
      }
      experiments.add(new ExperimentResult(arms.get(arm), run, list));
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
