package phbsim.runs.analyses;

import java.nio.file.Path;
import phbsim.experiment.RunSpec;

/**
 * What an analysis found, and how it was run: what a front end presents.
 *
 * @param simulatedAt System.nanoTime() when the simulating ended (the rest is writing)
 * @param folder where the files went, or null if none were written
 * @param manifest manifest.json's text
 */
public record AnalysisRecord<R>(
    Subject subject, R result, long simulatedAt, Path folder, String manifest) {
  /** The run settings. */
  public RunSpec run() {
    return subject.request().settings().run();
  }
}
