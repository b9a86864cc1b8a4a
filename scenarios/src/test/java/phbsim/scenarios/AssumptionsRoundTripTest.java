package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import phbsim.scenario.Scenario;

/**
 * The template of every shipped scenario, read back, is the same scenario: the records are equal,
 * the YAML printed from them is the same text, and every value's source (what the results'
 * Assumptions sheet lists) is the same as the file's own comments give.
 */
class AssumptionsRoundTripTest {
  @TempDir Path dir;

  static List<String> shipped() {
    return BuiltInScenarios.names();
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void templateReadsBackAsTheSameScenario(String name) throws Exception {
    Scenario yaml = BuiltInScenarios.load(name);
    String text = BuiltInScenarios.text(name);
    Path book = dir.resolve(name + ".xlsx");
    try (OutputStream out = Files.newOutputStream(book)) {
      AssumptionsTemplate.write(name, text, yaml, out);
    }
    Scenario read = BuiltInScenarios.fileOrBuiltIn(book.toString(), List.of());
    assertThat(ScenarioYaml.write(read)).isEqualTo(ScenarioYaml.write(yaml));
    for (var c : Scenario.class.getRecordComponents()) {
      assertThat(c.getAccessor().invoke(read))
          .as(c.getName())
          .isEqualTo(c.getAccessor().invoke(yaml));
    }
    assertThat(read).isEqualTo(yaml);
    String readText = BuiltInScenarios.textOfFileOrBuiltIn(book.toString());
    List<Explain.Assumption> fromBook = Explain.assumptions(book.toString(), readText, read);
    List<Explain.Assumption> fromFile = Explain.assumptions(name, text, yaml);
    for (int i = 0; i < Math.min(fromBook.size(), fromFile.size()); i++) {
      assertThat(fromBook.get(i)).isEqualTo(fromFile.get(i));
    }
    assertThat(fromBook).hasSameSizeAs(fromFile);
  }

  @ParameterizedTest
  @MethodSource("shipped")
  void everyShippedValueIsWithinTheTemplatesRange(String name) {
    Scenario yaml = BuiltInScenarios.load(name);
    AssumptionsTemplate.leaves(
        AssumptionsTemplate.treeOf(yaml),
        "",
        (path, leaf) -> {
          AssumptionsSheets.Rule rule = AssumptionsSheets.rule(path);
          if (rule == null || !leaf.isNumber()) {
            return;
          }
          double v = leaf.asDouble();
          switch (rule.range()) {
            case "0 to 1" -> assertThat(v).as(path).isBetween(0.0, 1.0);
            case "0 or more" -> assertThat(v).as(path).isGreaterThanOrEqualTo(0.0);
            case "a whole number, 0 or more" -> {
              assertThat(v).as(path).isGreaterThanOrEqualTo(0.0);
              assertThat(v % 1).as(path).isZero();
            }
            default -> {}
          }
        });
  }
}
