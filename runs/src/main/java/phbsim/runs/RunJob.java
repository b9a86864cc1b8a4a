package phbsim.runs;

import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import phbsim.experiment.Progress;

/**
 * A request submitted to a {@link RunService}: its state, its progress, a way to cancel it, and its
 * record once done. Thread-safe: a web page's requests read it from any thread.
 */
public final class RunJob {
  /** Where a job is. */
  public enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED
  }

  private final long id;
  private final AtomicLong done = new AtomicLong();
  private final AtomicLong total = new AtomicLong();
  private volatile State state = State.QUEUED;
  private volatile boolean cancelled;
  private volatile RunRecord record;
  private volatile RuntimeException failure;
  volatile Future<?> future;

  RunJob(long id) {
    this.id = id;
  }

  /** The job's number, unique within its service. */
  public long id() {
    return id;
  }

  public State state() {
    return state;
  }

  /** The cells done so far. */
  public long done() {
    return done.get();
  }

  /** The cells in all (0 until the run has started). */
  public long total() {
    return total.get();
  }

  /**
   * Asks the job to stop: a queued job never starts; a running one stops at its next cell (the
   * cells already running finish first), and no files are written.
   */
  public void cancel() {
    cancelled = true;
    Future<?> f = future;
    if (f != null && state == State.QUEUED) {
      f.cancel(false);
      state = State.CANCELLED;
    }
  }

  /** The record of a job that is done. */
  public Optional<RunRecord> record() {
    return Optional.ofNullable(record);
  }

  /** Why a failed job failed (a scenario's problems, a refusal, an error). */
  public Optional<RuntimeException> failure() {
    return Optional.ofNullable(failure);
  }

  /** Waits for the job to end; returns its record, or throws its failure. */
  public RunRecord await() throws InterruptedException {
    try {
      Future<?> f = future;
      if (f != null) {
        f.get();
      }
    } catch (java.util.concurrent.ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } catch (CancellationException e) {
      throw new CancellationException("job " + id + " was cancelled");
    }
    if (record == null) {
      throw failure != null ? failure : new CancellationException("job " + id + " was cancelled");
    }
    return record;
  }

  /** The progress the service gives the run: counts cells, and stops a cancelled job. */
  Progress progress() {
    return (d, n) -> {
      done.set(d);
      total.set(n);
      if (cancelled) {
        throw new CancellationException("job " + id + " was cancelled");
      }
    };
  }

  /** Runs the job's work on the service's thread, keeping its record or its failure. */
  void finish(Supplier<RunRecord> work) {
    if (cancelled) {
      state = State.CANCELLED;
      return;
    }
    state = State.RUNNING;
    try {
      record = work.get();
      state = State.DONE;
    } catch (CancellationException e) {
      state = State.CANCELLED;
    } catch (RuntimeException e) {
      failure = e;
      state = cancelled ? State.CANCELLED : State.FAILED;
    }
  }
}
