package phbsim.runs;

import java.util.List;
import phbsim.analysis.Areas;
import phbsim.analysis.Variants;
import phbsim.experiment.OptionArm;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.report.Release;
import phbsim.scenario.Scenario;

/**
 * Runs the cells of a request (arm x replication) and returns their results: in this process
 * ({@link InProcessExecutor}) or as a Spark job (the spark module's SparkExecutor). An executor
 * knows nothing of files, front ends or disclosure; the same request gives the same result, to the
 * bit, whatever the executor, the threads or the partitioning (a cell's random numbers are keyed by
 * seed, area and replication, never by where it runs).
 */
public interface Executor {
  /**
   * The options appraisal of {@code statusQuo} and {@code options} (Appraisal.run's result).
   *
   * @param progress told of each cell done, from any thread
   */
  AppraisalResult appraisal(
      Scenario statusQuo, List<OptionArm> options, RunSpec run, Progress progress);

  /**
   * Every area's appraisal, released side by side by the model's one policy for areas.
   *
   * @param each given each area's released results as it finishes (its files are written then)
   */
  Release<Areas.Result> areas(
      List<Areas.Area> areas, RunSpec run, Progress progress, Areas.Each each);

  /**
   * The threads that hold a replication in this process at once (the memory estimate's multiplier):
   * the run's threads in process; one for a distributed job, whose driver only gathers.
   */
  default int threadsHere(RunSpec run) {
    return run.threads();
  }

  /**
   * What runs an analysis's variants (a sweep's points, a sensitivity's settings and draws): on
   * this process's threads unless the executor has its own.
   */
  default Variants.Runner variants() {
    return Variants::run;
  }
}
