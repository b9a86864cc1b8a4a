package phbsim.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.report.Release;
import phbsim.scenario.Scenario;

/**
 * The runs of everyone using the page: a bounded pool ({@link Limits#running} at once, {@link
 * Limits#waiting} more queued, the rest refused), each run with its own id, owner, folder of
 * results and progress; cancel, and expiry of results after {@link Limits#expiry}.
 */
final class Jobs implements AutoCloseable {
  /** The stated limits. */
  record Limits(int running, int waiting, Duration expiry) {
    static final Limits DEFAULT = new Limits(2, 40, Duration.ofMinutes(60));
  }

  enum State {
    QUEUED,
    RUNNING,
    DONE,
    FAILED,
    CANCELLED
  }

  /** Thrown from the progress callback to stop a run that was cancelled. */
  static final class Cancelled extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Cancelled() {
      super("cancelled", null, false, false);
    }
  }

  /** One run. Its id is 128 random bits; only its owner (a browser's token) can see it. */
  static final class Job {
    final String id;
    final String owner;
    final Runs.Source source;
    final Scenario scenario;
    final java.util.Set<String> off;
    final RunSpec run;
    final Path folder;
    final long submitted = System.nanoTime();
    final AtomicLong done = new AtomicLong();
    volatile long total;
    volatile State state = State.QUEUED;
    volatile boolean cancelRequested;
    volatile String message = "";
    volatile Release<AppraisalResult> result;
    volatile long finished;
    volatile long lastTouched = System.nanoTime();

    Job(
        String id,
        String owner,
        Runs.Source source,
        Scenario scenario,
        java.util.Set<String> off,
        RunSpec run,
        Path folder) {
      this.off = java.util.Set.copyOf(off);
      this.id = id;
      this.owner = owner;
      this.source = source;
      this.scenario = scenario;
      this.run = run;
      this.folder = folder;
      this.total = run.replications();
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Limits limits;
  private final Runs.CapacityCheck capacity;
  private final Path root;
  private final ThreadPoolExecutor pool;
  private final ScheduledExecutorService sweeper;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  Jobs(Limits limits, Runs.CapacityCheck capacity) throws IOException {
    this.limits = limits;
    this.capacity = capacity;
    this.root = Files.createTempDirectory("phbsim-serve");
    this.pool =
        new ThreadPoolExecutor(
            limits.running(),
            limits.running(),
            0,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(limits.waiting()),
            r -> {
              Thread t = new Thread(r, "phbsim-run");
              t.setDaemon(true);
              return t;
            });
    this.sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "phbsim-expiry");
              t.setDaemon(true);
              return t;
            });
    long every = Math.max(1, Math.min(60, limits.expiry().toSeconds() / 4));
    sweeper.scheduleAtFixedRate(this::expire, every, every, TimeUnit.SECONDS);
  }

  Limits limits() {
    return limits;
  }

  static String randomId() {
    byte[] b = new byte[16];
    RANDOM.nextBytes(b);
    return HexFormat.of().formatHex(b);
  }

  /**
   * Queues a run, or refuses it: the memory check first (its message gives the figures), then a
   * full queue.
   *
   * @throws Refused with a message for the page
   */
  Job submit(
      String owner, Runs.Source source, Scenario scenario, java.util.Set<String> off, RunSpec run) {
    try {
      capacity.check(Runs.arms(scenario, off), run);
    } catch (RuntimeException e) {
      throw new Refused(e.getMessage());
    }
    String id = randomId();
    Job job = new Job(id, owner, source, scenario, off, run, root.resolve(id));
    jobs.put(id, job);
    try {
      pool.execute(() -> execute(job));
    } catch (RejectedExecutionException e) {
      jobs.remove(id);
      throw new Refused(
          "The page is busy: "
              + limits.running()
              + " runs are running and "
              + limits.waiting()
              + " are waiting, the most it takes; try again in a minute.");
    }
    return job;
  }

  /** A refusal to run, with the reason in words. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  private void execute(Job job) {
    if (job.cancelRequested) {
      job.state = State.CANCELLED;
      return;
    }
    job.state = State.RUNNING;
    try {
      job.result =
          Runs.run(
              job.source,
              job.scenario,
              job.off,
              job.run,
              Runs.CapacityCheck.NONE, // checked when queued
              (d, t) -> {
                if (job.cancelRequested) {
                  throw new Cancelled();
                }
                job.done.set(d);
                job.total = t;
              },
              job.folder,
              50_000);
      job.state = State.DONE;
    } catch (Cancelled e) {
      job.state = State.CANCELLED;
      delete(job.folder);
    } catch (RuntimeException | IOException | OutOfMemoryError e) {
      job.message = e.getMessage() == null ? e.toString() : e.getMessage();
      job.state = State.FAILED;
      delete(job.folder);
    } finally {
      job.finished = System.nanoTime();
    }
  }

  /** The owner's run of that id, or null (also for someone else's: ids are not to be shared). */
  Job get(String id, String owner) {
    Job j = jobs.get(id);
    if (j == null || !j.owner.equals(owner)) {
      return null;
    }
    j.lastTouched = System.nanoTime();
    return j;
  }

  /** Asks a run to stop; it stops at the next replication that finishes. */
  boolean cancel(String id, String owner) {
    Job j = get(id, owner);
    if (j == null) {
      return false;
    }
    // A run still queued sees the flag when it starts; a running one at its next replication.
    j.cancelRequested = true;
    return true;
  }

  /** Forgets runs finished longer ago than the expiry, and deletes their files. */
  void expire() {
    long now = System.nanoTime();
    for (Job j : jobs.values()) {
      boolean over = j.finished != 0 && now - j.finished > limits.expiry().toNanos();
      if (over) {
        jobs.remove(j.id);
        delete(j.folder);
      }
    }
  }

  int size() {
    return jobs.size();
  }

  private static void delete(Path folder) {
    if (!Files.exists(folder)) {
      return;
    }
    try (var walk = Files.walk(folder)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // left for the operating system's temporary-file cleaning
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
    sweeper.shutdownNow();
    jobs.values().forEach(j -> delete(j.folder));
    delete(root);
  }
}
