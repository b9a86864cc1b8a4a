package phbsim.runs;

import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import phbsim.analysis.Areas;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.report.Disclosure;
import phbsim.report.Release;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ComparedArms;
import phbsim.scenarios.Explain;
import phbsim.scenarios.ScenarioLoader;
import phbsim.writers.AppraisalFiles;
import phbsim.writers.OutputFolder;

/**
 * The run service: a request in, a run record out (see the package's notes for the API). One
 * instance per front end process; it holds no state of one request that another can see.
 */
public final class RunService implements AutoCloseable {
  private final Executor executor;
  private final ExecutorService queue;
  private final AtomicLong ids = new AtomicLong();

  /** A service running cells with {@code executor}, one submitted request at a time. */
  public RunService(Executor executor) {
    this(executor, 1);
  }

  /**
   * A service running cells with {@code executor}, and at most {@code concurrent} submitted
   * requests at once (the rest wait their turn, in order).
   */
  public RunService(Executor executor, int concurrent) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("concurrent must be at least 1, was " + concurrent);
    }
    this.executor = executor;
    this.queue =
        Executors.newFixedThreadPool(
            concurrent,
            r -> {
              Thread t = new Thread(r, "phbsim-run");
              t.setDaemon(true);
              return t;
            });
  }

  /** A service running cells on this process's threads. */
  public static RunService inProcess() {
    return new RunService(new InProcessExecutor());
  }

  /**
   * Loads and checks a request: its scenarios (every problem found) and refusals for what cannot be
   * loaded. Runs nothing; whether the run fits in memory is checked when it is run.
   *
   * @throws phbsim.scenarios.ScenarioLoadException for a scenario's problems
   * @throws RunRefused for a request that cannot run, saying what to change
   */
  public PreparedRun prepare(RunRequest request) {
    PreparedRun p =
        request.kind() == RunRequest.Kind.RUN ? prepareRun(request) : prepareCompare(request);
    return p;
  }

  private static PreparedRun prepareRun(RunRequest request) {
    ScenarioSource from = request.scenario();
    Scenario s = from.load(request.overrides());
    if (from instanceof ScenarioSource.Uploaded && s.startingPopulation() != null) {
      throw new RunRefused(
          "An uploaded scenario cannot name a person-level file: run it where the file is");
    }
    List<Areas.Area> areas = s.areas().isEmpty() ? List.of() : ScenarioLoader.areas(s);
    return new PreparedRun(
        request,
        s,
        s.statusQuo(),
        areas.isEmpty() ? ScenarioLoader.options(s) : List.of(),
        areas,
        from.name(),
        from.inputs(),
        AppraisalFiles.source(from.name(), request.overrides()),
        List.of(from.text()),
        from.name(),
        from.text(),
        List.of(),
        List.of());
  }

  private static PreparedRun prepareCompare(RunRequest request) {
    ComparedArms compared;
    try {
      compared = ComparedArms.of(request.arms(), request.overrides());
    } catch (ComparedArms.UnknownArm e) {
      RunRefused refused = new RunRefused(e.getMessage());
      refused.initCause(e);
      throw refused;
    }
    String first = compared.firstSource();
    return new PreparedRun(
        request,
        compared.place(),
        compared.statusQuo(),
        compared.options(),
        List.of(),
        first,
        compared.inputs(),
        compared.describe(),
        compared.texts(),
        first,
        ScenarioSource.named(first).text(),
        compared.warnings(),
        compared.otherPlacesText());
  }

  /**
   * Runs a prepared request on this thread, releases its result through the disclosure policy, and
   * writes its files to {@code output} (none for {@link Output#NONE}).
   *
   * @param progress told of each cell done, from any thread
   * @throws RunRefused if the run would not fit in memory ({@link Capacity}), or the files cannot
   *     be written
   */
  public RunRecord run(PreparedRun p, Output output, Progress progress) {
    RunRequest request = p.request();
    RunSpec run = request.settings().run();
    refusePerReplicationOfPersonLevel(p);
    if (p.areas().isEmpty()) {
      // Before anything is allocated (and after the front end has checked its folder).
      Capacity.check(p.arms(), run.replications(), executor.threadsHere(run), true);
    }
    Invocation who = request.invocation();
    var info = RunInfos.runInfo(who, run, p.texts());
    String manifest = RunInfos.manifest(who, run, p.texts());
    // A scenario of areas writes each area's files, which have no Assumptions sheet.
    List<Explain.Assumption> assumptions =
        p.areas().isEmpty()
            ? Explain.assumptions(p.assumptionsName(), p.assumptionsText(), p.place())
            : List.of();
    if (!p.areas().isEmpty()) {
      OutputFolder files =
          output.writes() ? new OutputFolder(output.folder(), output.force()) : null;
      Release<Areas.Result> areas =
          executor.areas(
              p.areas(),
              run,
              progress,
              (k, area, result) -> {
                if (files != null) {
                  RunFiles.area(files, output.folder(), request, area, result, p.source());
                }
              });
      RunRecord r =
          new RunRecord(
              request,
              null,
              areas,
              p.areas(),
              p.place(),
              assumptions,
              info,
              manifest,
              p.source(),
              0,
              p.warnings(),
              p.otherPlaces(),
              p.texts(),
              System.nanoTime(),
              output.folder());
      if (files != null) {
        RunFiles.commit(RunFiles.areas(files, r), r, output);
      }
      return r;
    }
    AppraisalResult raw = executor.appraisal(p.statusQuo(), p.options(), run, progress);
    long simulated = System.nanoTime();
    RunRecord r =
        new RunRecord(
            request,
            Disclosure.release(raw),
            null,
            List.of(),
            p.place(),
            assumptions,
            info,
            manifest,
            p.source(),
            raw.events(),
            p.warnings(),
            p.otherPlaces(),
            p.texts(),
            simulated,
            output.folder());
    if (output.writes()) {
      RunFiles.commit(RunFiles.appraisal(r, output.folder()), r, output);
    }
    return r;
  }

  /**
   * Refuses each replication's figures for a scenario whose people come from a person-level file:
   * they are small counts that small-number suppression could not protect. (A front end may say so
   * first in its own words, as the command line does for its option.)
   */
  public static void refusePerReplicationOfPersonLevel(PreparedRun p) {
    for (Scenario s : p.scenarios()) {
      if (p.request().settings().perReplication() && s.fromPersonLevelData()) {
        throw new RunRefused(
            "--per-replication is not available when the starting population comes from a"
                + " person-level file: each replication's figures are small counts that cannot be"
                + " suppressed; leave it out");
      }
    }
  }

  /** Prepares and runs a request on this thread: {@link #prepare} then {@link #run}. */
  public RunRecord run(RunRequest request, Output output, Progress progress) {
    return run(prepare(request), output, progress);
  }

  /**
   * Queues a request to run on the service's own threads and returns at once: the job reports its
   * progress, can be cancelled, and gives its record (or its failure) when done. The request is
   * prepared on the service's thread too, so a scenario's problems come back as the job's failure.
   */
  public RunJob submit(RunRequest request, Output output) {
    RunJob job = new RunJob(ids.incrementAndGet());
    job.future = queue.submit(() -> job.finish(() -> run(request, output, job.progress())));
    return job;
  }

  /** Stops taking jobs and cancels those still queued or running. */
  @Override
  public void close() {
    queue.shutdownNow();
  }
}
