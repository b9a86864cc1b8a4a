package phbsim.spark;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import phbsim.analysis.ArmTotals;
import phbsim.analysis.Variants;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;
import phbsim.scenarios.ScenarioLoader;
import phbsim.scenarios.ScenarioYaml;
import phbsim.world.CompiledScenario;
import scala.Tuple2;

/**
 * The variants of an analysis (one-way settings, parameter draws, sweep points) as Spark tasks:
 * each task is one replication of one variant, its status quo and the option, reduced and paired on
 * the executor with the model's own {@link Variants#cell}; the driver puts the cells back in order.
 * The outcomes are those {@link Variants#run} gives on one machine, bit for bit.
 */
public final class VariantTasks {
  /*
   * Design notes
   *
   * 1. What travels. The place goes as its scenario YAML (broadcast once), the option as its id,
   *    label and changes, and each variant as its changes and draw: a few hundred bytes a variant,
   *    where the two scenarios it makes would be tens of kilobytes. Each executor rebuilds a
   *    variant's scenarios with the loader's own editor, the same code the command line uses.
   * 2. Errors first. The driver builds every variant's scenarios before any task starts, so a
   *    change that makes a scenario invalid is reported, with its message, before Spark runs
   *    anything; the executors then rebuild scenarios known to be valid.
   * 3. Order. A task is keyed by its variant and replication; results are sorted by that key, so
   *    neither the partitioning nor a retried task can change them.
   */

  private VariantTasks() {}

  /** What an executor needs to rebuild the variants: the place, the option and the changes. */
  record Plan(
      String placeYaml,
      String optionId,
      String optionLabel,
      ArrayList<String> optionChanges,
      ArrayList<ArrayList<String>> changes,
      int[] draws)
      implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  /** The variants run as Spark tasks, {@code partitions} of them at most. */
  public static Variants.Runner runner(
      JavaSparkContext spark, int partitions, ReplicationTasks.Fault fault) {
    return (place, option, editor, variants, run, progress) ->
        run(spark, partitions, fault, place, option, editor, variants, run, progress);
  }

  private static List<Variants.Outcome> run(
      JavaSparkContext spark,
      int partitions,
      ReplicationTasks.Fault fault,
      Scenario place,
      OptionSpec option,
      ScenarioEditor editor,
      List<Variants.Variant> variants,
      RunSpec run,
      Progress progress) {
    String yaml = ScenarioYaml.write(place);
    if (!ScenarioLoader.parse(place.name(), yaml, List.of()).equals(place)) {
      throw new IllegalStateException(
          "scenario " + place.name() + " does not read back from its YAML as written");
    }
    // Note 2: every variant's scenarios built, and checked, on the driver.
    double[] rates = new double[variants.size()];
    for (int v = 0; v < variants.size(); v++) {
      Variants.Arms arms = Variants.arms(place, option, editor, variants.get(v).changes());
      rates[v] = Variants.discountRate(arms.option());
    }
    ArrayList<ArrayList<String>> changes = new ArrayList<>();
    int[] draws = new int[variants.size()];
    for (int v = 0; v < variants.size(); v++) {
      changes.add(new ArrayList<>(variants.get(v).changes()));
      draws[v] = variants.get(v).draw();
    }
    Broadcast<Plan> plan =
        spark.broadcast(
            new Plan(
                yaml, option.id(), option.label(), new ArrayList<>(option.set()), changes, draws));
    long seed = run.masterSeed();
    int n = run.replications();
    List<Integer> cells = new ArrayList<>();
    for (int i = 0; i < variants.size() * n; i++) {
      cells.add(i);
    }
    int slices = Math.max(1, Math.min(partitions, cells.size()));
    List<Tuple2<Integer, Variants.CellPair>> done =
        spark
            .parallelize(cells, slices)
            .mapToPair(
                i -> {
                  TaskContext task = TaskContext.get();
                  fault.check(i, task == null ? 0 : task.attemptNumber());
                  int v = i / n;
                  CompiledScenario[] arms = compiled(plan.value(), v);
                  return new Tuple2<>(
                      i, Variants.cell(arms[0], arms[1], plan.value().draws()[v], seed, i % n));
                })
            .collect();
    plan.destroy();
    List<Tuple2<Integer, Variants.CellPair>> sorted = new ArrayList<>(done);
    sorted.sort(Comparator.comparing(Tuple2::_1));
    List<Variants.Outcome> outcomes = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      List<ArmTotals> statusQuo = new ArrayList<>(n);
      List<ArmTotals> chosen = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        Variants.CellPair c = sorted.get(v * n + r)._2();
        statusQuo.add(c.statusQuo());
        chosen.add(c.option());
      }
      outcomes.add(new Variants.Outcome(variants.get(v), chosen, statusQuo, rates[v]));
    }
    progress.advanced((long) variants.size() * n, (long) variants.size() * n);
    return outcomes;
  }

  /** A variant's two scenarios compiled on this executor, by place and variant (note 1). */
  private static final ExecutorCache<String, CompiledScenario[]> COMPILED = new ExecutorCache<>(64);

  /** The places parsed on this executor, by their YAML. */
  private static final ExecutorCache<String, Scenario> PLACES = new ExecutorCache<>(4);

  static CompiledScenario[] compiled(Plan plan, int v) {
    String key =
        plan.placeYaml() + "\u0000" + plan.changes().get(v) + "\u0000" + plan.optionChanges();
    return COMPILED.get(
        key,
        k -> {
          Scenario place =
              PLACES.get(
                  plan.placeYaml(), yaml -> ScenarioLoader.parse("scenario", yaml, List.of()));
          OptionSpec option =
              new OptionSpec(plan.optionId(), plan.optionLabel(), null, plan.optionChanges());
          Variants.Arms arms =
              Variants.arms(place, option, ScenarioLoader.editor(), plan.changes().get(v));
          return new CompiledScenario[] {
            new CompiledScenario(arms.statusQuo()), new CompiledScenario(arms.option())
          };
        });
  }
}
