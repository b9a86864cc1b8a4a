package phbsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import phbsim.analysis.OneWaySensitivity;
import phbsim.analysis.Output;
import phbsim.analysis.ProbabilisticSensitivity;
import phbsim.analysis.Ranges;
import phbsim.cli.options.AnalysisOptions;
import phbsim.cli.options.OutputOptions;
import phbsim.cli.options.ReplicationOptions;
import phbsim.cli.options.ScenarioOptions;
import phbsim.experiment.RunSpec;
import phbsim.report.Arm;
import phbsim.runs.analyses.AnalysisRecord;
import phbsim.runs.analyses.SensitivityAnalysis;
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

/** {@code phbsim sensitivity}: one-way (a tornado) and probabilistic sensitivity. */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description =
        "Which assumptions matter most. One-way: each parameter at its low and its high value"
            + " (declared under uncertainty: in the scenario, or 25 %% either side by the stated"
            + " rule), ranked by the swing of the output: the data of a tornado chart."
            + " Probabilistic: parameters drawn from the distributions the scenario names,"
            + " --draws of them, each run for -r replications: the distribution of the output, the"
            + " probability of a saving by each year, and which parameters drive it.",
    footer = {
      "",
      "Examples:",
      "  phbsim sensitivity default",
      "  phbsim sensitivity default --parameter segments[common].budget.crisisEffect",
      "  phbsim sensitivity default --probabilistic --draws 1000 -r 5",
      "",
      "Without --parameter, one-way varies the parameters the scenario declares under"
          + " uncertainty:, or if it declares none the assumptions of its budget programme. The"
          + " probabilistic analysis runs when the scenario names distributions under uncertainty:"
          + " (or with --probabilistic).",
      "",
      "Files written into phbsim-out/<scenario>-sensitivity-<date>-<time>:",
      "  tornado.csv, scenario.yaml, run.json; and psa_draws.csv, psa_summary.csv when the",
      "  probabilistic analysis runs",
    })
final class SensitivityCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;

  @Option(
      names = "--parameter",
      paramLabel = "PATH",
      description = "A parameter for one-way sensitivity. Repeatable. Default: see below.")
  List<String> parameters = new ArrayList<>();

  @Option(
      names = "--probabilistic",
      negatable = true,
      description =
          "Run the probabilistic analysis. Default: when the scenario names distributions under"
              + " uncertainty:. --no-probabilistic skips it.")
  Boolean probabilisticChoice;

  @Option(
      names = "--no-one-way",
      description = "Skip the one-way analysis (run the probabilistic one only).")
  boolean noOneWay;

  @Option(
      names = "--draws",
      paramLabel = "D",
      defaultValue = "200",
      description =
          "Parameter draws for the probabilistic analysis (each run for -r replications; draws"
              + " are not replications). Default: ${DEFAULT-VALUE}.")
  int draws;

  @Mixin AnalysisOptions analysis;
  @Mixin ReplicationOptions replications;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    try {
      SensitivityAnalysis.checkChoice(noOneWay, probabilisticChoice, draws);
    } catch (IllegalArgumentException e) {
      throw new picocli.CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
    Subject subject = AnalysisRun.subject(spec, scenario, analysis, replications, false);
    SensitivityAnalysis sensitivity =
        AnalysisRun.checked(
            () ->
                SensitivityAnalysis.of(
                    subject,
                    analysis.outputName(),
                    parameters,
                    noOneWay,
                    probabilisticChoice,
                    draws));
    AnalysisRun timing = new AnalysisRun();
    AnalysisRecord<SensitivityAnalysis.Result> record =
        timing.run(
            "sensitivity",
            subject,
            sensitivity,
            spec,
            replications,
            output,
            ProgressReporter::cells);
    Scenario s = subject.scenario();
    OptionSpec option = subject.option();
    Output output0 = sensitivity.output();
    OneWaySensitivity.Result ow = record.result().oneWay();
    ProbabilisticSensitivity.Result ps = record.result().probabilistic();
    RunSpec run = record.run();
    // the prose wrapped within the width the tables are laid out in
    PrintWriter out =
        phbsim.writers.Prose.around(spec.commandLine().getOut(), PhbsimCommand.tableWidth(spec));
    out.printf(
        Locale.UK,
        "Sensitivity of %s for %s, option %s%n%s.%n%s%n%s%n%n",
        output0.title(),
        s.name(),
        option.id(),
        Text.moneyBasis(s),
        Arm.SIGN_RULE,
        output0.name().equals(AnalysisOptions.DEFAULT_OUTPUT)
            ? "Output: the cash net saving, the default, since the first question a board asks of"
                + " an option is the cash it must find or can release; --output"
                + " net_saving_economic for the economic position."
            : "Output: "
                + output0.name()
                + ", as --output asked (the default is the cash net"
                + " saving).");
    if (ow != null) {
      printOneWay(out, ow, run, s, PhbsimCommand.tableWidth(spec));
    }
    if (ps != null) {
      printProbabilistic(out, ps, s, PhbsimCommand.tableWidth(spec));
    }
    timing.finish(out, record.folder());
    return 0;
  }

  private static String value(double v, boolean money) {
    return money ? Numbers.thousands(v) : Numbers.readable(v);
  }

  private static void printOneWay(
      PrintWriter out, OneWaySensitivity.Result r, RunSpec run, Scenario s, int width) {
    boolean money = r.output().money();
    out.printf(
        Locale.UK,
        "One-way, %s each setting; %s with every parameter at its value: %s%s%n",
        Text.count(run.replications(), "replication", "replications"),
        r.output().name(),
        value(r.base().mean(), money),
        money ? " (£000s)" : "");
    AnalysisText.OneWayPrinted printed =
        AnalysisText.oneWay(
            out,
            r,
            (path, value) ->
                phbsim.scenarios.Explain.priceOf(s, path, value)
                    .map(
                        n ->
                            new AnalysisText.Priced(
                                n.year().label(), n.atBase(), n.base().label())),
            width);
    String base = printed.base();
    boolean noise = printed.noise();
    out.println(
        "Ranges: as declared under uncertainty:, or "
            + Ranges.RULE.substring(6)
            + " (tornado.csv"
            + " gives each range's source). A price's range is in its own price year (price yr),"
            + " and at the price base"
            + (base.isEmpty() ? "" : ", " + base)
            + ", beside it.");
    if (noise) {
      out.println(
          "~ the swing cannot be told from the noise of "
              + Text.count(run.replications(), "replication", "replications")
              + ": the 95 % confidence interval of its change (high minus low, on the same random"
              + " numbers) includes 0, so its rank may be chance; run more replications.");
    }
    out.println();
  }

  private static void printProbabilistic(
      PrintWriter out, ProbabilisticSensitivity.Result r, Scenario s, int width) {
    boolean money = r.output().money();
    double[] sorted = r.outputPerDraw().clone();
    java.util.Arrays.sort(sorted);
    out.printf(
        Locale.UK,
        "Probabilistic, %s of %s, each the mean of its replications:%n",
        Text.count(r.draws().size(), "parameter draw", "parameter draws"),
        Text.count(r.parameters().size(), "parameter", "parameters"));
    out.printf(
        Locale.UK,
        "  %s: mean %s%s; 95 %% of draws between %s and %s%n",
        r.output().name(),
        value(r.distribution().mean(), money),
        money ? " (£000s)" : "",
        value(percentile(sorted, 0.025), money),
        value(percentile(sorted, 0.975), money));
    var years = new phbsim.world.CompiledScenario(s.withoutOptions()).calendar().financialYears();
    StringBuilder p = new StringBuilder("  probability of a cumulative cash saving by the end of:");
    for (int y = 0; y < r.probabilityOfSaving().length; y++) {
      p.append(' ')
          .append(years.get(y).label())
          .append(' ')
          .append(Text.share(r.probabilityOfSaving()[y]))
          .append(y + 1 < r.probabilityOfSaving().length ? ";" : "");
    }
    out.println(p);
    out.println("  what drives it (partial rank correlation with the output):");
    boolean anyNoise = AnalysisText.drivers(out, r, width);
    if (anyNoise) {
      out.println(
          "  ~ not told apart from no correlation at the 5 % level with "
              + Text.count(r.draws().size(), "draw", "draws")
              + " (the t test of a partial correlation): its place in the order may be chance.");
    }
    out.println();
  }

  private static double percentile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
