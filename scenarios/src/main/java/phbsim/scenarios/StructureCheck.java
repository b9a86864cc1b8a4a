package phbsim.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Walks a YAML tree against the scenario record types and collects every structural problem (an
 * unknown key, a missing required key, a value of the wrong type, an enum value that does not
 * exist) with its path, instead of stopping at the first as Jackson's binding does.
 *
 * <p>It also normalises the tree so that binding cannot fail on a tree it passed: enum values
 * become their constant names (files may write {@code community}), whole numbers written as 30.0
 * become ints, and scalars where text is wanted become text. Whatever it reports it prunes (an
 * unknown key is removed, a wrong value becomes empty), so that the rest of the scenario can still
 * be bound and checked by the model in the same pass: the user sees every problem at once.
 */
final class StructureCheck {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private final List<Finding> findings = new ArrayList<>();

  private StructureCheck() {}

  /** Checks and normalises {@code root} (changing it in place) as a {@code type}. */
  static List<Finding> check(JsonNode root, Type type) {
    StructureCheck c = new StructureCheck();
    if (root == null || root.isMissingNode()) {
      c.findings.add(Finding.at("", "is empty; expected " + Shapes.describe(type)));
    } else {
      c.value(root, type, "");
    }
    return c.findings;
  }

  /** Returns the node to keep at this place (a normalised copy for scalars), or null if wrong. */
  private JsonNode value(JsonNode node, Type type, String path) {
    return value(node, type, path, Shapes.describe(type));
  }

  /** As above; {@code expected} describes the value wanted here, in words. */
  private JsonNode value(JsonNode node, Type type, String path, String expected) {
    Class<?> raw = Shapes.raw(type);
    if (node.isNull()) {
      problem(path, "is empty; expected " + expected);
      return node;
    }
    if (raw.isRecord()) {
      return record(node, type, path);
    }
    if (Shapes.isList(type)) {
      return list(node, type, path);
    }
    if (Shapes.isMap(type)) {
      return map(node, type, path);
    }
    return scalar(node, raw, type, path, expected);
  }

  private JsonNode record(JsonNode node, Type type, String path) {
    if (!(node instanceof ObjectNode obj)) {
      wrong(node, type, path);
      return null;
    }
    List<String> expected = Shapes.keys(type);
    List<String> present = new ArrayList<>();
    obj.fieldNames().forEachRemaining(present::add);
    List<String> meant = new ArrayList<>();
    for (String key : present) {
      if (!expected.contains(key)) {
        obj.remove(key);
        String hint = Spelling.closest(key, expected);
        if (hint != null) {
          meant.add(hint);
        }
        findings.add(
            Finding.atKey(
                Paths.child(path, key),
                "unknown key '"
                    + key
                    + "'"
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)")
                    + "; expected one of "
                    + String.join(", ", expected)));
      }
    }
    for (RecordComponent c : Shapes.components(type)) {
      String childPath = Paths.child(path, c.getName());
      JsonNode child = obj.get(c.getName());
      if (child == null) {
        // A misspelt key was reported above with "did you mean"; once is enough.
        if (!Shapes.isOptional(c) && !meant.contains(c.getName())) {
          problem(childPath, "is missing; expected " + Shapes.describe(c));
        }
        continue;
      }
      if (child.isNull() && Shapes.isOptional(c)) {
        continue; // an explicit empty value means "use the default"
      }
      JsonNode kept = value(child, c.getGenericType(), childPath, Shapes.describe(c));
      if (kept == null || (kept.isNull() && !Shapes.isOptional(c))) {
        obj.remove(c.getName());
      } else if (kept != child) {
        obj.set(c.getName(), kept);
      }
    }
    return node;
  }

  private JsonNode list(JsonNode node, Type type, String path) {
    if (!(node instanceof ArrayNode array)) {
      wrong(node, type, path);
      return null;
    }
    Type element = Shapes.listElement(type);
    for (int i = 0; i < array.size(); i++) {
      JsonNode item = array.get(i);
      JsonNode kept = value(item, element, Paths.item(path, i));
      if (kept == null) {
        array.set(i, NODES.nullNode());
      } else if (kept != item) {
        array.set(i, kept);
      }
    }
    return node;
  }

  private JsonNode map(JsonNode node, Type type, String path) {
    if (!(node instanceof ObjectNode obj)) {
      wrong(node, type, path);
      return null;
    }
    Type valueType = Shapes.mapValue(type);
    List<Map.Entry<String, JsonNode>> entries = new ArrayList<>();
    obj.fields().forEachRemaining(entries::add);
    for (Map.Entry<String, JsonNode> e : entries) {
      JsonNode kept = value(e.getValue(), valueType, Paths.child(path, e.getKey()));
      if (kept == null) {
        obj.set(e.getKey(), NODES.nullNode());
      } else if (kept != e.getValue()) {
        obj.set(e.getKey(), kept);
      }
    }
    return node;
  }

  private JsonNode scalar(JsonNode node, Class<?> raw, Type type, String path, String expected) {
    if (!node.isValueNode()) {
      wrong(node, type, path);
      return null;
    }
    if (raw == String.class) {
      if (!node.isValueNode()) {
        problem(path, "found " + found(node) + "; expected " + expected);
        return null;
      }
      return node.isTextual() ? node : NODES.textNode(node.asText());
    }
    if ((raw == int.class || raw == Integer.class || raw == double.class || raw == Double.class)
        && node.isTextual()) {
      // A figure as a finance lead types it: "£600", "1,200", "18%".
      JsonNode typed = asTyped(node.textValue(), path, raw == double.class || raw == Double.class);
      if (typed != null) {
        node = typed;
      }
    }
    if (raw == int.class || raw == Integer.class) {
      if (node.canConvertToExactIntegral() && node.canConvertToInt()) {
        return NODES.numberNode(node.intValue());
      }
      if (node.isIntegralNumber() || node.canConvertToExactIntegral()) {
        problem(path, "found " + found(node) + ", which is too large; expected a whole number");
        return null;
      }
      wrong(node, type, path);
      return null;
    }
    if (raw == double.class || raw == Double.class) {
      if (node.isNumber()) {
        return node;
      }
      wrong(node, type, path);
      return null;
    }
    if (raw == boolean.class || raw == Boolean.class) {
      if (node.isBoolean()) {
        return node;
      }
      wrong(node, type, path);
      return null;
    }
    if (raw == LocalDate.class) {
      if (node.isTextual()) {
        try {
          LocalDate.parse(node.textValue());
          return node;
        } catch (DateTimeParseException e) {
          // reported below, like any other wrong value
        }
      }
      wrong(node, type, path);
      return null;
    }
    if (raw.isEnum()) {
      if (node.isTextual()) {
        String wanted = node.textValue().strip();
        for (String name : Shapes.enumNames(raw)) {
          if (name.equalsIgnoreCase(wanted)) {
            return NODES.textNode(name);
          }
        }
      }
      problem(path, "found " + found(node) + "; expected " + Shapes.describe(type));
      return null;
    }
    throw new IllegalStateException("no structure rule for " + type + " at " + path);
  }

  /** A number written with a pound sign and thousands separators: £1,200.50, 1,200. */
  private static final java.util.regex.Pattern POUNDS =
      java.util.regex.Pattern.compile("£?\\s*(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?");

  /** A percentage: 18%, 3.5 %. */
  private static final java.util.regex.Pattern PERCENT =
      java.util.regex.Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*%");

  /**
   * The number in a text as a finance lead types it, or null if it is not one whose meaning is
   * plain: a pound sign before it and commas between thousands ("£1,200" is 1200); a percentage
   * ("18%") is 0.18 for a share or probability and 18 for a setting whose name says it is in per
   * cent (thirdPartyFeePercent). A percentage is never a whole number of something, and a comma
   * that does not separate thousands ("1,5", a decimal comma elsewhere) is left to the usual
   * message.
   */
  static JsonNode asTyped(String text, String path, boolean decimal) {
    String t = text.strip();
    java.util.regex.Matcher m = POUNDS.matcher(t);
    if (m.matches() && (t.startsWith("£") || t.contains(","))) {
      String digits = m.group(1).replace(",", "") + (m.group(2) == null ? "" : m.group(2));
      java.math.BigDecimal v = new java.math.BigDecimal(digits);
      return decimal || m.group(2) == null ? NODES.numberNode(v) : null;
    }
    m = PERCENT.matcher(t);
    if (m.matches() && decimal) {
      java.math.BigDecimal v = new java.math.BigDecimal(m.group(1));
      String name = path.substring(path.lastIndexOf('.') + 1).replaceAll("\\[.*$", "");
      return NODES.numberNode(name.endsWith("Percent") ? v : v.movePointLeft(2));
    }
    return null;
  }

  private void wrong(JsonNode node, Type type, String path) {
    problem(path, "found " + found(node) + "; expected " + Shapes.describe(type));
  }

  /** How a found value is shown in a message: text quoted, numbers as written, shapes named. */
  static String found(JsonNode node) {
    if (node.isTextual()) {
      return "'" + node.textValue() + "'";
    }
    if (node.isObject()) {
      return "a map";
    }
    if (node.isArray()) {
      return "a list";
    }
    if (node.isNull() || node.isMissingNode()) {
      return "nothing";
    }
    if (node.isFloatingPointNumber()) {
      BigDecimal plain = node.decimalValue().stripTrailingZeros();
      return plain.scale() <= 0 ? plain.toPlainString() + ".0" : plain.toPlainString();
    }
    return node.asText().toLowerCase(Locale.ROOT);
  }

  private void problem(String path, String message) {
    findings.add(Finding.at(path, message));
  }
}
