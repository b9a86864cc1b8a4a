package phbsim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import phbsim.experiment.OptionArm;
import phbsim.experiment.Progress;
import phbsim.runs.Output;
import phbsim.runs.PreparedRun;
import phbsim.runs.RunRecord;
import phbsim.runs.RunRequest;
import phbsim.runs.RunService;
import phbsim.world.CompiledScenario;
import phbsim.writers.AppraisalText;
import phbsim.writers.OutputFolder;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phbsim-spark compare}: the command line's {@code compare} as one Spark job: the arms
 * resolved exactly as the command line resolves them (ComparedArms), each replication a task of
 * every arm, the files those {@code phbsim compare} writes, the same bytes for the same seed.
 */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare two or more arms (a scenario file, a built-in, or SCENARIO:OPTION) against the"
            + " status quo of the first, on Apache Spark: each replication a task. The files are"
            + " those of phbsim compare, byte for byte for the same seed.",
    footer = {
      "",
      "Example:",
      "  ./phbsim-spark compare default:roll-out default:roll-out-release-post -r 1000 --out cmp",
    })
final class SparkCompare implements Callable<Integer> {
  @Parameters(
      arity = "2..*",
      paramLabel = "ARM",
      description = "A scenario file or built-in name, or SCENARIO:OPTION for a named option.")
  List<String> arms;

  @Option(
      names = "--precision",
      paramLabel = "POUNDS",
      defaultValue = "50000",
      description =
          "Half-width wanted for the cash net saving's interval. Default: ${DEFAULT-VALUE}.")
  double precision;

  @CommandLine.Mixin JobOptions job;

  /** A deliberate task failure, for tests of retries. */
  ReplicationTasks.Fault fault = ReplicationTasks.Fault.NONE;

  /** The Spark context to use instead of starting one (tests share one). */
  JavaSparkContext given;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** The first arm, for messages. */
  String first() {
    return arms == null || arms.isEmpty() ? "scenario" : arms.get(0);
  }

  @Override
  public Integer call() throws IOException {
    job.check();
    if (!(precision > 0)) {
      throw new SparkRun.Refused("--precision must be above 0 pounds, found " + precision);
    }
    // Everything about the input is checked here, on the driver, before Spark starts.
    SparkExecutor executor =
        new SparkExecutor(
            () -> given != null ? given : SparkRun.start("compare", job.master),
            job.partitions,
            fault);
    RunService service = new RunService(executor);
    PreparedRun prepared =
        service.prepare(
            RunRequest.compare(arms, job.overrides, job.settings(precision), SparkRun.who(spec)));
    JobOptions.refusePersonLevel(prepared.place(), "compare");
    for (OptionArm o : prepared.options()) {
      JobOptions.refusePersonLevel(o.scenario(), "compare");
    }
    new CompiledScenario(prepared.statusQuo());
    for (OptionArm o : prepared.options()) {
      new CompiledScenario(o.scenario());
    }
    Path folder = OutputFolder.throughLink(job.out);
    OutputFolder.check(folder, job.force, prepared.inputs());

    long started = System.nanoTime();
    JavaSparkContext spark = executor.spark();
    try {
      PrintWriter o = spec.commandLine().getOut();
      prepared.warnings().forEach(o::println);
      prepared.otherPlaces().forEach(o::println);
      RunRecord record = service.run(prepared, new Output(folder, job.force), Progress.NONE);
      String parquetAt = job.localParquet(spark, folder);
      o.printf(
          Locale.UK,
          "Compare on Spark (%s): %s against the status quo of %s, %,d replications, seed %d:"
              + " %,d events%n%n",
          spark.master(),
          String.join(", ", arms),
          arms.get(0),
          record.run().replications(),
          record.run().masterSeed(),
          record.events());
      AppraisalText.print(record.result(), o, precision);
      JobOptions.finish(o, parquetAt, folder, started);
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
    return 0;
  }
}
