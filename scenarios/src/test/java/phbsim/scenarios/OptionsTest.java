package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.OptionArm;
import phbsim.scenario.Scenario;

/** Named options in a scenario file: their changes, their checks and where problems are shown. */
class OptionsTest {

  private static String tinyWith(String options) {
    return BuiltInScenarios.text("tiny") + "\n" + options;
  }

  @Test
  @DisplayName("each option is the scenario with its changes, written as a list or as a map")
  void optionsApply() {
    String text =
        tinyWith(
            """
            options:
              - id: as-is
              - id: more-posts
                label: Two posts
                set:
                  services[team].community.posts: 2
                  years: 2
              - id: listed
                set:
                  - segments[everyone].crisesPerYear=0.8
            """);
    Scenario s = ScenarioLoader.parse("mine.yaml", text, List.of());
    assertThat(s.options()).hasSize(3);
    assertThat(s.options().get(1).set())
        .containsExactly("services[team].community.posts=2", "years=2");
    List<OptionArm> arms = ScenarioLoader.options(s);
    assertThat(arms).extracting(OptionArm::id).containsExactly("as-is", "more-posts", "listed");
    assertThat(arms.get(0).scenario()).isEqualTo(s.withoutOptions());
    assertThat(arms.get(1).label()).isEqualTo("Two posts");
    assertThat(arms.get(1).scenario().services().get(0).community().posts()).isEqualTo(2.0);
    assertThat(arms.get(1).scenario().years()).isEqualTo(2);
    assertThat(arms.get(1).scenario().options()).isEmpty();
    assertThat(arms.get(2).scenario().segments().get(0).crisesPerYear()).isEqualTo(0.8);
    // A scenario with no options has one: itself, as written.
    Scenario tiny = BuiltInScenarios.load("tiny");
    assertThat(ScenarioLoader.options(tiny))
        .singleElement()
        .satisfies(a -> assertThat(a.id()).isEqualTo(OptionArm.AS_WRITTEN));
  }

  @Test
  @DisplayName("a change that breaks the scenario is reported at the option's line, naming it")
  void optionProblemsAtTheirLine() {
    String text =
        tinyWith(
            """
            options:
              - id: fine
              - id: broken
                set:
                  services[team].community.posts: -3
              - id: misspelt
                set:
                  segments[nobody].crisesPerYear: 1
            """);
    ScenarioLoadException e =
        catchThrowableOfType(
            ScenarioLoadException.class, () -> ScenarioLoader.parse("mine.yaml", text, List.of()));
    int base = (int) BuiltInScenarios.text("tiny").lines().count() + 1;
    assertThat(e.problems()).hasSize(2);
    assertThat(e.problems()).allSatisfy(p -> assertThat(p.source()).isEqualTo("mine.yaml"));
    assertThat(e.problems())
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(base + 5);
              assertThat(p.path()).isEqualTo("services[0].community.posts");
              assertThat(p.message()).startsWith("in option 'broken': found -3");
            });
    assertThat(e.problems())
        .anySatisfy(
            p -> {
              assertThat(p.line()).isEqualTo(base + 8);
              assertThat(p.message()).startsWith("in option 'misspelt': ").contains("nobody");
            });
  }
}
