package phbsim.scenarios;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A YAML document read into a Jackson tree, together with where in the text each path's key and
 * value start, so that a problem found later (even by the model's checks, which know only paths)
 * can be reported at a line and column. Paths are written as in {@code
 * segments[2].exitsPerYear.died}; the root is the empty path.
 *
 * <p>Also records which paths were replaced by a {@code --set} override, so that a problem with an
 * overridden value points at the override rather than at the file's old value.
 */
final class YamlTree {
  /** A 1-based line and column. */
  record Position(int line, int column) {}

  /** Where a problem should be reported: a source (file or override) and a position there. */
  record Place(String source, int line, int column) {}

  private static final YAMLFactory YAML = new YAMLFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  final String source;

  /**
   * The folder of the scenario file, against which the files it names are found (null: the working
   * folder, or names already absolute).
   */
  java.nio.file.Path baseDir;

  JsonNode root;
  private final Map<String, Position> values = new HashMap<>();
  private final Map<String, Position> keys = new HashMap<>();
  private final Map<String, Place> overridden = new HashMap<>();
  final List<Finding> findings = new ArrayList<>();
  private String readingPath = "";

  private YamlTree(String source) {
    this.source = source;
  }

  /**
   * Rewrites each option's (and each area's) changes written as a map ({@code set:
   * {budgets.rollout.q: 0.5}}) into the list form the model reads ({@code set:
   * ["budgets.rollout.q=0.5"]}), the value written as JSON, which YAML reads back as the same
   * value; each change keeps the position of its key, so problems are reported where the user wrote
   * it.
   */
  void listOptionChanges() {
    listChanges("options");
    listChanges("areas");
  }

  /** As {@link #listOptionChanges()}, for the entries of the top-level list {@code key}. */
  private void listChanges(String key) {
    JsonNode entries = root == null ? null : root.get(key);
    if (entries == null || !entries.isArray()) {
      return;
    }
    for (int i = 0; i < entries.size(); i++) {
      JsonNode entry = entries.get(i);
      JsonNode set = entry == null ? null : entry.get("set");
      if (!(set instanceof ObjectNode map)) {
        continue;
      }
      String at = Paths.child(Paths.item(key, i), "set");
      ArrayNode list = NODES.arrayNode();
      int k = 0;
      for (Iterator<Map.Entry<String, JsonNode>> it = map.fields(); it.hasNext(); k++) {
        Map.Entry<String, JsonNode> e = it.next();
        JsonNode value = e.getValue();
        String text = value.isTextual() ? value.asText() : value.toString();
        list.add(NODES.textNode(e.getKey() + "=" + text));
        Position where = keys.get(Paths.child(at, e.getKey()));
        if (where != null) {
          values.put(Paths.item(at, k), where);
        }
      }
      ((ObjectNode) entry).set("set", list);
    }
  }

  /** A tree built in memory (no text, so no positions): problems are reported at {@code source}. */
  static YamlTree of(String source, JsonNode root) {
    YamlTree tree = new YamlTree(source);
    tree.root = root;
    return tree;
  }

  /** An independent copy: the tree and what is known of where each path is. */
  YamlTree copy() {
    YamlTree c = new YamlTree(source);
    c.baseDir = baseDir;
    c.root = root == null ? null : root.deepCopy();
    c.values.putAll(values);
    c.keys.putAll(keys);
    c.overridden.putAll(overridden);
    c.findings.addAll(findings);
    return c;
  }

  /**
   * Reads {@code text}. A syntax error leaves {@link #root} null and adds one finding, at the
   * error's position; duplicate keys are findings too (YAML would otherwise keep the last one
   * silently).
   */
  static YamlTree read(String source, String text) {
    YamlTree tree = new YamlTree(source);
    try (JsonParser p = YAML.createParser(text)) {
      if (p.nextToken() == null) {
        tree.root = NODES.missingNode();
        return tree;
      }
      tree.root = tree.readValue(p, "", null);
      if (p.nextToken() != null) {
        tree.addAt(
            "",
            position(p.currentTokenLocation()),
            "the file holds more than one YAML document; expected a single scenario");
      }
    } catch (JsonProcessingException e) {
      tree.root = null;
      tree.addAt(tree.readingPath, syntaxPosition(e), syntaxMessage(e));
    } catch (IOException e) {
      tree.root = null;
      tree.addAt("", null, "cannot be read (" + e.getMessage() + "); expected YAML text");
    }
    return tree;
  }

  /**
   * Reads the value at the parser's current token. A map or list under a key is located at its key
   * (the line a reader looks for); a scalar, or a list item, where its own text starts.
   */
  private JsonNode readValue(JsonParser p, String path, Position keyAt) throws IOException {
    readingPath = path;
    JsonToken t = p.currentToken();
    boolean container = t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY;
    values.put(path, container && keyAt != null ? keyAt : position(p.currentTokenLocation()));
    if (p instanceof com.fasterxml.jackson.dataformat.yaml.YAMLParser y && y.isCurrentAlias()) {
      // SnakeYAML hands an alias over as its anchor's name, as if it were text: refuse it rather
      // than read a different value from the one the user meant.
      addAt(
          path,
          position(p.currentTokenLocation()),
          "is an alias (*"
              + p.getText()
              + ") of an anchor; expected the value itself (phbsim reads each value where it is"
              + " written)");
      return NODES.nullNode();
    }
    if (t == JsonToken.VALUE_NUMBER_INT) {
      String written = p.getText();
      if (written != null && written.matches("[-+]?0[0-9_]+|[-+]?0[xXoObB][0-9A-Fa-f_]+")) {
        // YAML 1.1 reads 010 as octal 8 and 0x10 as 16: never what a scenario means.
        addAt(
            path,
            position(p.currentTokenLocation()),
            "found "
                + written
                + ", which YAML reads as "
                + p.getBigIntegerValue()
                + " (a leading zero means octal, 0x hexadecimal); expected the number written"
                + " without a leading zero");
      }
    }
    switch (t) {
      case START_OBJECT:
        {
          ObjectNode o = NODES.objectNode();
          while (p.nextToken() == JsonToken.FIELD_NAME) {
            String key = p.currentName();
            String keyPath = Paths.child(path, key);
            Position keyPosition = position(p.currentTokenLocation());
            p.nextToken();
            if (o.has(key)) {
              addAt(
                  keyPath, keyPosition, "key '" + key + "' appears twice; expected each key once");
            } else {
              keys.put(keyPath, keyPosition);
            }
            o.set(key, readValue(p, keyPath, keyPosition));
            readingPath = path;
          }
          return o;
        }
      case START_ARRAY:
        {
          ArrayNode a = NODES.arrayNode();
          int i = 0;
          while (p.nextToken() != JsonToken.END_ARRAY) {
            a.add(readValue(p, Paths.item(path, i++), null));
            readingPath = path;
          }
          return a;
        }
      case VALUE_STRING:
        return NODES.textNode(p.getText());
      case VALUE_NUMBER_INT:
        switch (p.getNumberType()) {
          case INT:
            return NODES.numberNode(p.getIntValue());
          case LONG:
            return NODES.numberNode(p.getLongValue());
          default:
            return NODES.numberNode(p.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(p.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        // Tagged binary and the like: keep the text; the structure check will say what it wanted.
        return NODES.textNode(p.getText());
    }
  }

  private static final Pattern MARK = Pattern.compile("line (\\d+), column (\\d+)");

  /**
   * SnakeYAML's message is "context, its mark, problem, its mark", each mark followed by a copy of
   * the line and a caret. Keep the words, and say where the context began.
   */
  private static String syntaxMessage(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher numeric = MALFORMED_NUMBER.matcher(original);
    if (numeric.find()) {
      // YAML's .nan and .inf: numbers no setting can use.
      return "found "
          + numeric.group(1)
          + ", which is not a finite number (not-a-number or infinity); expected a number";
    }
    List<String> words = new ArrayList<>();
    List<String> marks = new ArrayList<>();
    for (String line : original.split("\\R")) {
      Matcher m = MARK.matcher(line);
      if (line.startsWith(" in ") && m.find()) {
        marks.add("line " + m.group(1) + ", column " + m.group(2));
      } else if (!line.isBlank() && !Character.isWhitespace(line.charAt(0))) {
        words.add(line.strip());
      }
    }
    String problem = words.isEmpty() ? "the parser stopped here" : words.get(words.size() - 1);
    String context = "";
    if (words.size() > 1) {
      context =
          " ("
              + String.join(", ", words.subList(0, words.size() - 1))
              + (marks.size() > 1 ? " that began at " + marks.get(0) : "")
              + ")";
    }
    return "is not valid YAML: "
        + problem
        + context
        + "; expected 'key: value' lines, nested by consistent indentation with spaces";
  }

  private static final Pattern MALFORMED_NUMBER =
      Pattern.compile("Malformed numeric value '([^']*)'");

  /** Where SnakeYAML says the problem is (its last mark), else where Jackson says it stopped. */
  private static Position syntaxPosition(JsonProcessingException e) {
    String original = e.getOriginalMessage() == null ? "" : e.getOriginalMessage();
    Matcher m = MARK.matcher(original);
    Position last = null;
    while (m.find()) {
      last = new Position(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
    return last != null ? last : position(e.getLocation());
  }

  private static Position position(JsonLocation loc) {
    if (loc == null || loc.getLineNr() < 1) {
      return null;
    }
    return new Position(loc.getLineNr(), Math.max(loc.getColumnNr(), 0));
  }

  /** Adds a finding at an explicit position (parse-time findings). */
  private void addAt(String path, Position at, String message) {
    findings.add(
        new Finding(
            path,
            message,
            at == null ? new Place(source, 0, 0) : new Place(source, at.line(), at.column())));
  }

  /**
   * Records that {@code path} now holds a value from an override: positions in the file under it no
   * longer apply.
   */
  void markOverridden(String path, Place override) {
    for (Iterator<String> it = values.keySet().iterator(); it.hasNext(); ) {
      if (Paths.isWithin(it.next(), path)) {
        it.remove();
      }
    }
    keys.keySet().removeIf(k -> Paths.isWithin(k, path) && !k.equals(path));
    overridden.keySet().removeIf(k -> Paths.isWithin(k, path));
    overridden.put(path, override);
  }

  /** Where the value at exactly {@code path} is written in the file; null if it is not. */
  Place placeOfValue(String path) {
    Position p = values.get(path);
    return p == null ? null : new Place(source, p.line(), p.column());
  }

  /**
   * Where to report a problem at {@code path}: the value's own position, or failing that the
   * nearest enclosing path that has one (a missing key is reported at its parent). With {@code
   * atKey}, the key's position is preferred (for an unknown key, the key is what is wrong).
   */
  Place placeOf(String path, boolean atKey) {
    if (atKey && keys.containsKey(path)) {
      Position p = keys.get(path);
      return new Place(source, p.line(), p.column());
    }
    for (String at = path; at != null; at = Paths.parent(at)) {
      if (overridden.containsKey(at)) {
        return overridden.get(at);
      }
      Position p = values.get(at);
      if (p != null) {
        return new Place(source, p.line(), p.column());
      }
    }
    return new Place(source, 0, 0);
  }
}
