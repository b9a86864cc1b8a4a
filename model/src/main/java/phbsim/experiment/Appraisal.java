package phbsim.experiment;

import java.util.ArrayList;
import java.util.List;
import phbsim.report.AppraisalResult;
import phbsim.report.Cohort;
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
    return run(statusQuo, options, run, Progress.NONE);
  }

  /** As {@link #run(Scenario, List, RunSpec)}, reporting each cell done to {@code progress}. */
  public static AppraisalResult run(
      Scenario statusQuo, List<OptionArm> options, RunSpec run, Progress progress) {
    return run(statusQuo, options, run, progress, 0);
  }

  /**
   * As {@link #run(Scenario, List, RunSpec, Progress)}, for area {@code area} of several (its own
   * random streams; area 0 is exactly the plain run).
   */
  public static AppraisalResult run(
      Scenario statusQuo, List<OptionArm> options, RunSpec run, Progress progress, int area) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("an appraisal needs at least one option");
    }
    List<Cube.Column> columns = new ArrayList<>();
    columns.add(new Cube.Column(new CompiledScenario(statusQuo), area, 0));
    for (OptionArm o : options) {
      columns.add(new Cube.Column(new CompiledScenario(o.scenario()), area, 0));
    }
    int options0 = options.size();
    Cohort.Figures[][] cohorts = new Cohort.Figures[options0][run.replications()];
    double horizon = columns.get(0).compiled().calendar().horizonDays();
    // Each replication's cohort view pairs the option's log with the status quo's; the logs are
    // then dropped (Cube note 4), so memory does not grow with the replications.
    List<List<ReplicationResult>> cells =
        Cube.run(
            columns,
            run,
            progress,
            (Cube.Reducer<ReplicationResult>) (column, r) -> r,
            (r, row) -> {
              for (int k = 0; k < options0; k++) {
                cohorts[k][r] = Cohort.of(row.get(k + 1).cohort(), row.get(0).cohort(), horizon);
              }
              List<ReplicationResult> stripped = new ArrayList<>(row.size());
              for (ReplicationResult x : row) {
                stripped.add(x.withoutCohort());
              }
              return stripped;
            });
    ExperimentResult sq = new ExperimentResult(columns.get(0).compiled(), run, cells.get(0));
    List<ComparisonResult> comparisons = new ArrayList<>();
    for (int k = 0; k < options.size(); k++) {
      OptionArm o = options.get(k);
      ExperimentResult arm =
          new ExperimentResult(columns.get(k + 1).compiled(), run, cells.get(k + 1));
      comparisons.add(
          new ComparisonResult(o.id(), o.label(), arm, sq, java.util.Arrays.asList(cohorts[k])));
    }
    return new AppraisalResult(sq, comparisons);
  }
}
