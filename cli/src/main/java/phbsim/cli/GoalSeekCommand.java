package phbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import phbsim.analysis.GoalSeek;
import phbsim.analysis.Output;
import phbsim.cli.options.AnalysisOptions;
import phbsim.cli.options.OutputOptions;
import phbsim.cli.options.ReplicationOptions;
import phbsim.cli.options.ScenarioOptions;
import phbsim.experiment.RunSpec;
import phbsim.report.Arm;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;
import phbsim.scenarios.ScenarioLoader;
import phbsim.writers.AnalysisCsv;
import phbsim.writers.Numbers;
import phbsim.writers.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phbsim goal-seek}: the value of a parameter at which an output reaches a target. */
@Command(
    name = "goal-seek",
    mixinStandardHelpOptions = true,
    description =
        "Find the value of one parameter at which an output reaches a target, such as the offers"
            + " at which the five-year net saving breaks even: Brent's method on the mean output,"
            + " every try on the same random numbers, with the interval the output's confidence"
            + " interval gives, or a plain statement that no value in the range reaches it.",
    footer = {
      "",
      "Examples:",
      "  phbsim goal-seek default --target net_saving_cash=0 \\",
      "      --vary budgets.rollout.marketSize --range 0:2000 -r 50",
      "  phbsim goal-seek default --target npv_economic=0 \\",
      "      --vary segments[common].budget.crisisEffect --range 0:1",
      "",
      "Files written into phbsim-out/<scenario>-goal-seek-<date>-<time>:",
      "  goal_seek.csv, scenario.yaml, run.json",
    })
final class GoalSeekCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;

  @Option(
      names = "--target",
      required = true,
      paramLabel = "OUTPUT=VALUE",
      description = "The output and the value it should reach, such as net_saving_cash=0.")
  String target;

  @Option(
      names = "--vary",
      required = true,
      paramLabel = "PATH",
      description = "The parameter to vary, as --set writes it.")
  String vary;

  @Option(
      names = "--range",
      paramLabel = "FROM:TO",
      description =
          "The values to search between. Default: the range declared under uncertainty:, else 0"
              + " to twice the parameter's value.")
  String range;

  @Option(
      names = "--accuracy",
      paramLabel = "X",
      description =
          "How close to the answer, in the parameter's units. Default: a thousandth of the range.")
  Double accuracy;

  @Mixin AnalysisOptions analysis;
  @Mixin ReplicationOptions replications;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RunSpec run = replications.runSpec(spec.commandLine());
    Scenario s = scenario.load();
    ScenarioEditor editor = ScenarioLoader.editor();
    Output out0;
    double goal;
    double from;
    double to;
    OptionSpec option;
    try {
      int eq = target.indexOf('=');
      if (eq < 1) {
        throw new IllegalArgumentException(
            "--target " + target + ": expected OUTPUT=VALUE, such as net_saving_cash=0");
      }
      try {
        out0 = Output.parse(target.substring(0, eq).strip());
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("--target " + e.getMessage(), e);
      }
      goal = number(target.substring(eq + 1), "--target's value");
      AnalysisOptions.requireMoneyForPersonLevel(s, out0, "--target");
      option = analysis.option(s);
      double value = editor.number(s, vary);
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
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
    Output o = out0;
    double acc = accuracy != null ? accuracy : (to - from) / 1000;
    Path folder = output.prepare(scenario.name(), "goal-seek", scenario.inputs());
    AnalysisRun timing = new AnalysisRun();
    GoalSeek.Result r;
    try (ProgressReporter progress =
        new ProgressReporter(
            "phbsim goal-seek",
            spec.commandLine().getErr(),
            replications.quiet,
            Main.processStreams())) {
      r =
          GoalSeek.run(
              s, option, editor, vary, from, to, o, goal, acc, run, progress.evaluations(0));
    }
    timing.simulated();
    double lo = from;
    double hi = to;
    AnalysisRun.commit(
        AnalysisRun.folder(
                folder,
                s,
                run,
                AnalysisRun.describe(
                    scenario,
                    option,
                    "target",
                    target,
                    "vary",
                    vary,
                    "range",
                    Numbers.plain(lo) + ":" + Numbers.plain(hi)))
            .add("goal_seek.csv", w -> AnalysisCsv.goalSeek(r, vary, o, goal, s, w)),
        run,
        spec,
        output,
        List.of(scenario.text()));
    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.UK,
        "Goal-seek on %s, option %s, %s each try%n%s.%n%s%n%n",
        s.name(),
        option.id(),
        Text.count(run.replications(), "replication", "replications"),
        Text.moneyBasis(s),
        Arm.SIGN_RULE);
    String unit = o.money() ? " (£000s)" : "";
    out.printf(
        Locale.UK,
        "%s%s from %s at %s = %s to %s at %s = %s%n",
        o.name(),
        unit,
        show(r.atLow().mean(), o),
        vary,
        Numbers.readable(from),
        show(r.atHigh().mean(), o),
        vary,
        Numbers.readable(to));
    if (r.value().isPresent()) {
      out.printf(
          Locale.UK,
          "%s reaches %s at %s = %s%s%n",
          o.name(),
          show(goal, o),
          vary,
          Numbers.readable(r.value().get()),
          r.low().isPresent() && r.high().isPresent()
              ? " (95 % interval "
                  + Numbers.readable(r.low().get())
                  + " to "
                  + Numbers.readable(r.high().get())
                  + ", from the confidence interval of the output)"
              : " (the confidence interval of the output does not cross the target within the"
                  + " range at both ends: no interval)");
    } else {
      out.printf(
          Locale.UK,
          "No value of %s from %s to %s brings the mean %s to %s.%n",
          vary,
          Numbers.readable(from),
          Numbers.readable(to),
          o.name(),
          show(goal, o));
    }
    out.println(Text.count(r.evaluations(), "try", "tries") + " of the model.");
    timing.finish(out, folder);
    return 0;
  }

  private static String show(double v, Output o) {
    return o.money() ? Numbers.thousands(v) : Numbers.readable(v);
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
