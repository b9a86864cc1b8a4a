package phbsim.spark;

import java.util.concurrent.atomic.AtomicLong;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskEnd;

/**
 * The executors' time in tasks, summed: with the wall time, what the job spent in parallel and what
 * it spent on the driver alone (docs/performance.md, the serial fraction).
 */
final class TaskTime extends SparkListener {
  private final AtomicLong millis = new AtomicLong();

  @Override
  public void onTaskEnd(SparkListenerTaskEnd end) {
    if (end.taskMetrics() != null) {
      millis.addAndGet(end.taskMetrics().executorRunTime());
    }
  }

  /** The tasks' run time so far, in seconds. */
  double seconds() {
    return millis.get() / 1e3;
  }
}
