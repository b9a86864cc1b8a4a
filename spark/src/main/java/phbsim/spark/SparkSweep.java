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
import phbsim.analysis.Output;
import phbsim.analysis.Sweep;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.Explain;
import phbsim.scenarios.ScenarioLoader;
import phbsim.writers.AnalysisFiles;
import phbsim.writers.OutputFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phbsim-spark sweep}: the command line's {@code sweep} on Spark, each grid point x
 * replication a task (VariantTasks). The files are those {@code phbsim sweep} writes, the same
 * bytes for the same seed.
 */
@Command(
    name = "sweep",
    mixinStandardHelpOptions = true,
    description =
        "A grid over one or two parameters on Apache Spark, every point against its own status quo"
            + " on the same random numbers, each point x replication a Spark task. The files are"
            + " those of phbsim sweep, byte for byte for the same seed.",
    footer = {
      "",
      "Example:",
      "  ./phbsim-spark sweep default --vary budgets.rollout.marketSize=50:300:50 -r 200 --out s",
    })
final class SparkSweep implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      defaultValue = BuiltInScenarios.DEFAULT,
      description = "A scenario file (.yaml) or a built-in name. Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(
      names = "--vary",
      paramLabel = "PATH=VALUES",
      required = true,
      description =
          "A parameter and its values: path=v1,v2,... or path=from:to:step. Once or twice.")
  List<String> vary = new ArrayList<>();

  @Option(
      names = "--option",
      paramLabel = "ID",
      description = "The option to analyse. Default: the scenario's first, as for phbsim.")
  String option;

  @Option(
      names = "--output",
      paramLabel = "NAME",
      defaultValue = "net_saving_cash",
      description = "The output whose zero crossing is found. Default: ${DEFAULT-VALUE}.")
  String output;

  @CommandLine.Mixin JobOptions job;

  /** A deliberate task failure, for tests of retries. */
  ReplicationTasks.Fault fault = ReplicationTasks.Fault.NONE;

  /** The Spark context to use instead of starting one (tests share one). */
  JavaSparkContext given;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws IOException {
    job.check();
    if (vary.size() > 2) {
      throw new SparkRun.Refused("--vary may be given once or twice, found " + vary.size());
    }
    Scenario s = BuiltInScenarios.fileOrBuiltIn(scenario, job.overrides);
    if (s.startingPopulation() != null) {
      throw new SparkRun.Refused(
          "phbsim-spark does not run scenarios whose starting population comes from a person-level"
              + " file; run phbsim sweep on the machine that holds the file");
    }
    List<Sweep.Axis> axes = new ArrayList<>();
    Output crossing;
    OptionSpec chosen;
    try {
      for (String v : vary) {
        Sweep.Axis axis = Sweep.Axis.parse(v);
        ScenarioLoader.editor().number(s, axis.path()); // names a path that leads nowhere
        axes.add(axis);
      }
      crossing = Output.parse(output);
      chosen = s.analysedOption(option);
    } catch (IllegalArgumentException e) {
      throw new SparkRun.Refused("--vary " + e.getMessage());
    }
    Path folder = job.out.toAbsolutePath().normalize();
    Path file = Path.of(scenario);
    OutputFolder.check(folder, job.force, Files.isRegularFile(file) ? List.of(file) : List.of());

    RunSpec run = job.run();
    long started = System.nanoTime();
    JavaSparkContext spark = given != null ? given : SparkRun.start(s.name(), job.master);
    try {
      int slices = job.partitions != null ? job.partitions : spark.defaultParallelism();
      Sweep.Result result =
          Sweep.run(
              s,
              chosen,
              ScenarioLoader.editor(),
              axes,
              run,
              Progress.NONE,
              crossing,
              VariantTasks.runner(spark, slices, fault));
      Map<String, Object> describe =
          AnalysisFiles.describe(scenario, job.overrides, chosen.id(), "vary", vary);
      String text = BuiltInScenarios.textOfFileOrBuiltIn(scenario);
      AnalysisFiles.sweep(
              folder,
              result,
              crossing,
              false,
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
          "Sweep of %s, option %s, on Spark (%s): %d points, %,d replications each, seed %d%n",
          s.name(),
          chosen.id(),
          spark.master(),
          result.points().size(),
          run.replications(),
          run.masterSeed());
      for (Sweep.Crossing c : result.crossings()) {
        o.printf(
            Locale.UK,
            "  the mean of %s crosses zero at %s = %.4g%s%n",
            crossing.name(),
            axes.get(0).path(),
            c.value(),
            c.second().map(v -> " (with " + axes.get(1).path() + " = " + v + ")").orElse(""));
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
