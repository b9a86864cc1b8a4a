package phbsim.scenarios;

/**
 * One thing wrong with a scenario as loaded: where it is (the {@code source}, such as a file name
 * or {@code --set years=0}; the 1-based {@code line} and {@code column}, 0 when unknown; the YAML
 * {@code path}, such as {@code segments[2].referralsPerYear}, empty for the whole file) and what
 * was found against what was expected.
 *
 * <p>{@link #toString()} gives the compiler-style form that editors and terminals recognise:
 *
 * <pre>{@code default.yaml:12:5: segments[0].referralsPerYear: found -3.0; expected ...}</pre>
 */
public record LoadProblem(String source, int line, int column, String path, String message) {
  public LoadProblem {
    if (source == null || path == null || message == null) {
      throw new IllegalArgumentException("source, path and message are required");
    }
  }

  /** Whether the line and column are known. */
  public boolean hasLocation() {
    return line > 0;
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder(source);
    if (line > 0) {
      sb.append(':').append(line);
      if (column > 0) {
        sb.append(':').append(column);
      }
    }
    sb.append(": ");
    if (!path.isEmpty()) {
      sb.append(path).append(": ");
    }
    return sb.append(message).toString();
  }
}
