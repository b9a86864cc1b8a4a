package phbsim.runs.analyses;

import java.io.IOException;
import java.util.List;
import java.util.function.Supplier;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.runs.Capacity;
import phbsim.runs.Executor;
import phbsim.runs.Invocation;
import phbsim.runs.RunInfos;
import phbsim.runs.RunRefused;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenarios.Explain;
import phbsim.scenarios.ScenarioLoader;
import phbsim.writers.OutputFolder;

/**
 * The analyses' sequence, the same for every front end: load and check ({@link #prepare}), then the
 * memory check, the analysis on the executor, run info, manifest and files ({@link #run}).
 */
public final class Analyses {
  private Analyses() {}

  /**
   * Loads the scenario with its overrides and chooses the option analysed.
   *
   * @throws phbsim.scenarios.ScenarioLoadException for the scenario's problems
   * @throws RunRefused for an option the scenario does not name, or a scenario whose people come
   *     from a person-level file ({@link #PERSON_LEVEL})
   */
  public static Subject prepare(AnalysisRequest request) {
    Scenario s = request.scenario().load(request.overrides());
    if (s.fromPersonLevelData()) {
      throw new RunRefused(PERSON_LEVEL);
    }
    OptionSpec option;
    try {
      option = s.analysedOption(request.option());
    } catch (IllegalArgumentException e) {
      throw refused(e);
    }
    return new Subject(request, s, option, ScenarioLoader.editor(), request.scenario().text());
  }

  /**
   * Why an analysis refuses a scenario whose people come from a person-level file. Small-number
   * suppression protects one table of means (phbsim run, phbsim compare: Disclosure). An analysis
   * publishes its output at many settings on the same random numbers, and what changes between two
   * settings is itself a count: with a unit price raised by £1 and everything else the same, the
   * money output changes by the number of the things that price pays for, to the penny. No rule on
   * the figures one at a time can withhold that, so no figure of an analysis of such a scenario is
   * published (AnalysesPersonLevelTest shows the count read back from two money figures).
   */
  public static final String PERSON_LEVEL =
      "sweep, sensitivity, goal-seek and calibrate are not available when the starting population"
          + " comes from a person-level file: they publish an output at many settings on the same"
          + " random numbers, and the change between two settings gives counts away (a unit price"
          + " raised by £1 changes the net saving by the number of things it pays for), which"
          + " small-number suppression cannot protect; use phbsim run or phbsim compare, whose"
          + " tables are suppressed";

  /**
   * Runs an analysis on {@code executor} and writes its files to {@code output} (a folder the front
   * end has checked; none for {@link phbsim.runs.Output#NONE}), with manifest.json.
   *
   * @param progress a progress for each cube the analysis runs (see {@link Analysis#run})
   * @throws RunRefused if it would not fit in memory, or the files cannot be written
   */
  public static <R> AnalysisRecord<R> run(
      Subject subject,
      Analysis<R> analysis,
      Executor executor,
      phbsim.runs.Output output,
      Supplier<Progress> progress) {
    RunSpec run = subject.request().settings().run();
    Scenario s = subject.scenario();
    // Each cell holds a status quo and an option of the place at once; nothing is kept after it.
    Capacity.check(List.of(s.statusQuo(), s), run.replications(), executor.threadsHere(run), false);
    R result = analysis.run(subject, executor.variants(), progress);
    long simulated = System.nanoTime();
    Invocation who = subject.request().invocation();
    List<String> texts = List.of(subject.text());
    String manifest = RunInfos.manifest(who, run, texts);
    if (output.writes()) {
      Analysis.Files files =
          new Analysis.Files(
              output.folder(),
              s,
              run,
              subject.describe(analysis.describe()),
              Explain.assumptions(subject.name(), subject.text(), s),
              RunInfos.runInfo(who, run, texts));
      OutputFolder all = analysis.files(result, files).replacing(output.force());
      all.add(OutputFolder.MANIFEST, w -> w.write(manifest));
      try {
        all.commit(run.threads());
      } catch (IOException e) {
        RunRefused refused =
            new RunRefused(
                "Cannot write the results to " + output.folder() + ": " + e.getMessage());
        refused.initCause(e);
        throw refused;
      }
    }
    return new AnalysisRecord<>(subject, result, simulated, output.folder(), manifest);
  }

  /** A refusal with the message of {@code e}, for a setting the model found out of range. */
  static RunRefused refused(IllegalArgumentException e) {
    RunRefused refused = new RunRefused(e.getMessage());
    refused.initCause(e);
    return refused;
  }
}
