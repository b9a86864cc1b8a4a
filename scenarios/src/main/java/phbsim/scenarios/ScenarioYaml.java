package phbsim.scenarios;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import phbsim.scenario.Scenario;

/**
 * Writes a scenario as YAML text: every component, in record order, with defaults written out (so
 * the text shows the effective scenario, as a CLI prints it after overrides). Reading the text back
 * with {@link ScenarioLoader} gives an equal {@link Scenario}: numbers are written in Java's
 * shortest round-trip form, dates as YYYY-MM-DD, enums by name, and text is quoted where YAML would
 * otherwise read it as something else. A scenario whose people come from a person-level file is
 * written without its segments' head counts, which reading it back counts again from the file.
 */
public final class ScenarioYaml {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final YAMLMapper WRITER =
      new YAMLMapper(
          YAMLFactory.builder()
              .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
              .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
              .disable(YAMLGenerator.Feature.SPLIT_LINES)
              .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
              .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
              .build());

  private ScenarioYaml() {}

  /** The YAML text of {@code scenario}. */
  public static String write(Scenario scenario) {
    JsonNode tree = toTree(scenario);
    if (scenario.startingPopulation() != null && tree.get("segments") instanceof ArrayNode segs) {
      // The head counts come from the person-level file, which the loader counts again when the
      // text is read back; written out, a small one would publish a count of real people.
      segs.forEach(s -> ((ObjectNode) s).remove("startingCaseload"));
    }
    try {
      return WRITER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML text of a scenario tree (as {@link #toTree} gives, or an assumptions workbook). */
  static String text(JsonNode tree) {
    try {
      return WRITER.writeValueAsString(tree);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The first line of the text an assumptions workbook is read as; its SHA-256 follows. */
  static final String WORKBOOK_HEADER = "# phbsim assumptions workbook ";

  private static final java.util.regex.Pattern WORKBOOK_SHA =
      java.util.regex.Pattern.compile("; SHA-256 ([0-9a-f]{64})$");

  /**
   * The SHA-256 of the workbook a scenario's text was read from, if it was read from an assumptions
   * workbook ({@link AssumptionsWorkbook}): what a run's manifest records, so that it names the
   * file the user has, not the text phbsim read it as. Empty for a YAML text.
   */
  public static java.util.Optional<String> workbookSha256(String text) {
    if (!text.startsWith(WORKBOOK_HEADER)) {
      return java.util.Optional.empty();
    }
    int end = text.indexOf('\n');
    String first = end < 0 ? text : text.substring(0, end);
    var m = WORKBOOK_SHA.matcher(first.strip());
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }

  /** The scenario as a Jackson tree, the shape a scenario file has. */
  static JsonNode toTree(Object value) {
    if (value == null) {
      return NODES.nullNode();
    }
    if (value.getClass().isRecord()) {
      ObjectNode obj = NODES.objectNode();
      for (RecordComponent c : value.getClass().getRecordComponents()) {
        Object part = read(c, value);
        if (part != null) {
          obj.set(c.getName(), toTree(part));
        }
      }
      return obj;
    }
    if (value instanceof List<?> list) {
      ArrayNode array = NODES.arrayNode();
      list.forEach(item -> array.add(toTree(item)));
      return array;
    }
    if (value instanceof Map<?, ?> map) {
      ObjectNode obj = NODES.objectNode();
      map.forEach((k, v) -> obj.set(String.valueOf(k), toTree(v)));
      return obj;
    }
    if (value instanceof Integer i) {
      return NODES.numberNode(i);
    }
    if (value instanceof Double d) {
      return NODES.numberNode(d);
    }
    if (value instanceof Boolean b) {
      return NODES.booleanNode(b);
    }
    if (value instanceof Enum<?> e) {
      return NODES.textNode(e.name());
    }
    if (value instanceof String || value instanceof LocalDate) {
      return NODES.textNode(value.toString());
    }
    throw new IllegalArgumentException("no YAML form for " + value.getClass());
  }

  private static Object read(RecordComponent c, Object record) {
    try {
      return c.getAccessor().invoke(record);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException("cannot read " + c.getName() + " of " + record, e);
    }
  }
}
