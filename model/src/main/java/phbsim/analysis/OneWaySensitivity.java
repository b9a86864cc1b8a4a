package phbsim.analysis;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.report.Summary;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;

/**
 * One-way sensitivity (docs/model.md section 8): each parameter set to its low and then its high
 * value, the others held at theirs, every setting on the same random numbers; ranked by the swing
 * of an output (by default the cash net saving): the data of a tornado chart.
 */
public final class OneWaySensitivity {
  private OneWaySensitivity() {}

  /**
   * One parameter's bar: the output at its low and at its high value, and the swing.
   *
   * @param change the output at high minus the output at low, replication by replication (both on
   *     the same random numbers, so its interval is the paired one): whether the swing can be told
   *     from the noise of the replications run
   */
  public record Bar(Ranges.Range range, Summary atLow, Summary atHigh, Summary change) {
    /** |high - low| of the means. */
    public double swing() {
      return Math.abs(atHigh.mean() - atLow.mean());
    }

    /**
     * Whether the swing is told apart from the noise: the paired change's 95 % confidence interval
     * excludes 0. False with one replication (no interval) or when the interval spans 0.
     */
    public boolean beyondNoise() {
      return change.ciLow() > 0 || change.ciHigh() < 0;
    }
  }

  /** The output with every parameter at its value, and the bars, largest swing first. */
  public record Result(Output output, Summary base, List<Bar> bars) {}

  /** Runs the analysis on this machine's threads. */
  public static Result run(
      Scenario place,
      OptionSpec option,
      ScenarioEditor editor,
      List<Ranges.Range> ranges,
      Output output,
      RunSpec run,
      Progress progress) {
    return run(place, option, editor, ranges, output, run, progress, Variants::run);
  }

  /** Runs the analysis, its settings run by {@code runner}. */
  public static Result run(
      Scenario place,
      OptionSpec option,
      ScenarioEditor editor,
      List<Ranges.Range> ranges,
      Output output,
      RunSpec run,
      Progress progress,
      Variants.Runner runner) {
    List<Variants.Variant> variants = new ArrayList<>();
    variants.add(new Variants.Variant(List.of(), 0));
    for (Ranges.Range r : ranges) {
      variants.add(new Variants.Variant(List.of(Changes.set(r.path(), r.low())), 0));
      variants.add(new Variants.Variant(List.of(Changes.set(r.path(), r.high())), 0));
    }
    List<Variants.Outcome> outcomes = runner.run(place, option, editor, variants, run, progress);
    List<Bar> bars = new ArrayList<>();
    for (int k = 0; k < ranges.size(); k++) {
      double[] low = outcomes.get(1 + 2 * k).values(output);
      double[] high = outcomes.get(2 + 2 * k).values(output);
      double[] change = new double[low.length];
      for (int r = 0; r < change.length; r++) {
        change[r] = high[r] - low[r];
      }
      bars.add(
          new Bar(
              ranges.get(k),
              outcomes.get(1 + 2 * k).summary(output),
              outcomes.get(2 + 2 * k).summary(output),
              Summary.ofDefined(change)));
    }
    // Largest swing first; ties keep the order given (the sort is stable).
    bars.sort(Comparator.comparingDouble(Bar::swing).reversed());
    return new Result(output, outcomes.get(0).summary(output), bars);
  }
}
