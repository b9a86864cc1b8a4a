package phbsim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import phbsim.analysis.Areas;
import phbsim.experiment.OptionArm;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.report.Release;
import phbsim.runs.Executor;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;

/**
 * The run service's executor on Spark: each replication a task (ReplicationTasks), the tables'
 * summaries aggregated by Spark, the same result to the bit as the in-process executor. Every area
 * of a scenario of areas runs in one Spark job, brought to the driver one area at a time.
 */
final class SparkExecutor implements Executor {
  private final java.util.function.Supplier<JavaSparkContext> start;
  private final Integer partitionsAsked;
  private final ReplicationTasks.Fault fault;
  private JavaSparkContext spark;
  private long readyAt;

  /**
   * @param start starts Spark (or gives a context already started), when the first cell runs: a
   *     request is loaded and checked on the driver before Spark starts
   * @param partitions how many tasks to split the replications into; null for Spark's default
   *     parallelism
   * @param fault a deliberate task failure, for tests of retries
   */
  SparkExecutor(
      java.util.function.Supplier<JavaSparkContext> start,
      Integer partitions,
      ReplicationTasks.Fault fault) {
    this.start = start;
    this.partitionsAsked = partitions;
    this.fault = fault;
  }

  /** The Spark context, started on first use. */
  synchronized JavaSparkContext spark() {
    if (spark == null) {
      spark = start.get();
      readyAt = System.nanoTime();
    }
    return spark;
  }

  /** Whether Spark has been started. */
  synchronized boolean started() {
    return spark != null;
  }

  /** System.nanoTime() when Spark was ready. */
  synchronized long readyAt() {
    return readyAt;
  }

  /** How many tasks the replications are split into. */
  int partitions() {
    return partitionsAsked != null ? partitionsAsked : spark().defaultParallelism();
  }

  @Override
  public AppraisalResult appraisal(
      Scenario statusQuo, List<OptionArm> options, RunSpec run, Progress progress) {
    return ReplicationTasks.appraisal(spark(), statusQuo, options, run, 0, partitions(), fault);
  }

  @Override
  public Release<Areas.Result> areas(
      List<Areas.Area> areas, RunSpec run, Progress progress, Areas.Each each) {
    List<ReplicationTasks.Place> places = new ArrayList<>();
    for (int k = 0; k < areas.size(); k++) {
      Scenario place = areas.get(k).place();
      places.add(new ReplicationTasks.Place(place.statusQuo(), ScenarioLoader.options(place), k));
    }
    try (ReplicationTasks.Batch batch =
        new ReplicationTasks.Batch(spark(), places, run, partitions(), fault)) {
      return Areas.run(
          areas, ScenarioLoader::options, run, each, (k, area, options, spec) -> batch.result(k));
    }
  }

  /**
   * An analysis's variants, each variant x replication a task (VariantTasks), Spark started then.
   */
  @Override
  public phbsim.analysis.Variants.Runner variants() {
    return (place, option, editor, variants, run, progress) ->
        VariantTasks.runner(spark(), partitions(), fault)
            .run(place, option, editor, variants, run, progress);
  }

  /** The driver gathers; the replications are held by the executors. */
  @Override
  public int threadsHere(RunSpec run) {
    return 1;
  }
}
