package phbsim.spark;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import phbsim.analysis.OneWaySensitivity;
import phbsim.analysis.ProbabilisticSensitivity;
import phbsim.runs.analyses.SensitivityAnalysis;
import phbsim.runs.analyses.Subject;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.writers.Text;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phbsim-spark sensitivity}: the command line's {@code sensitivity} as Spark jobs, one-way
 * settings and parameter draws each run as tasks of one replication (VariantTasks). The files are
 * those {@code phbsim sensitivity} writes, the same bytes for the same seed.
 */
@Command(
    name = "sensitivity",
    mixinStandardHelpOptions = true,
    description =
        "Which assumptions matter most, on Apache Spark: one-way (a tornado) and probabilistic"
            + " sensitivity (parameter draws), each setting or draw x replication a Spark task."
            + " The files are those of phbsim sensitivity, byte for byte for the same seed.",
    footer = {
      "",
      "Examples:",
      "  ./phbsim-spark sensitivity default --out psa",
      "  ./phbsim-spark sensitivity default --no-one-way --draws 5000 -r 5 --out psa",
      "",
      "One-way varies the parameters the scenario declares under uncertainty:, or if it",
      "declares none the assumptions of its budget programme; the probabilistic analysis",
      "runs when the scenario names distributions (or with --probabilistic).",
    })
final class SparkSensitivity implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      defaultValue = BuiltInScenarios.DEFAULT,
      description = "A scenario file (.yaml) or a built-in name. Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(
      names = "--option",
      paramLabel = "ID",
      description = "The option to analyse. Default: the scenario's first, as for phbsim.")
  String option;

  @Option(
      names = "--output",
      paramLabel = "NAME",
      defaultValue = "net_saving_cash",
      description = "The output to analyse, as for phbsim. Default: ${DEFAULT-VALUE}.")
  String output;

  @Option(
      names = "--probabilistic",
      negatable = true,
      description =
          "Run the probabilistic analysis. Default: when the scenario names distributions.")
  Boolean probabilisticChoice;

  @Option(names = "--no-one-way", description = "Skip the one-way analysis.")
  boolean noOneWay;

  @Option(
      names = "--draws",
      paramLabel = "D",
      defaultValue = "200",
      description = "Parameter draws for the probabilistic analysis. Default: ${DEFAULT-VALUE}.")
  int draws;

  @CommandLine.Mixin JobOptions job;

  /** A deliberate task failure, for tests of retries. */
  ReplicationTasks.Fault fault = ReplicationTasks.Fault.NONE;

  /** The Spark context to use instead of starting one (tests share one). */
  JavaSparkContext given;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    job.check();
    SparkAnalyses.checked(
        () -> {
          SensitivityAnalysis.checkChoice(noOneWay, probabilisticChoice, draws);
          return null;
        });
    // Everything about the input is checked here, on the driver, before Spark starts, with the
    // command line's words.
    Subject subject = SparkAnalyses.subject(job, scenario, option, spec);
    SensitivityAnalysis sensitivity =
        SparkAnalyses.checked(
            () ->
                SensitivityAnalysis.of(
                    subject, output, List.of(), noOneWay, probabilisticChoice, draws));
    return SparkAnalyses.run(
        subject,
        sensitivity,
        job,
        given,
        fault,
        spec,
        (record, spark, o) -> {
          OneWaySensitivity.Result oneWay = record.result().oneWay();
          ProbabilisticSensitivity.Result psa = record.result().probabilistic();
          o.printf(
              Locale.UK,
              "Sensitivity of %s for %s, option %s, on Spark (%s): %s%s%n",
              sensitivity.output().title(),
              subject.scenario().name(),
              subject.option().id(),
              spark.master(),
              oneWay == null ? "" : sensitivity.ranges().size() + " parameters one way; ",
              psa == null
                  ? "no parameter draws"
                  : Text.count(draws, "parameter draw", "parameter draws"));
          // The same tables as the command line's sensitivity prints, at a printout's width.
          int width = phbsim.writers.AppraisalText.DEFAULT_WIDTH;
          if (oneWay != null) {
            phbsim.writers.AnalysisText.oneWay(
                o,
                oneWay,
                (path, value) ->
                    phbsim.scenarios.Explain.priceOf(subject.scenario(), path, value)
                        .map(
                            n ->
                                new phbsim.writers.AnalysisText.Priced(
                                    n.year().label(), n.atBase(), n.base().label())),
                width);
          }
          if (psa != null) {
            phbsim.writers.AnalysisText.drivers(o, psa, width);
            o.printf(
                Locale.UK,
                "  over the draws: mean %.1f, middle 95 %% %.1f to %.1f%n",
                psa.distribution().mean(),
                psa.distribution().rangeLow(),
                psa.distribution().rangeHigh());
          }
        });
  }
}
