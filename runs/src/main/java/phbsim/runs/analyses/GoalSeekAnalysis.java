package phbsim.runs.analyses;

import java.util.function.Supplier;
import phbsim.analysis.GoalSeek;
import phbsim.analysis.Output;
import phbsim.analysis.Variants;
import phbsim.experiment.Progress;
import phbsim.writers.AnalysisCsv;
import phbsim.writers.Numbers;
import phbsim.writers.OutputFolder;

/**
 * A goal-seek: the value of one parameter at which an output reaches a target (phbsim goal-seek),
 * by Brent's method on the mean output, every try on the same random numbers. Its tries run one
 * after another, each on this process's threads.
 *
 * @param target the target as given ({@code OUTPUT=VALUE}), for run.json
 * @param vary the parameter's path
 * @param from the range searched, from
 * @param to the range searched, to
 * @param accuracy how close to the answer, in the parameter's units
 */
public record GoalSeekAnalysis(
    String target, Output output, double goal, String vary, double from, double to, double accuracy)
    implements Analysis<GoalSeek.Result> {

  /**
   * The goal-seek of {@code subject}, its settings checked.
   *
   * @param range {@code FROM:TO}, or null for the range declared under uncertainty:, else 0 to
   *     twice the parameter's value
   * @param accuracy null for a thousandth of the range
   * @throws IllegalArgumentException naming the option that is wrong, found and expected
   */
  public static GoalSeekAnalysis of(
      Subject subject, String target, String vary, String range, Double accuracy) {
    var s = subject.scenario();
    int eq = target.indexOf('=');
    if (eq < 1) {
      throw new IllegalArgumentException(
          "--target " + target + ": expected OUTPUT=VALUE, such as net_saving_cash=0");
    }
    Output output;
    try {
      output = Output.parse(target.substring(0, eq).strip());
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--target " + e.getMessage(), e);
    }
    double goal = number(target.substring(eq + 1), "--target's value");
    double value = subject.editor().number(s, vary);
    double from;
    double to;
    if (range != null) {
      String[] parts = range.split(":", -1);
      if (parts.length != 2) {
        throw new IllegalArgumentException(
            "--range " + range + ": expected FROM:TO, such as 0:500");
      }
      from = number(parts[0], "--range's from");
      to = number(parts[1], "--range's to");
    } else {
      var declared =
          s.uncertainty().stream()
              .filter(u -> u.path().equals(vary) && u.low() != null)
              .findFirst();
      if (declared.isPresent()) {
        from = declared.get().low();
        to = declared.get().high();
      } else if (value > 0) {
        from = 0;
        to = 2 * value;
      } else {
        throw new IllegalArgumentException(
            vary + " is " + value + "; give the values to search with --range FROM:TO");
      }
    }
    if (!(from < to)) {
      throw new IllegalArgumentException(
          "--range: expected FROM below TO, found "
              + Numbers.plain(from)
              + ":"
              + Numbers.plain(to));
    }
    if (accuracy != null && !(accuracy > 0 && accuracy < to - from)) {
      // 0 or less would never stop the search; the whole range or more would stop it at once.
      throw new IllegalArgumentException(
          "--accuracy: found "
              + Numbers.plain(accuracy)
              + "; expected a number above 0 and below the range searched ("
              + Numbers.plain(to - from)
              + "), in the parameter's units");
    }
    double acc = accuracy != null ? accuracy : (to - from) / 1000;
    return new GoalSeekAnalysis(target, output, goal, vary, from, to, acc);
  }

  @Override
  public GoalSeek.Result run(Subject s, Variants.Runner runner, Supplier<Progress> progress) {
    return GoalSeek.run(
        s.scenario(),
        s.option(),
        s.editor(),
        vary,
        from,
        to,
        output,
        goal,
        accuracy,
        s.request().settings().run(),
        progress.get());
  }

  @Override
  public Object[] describe() {
    return new Object[] {
      "target", target, "vary", vary, "range", Numbers.plain(from) + ":" + Numbers.plain(to)
    };
  }

  @Override
  public OutputFolder files(GoalSeek.Result r, Files f) {
    return f.withScenario()
        .add("goal_seek.csv", w -> AnalysisCsv.goalSeek(r, vary, output, goal, f.scenario(), w));
  }

  private static double number(String text, String what) {
    try {
      double v = Double.parseDouble(text.strip());
      if (!Double.isFinite(v)) {
        throw new NumberFormatException();
      }
      return v;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(what + ": found '" + text + "'; expected a number");
    }
  }
}
