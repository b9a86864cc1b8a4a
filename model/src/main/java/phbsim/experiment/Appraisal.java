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
    List<CompiledScenario> arms = new ArrayList<>();
    for (Cube.Column c : columns) {
      arms.add(c.compiled());
    }
    // Each replication's cohort view pairs the option's log with the status quo's; the logs are
    // then dropped (Cube note 4), so memory does not grow with the replications.
    List<List<Replication>> rows =
        Cube.run(
            columns,
            run,
            progress,
            (Cube.Reducer<ReplicationResult>) (column, r) -> r,
            (r, row) -> {
              Replication rep = pair(arms, row);
              List<Replication> same = new ArrayList<>();
              for (int k = 0; k < row.size(); k++) {
                same.add(rep);
              }
              return same;
            });
    return assemble(arms, options, run, rows.get(0));
  }

  /**
   * One replication of every arm of an appraisal (the status quo first, then each option): the
   * records without their cohort logs, and each option's cohort view. What a task of a distributed
   * job computes and sends back (the spark module).
   */
  public record Replication(List<ReplicationResult> arms, List<Cohort.Figures> cohorts)
      implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Runs replication {@code index} of every arm, in order, on this thread: the same results as the
   * cells of {@link #run} (a cell depends only on its scenario, seed, area and index).
   */
  public static Replication replication(
      List<CompiledScenario> arms, long seed, int area, int index) {
    List<ReplicationResult> row = new ArrayList<>();
    for (CompiledScenario c : arms) {
      row.add(Experiment.replicate(c, seed, area, 0, index));
    }
    return pair(arms, row);
  }

  /** Pairs each option's cohort log with the status quo's, then drops the logs. */
  private static Replication pair(List<CompiledScenario> arms, List<ReplicationResult> row) {
    double horizon = arms.get(0).calendar().horizonDays();
    List<Cohort.Figures> cohorts = new ArrayList<>();
    for (int k = 1; k < row.size(); k++) {
      cohorts.add(Cohort.of(row.get(k).cohort(), row.get(0).cohort(), horizon));
    }
    List<ReplicationResult> stripped = new ArrayList<>(row.size());
    for (ReplicationResult x : row) {
      stripped.add(x.withoutCohort());
    }
    return new Replication(stripped, cohorts);
  }

  /**
   * An appraisal from its replications, in replication order: the status quo's and each option's
   * results, and each option's comparison with the status quo.
   *
   * @param arms the compiled status quo, then each option, as the replications ran them
   */
  public static AppraisalResult assemble(
      List<CompiledScenario> arms, List<OptionArm> options, RunSpec run, List<Replication> reps) {
    return assemble(arms, options, run, reps, java.util.Collections.nCopies(options.size(), null));
  }

  /**
   * As above, with each option's monthly and annual summaries computed where the replications ran
   * (ComparisonTables), or null for an option whose summaries the comparison is to compute.
   */
  public static AppraisalResult assemble(
      List<CompiledScenario> arms,
      List<OptionArm> options,
      RunSpec run,
      List<Replication> reps,
      List<java.util.Map<phbsim.report.ComparisonTables.Block, phbsim.report.Summary[]>> tables) {
    List<ReplicationResult> sqCells = new ArrayList<>();
    for (Replication r : reps) {
      sqCells.add(r.arms().get(0));
    }
    ExperimentResult sq = new ExperimentResult(arms.get(0), run, sqCells);
    List<ComparisonResult> comparisons = new ArrayList<>();
    for (int k = 0; k < options.size(); k++) {
      List<ReplicationResult> cells = new ArrayList<>();
      List<Cohort.Figures> cohorts = new ArrayList<>();
      for (Replication r : reps) {
        cells.add(r.arms().get(k + 1));
        cohorts.add(r.cohorts().get(k));
      }
      OptionArm o = options.get(k);
      ExperimentResult arm = new ExperimentResult(arms.get(k + 1), run, cells);
      var given = tables.get(k);
      comparisons.add(
          new ComparisonResult(
              o.id(), o.label(), arm, sq, cohorts, given == null ? java.util.Map.of() : given));
    }
    return new AppraisalResult(sq, comparisons);
  }
}
