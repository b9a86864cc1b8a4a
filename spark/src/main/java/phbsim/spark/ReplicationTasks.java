package phbsim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.storage.StorageLevel;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.report.ComparisonTables;
import phbsim.report.ReplicationResult;
import phbsim.report.Summary;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;
import phbsim.scenarios.ScenarioYaml;
import phbsim.world.CompiledScenario;
import scala.Tuple2;

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
   * 3. Aggregation on Spark. The monthly and annual tables (money by ledger line and position,
   *    measures by segment, team measures, for each arm and the paired difference) are summarised
   *    by Spark: a shuffle keyed by option and block brings each block's values from every
   *    replication together on one executor, which sorts them by replication and summarises them
   *    with the model's own code (ComparisonTables), so that the summaries are those of phbsim run
   *    to the last bit whatever the partitioning. Only summaries come back from the shuffle. The
   *    figures over the whole horizon (net saving, NPV, break-even, double running, cohort) and
   *    run.json's digest of every value still read each replication, so the replications also
   *    come to the driver once, as they do to the command line's.
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
   * RunSpec, phbsim.experiment.Progress, int)} with the same seed and area. The replications stay
   * on the executors (cached) while Spark aggregates them into every option's monthly and annual
   * summaries ({@link #tables}); then they come to the driver for the figures over the horizon.
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
    JavaRDD<Appraisal.Replication> tasks =
        spark
            .parallelize(indices, slices)
            .map(
                r -> {
                  TaskContext task = TaskContext.get();
                  fault.check(r, task == null ? 0 : task.attemptNumber());
                  return Appraisal.replication(compiled(shipped.value()), seed, area, r);
                })
            // Read twice: by the aggregation, then by the driver (note 3).
            .persist(StorageLevel.MEMORY_AND_DISK());
    try {
      List<ComparisonTables.Shape> shapes = new ArrayList<>();
      for (int k = 1; k < onDriver.size(); k++) {
        shapes.add(ComparisonTables.Shape.of(onDriver.get(k)));
      }
      List<Map<ComparisonTables.Block, Summary[]>> tables = tables(tasks, shapes, slices);
      List<Appraisal.Replication> replications = tasks.collect();
      return Appraisal.assemble(onDriver, options, run, replications, tables);
    } finally {
      tasks.unpersist(false);
      shipped.destroy();
    }
  }

  /**
   * Every option's monthly and annual summaries, aggregated by Spark (note 3): each replication
   * gives its values of every block of every option, Spark brings each block's values together from
   * all the replications, and the block is summarised where they meet, in replication order.
   *
   * @param shapes the layout of each option's comparison, in the order of the options
   * @return for each option, its blocks' summaries
   */
  static List<Map<ComparisonTables.Block, Summary[]>> tables(
      JavaRDD<Appraisal.Replication> replications,
      List<ComparisonTables.Shape> shapes,
      int partitions) {
    List<ComparisonTables.Shape> layout = List.copyOf(shapes);
    Map<Tuple2<Integer, ComparisonTables.Block>, Summary[]> summarised =
        replications
            .flatMapToPair(
                rep -> {
                  ReplicationResult statusQuo = rep.arms().get(0);
                  List<Tuple2<Tuple2<Integer, ComparisonTables.Block>, Tuple2<Integer, double[]>>>
                      out = new ArrayList<>();
                  for (int k = 0; k < layout.size(); k++) {
                    ComparisonTables.Shape shape = layout.get(k);
                    for (ComparisonTables.Block b : shape.blocks()) {
                      double[] values =
                          ComparisonTables.values(b, shape, rep.arms().get(k + 1), statusQuo);
                      out.add(
                          new Tuple2<>(
                              new Tuple2<>(k, b), new Tuple2<>(statusQuo.replication(), values)));
                    }
                  }
                  return out.iterator();
                })
            .groupByKey(partitions)
            .mapValues(ReplicationTasks::summarise)
            .collectAsMap();
    List<Map<ComparisonTables.Block, Summary[]>> byOption = new ArrayList<>();
    for (int k = 0; k < layout.size(); k++) {
      byOption.add(new HashMap<>());
    }
    summarised.forEach((key, s) -> byOption.get(key._1()).put(key._2(), s));
    return byOption;
  }

  /** A block's values from every replication, put in replication order and summarised. */
  private static Summary[] summarise(Iterable<Tuple2<Integer, double[]>> values) {
    List<Tuple2<Integer, double[]>> sorted = new ArrayList<>();
    values.forEach(sorted::add);
    sorted.sort(Comparator.comparingInt(Tuple2::_1));
    List<double[]> inOrder = new ArrayList<>(sorted.size());
    for (Tuple2<Integer, double[]> v : sorted) {
      inOrder.add(v._2());
    }
    return ComparisonTables.summarise(inOrder);
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
