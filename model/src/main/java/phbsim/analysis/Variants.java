package phbsim.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import phbsim.experiment.Cube;
import phbsim.experiment.Progress;
import phbsim.experiment.ReplicationRunner;
import phbsim.experiment.RunSpec;
import phbsim.report.Cohort;
import phbsim.report.ReplicationResult;
import phbsim.report.Summary;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;
import phbsim.world.CompiledScenario;

/**
 * The arms of an analysis: variants of a place, each run as its own status quo and one option on
 * the same random numbers. A variant is the place with some changes (a sweep point, a low or high
 * setting, a parameter draw); the option's changes are applied on top of the variant's, and the
 * status quo is the variant's status quo, so that a change to the place (a price, say) moves both
 * arms and a change to the programme only the option.
 */
public final class Variants {
  private Variants() {}

  /**
   * One variant.
   *
   * @param changes {@code path=value} changes to the place
   * @param draw the parameter draw its random streams are keyed by (0: the point estimates, shared
   *     by every variant so that they are compared on common random numbers)
   */
  public record Variant(List<String> changes, int draw) {
    public Variant {
      changes = List.copyOf(changes);
    }
  }

  /** A variant's replications, reduced to their totals, and the rate its NPV is discounted at. */
  public record Outcome(
      Variant variant, List<ArmTotals> option, List<ArmTotals> statusQuo, double discountRate) {
    /** An output's value in each replication. */
    public double[] values(Output output) {
      double[] v = new double[option.size()];
      for (int r = 0; r < v.length; r++) {
        v[r] = output.value(option.get(r), statusQuo.get(r), discountRate);
      }
      return v;
    }

    /** An output summarised over the replications. */
    public Summary summary(Output output) {
      return Summary.ofDefined(values(output)).within(output.lowest(), Double.POSITIVE_INFINITY);
    }

    /** An output's mean over the replications. */
    public double mean(Output output) {
      return summary(output).mean();
    }
  }

  /**
   * What runs the variants: {@link #run} on this machine's threads, or another executor (a Spark
   * job) that must give the same outcomes, replication for replication, as any can that runs each
   * variant's cells with {@link #cell}.
   */
  @FunctionalInterface
  public interface Runner {
    List<Outcome> run(
        Scenario place,
        OptionSpec option,
        ScenarioEditor editor,
        List<Variant> variants,
        RunSpec run,
        Progress progress);
  }

  /** One replication of a variant: the status quo's totals and the option's, paired. */
  public record CellPair(ArmTotals statusQuo, ArmTotals option) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * Replication {@code replication} of a variant whose two scenarios are compiled: both arms on the
   * variant's draw's streams, reduced, and the option's cohort view paired with the status quo's.
   * Exactly what {@link #run} computes for that cell, from the same pure pieces.
   */
  public static CellPair cell(
      CompiledScenario statusQuo, CompiledScenario option, int draw, long seed, int replication) {
    ReplicationResult sq =
        phbsim.experiment.Experiment.replicate(statusQuo, seed, 0, draw, replication);
    ReplicationResult op =
        phbsim.experiment.Experiment.replicate(option, seed, 0, draw, replication);
    double horizon = statusQuo.calendar().horizonDays();
    return new CellPair(
        ArmTotals.reducer(statusQuo).apply(sq),
        ArmTotals.reducer(option)
            .apply(op)
            .withCohort(Cohort.of(op.cohort(), sq.cohort(), horizon)));
  }

  /** The rate a variant's NPV is discounted at: its option's, nominal where prices are uplifted. */
  public static double discountRate(Scenario option) {
    var money = option.money();
    return (1 + money.discountRatePercent() / 100.0) * (1 + money.inflationPercent() / 100.0) - 1;
  }

  /** A cell reduced, with its cohort log until it is paired. */
  private record Cell(ArmTotals totals, phbsim.observe.CohortLog log) {}

  /** The scenarios of one variant: its status quo and the option. */
  public record Arms(Scenario statusQuo, Scenario option) {}

  /** Builds a variant's two scenarios. */
  public static Arms arms(
      Scenario place, OptionSpec option, ScenarioEditor editor, List<String> changes) {
    Scenario base = place.withoutOptions();
    Scenario varied = changes.isEmpty() ? base : editor.apply(base, changes);
    List<String> all = new ArrayList<>(changes);
    all.addAll(option.set());
    Scenario chosen = option.set().isEmpty() ? varied : editor.apply(base, all).withoutOptions();
    return new Arms(varied.statusQuo(), chosen);
  }

  /**
   * Runs every variant as its status quo and the option, for {@code run.replications()}
   * replications each, on {@code run.threads()} threads; the same results whatever the threads.
   *
   * @throws phbsim.scenario.ScenarioException if a variant's changes give a scenario that cannot
   *     run
   */
  public static List<Outcome> run(
      Scenario place,
      OptionSpec option,
      ScenarioEditor editor,
      List<Variant> variants,
      RunSpec run,
      Progress progress) {
    // Building the scenarios is done on the threads too (a probabilistic analysis builds
    // thousands); results by index, as for the cells.
    List<CompiledScenario[]> compiled =
        ReplicationRunner.run(
            variants.size(),
            run.threads(),
            i -> {
              Arms arms = arms(place, option, editor, variants.get(i).changes());
              return new CompiledScenario[] {
                new CompiledScenario(arms.statusQuo()), new CompiledScenario(arms.option())
              };
            });
    List<Cube.Column> columns = new ArrayList<>();
    List<Function<ReplicationResult, ArmTotals>> reducers = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      for (CompiledScenario c : compiled.get(v)) {
        columns.add(new Cube.Column(c, variants.get(v).draw()));
        reducers.add(ArmTotals.reducer(c));
      }
    }
    double horizon = compiled.get(0)[0].calendar().horizonDays();
    // Each cell keeps its cohort log until its replication's status quo and option are paired
    // (Cube note 4); then only the option's cohort figures are kept.
    List<List<ArmTotals>> cells =
        Cube.run(
            columns,
            run,
            progress,
            (Cube.Reducer<Cell>) (column, r) -> new Cell(reducers.get(column).apply(r), r.cohort()),
            (r, row) -> {
              List<ArmTotals> out = new ArrayList<>(row.size());
              for (int k = 0; k + 1 < row.size(); k += 2) {
                Cell sq = row.get(k);
                Cell chosen = row.get(k + 1);
                out.add(sq.totals());
                out.add(chosen.totals().withCohort(Cohort.of(chosen.log(), sq.log(), horizon)));
              }
              return out;
            });
    List<Outcome> outcomes = new ArrayList<>();
    for (int v = 0; v < variants.size(); v++) {
      double rate = discountRate(compiled.get(v)[1].scenario());
      outcomes.add(new Outcome(variants.get(v), cells.get(2 * v + 1), cells.get(2 * v), rate));
    }
    return outcomes;
  }
}
