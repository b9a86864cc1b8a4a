package phbsim.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import org.dhatim.fastexcel.DataValidationErrorStyle;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import phbsim.scenario.Scenario;

/**
 * Writes the assumptions workbook of a scenario ({@code phbsim template}): every value in effect
 * (defaults included), a sheet per part of the scenario ({@link AssumptionsSheets#PARTS}), each
 * value with its YAML path, unit, price year, valid range and source (the comment on its line of
 * the file, as {@code explain} gives it, or {@code (default)}), and an empty notes column. Lists
 * (segments, services, the pathway, options, areas, uncertainty) are tables, one row per item.
 * Every cell with a range or a list of choices carries Excel's data validation.
 *
 * <p>{@link AssumptionsWorkbook} reads it back into the same scenario tree the YAML loader builds.
 */
public final class AssumptionsTemplate {
  /** The source given for a value the file leaves to its default, as Explain writes it. */
  static final String DEFAULT_SOURCE = "(default)";

  /** Blank rows under a table that carry its validation, for rows a user adds. */
  private static final int ROOM = 200;

  private AssumptionsTemplate() {}

  /**
   * Writes the workbook of {@code scenario}, loaded from {@code text} ({@code origin} names it).
   *
   * @throws IOException if {@code out} cannot be written
   */
  public static void write(String origin, String text, Scenario scenario, OutputStream out)
      throws IOException {
    JsonNode tree = treeOf(scenario);
    Sources sources = new Sources(origin, text, scenario);
    Workbook wb = new Workbook(out, "phbsim", "1.0");
    readme(wb.newWorksheet(AssumptionsSheets.README), origin, scenario);
    for (AssumptionsSheets.Part part : AssumptionsSheets.PARTS) {
      Worksheet ws = wb.newWorksheet(part.sheet());
      if (part.keys().equals(List.of("pathway"))) {
        flows(ws, (ArrayNode) tree.path("pathway"), sources);
      } else if (part.table()) {
        String key = part.keys().get(0);
        table(ws, key, (ArrayNode) tree.path(key), sources, scenario);
      } else {
        values(ws, part, tree, sources, scenario);
      }
    }
    wb.finish();
  }

  /** The scenario's tree as the template holds it: no head counts from a person-level file. */
  static JsonNode treeOf(Scenario scenario) {
    JsonNode tree = ScenarioYaml.toTree(scenario);
    if (scenario.startingPopulation() != null && tree.get("segments") instanceof ArrayNode segs) {
      // Counted again from the file when the workbook is read (ScenarioYaml.write does the same):
      // written out, a small count would publish a count of real people.
      segs.forEach(s -> ((ObjectNode) s).remove("startingCaseload"));
    }
    return tree;
  }

  private static void readme(Worksheet ws, String origin, Scenario scenario) {
    ws.value(0, 0, AssumptionsSheets.MARK);
    ws.style(0, 0).bold().fontSize(14).set();
    ws.value(1, 0, AssumptionsSheets.VERSION);
    String[] lines = {
      "",
      "Scenario: " + scenario.name() + " (from " + origin + ")",
      "",
      "How to use it",
      "1. Change a value in the Value column of a sheet (or in a table's cell). Excel checks it"
          + " against the Valid range where there is one.",
      "2. Add a row to a table (Segments, Services, Pathway, Options, Areas, Uncertainty) for a new"
          + " item; leave a cell empty to take the model's default.",
      "3. Write where a figure comes from in its Source cell (a docs/sources.md id in square"
          + " brackets, or ASSUMPTION: and the reasoning), and anything else in Notes.",
      "4. Run it: phbsim run assumptions.xlsx (validate, compare, explain, sweep, sensitivity and"
          + " calibrate read it too). phbsim checks it exactly as it checks a YAML scenario, and"
          + " names the sheet and cell of each problem.",
      "",
      "Keep the sheet names, the header rows and the YAML path column as they are: phbsim finds"
          + " each value by them. Do not merge cells. A formula is read by its last calculated"
          + " value. Type dates as dates and numbers as numbers (a point for decimals).",
      "",
      "Sheets",
    };
    int r = 2;
    for (String line : lines) {
      ws.value(r++, 0, line);
    }
    for (AssumptionsSheets.Part p : AssumptionsSheets.PARTS) {
      ws.value(r++, 0, p.sheet() + ": " + p.about());
    }
    ws.width(0, 120);
  }

  /** A sheet of one row per value: the leaves under the part's keys, in the record's order. */
  private static void values(
      Worksheet ws,
      AssumptionsSheets.Part part,
      JsonNode tree,
      Sources sources,
      Scenario scenario) {
    header(ws, 0, AssumptionsSheets.VALUE_HEADER);
    int[] row = {1};
    for (String key : part.keys()) {
      JsonNode node = tree.get(key);
      if (node == null) {
        continue;
      }
      leaves(
          node,
          key,
          (path, leaf) -> {
            int r = row[0]++;
            ws.value(r, 0, path);
            value(ws, r, 1, path, leaf);
            AssumptionsSheets.Rule rule = AssumptionsSheets.rule(path);
            ws.value(r, 2, rule == null ? "" : rule.unit());
            ws.value(r, 3, priceYear(scenario, path, leaf));
            ws.value(r, 4, rule == null ? "" : rule.range());
            ws.value(r, 5, sources.of(path));
            if (rule != null) {
              validate(ws, r, 1, r, rule, path);
            }
          });
    }
    ws.freezePane(1, 1);
    double[] widths = {44, 18, 16, 11, 26, 70, 40};
    for (int c = 0; c < widths.length; c++) {
      ws.width(c, widths[c]);
    }
  }

  /**
   * A table: a header of the items' paths (each relative to its item), a row of units, a row of
   * valid ranges, then one row per item; the notes column; then a source column for each value
   * column.
   */
  private static void table(
      Worksheet ws, String key, ArrayNode items, Sources sources, Scenario scenario) {
    List<String> columns = columns(key, items);
    List<String> header = new ArrayList<>();
    header.add(AssumptionsSheets.TABLE_LABELS.get(0));
    header.addAll(columns);
    header.add(AssumptionsSheets.NOTES);
    for (String c : columns) {
      header.add(AssumptionsSheets.SOURCE_OF + c);
    }
    header(ws, 0, header);
    ws.value(1, 0, AssumptionsSheets.TABLE_LABELS.get(1));
    ws.value(2, 0, AssumptionsSheets.TABLE_LABELS.get(2));
    ws.style(1, 0).italic().set();
    ws.style(2, 0).italic().set();
    int first = AssumptionsSheets.TABLE_HEADER_ROWS;
    for (int k = 0; k < columns.size(); k++) {
      String probe = key + "[0]." + columns.get(k);
      AssumptionsSheets.Rule rule = AssumptionsSheets.rule(probe);
      int c = k + 1;
      if (rule != null) {
        ws.value(1, c, rule.unit());
        ws.value(2, c, rule.range());
        ws.style(1, c).italic().set();
        ws.style(2, c).italic().set();
        validate(ws, first, c, first + items.size() + ROOM, rule, probe);
      }
      ws.width(c, Math.min(40, Math.max(12, columns.get(k).length() + 2)));
    }
    int notes = columns.size() + 1;
    ws.width(notes, 40);
    for (int i = 0; i < items.size(); i++) {
      int r = first + i;
      ws.value(r, 0, i + 1);
      JsonNode item = items.get(i);
      String at = Paths.item(key, i);
      for (int k = 0; k < columns.size(); k++) {
        String path = Paths.child(at, columns.get(k));
        JsonNode leaf = at(item, columns.get(k));
        if (leaf != null && !leaf.isNull()) {
          value(ws, r, k + 1, path, leaf);
          ws.value(r, notes + 1 + k, sources.of(path));
        }
      }
    }
    for (int k = 0; k < columns.size(); k++) {
      ws.width(notes + 1 + k, 30);
    }
    ws.width(0, 11);
    ws.freezePane(1, first);
  }

  /** The header of the pathway's table: one row per flow, a branch's flows in order. */
  static final List<String> FLOW_HEADER =
      List.of(
          "item",
          "from",
          "to",
          "share",
          AssumptionsSheets.NOTES,
          "source of share",
          "source of from");

  /**
   * The pathway: one row per flow (from a service, to a service or home, its share), so that the
   * order of each branch's flows, which the model draws in, is the order of the rows.
   */
  private static void flows(Worksheet ws, ArrayNode branches, Sources sources) {
    header(ws, 0, FLOW_HEADER);
    ws.value(1, 0, AssumptionsSheets.TABLE_LABELS.get(1));
    ws.value(2, 0, AssumptionsSheets.TABLE_LABELS.get(2));
    ws.value(1, 1, "service id");
    ws.value(1, 2, "service id or home");
    ws.value(1, 3, "share");
    ws.value(2, 3, "0 to 1; a branch's shares add to 1");
    int r = AssumptionsSheets.TABLE_HEADER_ROWS;
    AssumptionsSheets.Rule share =
        new AssumptionsSheets.Rule("share", "0 to 1", "AND(ISNUMBER(%1$s),%1$s>=0,1>=%1$s)", null);
    int first = r;
    for (int i = 0; i < branches.size(); i++) {
      JsonNode b = branches.get(i);
      var to = b.path("to").fields();
      ws.value(r, 6, sources.of("pathway[" + i + "].from"));
      while (to.hasNext()) {
        var e = to.next();
        ws.value(r, 0, i + 1);
        ws.value(r, 1, b.path("from").asText());
        ws.value(r, 2, e.getKey());
        value(ws, r, 3, "pathway[" + i + "].to." + e.getKey(), e.getValue());
        ws.value(r, 5, sources.of("pathway[" + i + "].to." + e.getKey()));
        r++;
      }
    }
    validate(ws, first, 3, r + ROOM, share, "pathway[0].to.home");
    double[] widths = {8, 24, 24, 10, 40, 70, 40};
    for (int c = 0; c < widths.length; c++) {
      ws.width(c, widths[c]);
    }
    ws.freezePane(1, first);
  }

  /**
   * A table's columns: every leaf path the items have (in the order first met), then the scalar
   * components of the item's record (and of records within it) that no item sets, so a row added
   * for a new item has a column for each of them.
   */
  static List<String> columns(String key, ArrayNode items) {
    Set<String> columns = new LinkedHashSet<>();
    for (JsonNode item : items) {
      leaves(item, "", (path, leaf) -> columns.add(path));
    }
    Type element = Shapes.listElement(AssumptionsSheets.typeAt(key));
    schemaColumns(element, "", columns, 0);
    return new ArrayList<>(columns);
  }

  private static void schemaColumns(Type type, String prefix, Set<String> out, int depth) {
    if (!Shapes.isRecord(type) || depth > 4) {
      return;
    }
    for (RecordComponent c : Shapes.components(type)) {
      String path = prefix.isEmpty() ? c.getName() : prefix + "." + c.getName();
      Type t = c.getGenericType();
      Class<?> raw = Shapes.raw(t);
      if (Shapes.isRecord(t)) {
        schemaColumns(t, path, out, depth + 1);
      } else if (Shapes.isList(t)) {
        Type e = Shapes.listElement(t);
        if (!Shapes.isRecord(e) && !Shapes.isList(e) && !Shapes.isMap(e)) {
          boolean any = out.stream().anyMatch(p -> p.startsWith(path + "["));
          if (!any) {
            out.add(path + "[0]");
          }
        }
      } else if (!Shapes.isMap(t) && raw != Object.class) {
        out.add(path);
      }
    }
  }

  /** The node at a relative canonical path under {@code node}, or null. */
  static JsonNode at(JsonNode node, String path) {
    List<AssumptionsSheets.Step> steps = AssumptionsSheets.steps(path);
    if (steps == null) {
      return null;
    }
    JsonNode n = node;
    for (AssumptionsSheets.Step s : steps) {
      n = s.isIndex() ? n.get(s.index()) : n.get(s.key());
      if (n == null) {
        return null;
      }
    }
    return n;
  }

  /** Calls {@code leaf} with each scalar under {@code node} and its path, in document order. */
  static void leaves(JsonNode node, String path, BiConsumer<String, JsonNode> leaf) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return;
    }
    if (node.isContainerNode() && node.isEmpty() && !path.isEmpty()) {
      leaf.accept(path, node); // an empty list or map, written [] or {}, as YAML writes it
    } else if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var e = fields.next();
        leaves(e.getValue(), Paths.child(path, e.getKey()), leaf);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        leaves(node.get(i), Paths.item(path, i), leaf);
      }
    } else {
      leaf.accept(path, node);
    }
  }

  private static void header(Worksheet ws, int row, List<String> names) {
    for (int c = 0; c < names.size(); c++) {
      ws.value(row, c, names.get(c));
      ws.style(row, c).bold().fillColor("DDEBF7").set();
    }
  }

  /** A value in its own type: a number, TRUE/FALSE, a date (for a date component), or text. */
  private static void value(Worksheet ws, int r, int c, String path, JsonNode leaf) {
    Type type = AssumptionsSheets.typeAt(path);
    if (leaf.isContainerNode()) {
      ws.value(r, c, leaf.isArray() ? "[]" : "{}");
    } else if (leaf.isNumber()) {
      ws.value(r, c, leaf.numberValue());
    } else if (leaf.isBoolean()) {
      ws.value(r, c, leaf.booleanValue());
    } else if (type != null && Shapes.raw(type) == LocalDate.class) {
      ws.value(r, c, LocalDate.parse(leaf.asText()));
      ws.style(r, c).format("yyyy-mm-dd").set();
    } else {
      ws.value(r, c, leaf.asText());
    }
  }

  private static void validate(
      Worksheet ws, int top, int col, int bottom, AssumptionsSheets.Rule rule, String path) {
    var range = ws.range(top, col, bottom, col);
    String cell = AssumptionsWorkbook.column(col) + (top + 1);
    String message = "phbsim expects " + rule.range() + " here";
    if (rule.choices() != null) {
      range
          .validateWithListByFormula("\"" + String.join(",", rule.choices()) + "\"")
          .allowBlank(true)
          .showErrorMessage(true)
          .errorStyle(DataValidationErrorStyle.STOP)
          .errorTitle("Not one of the choices")
          .error(message);
    } else {
      range
          .validateWithFormula(String.format(java.util.Locale.ROOT, rule.formula(), cell))
          .allowBlank(true)
          .showErrorMessage(true)
          .errorStyle(DataValidationErrorStyle.STOP)
          .errorTitle("Outside the valid range")
          .error(message);
    }
  }

  private static String priceYear(Scenario scenario, String path, JsonNode leaf) {
    if (!leaf.isNumber()) {
      return "";
    }
    try {
      return Explain.priceOf(scenario, path, leaf.asDouble()).map(p -> p.year().label()).orElse("");
    } catch (RuntimeException notAPrice) {
      return "";
    }
  }

  /**
   * Where each value comes from: the comment on its line of the file, as Explain gives it (so that
   * the results of a run of the workbook name the same sources as a run of the file), or {@code
   * (default)} for a value the file leaves out.
   */
  static final class Sources {
    private final Map<String, String> explained = new LinkedHashMap<>();
    private final YamlTree listed;
    private final String[] lines;

    Sources(String origin, String text, Scenario scenario) {
      for (Explain.Assumption a : Explain.assumptions(origin, text, scenario)) {
        explained.put(a.path(), a.comment());
      }
      listed = YamlTree.read(origin, text);
      if (listed.root != null) {
        listed.listOptionChanges();
      }
      lines = text.split("\\R", -1);
    }

    String of(String path) {
      String s = explained.get(path);
      if (s != null) {
        return s;
      }
      YamlTree.Place place = listed.root == null ? null : listed.placeOfValue(path);
      return place == null ? DEFAULT_SOURCE : Explain.comment(lines[Math.max(0, place.line() - 1)]);
    }
  }
}
