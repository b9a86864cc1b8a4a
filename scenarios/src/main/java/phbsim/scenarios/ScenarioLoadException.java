package phbsim.scenarios;

import java.util.List;

/**
 * Thrown when a scenario cannot be loaded; carries every problem found (syntax, structure,
 * overrides and the model's own checks), in file order where that is known, never just the first.
 * Its message lists them one per line.
 */
public final class ScenarioLoadException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient List<LoadProblem> problems;

  public ScenarioLoadException(List<LoadProblem> problems) {
    super(summary(problems));
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a load exception needs at least one problem");
    }
    this.problems = List.copyOf(problems);
  }

  /** Every problem, at least one. */
  public List<LoadProblem> problems() {
    return problems;
  }

  private static String summary(List<LoadProblem> problems) {
    StringBuilder sb = new StringBuilder();
    sb.append(problems.size()).append(problems.size() == 1 ? " problem" : " problems");
    sb.append(" loading the scenario");
    for (LoadProblem p : problems) {
      sb.append(System.lineSeparator()).append("  ").append(p);
    }
    return sb.toString();
  }
}
