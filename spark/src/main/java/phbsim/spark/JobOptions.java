package phbsim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import phbsim.experiment.RunSpec;
import phbsim.scenario.Scenario;
import picocli.CommandLine.Option;

/** The options every phbsim-spark command takes, as picocli mixes them in. */
final class JobOptions {
  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a setting, as for phbsim. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = {"-r", "--replications"},
      paramLabel = "N",
      defaultValue = "10",
      description = "Replications. Default: ${DEFAULT-VALUE}.")
  int replications;

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "" + RunSpec.DEFAULT_SEED,
      description = "Master random seed. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FOLDER",
      required = true,
      description = "Folder for the result files, on the driver's disk (must be new or empty).")
  Path out;

  @Option(names = "--force", description = "Replace the phbsim results already in --out.")
  boolean force;

  @Option(
      names = "--partitions",
      paramLabel = "P",
      description =
          "Tasks per job (default: Spark's default parallelism). Results do not depend on it.")
  Integer partitions;

  @Option(
      names = "--master",
      paramLabel = "URL",
      description =
          "The Spark master, such as local[4] or spark://host:7077, when not given by"
              + " spark-submit or -Dspark.master.")
  String master;

  @Option(
      names = "--per-replication",
      description =
          "Also write replications.csv: each replication's headline figures, as phbsim writes"
              + " them.")
  boolean perReplication;

  @Option(
      names = "--no-parquet",
      negatable = false,
      description = "Write the CSV files and workbook only, not the Parquet tables.")
  boolean noParquet;

  /** Refuses settings that cannot run, before anything else is read. */
  void check() {
    if (replications < 1) {
      throw new SparkRun.Refused("--replications must be at least 1, found " + replications);
    }
    if (partitions != null && partitions < 1) {
      throw new SparkRun.Refused("--partitions must be at least 1, found " + partitions);
    }
  }

  /**
   * Refuses a scenario whose people come from a person-level file, before any task: its file would
   * have to be copied to every executor, which a data-sharing agreement rarely allows.
   */
  static void refusePersonLevel(Scenario scenario, String command) {
    if (scenario.fromPersonLevelData()) {
      throw new SparkRun.Refused(
          "phbsim-spark does not run scenarios whose starting population comes from a person-level"
              + " file, which would have to be copied to every executor; run it with phbsim "
              + command
              + " on the machine that holds the file");
    }
  }

  /**
   * Writes the folder's tidy tables again as Parquet under OUT/parquet in Spark local mode (on a
   * cluster the executors could not reach the driver's folder).
   *
   * @return where they went, or null if nowhere
   */
  String localParquet(JavaSparkContext spark, Path folder) throws IOException {
    if (noParquet || !spark.isLocal()) {
      return null;
    }
    String to = folder.resolve("parquet").toUri().toString();
    ParquetTables.write(
        SparkSession.builder().sparkContext(spark.sc()).getOrCreate(), folder, "", to);
    return to;
  }

  /** The last lines of a command: where the Parquet tables and the files went, and how long. */
  static void finish(PrintWriter out, String parquetAt, Path folder, long startedNanos) {
    if (parquetAt != null) {
      out.println("Parquet tables in " + parquetAt);
    }
    out.printf(
        Locale.UK,
        "Written to %s%nDone in %.1f s.%n",
        folder,
        (System.nanoTime() - startedNanos) / 1e9);
    out.flush();
  }

  /** The run service's settings: {@link #run()}, the precision and --per-replication. */
  phbsim.runs.RunSettings settings(double precision) {
    return new phbsim.runs.RunSettings(run(), precision, perReplication);
  }

  /** The run settings (one thread: Spark's tasks are the parallelism). */
  RunSpec run() {
    return new RunSpec(replications, seed, 1);
  }
}
