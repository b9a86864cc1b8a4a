package phbsim.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Applies {@code --set path=value} overrides to a YAML tree before it is bound, so that any
 * parameter can be overridden with no code per parameter.
 *
 * <p>A path is keys joined by dots, each optionally followed by list selectors in brackets: an
 * index ({@code segments[0]}) or the id of an item ({@code segments[psychosis]}; pathway branches
 * are identified by their {@code from}, as in {@code pathway[ae].to.acute-ward}). The path is
 * checked against the record types, not only the file, so a key the file leaves out but the model
 * allows (an optional one, or a new destination in a map) can be set. The value is read as YAML, so
 * {@code 900}, {@code 0.8}, {@code true}, {@code 2027-04-01} and {@code text} all work; whether it
 * has the right type is checked afterwards with the rest of the file.
 */
final class Overrides {
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  static final String EXAMPLE = "such as years=1 or segments[psychosis].crisesPerYear=0.8";

  private record Step(String key, List<String> selectors) {}

  /** Thrown inside this class for a problem with one override; becomes a finding. */
  private static final class Bad extends Exception {
    private static final long serialVersionUID = 1L;
    final String path;

    Bad(String path, String message) {
      super(message, null, false, false);
      this.path = path;
    }
  }

  private final YamlTree tree;
  private final String source;
  private final YamlTree.Place place;

  private Overrides(YamlTree tree, YamlTree.Place place) {
    this.tree = tree;
    this.source = place.source();
    this.place = place;
  }

  /** Applies each override in order to {@code tree.root}; returns a finding for each that fails. */
  static List<Finding> apply(YamlTree tree, Type rootType, List<String> overrides) {
    return apply(tree, rootType, overrides, "--set ");
  }

  /** As above, each problem reported at {@code label} followed by the override. */
  static List<Finding> apply(YamlTree tree, Type rootType, List<String> overrides, String label) {
    List<YamlTree.Place> places = new ArrayList<>();
    for (String raw : overrides) {
      places.add(new YamlTree.Place(label + raw, 0, 0));
    }
    return apply(tree, rootType, overrides, places);
  }

  /**
   * Applies each override in order, reporting a problem with override i, or with the value it set,
   * at {@code places.get(i)} (the line of an option's change in a file, say).
   */
  static List<Finding> apply(
      YamlTree tree, Type rootType, List<String> overrides, List<YamlTree.Place> places) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < overrides.size(); i++) {
      String raw = overrides.get(i);
      try {
        new Overrides(tree, places.get(i)).applyOne(raw, rootType);
      } catch (Bad e) {
        findings.add(new Finding(e.path, e.getMessage(), places.get(i)));
      }
    }
    return findings;
  }

  private void applyOne(String raw, Type rootType) throws Bad {
    int eq = raw.indexOf('=');
    if (eq < 0) {
      throw new Bad("", "is not an override: it has no '='; expected path=value, " + EXAMPLE);
    }
    String pathText = raw.substring(0, eq).strip();
    String valueText = raw.substring(eq + 1).strip();
    if (pathText.isEmpty()) {
      throw new Bad("", "has no path before '='; expected path=value, " + EXAMPLE);
    }
    List<Step> steps = parsePath(pathText);
    if (valueText.isEmpty()) {
      throw new Bad(pathText, "has no value after '='; expected path=value, " + EXAMPLE);
    }
    JsonNode value = parseValue(pathText, valueText);
    if (!(tree.root instanceof ObjectNode)) {
      throw new Bad("", "cannot be applied: the scenario file does not hold a map of keys");
    }
    set(steps, rootType, value);
  }

  /** Where a path leads in a tree: the path with indices for ids, the node, its type. */
  record Resolved(String path, JsonNode node, Type type, RecordComponent component) {}

  /**
   * Follows {@code pathText} (as --set writes it, ids allowed in brackets) through {@code root},
   * whose shape is {@code rootType}.
   *
   * @throws IllegalArgumentException with a message naming the path and what was expected
   */
  static Resolved resolve(JsonNode root, Type rootType, String pathText) {
    try {
      List<Step> steps = parsePath(pathText.strip());
      JsonNode node = root;
      Type type = rootType;
      RecordComponent component = null;
      String at = "";
      for (Step step : steps) {
        if (!(node instanceof ObjectNode obj) || !Shapes.isKeyed(type)) {
          throw new Bad(at, "'" + at + "' holds " + Shapes.describe(type) + ", which has no keys");
        }
        component = Shapes.isRecord(type) ? Shapes.component(type, step.key()) : null;
        Type childType = childType(type, at, step.key());
        at = Paths.child(at, step.key());
        node = obj.get(step.key());
        type = childType;
        if (node == null) {
          throw new Bad(at, "is not set in this scenario");
        }
        for (String selector : step.selectors()) {
          if (!(node instanceof ArrayNode array) || !Shapes.isList(type)) {
            throw new Bad(at, "holds " + Shapes.describe(type) + ", not a list");
          }
          Type element = Shapes.listElement(type);
          int index = resolve(array, element, selector, at);
          at = Paths.item(at, index);
          node = array.get(index);
          type = element;
          component = null;
        }
      }
      return new Resolved(at, node, type, component);
    } catch (Bad e) {
      throw new IllegalArgumentException(
          (e.path.isEmpty() ? "" : e.path + ": ") + e.getMessage(), e);
    }
  }

  private static List<Step> parsePath(String text) throws Bad {
    List<Step> steps = new ArrayList<>();
    int i = 0;
    int n = text.length();
    while (i < n) {
      int start = i;
      while (i < n && text.charAt(i) != '.' && text.charAt(i) != '[' && text.charAt(i) != ']') {
        i++;
      }
      String key = text.substring(start, i).strip();
      if (key.isEmpty()) {
        throw new Bad(text, "has an empty key at character " + (start + 1) + "; " + shape());
      }
      List<String> selectors = new ArrayList<>();
      while (i < n && text.charAt(i) == '[') {
        int close = text.indexOf(']', i);
        if (close < 0) {
          throw new Bad(text, "has a '[' without a matching ']'; " + shape());
        }
        String selector = text.substring(i + 1, close).strip();
        if (selector.isEmpty()) {
          throw new Bad(text, "has an empty []; expected an index or an id inside the brackets");
        }
        selectors.add(selector);
        i = close + 1;
      }
      steps.add(new Step(key, selectors));
      if (i < n) {
        if (text.charAt(i) != '.' || i == n - 1) {
          throw new Bad(text, "is not a path at character " + (i + 1) + "; " + shape());
        }
        i++;
      }
    }
    return steps;
  }

  private static String shape() {
    return "expected keys joined by dots, with [index] or [id] after a list, "
        + "such as services[cmht].community.posts";
  }

  private JsonNode parseValue(String pathText, String valueText) throws Bad {
    YamlTree parsed = YamlTree.read(source, valueText);
    if (parsed.root == null) {
      throw new Bad(
          pathText,
          "value '"
              + valueText
              + "' is not valid YAML; expected a number, true/false, a date or text");
    }
    return parsed.root;
  }

  private void set(List<Step> steps, Type rootType, JsonNode value) throws Bad {
    JsonNode node = tree.root;
    Type type = rootType;
    String at = "";
    for (int s = 0; s < steps.size(); s++) {
      Step step = steps.get(s);
      boolean lastStep = s == steps.size() - 1;
      if (!(node instanceof ObjectNode obj) || !Shapes.isKeyed(type)) {
        throw new Bad(
            Paths.child(at, step.key()),
            "'"
                + at
                + "' holds "
                + Shapes.describe(type)
                + ", which has no keys; expected the path to end at '"
                + at
                + "'");
      }
      Type childType = childType(type, at, step.key());
      at = Paths.child(at, step.key());
      if (lastStep && step.selectors().isEmpty()) {
        obj.set(step.key(), value);
        tree.markOverridden(at, place);
        return;
      }
      JsonNode child = obj.get(step.key());
      if (child == null || child.isNull()) {
        if (!step.selectors().isEmpty()) {
          throw new Bad(
              at, "is not in the file, so it has no item [" + step.selectors().get(0) + "]");
        }
        if (!Shapes.isKeyed(childType)) {
          throw new Bad(at, "is not in the file; set '" + at + "' itself");
        }
        child = NODES.objectNode();
        obj.set(step.key(), child);
        // The file has no such section (an optional one, such as a segment's budget): this
        // override made it, so problems in it (a key still missing) point here, not at the file.
        tree.markOverridden(at, place);
      }
      node = child;
      type = childType;
      for (int k = 0; k < step.selectors().size(); k++) {
        String selector = step.selectors().get(k);
        if (!(node instanceof ArrayNode array) || !Shapes.isList(type)) {
          throw new Bad(
              at,
              "holds "
                  + Shapes.describe(type)
                  + ", not a list; cannot select ["
                  + selector
                  + "] in it");
        }
        Type element = Shapes.listElement(type);
        int index = resolve(array, element, selector, at);
        at = Paths.item(at, index);
        if (lastStep && k == step.selectors().size() - 1) {
          array.set(index, value);
          tree.markOverridden(at, place);
          return;
        }
        node = array.get(index);
        type = element;
      }
    }
  }

  private static Type childType(Type type, String at, String key) throws Bad {
    if (Shapes.isMap(type)) {
      return Shapes.mapValue(type);
    }
    RecordComponent c = Shapes.component(type, key);
    if (c == null) {
      List<String> expected = Shapes.keys(type);
      String hint = Spelling.closest(key, expected);
      throw new Bad(
          Paths.child(at, key),
          "unknown key '"
              + key
              + "'"
              + (hint == null ? "" : " (did you mean '" + hint + "'?)")
              + "; expected one of "
              + String.join(", ", expected)
              + (at.isEmpty() ? " at the top level" : " in " + at));
    }
    return c.getGenericType();
  }

  private static int resolve(ArrayNode array, Type element, String selector, String at) throws Bad {
    String idKey = Shapes.isRecord(element) ? Shapes.identifyingKey(element) : null;
    List<String> ids = new ArrayList<>();
    if (idKey != null) {
      for (JsonNode item : array) {
        JsonNode id = item.get(idKey);
        if (id != null && id.isValueNode()) {
          ids.add(id.asText());
        }
      }
    }
    String choices =
        array.isEmpty()
            ? at + " is empty"
            : "expected an index from 0 to "
                + (array.size() - 1)
                + (ids.isEmpty() ? "" : " or one of the " + idKey + "s " + String.join(", ", ids));
    if (selector.chars().allMatch(Character::isDigit)) {
      int index;
      try {
        index = Integer.parseInt(selector);
      } catch (NumberFormatException e) {
        index = Integer.MAX_VALUE;
      }
      if (index >= array.size()) {
        throw new Bad(
            at + "[" + selector + "]",
            "index "
                + selector
                + " is out of range: "
                + at
                + " has "
                + array.size()
                + (array.size() == 1 ? " item; " : " items; ")
                + choices);
      }
      return index;
    }
    for (int i = 0; i < array.size(); i++) {
      JsonNode id = idKey == null ? null : array.get(i).get(idKey);
      if (id != null && id.isValueNode() && id.asText().equals(selector)) {
        return i;
      }
    }
    throw new Bad(
        at + "[" + selector + "]",
        "no item has " + (idKey == null ? "an id" : idKey) + " '" + selector + "'; " + choices);
  }
}
