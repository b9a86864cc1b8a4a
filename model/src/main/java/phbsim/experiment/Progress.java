package phbsim.experiment;

/**
 * What a long run reports as it goes: the number of tasks done out of the total. The model only
 * counts; a client (the command line's progress bar, a web page) decides what to show. Called from
 * worker threads: an implementation must be thread-safe and quick.
 */
@FunctionalInterface
public interface Progress {
  /** A task has finished; {@code done} tasks of {@code total} are finished. */
  void advanced(long done, long total);

  /** Reports nothing. */
  Progress NONE = (done, total) -> {};
}
