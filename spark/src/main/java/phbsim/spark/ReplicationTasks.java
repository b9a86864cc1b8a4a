package phbsim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;
import phbsim.scenarios.ScenarioYaml;
import phbsim.world.CompiledScenario;

/**
 * An options appraisal with each replication a Spark task: the arms travel to the executors as
 * scenario YAML (what scenario.yaml holds, and what {@code phbsim run} would read back), each task
 * runs one replication of every arm, and the driver assembles the results in replication order.
 */
public final class ReplicationTasks {
  /*
   * Design notes
   *
   * 1. Text on the wire. A scenario goes to the executors as the YAML the loader reads, broadcast
   *    once per appraisal; each executor parses and compiles it once (a small cache keyed by the
   *    text) and shares the compiled scenario between its task threads, as the in-process runner
   *    shares it between its threads. The driver checks, before any task, that the text reads back
   *    as the very scenario it came from, so the executors cannot run anything else.
   * 2. Determinism. A task's result depends only on the arms, the seed, the area and the
   *    replication index (RandomStreams.forCell keys); Spark may retry or speculatively re-run a
   *    task and get the same bytes. Results come back as Java-serialised records without their
   *    cohort logs (the cohort view is computed in the task).
   */

  private ReplicationTasks() {}

  /** A deliberate failure, for tests of Spark's retries: called at the start of every task. */
  @FunctionalInterface
  public interface Fault extends Serializable {
    Fault NONE = (replication, attempt) -> {};

    void check(int replication, int attempt);
  }

  /**
   * The appraisal of {@code statusQuo} and {@code options} for {@code run.replications()}
   * replications, each a Spark task: the same result as {@link Appraisal#run(Scenario, List,
   * RunSpec, phbsim.experiment.Progress, int)} with the same seed and area.
   *
   * @param partitions how many tasks to split the replications into (at most one per replication)
   */
  public static AppraisalResult appraisal(
      JavaSparkContext spark,
      Scenario statusQuo,
      List<OptionArm> options,
      RunSpec run,
      int area,
      int partitions,
      Fault fault) {
    return appraisal(spark, statusQuo, options, run, area, partitions, fault, null);
  }

  /**
   * As above; if {@code aggregated} is not null, the summaries are also computed by Spark on the
   * executors (SparkAggregates) and added to it.
   */
  static AppraisalResult appraisal(
      JavaSparkContext spark,
      Scenario statusQuo,
      List<OptionArm> options,
      RunSpec run,
      int area,
      int partitions,
      Fault fault,
      List<SparkAggregates.Table> aggregated) {
    List<Scenario> arms = new ArrayList<>();
    arms.add(statusQuo);
    options.forEach(o -> arms.add(o.scenario()));
    ArrayList<String> texts = new ArrayList<>();
    List<CompiledScenario> onDriver = new ArrayList<>();
    for (Scenario s : arms) {
      String yaml = ScenarioYaml.write(s);
      if (!ScenarioLoader.parse(s.name(), yaml, List.of()).equals(s)) {
        throw new IllegalStateException(
            "scenario " + s.name() + " does not read back from its YAML as written");
      }
      texts.add(yaml);
      onDriver.add(new CompiledScenario(s));
    }
    Broadcast<ArrayList<String>> shipped = spark.broadcast(texts);
    long seed = run.masterSeed();
    List<Integer> indices = new ArrayList<>();
    for (int r = 0; r < run.replications(); r++) {
      indices.add(r);
    }
    int slices = Math.max(1, Math.min(partitions, run.replications()));
    org.apache.spark.api.java.JavaRDD<Appraisal.Replication> tasks =
        spark
            .parallelize(indices, slices)
            .map(
                r -> {
                  TaskContext task = TaskContext.get();
                  fault.check(r, task == null ? 0 : task.attemptNumber());
                  return Appraisal.replication(compiled(shipped.value()), seed, area, r);
                });
    if (aggregated != null) {
      // Kept on the executors for the aggregation, then sent to the driver once.
      tasks = tasks.persist(org.apache.spark.storage.StorageLevel.MEMORY_AND_DISK());
      List<String> ids = new ArrayList<>();
      options.forEach(o -> ids.add(o.id()));
      aggregated.addAll(
          SparkAggregates.aggregate(
              org.apache.spark.sql.SparkSession.builder().sparkContext(spark.sc()).getOrCreate(),
              tasks,
              ids));
    }
    List<Appraisal.Replication> replications = tasks.collect();
    if (aggregated != null) {
      tasks.unpersist(false);
    }
    shipped.destroy();
    return Appraisal.assemble(onDriver, options, run, replications);
  }

  /** Compiled arms by their YAML, the 16 most recently used (note 1). */
  private static final ExecutorCache<List<String>, List<CompiledScenario>> COMPILED =
      new ExecutorCache<>(16);

  /** The arms compiled on this executor, once per executor (note 1). */
  static List<CompiledScenario> compiled(List<String> texts) {
    return COMPILED.get(
        List.copyOf(texts),
        key -> {
          List<CompiledScenario> built = new ArrayList<>();
          for (String yaml : key) {
            built.add(new CompiledScenario(ScenarioLoader.parse("scenario", yaml, List.of())));
          }
          return built;
        });
  }
}
