package phbsim.analysis;

import java.util.List;
import java.util.Optional;
import java.util.function.DoubleUnaryOperator;
import org.apache.commons.math3.analysis.solvers.BrentSolver;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.report.Summary;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;

/**
 * The value of one parameter at which an output reaches a target (docs/model.md section 8): such as
 * the offers at which the five-year net saving breaks even. Brent's method (Commons Math) on the
 * mean of the output, every evaluation on the same random numbers, so that the function being
 * solved is the same at every step; the interval comes from solving the same equation for the two
 * ends of the confidence interval of the mean.
 */
public final class GoalSeek {
  private GoalSeek() {}

  /**
   * The answer.
   *
   * @param value the parameter's value at which the mean output reaches the target, if any value in
   *     the range does
   * @param low the value at which the upper end of the output's confidence interval reaches the
   *     target (with high, the interval of the answer), if it does in the range
   * @param atLow the output at the low end of the range
   * @param atHigh the output at the high end of the range
   * @param evaluations the number of times the model was run (each for every replication)
   */
  public record Result(
      Optional<Double> value,
      Optional<Double> low,
      Optional<Double> high,
      Summary atLow,
      Summary atHigh,
      int evaluations) {}

  /**
   * Seeks the value of {@code path} in [{@code from}, {@code to}] at which {@code output} reaches
   * {@code target}, to within {@code accuracy} of the parameter.
   */
  public static Result run(
      Scenario place,
      OptionSpec option,
      ScenarioEditor editor,
      String path,
      double from,
      double to,
      Output output,
      double target,
      double accuracy,
      RunSpec run,
      Progress progress) {
    int[] evaluations = {0};
    java.util.Map<Double, Summary> cache = new java.util.LinkedHashMap<>();
    java.util.function.DoubleFunction<Summary> at =
        x ->
            cache.computeIfAbsent(
                x,
                v -> {
                  evaluations[0]++;
                  Variants.Outcome o =
                      Variants.run(
                              place,
                              option,
                              editor,
                              List.of(new Variants.Variant(List.of(Changes.set(path, v)), 0)),
                              run,
                              progress)
                          .get(0);
                  return o.summary(output);
                });
    Summary lo = at.apply(from);
    Summary hi = at.apply(to);
    Optional<Double> value = solve(x -> at.apply(x).mean() - target, from, to, accuracy);
    Optional<Double> a = solve(x -> at.apply(x).ciHigh() - target, from, to, accuracy);
    Optional<Double> b = solve(x -> at.apply(x).ciLow() - target, from, to, accuracy);
    Optional<Double> low = Optional.empty();
    Optional<Double> high = Optional.empty();
    if (a.isPresent() && b.isPresent()) {
      low = Optional.of(Math.min(a.get(), b.get()));
      high = Optional.of(Math.max(a.get(), b.get()));
    }
    return new Result(value, low, high, lo, hi, evaluations[0]);
  }

  private static Optional<Double> solve(
      DoubleUnaryOperator f, double from, double to, double accuracy) {
    double fa = f.applyAsDouble(from);
    double fb = f.applyAsDouble(to);
    if (Double.isNaN(fa) || Double.isNaN(fb)) {
      return Optional.empty();
    }
    if (fa == 0) {
      return Optional.of(from);
    }
    if (fb == 0) {
      return Optional.of(to);
    }
    if ((fa < 0) == (fb < 0)) {
      return Optional.empty();
    }
    try {
      return Optional.of(new BrentSolver(accuracy).solve(100, f::applyAsDouble, from, to));
    } catch (TooManyEvaluationsException e) {
      return Optional.empty();
    }
  }
}
