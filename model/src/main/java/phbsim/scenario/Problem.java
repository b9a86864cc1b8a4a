package phbsim.scenario;

/**
 * One thing wrong with a scenario: where ({@code path}, as in {@code services[3].beds}), and what
 * was found against what was expected, in words a finance lead can act on.
 */
public record Problem(String path, String message) {
  public Problem {
    if (path == null || message == null) {
      throw new IllegalArgumentException("path and message are required");
    }
  }

  @Override
  public String toString() {
    return path.isEmpty() ? message : path + ": " + message;
  }
}
