package phbsim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ComparedArms;
import phbsim.scenarios.Explain;
import phbsim.world.CompiledScenario;
import phbsim.writers.AppraisalFiles;
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
    ComparedArms compared;
    try {
      compared = ComparedArms.of(arms, job.overrides);
    } catch (ComparedArms.UnknownArm e) {
      throw new SparkRun.Refused(e.getMessage());
    }
    JobOptions.refusePersonLevel(compared.place(), "compare");
    for (OptionArm o : compared.options()) {
      JobOptions.refusePersonLevel(o.scenario(), "compare");
    }
    new CompiledScenario(compared.statusQuo());
    for (OptionArm o : compared.options()) {
      new CompiledScenario(o.scenario());
    }
    Path folder = OutputFolder.throughLink(job.out);
    OutputFolder.check(folder, job.force, compared.inputs());

    RunSpec run = job.run();
    long started = System.nanoTime();
    JavaSparkContext spark = given != null ? given : SparkRun.start("compare", job.master);
    try {
      int slices = job.partitions != null ? job.partitions : spark.defaultParallelism();
      PrintWriter o = spec.commandLine().getOut();
      compared.warnings().forEach(o::println);
      compared.otherPlacesText().forEach(o::println);
      AppraisalResult result =
          ReplicationTasks.appraisal(
              spark, compared.statusQuo(), compared.options(), run, 0, slices, fault);
      String text = BuiltInScenarios.textOfFileOrBuiltIn(compared.firstSource());
      phbsim.report.Release<AppraisalResult> released = phbsim.report.Disclosure.release(result);
      AppraisalFiles.withWorkbookAndReport(
              AppraisalFiles.of(
                  folder, released, compared.place(), run, precision, false, compared.describe()),
              released,
              compared.place(),
              Explain.assumptions(compared.firstSource(), text, compared.place()),
              SparkRun.runInfo(spec, run, compared.texts()))
          .replacing(job.force)
          .commit();
      String parquetAt = job.localParquet(spark, folder);
      o.printf(
          Locale.UK,
          "Compare on Spark (%s): %s against the status quo of %s, %,d replications, seed %d:"
              + " %,d events%n%n",
          spark.master(),
          String.join(", ", arms),
          arms.get(0),
          run.replications(),
          run.masterSeed(),
          result.events());
      AppraisalText.print(released, o, precision);
      JobOptions.finish(o, parquetAt, folder, started);
    } finally {
      if (given == null) {
        spark.stop();
      }
    }
    return 0;
  }
}
