package phbsim.runs;

import java.nio.file.Path;

/**
 * Where a run's files go: a folder already checked by the front end ({@link
 * phbsim.writers.OutputFolder#check}), and whether results already there may be replaced. A run
 * with no output (a web page holding the record in memory) writes nothing.
 */
public record Output(Path folder, boolean force) {
  /** No files: the record only. */
  public static final Output NONE = new Output(null, false);

  /** Whether the run writes files. */
  public boolean writes() {
    return folder != null;
  }
}
