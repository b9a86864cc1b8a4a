package phbsim.cli;

import java.io.PrintWriter;
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
import phbsim.runs.analyses.AnalysisRecord;
import phbsim.runs.analyses.GoalSeekAnalysis;
import phbsim.runs.analyses.Subject;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
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
    Subject subject = AnalysisRun.subject(spec, scenario, analysis, replications, false);
    GoalSeekAnalysis seek =
        AnalysisRun.checked(() -> GoalSeekAnalysis.of(subject, target, vary, range, accuracy));
    AnalysisRun timing = new AnalysisRun();
    AnalysisRecord<GoalSeek.Result> record =
        timing.run("goal-seek", subject, seek, spec, replications, output, p -> p.evaluations(0));
    GoalSeek.Result r = record.result();
    Scenario s = subject.scenario();
    OptionSpec option = subject.option();
    RunSpec run = record.run();
    Output o = seek.output();
    double goal = seek.goal();
    double from = seek.from();
    double to = seek.to();
    // the prose wrapped within the width the tables are laid out in
    PrintWriter out =
        phbsim.writers.Prose.around(spec.commandLine().getOut(), PhbsimCommand.tableWidth(spec));
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
    timing.finish(out, record.folder());
    return 0;
  }

  private static String show(double v, Output o) {
    return o.money() ? Numbers.thousands(v) : Numbers.readable(v);
  }
}
