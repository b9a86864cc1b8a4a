package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class OriginTest {
  @Test
  @DisplayName("a built-in as written, and a renamed copy with overrides, in words")
  void words() {
    Origin builtIn = Origin.of(Map.of("source", "tiny", "overrides", List.of()), "tiny");
    assertThat(builtIn.label()).isEqualTo("tiny");
    assertThat(builtIn.sentence()).isEqualTo("Scenario tiny, as written");
    Origin copy =
        Origin.of(
            Map.of("source", "my-area.yaml", "overrides", List.of("years=10", "seed=3")),
            "default");
    assertThat(copy.label()).isEqualTo("my-area.yaml (default), --set years=10, --set seed=3");
    assertThat(copy.sentence())
        .isEqualTo(
            "Scenario my-area.yaml (its own name: default), changed for this run (--set):"
                + " years=10, seed=3");
    Origin compared =
        Origin.of(Map.of("arms", List.of("default:a", "default:b"), "overrides", List.of()), "x");
    assertThat(compared.source()).isEqualTo("default:a against default:b");
  }

  @Test
  @DisplayName("the scenario goes in front of a file's opening note, and nothing else moves")
  void noteStartsWithTheScenario() throws IOException {
    Origin o = new Origin("my-area.yaml", "default", List.of("years=10"));
    StringWriter s = new StringWriter();
    try (var w = new OriginNote(s, o)) {
      w.write("# Cash flow per month. Money in pounds.\n");
      w.write("a,b\n1,2\n");
    }
    assertThat(s.toString())
        .isEqualTo(
            "# Scenario my-area.yaml (its own name: default), changed for this run (--set):"
                + " years=10. Cash flow per month. Money in pounds.\na,b\n1,2\n");
    StringWriter bare = new StringWriter();
    try (var w = new OriginNote(bare, o)) {
      w.write("a,b\n");
    }
    assertThat(bare.toString()).startsWith("# Scenario my-area.yaml").endsWith(".\na,b\n");
  }
}
