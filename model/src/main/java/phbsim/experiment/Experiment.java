package phbsim.experiment;

import java.util.List;
import phbsim.random.RandomStreams;
import phbsim.report.ExperimentResult;
import phbsim.report.ReplicationResult;
import phbsim.scenario.Scenario;
import phbsim.world.CompiledScenario;
import phbsim.world.World;

/** Runs a scenario for a number of replications and gathers the results. */
public final class Experiment {
  private Experiment() {}

  /**
   * Checks, compiles and runs a scenario.
   *
   * @throws phbsim.scenario.ScenarioException if the scenario has problems
   */
  public static ExperimentResult run(Scenario scenario, RunSpec run) {
    return run(new CompiledScenario(scenario), run);
  }

  /** Runs a compiled scenario; replication i uses the streams (run.masterSeed(), i). */
  public static ExperimentResult run(CompiledScenario compiled, RunSpec run) {
    List<ReplicationResult> results =
        ReplicationRunner.run(
            run.replications(), run.threads(), i -> replicate(compiled, run.masterSeed(), i));
    return new ExperimentResult(compiled, run, results);
  }

  /** One replication, on the calling thread. */
  public static ReplicationResult replicate(CompiledScenario compiled, long seed, int index) {
    return replicate(compiled, seed, 0, index);
  }

  /** One replication of parameter draw {@code draw} (0: the point estimates). */
  public static ReplicationResult replicate(
      CompiledScenario compiled, long seed, int draw, int index) {
    return replicate(compiled, seed, 0, draw, index);
  }

  /**
   * One replication of area {@code area} (0: a scenario of one area, or the first of several) and
   * parameter draw {@code draw}: the streams of (seed, area, draw, index), so that areas are
   * independent of each other and area 0 is exactly the plain run.
   */
  public static ReplicationResult replicate(
      CompiledScenario compiled, long seed, int area, int draw, int index) {
    World world = new World(compiled, RandomStreams.forCell(seed, area, draw, index)).run();
    return new ReplicationResult(
        index,
        world.metrics(),
        world.teamMetrics(),
        world.ledger().cashFlow(),
        world.doubleRunning(),
        world.events(),
        world.peopleEver(),
        world.budgetSpells(),
        world.cohort());
  }
}
