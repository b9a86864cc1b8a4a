package phbsim.runs.analyses;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import phbsim.analysis.Variants;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.scenario.Scenario;
import phbsim.scenarios.Explain;
import phbsim.writers.AnalysisFiles;
import phbsim.writers.OutputFolder;
import phbsim.writers.Workbooks;

/**
 * One analysis, its settings checked ({@code of} on each kind): what it runs and the files it
 * writes. {@link Analyses#run} sequences the rest.
 *
 * @param <R> what it finds
 */
public interface Analysis<R> {
  /**
   * Runs it, its cells on {@code runner} (this process's threads, or Spark's tasks).
   *
   * @param progress a progress for each cube it runs, one after another (a sensitivity analysis's
   *     one-way settings, then its draws), each told of its cells or evaluations from any thread
   */
  R run(Subject subject, Variants.Runner runner, Supplier<Progress> progress);

  /** What run.json says of the analysis after the option, as key, value, key, value. */
  Object[] describe();

  /** Its files besides manifest.json, to be committed by the service. */
  OutputFolder files(R result, Files files);

  /** The input files it reads besides the scenario (a targets file): never overwritten. */
  default List<Path> inputs() {
    return List.of();
  }

  /**
   * What every analysis's files are made of: the folder, the scenario as run, the run settings,
   * what went in (run.json), the scenario's assumptions and how it was run (the Run sheet).
   */
  record Files(
      Path folder,
      Scenario scenario,
      RunSpec run,
      Map<String, Object> describe,
      List<Explain.Assumption> assumptions,
      Workbooks.RunInfo info) {
    /** The folder with scenario.yaml and run.json, the analysis's own files to be added. */
    public OutputFolder withScenario() {
      return AnalysisFiles.withScenario(folder, scenario, run, describe);
    }
  }
}
