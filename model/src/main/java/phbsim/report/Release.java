package phbsim.report;

import java.util.List;

/**
 * A result that has passed the disclosure policy (Disclosure) and may leave the process: the only
 * kind of result a writer accepts (issue 21, item 1). Every table, workbook, report, printed
 * summary and Spark job's file is written from one of these, so none can be written from a result
 * the policy has not seen.
 *
 * <p>Only the policy makes one: {@link Disclosure#release(AppraisalResult)} for an appraisal, and
 * the areas' run (phbsim.analysis.Areas) for areas side by side, each after applying the run's
 * threshold to every arm. The constructor is public only because the areas' run lives in another
 * package; ReleaseOnlyTest (ArchUnit, in the cli module) fails if any other class constructs one,
 * or if a writer, the command line or the Spark job reads a replication's raw record, which is what
 * the policy protects.
 *
 * @param <T> the released result: an AppraisalResult, or an Areas.Result
 */
public final class Release<T> {
  private final T result;
  private final int threshold;

  /**
   * For Disclosure and Areas only (see the class note).
   *
   * @param threshold the threshold applied: counts from 1 to {@code threshold - 1} are withheld; 0
   *     if the run drew no people from a person-level file and nothing is withheld
   */
  public Release(T result, int threshold) {
    this.result = java.util.Objects.requireNonNull(result);
    this.threshold = threshold;
  }

  /** The released result, every figure of which reads as the policy allows. */
  public T result() {
    return result;
  }

  /** The threshold applied, or 0 if nothing is withheld. */
  public int threshold() {
    return threshold;
  }

  /** Whether the run is protected (its people came, in any arm, from a person-level file). */
  public boolean protectedRun() {
    return threshold > 1;
  }

  /**
   * Each replication's raw record of an arm, for the per-replication file of a run with nothing to
   * protect. A protected run has no such file (--per-replication is refused for it): a single
   * replication's count is what the policy withholds.
   *
   * @throws IllegalStateException if the run is protected
   */
  public List<ReplicationResult> replicationsOf(ExperimentResult arm) {
    if (protectedRun()) {
      throw new IllegalStateException(
          "a run protected for person-level data publishes no replication's own figures");
    }
    return arm.replications();
  }
}
