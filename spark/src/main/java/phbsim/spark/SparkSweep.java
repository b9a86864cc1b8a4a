package phbsim.spark;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import phbsim.analysis.Sweep;
import phbsim.experiment.RunSpec;
import phbsim.runs.analyses.Subject;
import phbsim.runs.analyses.SweepAnalysis;
import phbsim.scenarios.BuiltInScenarios;
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
    Subject subject = SparkAnalyses.subject(job, scenario, option, spec);
    SweepAnalysis sweep =
        SparkAnalyses.checked(() -> SweepAnalysis.of(subject, vary, output, job.perReplication));
    return SparkAnalyses.run(
        subject,
        sweep,
        job,
        given,
        fault,
        spec,
        (record, spark, o) -> {
          Sweep.Result result = record.result();
          RunSpec run = record.run();
          o.printf(
              Locale.UK,
              "Sweep of %s, option %s, on Spark (%s): %d points, %,d replications each, seed %d%n",
              subject.scenario().name(),
              subject.option().id(),
              spark.master(),
              result.points().size(),
              run.replications(),
              run.masterSeed());
          // The same table as the command line's sweep prints, at the width of a printout.
          phbsim.writers.AnalysisText.sweep(
              o, result, sweep.crossing(), phbsim.writers.AppraisalText.DEFAULT_WIDTH);
          List<Sweep.Axis> axes = sweep.axes();
          for (Sweep.Crossing c : result.crossings()) {
            o.printf(
                Locale.UK,
                "  the mean of %s crosses zero at %s = %.4g%s%n",
                sweep.crossing().name(),
                axes.get(0).path(),
                c.value(),
                c.second().map(v -> " (with " + axes.get(1).path() + " = " + v + ")").orElse(""));
          }
        });
  }
}
