package phbsim.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import phbsim.experiment.RunSpec;
import phbsim.runs.Capacity;
import phbsim.runs.InProcessExecutor;
import phbsim.runs.Invocation;
import phbsim.runs.Output;
import phbsim.runs.RunJob;
import phbsim.runs.RunRecord;
import phbsim.runs.RunRefused;
import phbsim.runs.RunService;
import phbsim.scenario.Scenario;

/**
 * The runs of everyone using the page, on one run service: at most {@link Limits#running} at once
 * (the service's pool), {@link Limits#waiting} more queued, the rest refused; each run with its own
 * id, owner and folder of results; cancel, and expiry of results after {@link Limits#expiry}.
 */
final class Jobs implements AutoCloseable {
  /** The stated limits. */
  record Limits(int running, int waiting, Duration expiry) {
    static final Limits DEFAULT = new Limits(2, 40, Duration.ofMinutes(60));
  }

  /** One run. Its id is 128 random bits; only its owner (a browser's token) can see it. */
  static final class Job {
    final String id;
    final String owner;
    final Runs.Source source;
    final RunSpec run;
    final int arms;
    final Path folder;
    final long submitted = System.nanoTime();
    final RunJob job;
    volatile long ended;

    Job(
        String id,
        String owner,
        Runs.Source source,
        RunSpec run,
        int arms,
        Path folder,
        RunJob job) {
      this.id = id;
      this.owner = owner;
      this.source = source;
      this.run = run;
      this.arms = arms;
      this.folder = folder;
      this.job = job;
    }

    RunJob.State state() {
      RunJob.State s = job.state();
      if (ended == 0 && ended(s)) {
        ended = System.nanoTime();
      }
      return s;
    }

    boolean running() {
      return !ended(state());
    }

    /** Replications done of all, counting a replication when every arm of it is done. */
    long done() {
      return job.done() / arms;
    }

    long total() {
      long cells = job.total();
      return cells == 0 ? run.replications() : Math.max(1, cells / arms);
    }

    /** Why it failed, in the service's words; "" unless it failed. */
    String message() {
      return job.failure()
          .map(e -> Runs.scrub(source, e.getMessage() == null ? e.toString() : e.getMessage()))
          .orElse("");
    }

    RunRecord record() {
      return job.record().orElseThrow();
    }

    /** Seconds from the request to the record (the simulating done, before the files). */
    double seconds() {
      return (record().simulatedAt() - submitted) / 1e9;
    }

    private static boolean ended(RunJob.State s) {
      return s == RunJob.State.DONE || s == RunJob.State.FAILED || s == RunJob.State.CANCELLED;
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();
  private final Limits limits;
  private final Invocation build;
  private final RunService service;
  private final Path root;
  private final ScheduledExecutorService sweeper;
  private final Map<String, Job> jobs = new ConcurrentHashMap<>();

  /**
   * @param build the program, version and commit for the run's records
   */
  Jobs(Limits limits, Invocation build) throws IOException {
    this.limits = limits;
    this.build = build;
    this.service = new RunService(new InProcessExecutor(), limits.running());
    this.root = Files.createTempDirectory("phbsim-serve");
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
   * Queues a checked run on the service, or refuses it: the service's memory check first (its
   * message gives the figures; made here too, so that the page says so at once rather than as a
   * failed run), then a full queue.
   *
   * @param scenario the source as checked, overrides applied (for the memory check)
   * @throws Refused with a message for the page
   */
  synchronized Job submit(String owner, Runs.Source source, Scenario scenario, RunSpec run) {
    List<Scenario> arms = new ArrayList<>(List.of(scenario.statusQuo()));
    phbsim.scenarios.ScenarioLoader.options(scenario).forEach(o -> arms.add(o.scenario()));
    try {
      Capacity.check(arms, run.replications(), run.threads(), true);
    } catch (RunRefused e) {
      throw new Refused(e.getMessage());
    }
    long active = jobs.values().stream().filter(Job::running).count();
    if (active >= limits.running() + limits.waiting()) {
      throw new Refused(
          "The page is busy: "
              + limits.running()
              + " runs are running and "
              + limits.waiting()
              + " are waiting, the most it takes; try again in a minute.");
    }
    String id = randomId();
    Path folder = root.resolve(id);
    RunJob job = service.submit(Runs.request(source, run, build), new Output(folder, true));
    Job j = new Job(id, owner, source, run, arms.size(), folder, job);
    jobs.put(id, j);
    return j;
  }

  /** A refusal to run, with the reason in words. */
  static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** The owner's run of that id, or null (also for someone else's: ids are not to be shared). */
  Job get(String id, String owner) {
    Job j = jobs.get(id);
    if (j == null || !j.owner.equals(owner)) {
      return null;
    }
    return j;
  }

  /**
   * Asks a run to stop: a queued run never starts, a running one stops at its next cell, and no
   * files are kept.
   */
  boolean cancel(String id, String owner) {
    Job j = get(id, owner);
    if (j == null) {
      return false;
    }
    j.job.cancel();
    return true;
  }

  /** Forgets runs ended longer ago than the expiry, and deletes their files. */
  void expire() {
    long now = System.nanoTime();
    for (Job j : jobs.values()) {
      j.state();
      if (j.ended != 0 && j.job.state() != RunJob.State.DONE) {
        delete(j.folder); // a cancelled or failed run keeps nothing
      }
      if (j.ended != 0 && now - j.ended > limits.expiry().toNanos()) {
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
    service.close();
    sweeper.shutdownNow();
    jobs.values().forEach(j -> delete(j.folder));
    delete(root);
  }
}
