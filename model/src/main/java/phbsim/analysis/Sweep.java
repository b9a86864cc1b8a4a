package phbsim.analysis;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;

/**
 * A grid over one or two parameters (docs/model.md section 8): every point run as its own status
 * quo and the option, every point on the same random numbers, one outcome per point; and where an
 * output (by default the cash net saving) crosses zero along the first parameter.
 */
public final class Sweep {
  private Sweep() {}

  /**
   * One parameter of the grid and its values, as written: numbers, or names for a setting that is a
   * name (such as a targeting rule).
   */
  public record Axis(String path, List<String> values) {
    public Axis {
      values = List.copyOf(values);
      if (values.isEmpty()) {
        throw new IllegalArgumentException(path + ": expected at least one value");
      }
    }

    /**
     * Reads {@code path=v1,v2,...} or {@code path=from:to:step} (from, from + step, ... up to and
     * including to, within a millionth of a step).
     *
     * @throws IllegalArgumentException saying what was expected
     */
    public static Axis parse(String text) {
      int eq = text.indexOf('=');
      if (eq < 1 || eq == text.length() - 1) {
        throw new IllegalArgumentException(
            "found '"
                + text
                + "'; expected path=v1,v2,... or path=from:to:step, such as"
                + " budgets.rollout.marketSize=100:300:50");
      }
      String path = text.substring(0, eq).strip();
      String spec = text.substring(eq + 1).strip();
      List<String> values = new ArrayList<>();
      if (spec.contains(":")) {
        String[] parts = spec.split(":", -1);
        BigDecimal from;
        BigDecimal to;
        BigDecimal step;
        try {
          if (parts.length != 3) {
            throw new NumberFormatException();
          }
          from = new BigDecimal(parts[0].strip());
          to = new BigDecimal(parts[1].strip());
          step = new BigDecimal(parts[2].strip());
        } catch (NumberFormatException e) {
          throw new IllegalArgumentException(
              path
                  + ": found '"
                  + spec
                  + "'; expected from:to:step, three numbers such as 0:1:0.25");
        }
        if (step.signum() <= 0 || to.compareTo(from) < 0) {
          throw new IllegalArgumentException(
              path + ": found '" + spec + "'; expected a step above 0 and to at least from");
        }
        if (to.subtract(from).divide(step, java.math.MathContext.DECIMAL64).doubleValue()
            > 10_000) {
          throw new IllegalArgumentException(
              path + ": found '" + spec + "', more than 10,000 points; expected a coarser step");
        }
        for (BigDecimal v = from; v.compareTo(to) <= 0; v = v.add(step)) {
          values.add(v.stripTrailingZeros().toPlainString());
        }
      } else {
        for (String v : spec.split(",", -1)) {
          if (v.isBlank()) {
            throw new IllegalArgumentException(
                path + ": found '" + spec + "', with an empty value; expected v1,v2,...");
          }
          values.add(v.strip());
        }
      }
      return new Axis(path, values);
    }

    /** The numeric value of point i, if it is a number. */
    Optional<Double> number(int i) {
      try {
        return Optional.of(Double.parseDouble(values.get(i)));
      } catch (NumberFormatException e) {
        return Optional.empty();
      }
    }
  }

  /** One point of the grid: its values (one per axis) and its outcome. */
  public record Point(List<String> values, Variants.Outcome outcome) {}

  /**
   * Where the mean of the output crosses zero along the first axis, by linear interpolation between
   * neighbouring points, at the given value of the second axis (empty with one axis).
   */
  public record Crossing(double value, Optional<String> second) {}

  /** The grid's points, in order (the first axis varying fastest), and its crossings. */
  public record Result(List<Axis> axes, List<Point> points, List<Crossing> crossings) {}

  /** Runs the grid on this machine's threads. */
  public static Result run(
      Scenario place,
      OptionSpec option,
      ScenarioEditor editor,
      List<Axis> axes,
      RunSpec run,
      Progress progress,
      Output crossing) {
    return run(place, option, editor, axes, run, progress, crossing, Variants::run);
  }

  /** Runs the grid, its points run by {@code runner} (this machine's threads, or a Spark job). */
  public static Result run(
      Scenario place,
      OptionSpec option,
      ScenarioEditor editor,
      List<Axis> axes,
      RunSpec run,
      Progress progress,
      Output crossing,
      Variants.Runner runner) {
    if (axes.isEmpty() || axes.size() > 2) {
      throw new IllegalArgumentException("a sweep varies one or two parameters");
    }
    Axis first = axes.get(0);
    Axis second = axes.size() > 1 ? axes.get(1) : null;
    int n2 = second == null ? 1 : second.values().size();
    List<List<String>> values = new ArrayList<>();
    List<Variants.Variant> variants = new ArrayList<>();
    for (int j = 0; j < n2; j++) {
      for (int i = 0; i < first.values().size(); i++) {
        List<String> point = new ArrayList<>(List.of(first.values().get(i)));
        List<String> changes = new ArrayList<>(List.of(first.path() + "=" + first.values().get(i)));
        if (second != null) {
          point.add(second.values().get(j));
          changes.add(second.path() + "=" + second.values().get(j));
        }
        values.add(point);
        variants.add(new Variants.Variant(changes, 0));
      }
    }
    List<Variants.Outcome> outcomes = runner.run(place, option, editor, variants, run, progress);
    List<Point> points = new ArrayList<>();
    for (int k = 0; k < outcomes.size(); k++) {
      points.add(new Point(values.get(k), outcomes.get(k)));
    }
    List<Crossing> crossings = new ArrayList<>();
    int n1 = first.values().size();
    for (int j = 0; j < n2; j++) {
      for (int i = 0; i + 1 < n1; i++) {
        Optional<Double> x0 = first.number(i);
        Optional<Double> x1 = first.number(i + 1);
        if (x0.isEmpty() || x1.isEmpty()) {
          continue;
        }
        double y0 = points.get(j * n1 + i).outcome().mean(crossing);
        double y1 = points.get(j * n1 + i + 1).outcome().mean(crossing);
        Optional<String> at =
            second == null ? Optional.empty() : Optional.of(second.values().get(j));
        if (y0 == 0) {
          crossings.add(new Crossing(x0.get(), at));
        } else if ((y0 < 0 && y1 > 0) || (y0 > 0 && y1 < 0)) {
          double x = x0.get() + (x1.get() - x0.get()) * (-y0) / (y1 - y0);
          crossings.add(new Crossing(x, at));
        }
      }
    }
    return new Result(axes, points, crossings);
  }
}
