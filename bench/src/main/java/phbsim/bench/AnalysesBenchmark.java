package phbsim.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import phbsim.analysis.Calibration;
import phbsim.analysis.Output;
import phbsim.analysis.ProbabilisticSensitivity;
import phbsim.analysis.Sweep;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;

/**
 * The what-if analyses of docs/model.md section 8 on the built-in default scenario (five years,
 * option roll-out), each as a whole job timed once per iteration, on every core: the targets of
 * docs/performance.md are wall times on a 2-core machine.
 *
 * <ul>
 *   <li>{@code sweep}: 10 points of the market size, 100 replications a point (target under 15 s);
 *   <li>{@code probabilistic}: 1,000 parameter draws of the scenario's declared distributions, one
 *       replication a draw (target under 60 s);
 *   <li>{@code calibration}: two parameters fitted to two targets made at known values, 10
 *       replications an evaluation (target under 2 minutes).
 * </ul>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 1)
@Measurement(iterations = 3)
@Fork(
    value = 1,
    jvmArgs = {"-Xms2g", "-Xmx2g"})
public class AnalysesBenchmark {
  @Param({"2"})
  public int threads;

  private Scenario place;
  private OptionSpec option;
  private ScenarioEditor editor;

  @Setup
  public void setUp() {
    place = BuiltInScenarios.load("default");
    option = place.options().get(0);
    editor = ScenarioLoader.editor();
  }

  @Benchmark
  public Sweep.Result sweep() {
    return Sweep.run(
        place,
        option,
        editor,
        List.of(Sweep.Axis.parse("budgets.rollout.marketSize=50:275:25")),
        new RunSpec(100, RunSpec.DEFAULT_SEED, threads),
        Progress.NONE,
        Output.parse("net_saving_cash"));
  }

  @Benchmark
  public ProbabilisticSensitivity.Result probabilistic() {
    return ProbabilisticSensitivity.run(
        place,
        option,
        editor,
        ProbabilisticSensitivity.declared(place, editor),
        1000,
        Output.parse("net_saving_cash"),
        new RunSpec(1, RunSpec.DEFAULT_SEED, threads),
        Progress.NONE);
  }

  @Benchmark
  public Calibration.Result calibration() {
    // The offers and acceptances made by a market size of 220 and a common-segment acceptance
    // of 0.45 (phbsim sweep at those values), fitted from the scenario's 150 and 0.6.
    return Calibration.run(
        place,
        option,
        editor,
        List.of(
            new Calibration.Parameter("budgets.rollout.marketSize", 50, 300, 150),
            new Calibration.Parameter("segments[common].budget.acceptance", 0.2, 0.95, 0.6)),
        List.of(
            new Calibration.Target(Output.parse("option.budget_offers"), 61, 1),
            new Calibration.Target(Output.parse("option.budget_offers_accepted"), 33, 1)),
        200,
        new RunSpec(10, RunSpec.DEFAULT_SEED, threads),
        Progress.NONE);
  }
}
