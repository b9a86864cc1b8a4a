package phbsim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import phbsim.analysis.OneWaySensitivity;
import phbsim.analysis.Output;
import phbsim.analysis.ProbabilisticSensitivity;
import phbsim.analysis.Ranges;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.Explain;
import phbsim.scenarios.ScenarioLoader;
import phbsim.writers.AnalysisFiles;
import phbsim.writers.OutputFolder;
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
    if (noOneWay && Boolean.FALSE.equals(probabilisticChoice)) {
      throw new SparkRun.Refused("--no-one-way with --no-probabilistic leaves nothing to do");
    }
    if (draws < 1) {
      throw new SparkRun.Refused("--draws must be at least 1, found " + draws);
    }
    // Everything about the input is checked here, on the driver, before Spark starts, with the
    // command line's words.
    Scenario s = BuiltInScenarios.fileOrBuiltIn(scenario, job.overrides);
    if (s.startingPopulation() != null) {
      throw new SparkRun.Refused(
          "phbsim-spark does not run scenarios whose starting population comes from a person-level"
              + " file; run phbsim sensitivity on the machine that holds the file");
    }
    ScenarioEditor editor = ScenarioLoader.editor();
    Output out0;
    OptionSpec chosen;
    List<Ranges.Range> ranges = new ArrayList<>();
    List<ProbabilisticSensitivity.Uncertain> uncertain = List.of();
    boolean probabilistic;
    try {
      out0 = Output.parse(output);
      chosen = s.analysedOption(option);
      if (!noOneWay) {
        for (String p : Ranges.defaultParameters(s)) {
          ranges.add(Ranges.of(s, editor, p));
        }
      }
      if (!Boolean.FALSE.equals(probabilisticChoice)) {
        uncertain = ProbabilisticSensitivity.declared(s, editor);
      }
      probabilistic =
          Boolean.TRUE.equals(probabilisticChoice)
              || (probabilisticChoice == null && !uncertain.isEmpty());
      if (probabilistic && (uncertain.isEmpty() || draws < uncertain.size() + 3)) {
        throw new IllegalArgumentException(
            uncertain.isEmpty()
                ? scenario
                    + " declares no distribution under uncertainty:; expected entries with a"
                    + " distribution for --probabilistic"
                : "--draws "
                    + draws
                    + " is too few for "
                    + Text.count(uncertain.size(), "parameter", "parameters")
                    + "; expected at least "
                    + (uncertain.size() + 3));
      }
      if (noOneWay && !probabilistic) {
        throw new IllegalArgumentException(
            scenario
                + " declares no distribution under uncertainty:, so --no-one-way leaves"
                + " nothing to do");
      }
    } catch (IllegalArgumentException e) {
      throw new SparkRun.Refused(e.getMessage());
    }
    Path folder = OutputFolder.throughLink(job.out);
    Path file = Path.of(scenario);
    OutputFolder.check(folder, job.force, Files.isRegularFile(file) ? List.of(file) : List.of());

    RunSpec run = job.run();
    long started = System.nanoTime();
    JavaSparkContext spark = given != null ? given : SparkRun.start(s.name(), job.master);
    try {
      int slices = job.partitions != null ? job.partitions : spark.defaultParallelism();
      var runner = VariantTasks.runner(spark, slices, fault);
      OneWaySensitivity.Result oneWay =
          ranges.isEmpty()
              ? null
              : OneWaySensitivity.run(s, chosen, editor, ranges, out0, run, Progress.NONE, runner);
      ProbabilisticSensitivity.Result psa =
          probabilistic
              ? ProbabilisticSensitivity.run(
                  s, chosen, editor, uncertain, draws, out0, run, Progress.NONE, runner)
              : null;
      Map<String, Object> describe =
          AnalysisFiles.describe(
              scenario,
              job.overrides,
              chosen.id(),
              "output",
              out0.name(),
              "draws",
              probabilistic ? draws : 0);
      String text = BuiltInScenarios.textOfFileOrBuiltIn(scenario);
      AnalysisFiles.of(
              folder,
              oneWay,
              psa,
              s,
              run,
              describe,
              Explain.assumptions(scenario, text, s),
              SparkRun.runInfo(spec, run, List.of(text)))
          .replacing(job.force)
          .commit();
      String parquetAt = job.localParquet(spark, folder);
      PrintWriter o = spec.commandLine().getOut();
      o.printf(
          Locale.UK,
          "Sensitivity of %s for %s, option %s, on Spark (%s): %s%s%n",
          out0.title(),
          s.name(),
          chosen.id(),
          spark.master(),
          oneWay == null ? "" : ranges.size() + " parameters one way; ",
          psa == null
              ? "no parameter draws"
              : Text.count(draws, "parameter draw", "parameter draws"));
      if (psa != null) {
        o.printf(
            Locale.UK,
            "  over the draws: mean %.1f, middle 95 %% %.1f to %.1f%n",
            psa.distribution().mean(),
            psa.distribution().rangeLow(),
            psa.distribution().rangeHigh());
      }
      JobOptions.finish(o, parquetAt, folder, started);
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
    return 0;
  }
}
