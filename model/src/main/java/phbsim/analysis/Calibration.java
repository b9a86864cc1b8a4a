package phbsim.analysis;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.optim.univariate.UnivariatePointValuePair;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.report.Summary;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;

/**
 * Fitting parameters so that outputs hit targets (docs/model.md section 8): the sum of squared
 * residuals, each divided by its tolerance, minimised with a Commons Math optimiser (Brent's method
 * for one parameter, BOBYQA within bounds for several). Every evaluation runs on the same random
 * numbers, so the objective is the same function at every step.
 */
public final class Calibration {
  private Calibration() {}

  /** A parameter to fit, within bounds, from a starting value. */
  public record Parameter(String path, double low, double high, double start) {}

  /** A target: an output's mean should be {@code value}, to within {@code tolerance}. */
  public record Target(Output output, double value, double tolerance) {}

  /** A target's result at the fitted values. */
  public record Fit(Target target, Summary achieved) {
    /** achieved mean - target value. */
    public double residual() {
      return achieved.mean() - target.value();
    }

    public boolean withinTolerance() {
      return Math.abs(residual()) <= target.tolerance();
    }
  }

  /**
   * The result.
   *
   * @param values the fitted value of each parameter, in order
   * @param fits each target at the fitted values
   * @param objective the sum of squared residuals over tolerances at the fitted values
   * @param optimiserConverged whether the optimiser stopped by its own criterion, rather than by
   *     running out of evaluations
   * @param evaluations the number of times the model was run (each for every replication)
   */
  public record Result(
      List<Parameter> parameters,
      double[] values,
      List<Fit> fits,
      double objective,
      boolean optimiserConverged,
      int evaluations) {
    /** Converged: the optimiser stopped by itself and every target is within its tolerance. */
    public boolean converged() {
      return optimiserConverged && fits.stream().allMatch(Fit::withinTolerance);
    }

    /** The fitted values as {@code path=value} changes. */
    public List<String> changes() {
      List<String> c = new ArrayList<>();
      for (int i = 0; i < parameters.size(); i++) {
        c.add(Changes.set(parameters.get(i).path(), values[i]));
      }
      return c;
    }
  }

  /** The objective's share for a target whose output is undefined (in tolerances squared). */
  static final double UNDEFINED_PENALTY = 1e6;

  /** Fits the parameters, running the model at most {@code maxEvaluations} times. */
  public static Result run(
      Scenario place,
      OptionSpec option,
      ScenarioEditor editor,
      List<Parameter> parameters,
      List<Target> targets,
      int maxEvaluations,
      RunSpec run,
      Progress progress) {
    if (parameters.isEmpty() || targets.isEmpty()) {
      throw new IllegalArgumentException("calibration needs at least one parameter and one target");
    }
    int[] evaluations = {0};
    java.util.Map<List<Double>, List<Summary>> cache = new java.util.LinkedHashMap<>();
    java.util.function.Function<double[], List<Summary>> evaluate =
        x -> {
          List<Double> key = new ArrayList<>();
          for (double v : x) {
            key.add(v);
          }
          return cache.computeIfAbsent(
              key,
              k -> {
                evaluations[0]++;
                List<String> changes = new ArrayList<>();
                for (int i = 0; i < x.length; i++) {
                  changes.add(Changes.set(parameters.get(i).path(), x[i]));
                }
                Variants.Outcome o =
                    Variants.run(
                            place,
                            option,
                            editor,
                            List.of(new Variants.Variant(changes, 0)),
                            run,
                            progress)
                        .get(0);
                List<Summary> s = new ArrayList<>();
                for (Target t : targets) {
                  s.add(o.summary(t.output()));
                }
                return s;
              });
        };
    java.util.function.ToDoubleFunction<double[]> objective =
        x -> {
          List<Summary> s = evaluate.apply(x);
          double sum = 0;
          for (int i = 0; i < targets.size(); i++) {
            double r = (s.get(i).mean() - targets.get(i).value()) / targets.get(i).tolerance();
            // An output undefined at these values (no cohort at all, say) is as far from its
            // target as can be: the optimiser is steered away rather than fed a NaN.
            sum += Double.isNaN(r) ? UNDEFINED_PENALTY : r * r;
          }
          return sum;
        };
    double[] best;
    boolean converged = true;
    if (parameters.size() == 1) {
      Parameter p = parameters.get(0);
      double width = p.high() - p.low();
      try {
        UnivariatePointValuePair opt =
            new BrentOptimizer(1e-6, 1e-6 * Math.max(1e-12, width))
                .optimize(
                    new MaxEval(maxEvaluations),
                    new UnivariateObjectiveFunction(x -> objective.applyAsDouble(new double[] {x})),
                    GoalType.MINIMIZE,
                    new SearchInterval(p.low(), p.high(), p.start()));
        best = new double[] {opt.getPoint()};
      } catch (TooManyEvaluationsException e) {
        converged = false;
        best = bestSoFar(cache, targets, parameters);
      }
    } else {
      // BOBYQA has one trust-region radius for all coordinates, so each parameter is scaled to
      // 0..1 across its bounds: a market size of hundreds and a share of tenths then move alike.
      int n = parameters.size();
      double[] lower = new double[n];
      double[] upper = new double[n];
      double[] start = new double[n];
      for (int i = 0; i < n; i++) {
        Parameter p = parameters.get(i);
        upper[i] = 1;
        start[i] = (p.start() - p.low()) / (p.high() - p.low());
      }
      java.util.function.UnaryOperator<double[]> unscale =
          u -> {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
              Parameter p = parameters.get(i);
              x[i] = p.low() + u[i] * (p.high() - p.low());
            }
            return x;
          };
      try {
        PointValuePair opt =
            new BOBYQAOptimizer(2 * n + 1, 0.2, 1e-4)
                .optimize(
                    new MaxEval(maxEvaluations),
                    new ObjectiveFunction(u -> objective.applyAsDouble(unscale.apply(u))),
                    GoalType.MINIMIZE,
                    new InitialGuess(start),
                    new SimpleBounds(lower, upper));
        best = unscale.apply(opt.getPoint());
      } catch (TooManyEvaluationsException e) {
        converged = false;
        best = bestSoFar(cache, targets, parameters);
      }
    }
    List<Summary> achieved = evaluate.apply(best);
    List<Fit> fits = new ArrayList<>();
    for (int i = 0; i < targets.size(); i++) {
      fits.add(new Fit(targets.get(i), achieved.get(i)));
    }
    return new Result(
        parameters, best, fits, objective.applyAsDouble(best), converged, evaluations[0]);
  }

  private static double[] bestSoFar(
      java.util.Map<List<Double>, List<Summary>> cache,
      List<Target> targets,
      List<Parameter> parameters) {
    double bestValue = Double.POSITIVE_INFINITY;
    double[] best = new double[parameters.size()];
    for (int i = 0; i < best.length; i++) {
      best[i] = parameters.get(i).start();
    }
    for (var e : cache.entrySet()) {
      double sum = 0;
      for (int i = 0; i < targets.size(); i++) {
        double r =
            (e.getValue().get(i).mean() - targets.get(i).value()) / targets.get(i).tolerance();
        sum += Double.isNaN(r) ? UNDEFINED_PENALTY : r * r;
      }
      if (sum < bestValue) {
        bestValue = sum;
        for (int i = 0; i < best.length; i++) {
          best[i] = e.getKey().get(i);
        }
      }
    }
    return best;
  }
}
