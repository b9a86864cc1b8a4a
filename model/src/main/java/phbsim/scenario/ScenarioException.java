package phbsim.scenario;

import java.util.List;

/** Thrown when a scenario cannot be run; carries every problem found, not just the first. */
public final class ScenarioException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<Problem> problems;

  public ScenarioException(List<Problem> problems) {
    super(summary(problems));
    this.problems = List.copyOf(problems);
  }

  public List<Problem> problems() {
    return problems;
  }

  private static String summary(List<Problem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    for (Problem p : problems) {
      sb.append(System.lineSeparator()).append("  ").append(p);
    }
    return sb.toString();
  }
}
