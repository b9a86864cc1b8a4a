package phbsim.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaPairRDD;
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
import scala.Tuple3;

/**
 * Options appraisals with each replication a Spark task, and their tables aggregated by Spark: the
 * arms travel to the executors as scenario YAML (what scenario.yaml holds, and what {@code phbsim
 * run} would read back), each task runs one replication of every arm of a place, Spark's shuffle
 * summarises the tables, and the driver assembles each place's result in replication order.
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
   * 3. Aggregation on Spark. The tables (per month, per financial year and over the horizon:
   *    money by ledger line and position, measures by segment, team measures, the infrastructure
   *    of budgets, for each arm and the paired difference) are summarised by Spark: each
   *    replication gives every block the raw figures of its status quo and of each option
   *    (ComparisonTables.raw; the status quo's once for all the options laid out alike), a shuffle
   *    keyed by place and block brings a block's figures from every replication together on one
   *    executor, which sorts them by replication, pairs each option with its status quo and
   *    summarises them with the model's own code, so that the summaries are those of phbsim run to
   *    the last bit whatever the partitioning. Only summaries come back from the shuffle. The
   *    cohort view, the replications needed for a precision, the teams' shares below their
   *    minimum size and run.json's digest of every value still read each replication, so the
   *    replications also come to the driver, one place at a time, as they do to the command
   *    line's.
   */

  private ReplicationTasks() {}

  /**
   * A deliberate failure, for tests of Spark's retries: called at the start of every replication's
   * task, and with replication {@link #AGGREGATION} as each block is summarised.
   */
  @FunctionalInterface
  public interface Fault extends Serializable {
    Fault NONE = (replication, attempt) -> {};

    /** The replication number given when a block of the aggregation is summarised. */
    int AGGREGATION = -1;

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
    try (Batch batch =
        new Batch(spark, List.of(new Place(statusQuo, options, area)), run, partitions, fault)) {
      return batch.result(0);
    }
  }

  /**
   * One place's appraisal in a batch: its status quo, its options, and its area number (which keys
   * its random numbers, as in the command line's run of areas).
   */
  public record Place(Scenario statusQuo, List<OptionArm> options, int area) {}

  /**
   * The appraisals of several places as one Spark job: every replication of every place is a task
   * of the same stage, so that no executor waits for the last task of one place before the next
   * place starts; the aggregation of every place's tables is one shuffle (note 3). The replications
   * and the summaries stay on the executors (cached) until a place's result is asked for, which
   * brings that place's, and only that place's, to the driver: the driver holds one place at a
   * time, as the command line does.
   */
  public static final class Batch implements AutoCloseable {
    private final List<Place> places;
    private final RunSpec run;
    private final List<List<CompiledScenario>> onDriver = new ArrayList<>();
    private final Broadcast<ArrayList<ArrayList<String>>> shipped;
    private final JavaPairRDD<Integer, Appraisal.Replication> replications;
    private final JavaPairRDD<Tuple3<Integer, Integer, ComparisonTables.Block>, Summary[]> tables;

    /**
     * Starts nothing yet: the job runs when the first result is asked for.
     *
     * @param partitions how many tasks to split all the replications into
     */
    public Batch(
        JavaSparkContext spark, List<Place> places, RunSpec run, int partitions, Fault fault) {
      this.places = List.copyOf(places);
      this.run = run;
      ArrayList<ArrayList<String>> texts = new ArrayList<>();
      List<List<ComparisonTables.Shape>> shapes = new ArrayList<>();
      for (Place place : this.places) {
        List<Scenario> arms = new ArrayList<>();
        arms.add(place.statusQuo());
        place.options().forEach(o -> arms.add(o.scenario()));
        ArrayList<String> yaml = new ArrayList<>();
        List<CompiledScenario> compiled = new ArrayList<>();
        for (Scenario s : arms) {
          String text = ScenarioYaml.write(s);
          if (!ScenarioLoader.parse(s.name(), text, List.of()).equals(s)) {
            throw new IllegalStateException(
                "scenario " + s.name() + " does not read back from its YAML as written");
          }
          yaml.add(text);
          compiled.add(new CompiledScenario(s));
        }
        texts.add(yaml);
        onDriver.add(compiled);
        List<ComparisonTables.Shape> layout = new ArrayList<>();
        for (int k = 1; k < compiled.size(); k++) {
          layout.add(ComparisonTables.Shape.of(compiled.get(k)));
        }
        shapes.add(layout);
      }
      this.shipped = spark.broadcast(texts);
      Broadcast<ArrayList<ArrayList<String>>> arms = shipped;
      long seed = run.masterSeed();
      int[] areas = this.places.stream().mapToInt(Place::area).toArray();
      // Place by place, each in replication order: the order the driver assembles them in.
      List<Tuple2<Integer, Integer>> cells = new ArrayList<>();
      for (int p = 0; p < this.places.size(); p++) {
        for (int r = 0; r < run.replications(); r++) {
          cells.add(new Tuple2<>(p, r));
        }
      }
      int slices = Math.max(1, Math.min(partitions, cells.size()));
      this.replications =
          spark
              .parallelize(cells, slices)
              .mapToPair(
                  cell -> {
                    int p = cell._1();
                    int r = cell._2();
                    TaskContext task = TaskContext.get();
                    fault.check(r, task == null ? 0 : task.attemptNumber());
                    return new Tuple2<>(
                        p, Appraisal.replication(compiled(arms.value().get(p)), seed, areas[p], r));
                  })
              // Read twice: by the aggregation, then by the driver (note 3).
              .persist(StorageLevel.MEMORY_AND_DISK());
      this.tables =
          tables(replications, shapes, slices, fault).persist(StorageLevel.MEMORY_AND_DISK());
    }

    /** Place {@code p}'s appraisal: its replications and summaries brought to the driver. */
    public AppraisalResult result(int p) {
      List<Appraisal.Replication> reps = replications.filter(x -> x._1() == p).values().collect();
      List<Map<ComparisonTables.Block, Summary[]>> byOption = new ArrayList<>();
      for (int k = 0; k < places.get(p).options().size(); k++) {
        byOption.add(new HashMap<>());
      }
      tables
          .filter(x -> x._1()._1() == p)
          .collect()
          .forEach(x -> byOption.get(x._1()._2()).put(x._1()._3(), x._2()));
      return Appraisal.assemble(onDriver.get(p), places.get(p).options(), run, reps, byOption);
    }

    @Override
    public void close() {
      tables.unpersist(false);
      replications.unpersist(false);
      shipped.destroy();
    }
  }

  /**
   * Options of one place whose blocks are laid out alike (in practice, all of them): the status
   * quo's raw figures for a block serve every one, so they are shipped once.
   *
   * @param layout the shape of the first of them, for the raw figures
   * @param options the options' numbers
   * @param shapes each option's own shape, for pairing (its discount rate may differ)
   */
  record Group(ComparisonTables.Shape layout, int[] options, List<ComparisonTables.Shape> shapes)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The options of a place in groups of the same layout, in the order of the options. */
    static List<Group> of(List<ComparisonTables.Shape> shapes) {
      List<Group> groups = new ArrayList<>();
      boolean[] done = new boolean[shapes.size()];
      for (int k = 0; k < shapes.size(); k++) {
        if (done[k]) {
          continue;
        }
        List<Integer> members = new ArrayList<>();
        List<ComparisonTables.Shape> own = new ArrayList<>();
        for (int j = k; j < shapes.size(); j++) {
          if (!done[j] && shapes.get(j).sameLayout(shapes.get(k))) {
            done[j] = true;
            members.add(j);
            own.add(shapes.get(j));
          }
        }
        groups.add(
            new Group(shapes.get(k), members.stream().mapToInt(Integer::intValue).toArray(), own));
      }
      return groups;
    }
  }

  /**
   * Every option's tables, aggregated by Spark (note 3): each replication gives, for every block,
   * the raw figures of its status quo and of each option (ComparisonTables.raw, the status quo's
   * once); Spark brings each block's figures together from all the replications, and where they
   * meet they are put in replication order, paired option by option, and summarised.
   *
   * @param shapes for each place, the layout of each option's comparison
   * @return each block's summaries, keyed by place, option and block
   */
  static JavaPairRDD<Tuple3<Integer, Integer, ComparisonTables.Block>, Summary[]> tables(
      JavaPairRDD<Integer, Appraisal.Replication> replications,
      List<List<ComparisonTables.Shape>> shapes,
      int partitions,
      Fault fault) {
    List<List<Group>> groups = new ArrayList<>();
    shapes.forEach(s -> groups.add(Group.of(s)));
    return replications
        .flatMapToPair(
            placed -> {
              Appraisal.Replication rep = placed._2();
              ReplicationResult statusQuo = rep.arms().get(0);
              List<Group> place = groups.get(placed._1());
              List<
                      Tuple2<
                          Tuple3<Integer, Integer, ComparisonTables.Block>,
                          Tuple2<Integer, double[]>>>
                  out = new ArrayList<>();
              for (int g = 0; g < place.size(); g++) {
                Group group = place.get(g);
                for (ComparisonTables.Block b : group.layout().blocks()) {
                  int width = group.layout().rawWidth(b.kind());
                  double[] raw = new double[width * (1 + group.options().length)];
                  System.arraycopy(
                      ComparisonTables.raw(b, group.layout(), statusQuo), 0, raw, 0, width);
                  for (int j = 0; j < group.options().length; j++) {
                    ReplicationResult option = rep.arms().get(group.options()[j] + 1);
                    System.arraycopy(
                        ComparisonTables.raw(b, group.layout(), option),
                        0,
                        raw,
                        (j + 1) * width,
                        width);
                  }
                  out.add(
                      new Tuple2<>(
                          new Tuple3<>(placed._1(), g, b),
                          new Tuple2<>(statusQuo.replication(), raw)));
                }
              }
              return out.iterator();
            })
        .groupByKey(partitions)
        .flatMapToPair(
            block -> {
              TaskContext task = TaskContext.get();
              fault.check(Fault.AGGREGATION, task == null ? 0 : task.attemptNumber());
              Group group = groups.get(block._1()._1()).get(block._1()._2());
              ComparisonTables.Block b = block._1()._3();
              List<Tuple2<Integer, double[]>> sorted = new ArrayList<>();
              block._2().forEach(sorted::add);
              sorted.sort(Comparator.comparingInt(Tuple2::_1));
              int width = group.layout().rawWidth(b.kind());
              List<Tuple2<Tuple3<Integer, Integer, ComparisonTables.Block>, Summary[]>> out =
                  new ArrayList<>();
              for (int j = 0; j < group.options().length; j++) {
                List<double[]> values = new ArrayList<>(sorted.size());
                for (Tuple2<Integer, double[]> r : sorted) {
                  double[] raw = r._2();
                  values.add(
                      ComparisonTables.values(
                          b,
                          group.shapes().get(j),
                          Arrays.copyOfRange(raw, (j + 1) * width, (j + 2) * width),
                          Arrays.copyOf(raw, width)));
                }
                out.add(
                    new Tuple2<>(
                        new Tuple3<>(block._1()._1(), group.options()[j], b),
                        ComparisonTables.summarise(b, group.shapes().get(j), values)));
              }
              return out.iterator();
            });
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
