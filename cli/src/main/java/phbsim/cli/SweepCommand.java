package phbsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import phbsim.analysis.Output;
import phbsim.analysis.Sweep;
import phbsim.cli.options.AnalysisOptions;
import phbsim.cli.options.OutputOptions;
import phbsim.cli.options.PerReplicationOption;
import phbsim.cli.options.ReplicationOptions;
import phbsim.cli.options.ScenarioOptions;
import phbsim.experiment.RunSpec;
import phbsim.report.Arm;
import phbsim.runs.analyses.AnalysisRecord;
import phbsim.runs.analyses.Subject;
import phbsim.runs.analyses.SweepAnalysis;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.writers.AnalysisText;
import phbsim.writers.Numbers;
import phbsim.writers.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phbsim sweep}: a grid over one or two parameters, on common random numbers. */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "Run a grid over one or two parameters, every point against its own status quo and every"
            + " point on the same random numbers: one row per point with its intervals, and where"
            + " the net saving crosses zero.",
    footer = {
      "",
      "Examples:",
      "  phbsim sweep default --vary budgets.rollout.marketSize=50:300:50",
      "  phbsim sweep default --vary segments[common].budget.crisisEffect=0.5,0.7,0.9 \\",
      "      --vary budgets.rollout.q=0.2,0.4",
      "",
      "Files written into phbsim-out/<scenario>-sweep-<date>-<time>:",
      "  sweep.csv, sweep_crossings.csv, scenario.yaml, run.json",
    })
final class SweepCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;

  @Option(
      names = "--vary",
      required = true,
      paramLabel = "PATH=VALUES",
      description =
          "A parameter and its values: path=v1,v2,... or path=from:to:step. Once or twice (a grid"
              + " over two).")
  List<String> vary = new ArrayList<>();

  @Mixin AnalysisOptions analysis;
  @Mixin ReplicationOptions replications;
  @Mixin OutputOptions output;
  @Mixin PerReplicationOption replicationRows;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Subject subject =
        AnalysisRun.subject(spec, scenario, analysis, replications, replicationRows.perReplication);
    Scenario s = subject.scenario();
    SweepAnalysis sweep;
    try {
      sweep =
          SweepAnalysis.of(subject, vary, analysis.outputName(), replicationRows.perReplication);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    AnalysisRun timing = new AnalysisRun();
    AnalysisRecord<Sweep.Result> record =
        timing.run("sweep", subject, sweep, spec, replications, output, ProgressReporter::cells);
    Sweep.Result result = record.result();
    RunSpec run = record.run();
    OptionSpec option = subject.option();
    Output crossing = sweep.crossing();
    List<Sweep.Axis> axes = sweep.axes();
    int points = sweep.points();
    // the prose wrapped within the width the tables are laid out in
    PrintWriter out =
        phbsim.writers.Prose.around(spec.commandLine().getOut(), PhbsimCommand.tableWidth(spec));
    out.printf(
        Locale.UK,
        "Sweep of %s, option %s: %s, %s each, seed %d%n%s.%n%s%n%n",
        s.name(),
        option.id(),
        Text.count(points, "point", "points"),
        Text.count(run.replications(), "replication", "replications"),
        run.masterSeed(),
        Text.moneyBasis(s),
        Arm.SIGN_RULE);
    // The output analysed (--output) first, then the net savings it is not, within the width.
    AnalysisText.sweep(out, result, crossing, PhbsimCommand.tableWidth(spec));
    out.println();
    if (result.crossings().isEmpty()) {
      out.println(
          "The mean of " + crossing.name() + " does not cross zero between the values tried.");
    } else {
      for (Sweep.Crossing c : result.crossings()) {
        out.println(
            "The mean of "
                + crossing.name()
                + " crosses zero at "
                + axes.get(0).path()
                + " = "
                + Numbers.readable(c.value())
                + c.second().map(v -> " (with " + axes.get(1).path() + " = " + v + ")").orElse("")
                + ", by interpolation between neighbouring points.");
      }
    }
    timing.finish(out, record.folder());
    return 0;
  }
}
