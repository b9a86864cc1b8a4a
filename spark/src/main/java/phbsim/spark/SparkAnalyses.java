package phbsim.spark;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.function.Supplier;
import org.apache.spark.api.java.JavaSparkContext;
import phbsim.experiment.Progress;
import phbsim.runs.RunSettings;
import phbsim.runs.ScenarioSource;
import phbsim.runs.analyses.Analyses;
import phbsim.runs.analyses.Analysis;
import phbsim.runs.analyses.AnalysisRecord;
import phbsim.runs.analyses.AnalysisRequest;
import phbsim.runs.analyses.Subject;
import phbsim.writers.OutputFolder;
import picocli.CommandLine;

/**
 * What the analysis jobs (sweep, sensitivity) share: their request to the run service's analyses,
 * on the driver before Spark starts, and the run on a {@link SparkExecutor}.
 */
final class SparkAnalyses {
  private SparkAnalyses() {}

  /**
   * What a printer of an analysis's record is given: the record and the Spark context it ran on.
   */
  interface Printer<R> {
    void print(AnalysisRecord<R> record, JavaSparkContext spark, PrintWriter out);
  }

  /**
   * The scenario named and the option chosen, loaded on the driver; a scenario whose people come
   * from a person-level file is refused by the service (Analyses.PERSON_LEVEL).
   */
  static Subject subject(
      JobOptions job, String scenario, String option, CommandLine.Model.CommandSpec spec) {
    return Analyses.prepare(
        new AnalysisRequest(
            ScenarioSource.named(scenario),
            job.overrides,
            option,
            job.settings(RunSettings.DEFAULT_PRECISION),
            SparkRun.who(spec)));
  }

  /** {@code make}'s analysis, or its message as a refusal. */
  static <A> A checked(Supplier<A> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new SparkRun.Refused(e.getMessage());
    }
  }

  /**
   * Runs {@code analysis} on Spark (started now unless {@code given}), writes its files to --out,
   * the Parquet tables in local mode, and prints the record and the closing lines.
   */
  static <R> int run(
      Subject subject,
      Analysis<R> analysis,
      JobOptions job,
      JavaSparkContext given,
      ReplicationTasks.Fault fault,
      CommandLine.Model.CommandSpec spec,
      Printer<R> printer)
      throws IOException {
    Path folder = OutputFolder.throughLink(job.out);
    java.util.List<Path> inputs = new java.util.ArrayList<>(subject.inputs());
    inputs.addAll(analysis.inputs());
    OutputFolder.check(folder, job.force, inputs);
    long started = System.nanoTime();
    SparkExecutor executor =
        new SparkExecutor(
            () -> given != null ? given : SparkRun.start(subject.scenario().name(), job.master),
            job.partitions,
            fault);
    try {
      AnalysisRecord<R> record =
          Analyses.run(
              subject,
              analysis,
              executor,
              new phbsim.runs.Output(folder, job.force),
              () -> Progress.NONE);
      JavaSparkContext spark = executor.spark();
      String parquetAt = job.localParquet(spark, folder);
      PrintWriter out = spec.commandLine().getOut();
      printer.print(record, spark, out);
      JobOptions.finish(out, parquetAt, folder, started);
    } finally {
      if (given == null && executor.started()) {
        executor.spark().stop();
      }
    }
    return 0;
  }
}
