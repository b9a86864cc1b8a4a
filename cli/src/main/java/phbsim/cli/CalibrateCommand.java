package phbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import phbsim.analysis.Calibration;
import phbsim.cli.options.AnalysisOptions;
import phbsim.cli.options.OutputOptions;
import phbsim.cli.options.ReplicationOptions;
import phbsim.cli.options.ScenarioOptions;
import phbsim.experiment.RunSpec;
import phbsim.report.Arm;
import phbsim.runs.analyses.AnalysisRecord;
import phbsim.runs.analyses.CalibrationAnalysis;
import phbsim.runs.analyses.Subject;
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

/** {@code phbsim calibrate}: fit parameters so that outputs hit targets. */
@Command(
    name = "calibrate",
    mixinStandardHelpOptions = true,
    description =
        "Fit the parameters a targets file names, within their bounds, so that the outputs it names"
            + " hit their targets: the sum of squared residuals over tolerances, minimised with a"
            + " Commons Math optimiser (Brent for one parameter, BOBYQA for several), every"
            + " evaluation on the same random numbers. Reports the fitted values, the residuals,"
            + " whether it converged and how many evaluations it took, and writes the fitted"
            + " scenario (the file's own text, the fitted values written in) so that it can be run.",
    footer = {
      "",
      "Example:",
      "  phbsim calibrate default --targets my-targets.yaml -r 20",
      "",
      "The targets file: see the options above and docs/calibration/.",
      "",
      "Files written into phbsim-out/<scenario>-calibrate-<date>-<time>:",
      "  calibration.csv, fitted.yaml, scenario.yaml, run.json",
    })
final class CalibrateCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;

  @Option(
      names = "--targets",
      required = true,
      paramLabel = "FILE",
      description =
          "The targets file (YAML): parameters with low and high, targets with tolerances.")
  Path targets;

  @Option(
      names = "--max-evaluations",
      paramLabel = "N",
      defaultValue = "200",
      description = "At most this many runs of the model. Default: ${DEFAULT-VALUE}.")
  int maxEvaluations;

  @Mixin AnalysisOptions analysis;
  @Mixin ReplicationOptions replications;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (maxEvaluations < 3) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--max-evaluations must be at least 3, found " + maxEvaluations);
    }
    Subject subject = AnalysisRun.subject(spec, scenario, analysis, replications, false);
    CalibrationAnalysis calibration =
        AnalysisRun.checked(() -> CalibrationAnalysis.of(subject, targets, maxEvaluations));
    AnalysisRun timing = new AnalysisRun();
    AnalysisRecord<CalibrationAnalysis.Fitted> record =
        timing.run(
            "calibrate",
            subject,
            calibration,
            spec,
            replications,
            output,
            p -> p.evaluations(maxEvaluations));
    Calibration.Result r = record.result().result();
    Scenario s = subject.scenario();
    OptionSpec option = subject.option();
    RunSpec run = record.run();
    List<String> notWritten = record.result().notWritten();
    // the prose wrapped within the width the tables are laid out in
    PrintWriter out =
        phbsim.writers.Prose.around(spec.commandLine().getOut(), PhbsimCommand.tableWidth(spec));
    out.printf(
        Locale.UK,
        "Calibration of %s, option %s, %s an evaluation%n%s.%n%s%n%n",
        s.name(),
        option.id(),
        Text.count(run.replications(), "replication", "replications"),
        Text.moneyBasis(s),
        Arm.SIGN_RULE);
    int width = PhbsimCommand.tableWidth(spec);
    AnalysisText.fitted(out, r, width);
    out.println();
    AnalysisText.targets(out, r, width);
    out.println();
    out.printf(
        Locale.UK,
        "%s after %s (objective %s: the sum of squared residuals over tolerances).%n",
        r.converged()
            ? "Converged"
            : r.optimiserConverged()
                ? "Not converged: the optimiser stopped, but not every target is within tolerance"
                : "Not converged: the optimiser ran out of evaluations (--max-evaluations)",
        Text.count(r.evaluations(), "evaluation", "evaluations"),
        Numbers.significant(r.objective()));
    if (notWritten.isEmpty()) {
      out.println(
          "The fitted scenario is fitted.yaml in the output folder: run it as it is with phbsim"
              + " run (it holds the fitted values and any other --set it was fitted with).");
    } else {
      out.println(
          "The fitted scenario is fitted.yaml in the output folder. It holds the fitted values;"
              + " these --set overrides name values the file does not write, so give them again"
              + " when you run it: "
              + String.join(" ", notWritten.stream().map(o -> "--set " + o).toList())
              + ".");
    }
    timing.finish(out, record.folder());
    return r.converged() ? 0 : UserError.EXIT_CODE;
  }
}
