package phbsim.spark;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import phbsim.experiment.RunSpec;
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

  /** The run settings (one thread: Spark's tasks are the parallelism). */
  RunSpec run() {
    return new RunSpec(replications, seed, 1);
  }
}
