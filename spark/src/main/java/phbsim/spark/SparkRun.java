package phbsim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import phbsim.analysis.Areas;
import phbsim.experiment.OptionArm;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.runs.Output;
import phbsim.runs.PreparedRun;
import phbsim.runs.RunRecord;
import phbsim.runs.RunRequest;
import phbsim.runs.RunService;
import phbsim.runs.ScenarioSource;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioException;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoadException;
import phbsim.scenarios.ScenarioLoader;
import phbsim.world.CompiledScenario;
import phbsim.writers.AppraisalText;
import phbsim.writers.AreasText;
import phbsim.writers.OutputFolder;
import phbsim.writers.Text;
import phbsim.writers.Workbooks;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code phbsim-spark run}: the command line's {@code run} as one Spark job. The scenario is read
 * and checked on the driver before Spark starts; the replications run as tasks; the files are those
 * {@code phbsim run} writes, the same bytes for the same seed, and the tidy tables again as
 * Parquet.
 */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run a scenario on Apache Spark: every option against its status quo (and every area of"
            + " a scenario of areas), each replication a Spark task. The files written are those"
            + " of phbsim run, byte for byte for the same seed, with the tidy tables also as"
            + " Parquet.",
    footer = {
      "",
      "The Spark master comes from spark-submit, from --master, or from the launcher",
      "(./phbsim-spark runs in Spark local mode on every core); it is never built in.",
      "",
      "Examples:",
      "  ./phbsim-spark run default -r 1000",
      "  spark-submit --master yarn phbsim-spark-job.jar run my-area.yaml -r 1000 --out results",
    })
public final class SparkRun implements Callable<Integer> {
  /** The exit code of a mistake in the input, as the command line's. */
  static final int USER_ERROR = 1;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      defaultValue = BuiltInScenarios.DEFAULT,
      description = "A scenario file (.yaml) or a built-in name. Default: ${DEFAULT-VALUE}.")
  String scenario;

  @Option(
      names = "--precision",
      paramLabel = "POUNDS",
      defaultValue = "50000",
      description =
          "Half-width wanted for the 95 %% interval of the cash net saving, as for phbsim run."
              + " Default: ${DEFAULT-VALUE}.")
  double precision;

  @Option(
      names = "--parquet-to",
      paramLabel = "URI",
      description =
          "Where the Parquet tables go: a folder every executor can write to, such as"
              + " hdfs:///phbsim/run1. Default: OUT/parquet in Spark local mode; on a cluster,"
              + " none unless given.")
  String parquetTo;

  @CommandLine.Mixin JobOptions job;

  /** A deliberate task failure, for tests of retries. */
  ReplicationTasks.Fault fault = ReplicationTasks.Fault.NONE;

  /** The Spark context to use instead of starting one (tests share one). */
  JavaSparkContext given;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  public static void main(String[] args) {
    System.exit(commandLine(new SparkRun()).execute(args));
  }

  /** The command line of {@code command}, with phbsim's handling of input mistakes. */
  static CommandLine commandLine(SparkRun command) {
    return commandLine(command, new SparkCompare(), new SparkSensitivity(), new SparkSweep());
  }

  /** As above, with the other commands given too (tests share a Spark context). */
  static CommandLine commandLine(
      SparkRun command, SparkCompare compare, SparkSensitivity sensitivity, SparkSweep sweep) {
    CommandLine run = new CommandLine(command);
    CommandLine cl =
        new CommandLine(new Top())
            .addSubcommand("run", run)
            .addSubcommand("compare", new CommandLine(compare))
            .addSubcommand("sensitivity", new CommandLine(sensitivity))
            .addSubcommand("sweep", new CommandLine(sweep));
    cl.setExecutionExceptionHandler(SparkRun::handle);
    return cl;
  }

  /** The top command: phbsim-spark. */
  @Command(
      name = "phbsim-spark",
      mixinStandardHelpOptions = true,
      description = "phbsim on Apache Spark.",
      subcommands = CommandLine.HelpCommand.class)
  static final class Top implements Runnable {
    @CommandLine.Spec CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
      spec.commandLine().usage(spec.commandLine().getErr());
    }
  }

  /** A mistake in the input gets its message, as phbsim validate words it; never a trace. */
  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
    PrintWriter err = cl.getErr();
    String name =
        cl.getCommand() instanceof SparkRun r
            ? r.scenario
            : cl.getCommand() instanceof SparkSensitivity p
                ? p.scenario
                : cl.getCommand() instanceof SparkCompare c
                    ? c.first()
                    : cl.getCommand() instanceof SparkSweep w ? w.scenario : "scenario";
    if (e instanceof ScenarioLoadException load) {
      Text.problems(err, name, load.problems());
    } else if (e instanceof ScenarioException bad) {
      Text.problems(err, name, bad.problems());
    } else if (e instanceof OutputFolder.Refused
        || e instanceof Refused
        || e instanceof phbsim.runs.RunRefused) {
      err.println(e.getMessage());
    } else {
      throw new IllegalStateException(e);
    }
    err.flush();
    return USER_ERROR;
  }

  /** A refusal with a message for the user. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  @Override
  public Integer call() throws IOException {
    job.check();
    if (!(precision > 0)) {
      throw new Refused("--precision must be above 0 pounds, found " + precision);
    }
    // Everything about the input is checked here, on the driver, before Spark starts.
    String[] appName = {scenario};
    SparkExecutor executor =
        new SparkExecutor(
            () -> given != null ? given : start(appName[0], job.master), job.partitions, fault);
    RunService service = new RunService(executor);
    PreparedRun prepared =
        service.prepare(
            RunRequest.run(
                ScenarioSource.named(scenario), job.overrides, job.settings(precision), who()));
    appName[0] = prepared.place().name();
    JobOptions.refusePersonLevel(prepared.place(), "run");
    Path folder = OutputFolder.throughLink(job.out);
    OutputFolder.check(folder, job.force, prepared.inputs());
    if (prepared.areas().isEmpty()) {
      compile(prepared.statusQuo(), prepared.options());
    } else {
      for (Areas.Area a : prepared.areas()) {
        compile(a.place().statusQuo(), ScenarioLoader.options(a.place()));
      }
    }
    long started = System.nanoTime();
    JavaSparkContext spark = executor.spark();
    TaskTime tasks = new TaskTime();
    spark.sc().addSparkListener(tasks);
    try {
      RunRecord record = service.run(prepared, new Output(folder, job.force), Progress.NONE);
      long simulated = record.ofAreas() ? 0 : record.simulatedAt();
      PrintWriter outText = spec.commandLine().getOut();
      String parquetAt = parquet(spark, folder, "");
      Scenario s = record.scenario();
      RunSpec run = record.run();
      if (!record.ofAreas()) {
        outText.printf(
            Locale.UK,
            "%s on Spark (%s, %d tasks per arm): %s, seed %d: %,d events%n%n",
            s.name(),
            spark.master(),
            executor.partitions(),
            Text.count(run.replications(), "replication", "replications"),
            run.masterSeed(),
            record.events());
        AppraisalText.print(record.result(), outText, precision);
      } else {
        for (Areas.Area a : record.areaList()) {
          parquet(spark, folder, "areas/" + a.id() + "/");
        }
        outText.printf(
            Locale.UK,
            "%s on Spark (%s): %s, %s, seed %d%n%n",
            s.name(),
            spark.master(),
            Text.count(record.areaList().size(), "area", "areas"),
            Text.count(run.replications(), "replication", "replications"),
            run.masterSeed());
        AreasText.print(record.areas(), s, outText);
      }
      long end = System.nanoTime();
      long sparkReady = Math.max(started, executor.readyAt());
      parquetNote(outText, parquetAt);
      outText.printf(
          Locale.UK,
          "Written to %s%nDone in %.1f s (%.1f s starting Spark%s); the tasks ran %.1f s in"
              + " all.%n",
          folder,
          (end - started) / 1e9,
          (sparkReady - started) / 1e9,
          simulated == 0
              ? ""
              : String.format(
                  Locale.UK,
                  ", %.1f s simulating, %.1f s summarising and writing",
                  (simulated - sparkReady) / 1e9,
                  (end - simulated) / 1e9),
          tasks.seconds());
      outText.flush();
    } finally {
      spark.sc().removeSparkListener(tasks);
      if (given == null) {
        spark.stop();
      }
    }
    return 0;
  }

  /** Who asks the run service: phbsim-spark and the arguments as given. */
  private phbsim.runs.Invocation who() {
    return who(spec);
  }

  /** How a Spark command asks the run service: the build's version and commit (BuildInfo). */
  static phbsim.runs.Invocation who(CommandLine.Model.CommandSpec spec) {
    return new phbsim.runs.Invocation(
        "phbsim-spark",
        phbsim.runs.BuildInfo.version(),
        phbsim.runs.BuildInfo.commit(),
        phbsim.runs.BuildInfo.dirty(),
        phbsim.runs.Invocation.commandLine(
            "phbsim-spark", spec.commandLine().getParseResult().originalArgs()));
  }

  /** Compiles every arm: a scenario error surfaces here, on the driver, before any task. */
  private static void compile(Scenario statusQuo, List<OptionArm> options) {
    new CompiledScenario(statusQuo);
    for (OptionArm o : options) {
      new CompiledScenario(o.scenario());
    }
  }

  /** How a Spark command was run, for a workbook's Run sheet. */
  static Workbooks.RunInfo runInfo(
      CommandLine.Model.CommandSpec spec, RunSpec run, List<String> scenarioTexts) {
    return phbsim.runs.RunInfos.runInfo(who(spec), run, scenarioTexts);
  }

  /** Starts Spark with the master given by spark-submit, -Dspark.master or --master. */
  static JavaSparkContext start(String name, String master) {
    SparkConf conf = new SparkConf().setAppName("phbsim " + name);
    if (master != null) {
      conf.setMaster(master);
    }
    if (!conf.contains("spark.master")) {
      throw new Refused(
          "No Spark master: run with spark-submit, give --master (such as local[*]), or use the"
              + " ./phbsim-spark launcher");
    }
    if (!conf.contains("spark.driver.maxResultSize")) {
      // Every replication comes back to the driver, as in the command line (about 0.4 MB each for
      // the default scenario); the driver's memory is the limit, not Spark's 1 GB default.
      conf.set("spark.driver.maxResultSize", "0");
    }
    return JavaSparkContext.fromSparkContext(
        SparkSession.builder().config(conf).getOrCreate().sparkContext());
  }

  /**
   * The tidy tables of {@code prefix} again as Parquet: under --parquet-to, or OUT/parquet in local
   * mode (on a cluster the executors could not reach the driver's folder).
   *
   * @return where they went, or null if nowhere
   */
  private String parquet(JavaSparkContext spark, Path folder, String prefix) throws IOException {
    String to = parquetTarget(spark, folder);
    if (to != null) {
      ParquetTables.write(
          SparkSession.builder().sparkContext(spark.sc()).getOrCreate(), folder, prefix, to);
    }
    return to;
  }

  /** Where the Parquet tables go, or null if nowhere (as {@link #parquet}). */
  private String parquetTarget(JavaSparkContext spark, Path folder) {
    if (job.noParquet) {
      return null;
    }
    return parquetTo != null
        ? parquetTo
        : spark.isLocal() ? folder.resolve("parquet").toUri().toString() : null;
  }

  /** Says where the Parquet tables went, or why there are none. */
  private void parquetNote(PrintWriter out, String to) {
    if (to != null) {
      out.println("Parquet tables in " + to);
    } else if (!job.noParquet) {
      out.println(
          "No Parquet tables: on a cluster, give --parquet-to a folder every executor can"
              + " write to (hdfs://, s3a://...).");
    }
  }
}
