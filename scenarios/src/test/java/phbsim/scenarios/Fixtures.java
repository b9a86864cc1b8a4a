package phbsim.scenarios;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;

/** Loads test fixtures and returns the problems a load reports. */
final class Fixtures {
  private Fixtures() {}

  /** The problems reported for {@code bad/<name>.yaml} with these overrides (fails if none). */
  static List<LoadProblem> problems(String name, String... overrides) {
    ScenarioLoadException e =
        catchThrowableOfType(
            ScenarioLoadException.class,
            () -> ScenarioLoader.loadResource("bad/" + name + ".yaml", List.of(overrides)));
    if (e == null) {
      throw new AssertionError("bad/" + name + ".yaml loaded without a problem");
    }
    return e.problems();
  }

  /** The problems reported for YAML text named {@code test.yaml}. */
  static List<LoadProblem> problemsOfText(String yaml, String... overrides) {
    ScenarioLoadException e =
        catchThrowableOfType(
            ScenarioLoadException.class,
            () -> ScenarioLoader.parse("test.yaml", yaml, List.of(overrides)));
    if (e == null) {
      throw new AssertionError("the text loaded without a problem");
    }
    return e.problems();
  }
}
