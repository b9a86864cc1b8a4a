package phbsim.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;
import org.dhatim.fastexcel.reader.Sheet;
import phbsim.scenario.Scenario;

/**
 * Reads an assumptions workbook ({@link AssumptionsTemplate}) back into a scenario: the cells
 * become the same Jackson tree a YAML file does, written as YAML text (each value's Source cell as
 * the comment on its line, so {@code explain} and the results' Assumptions sheet name the same
 * sources), and that text goes through {@link ScenarioLoader} like any scenario file, so every
 * check of a YAML scenario applies to a workbook. Problems are reported at the sheet and cell
 * ({@code assumptions.xlsx:Budgets!B14: budgets.restrictiveShare: found 1.2; expected ...}).
 *
 * <p>Before anything is unpacked the file is checked: at most {@link #MAX_BYTES}, an .xlsx package
 * (not an .xls, a password-protected workbook or a renamed CSV), and at most {@link #MAX_UNPACKED}
 * bytes once unpacked (a zip bomb is refused while it is being counted, never written out).
 */
public final class AssumptionsWorkbook {
  /** The largest workbook read: a template is a few tens of kilobytes. */
  public static final long MAX_BYTES = 10L * 1024 * 1024;

  /** The most its parts may unpack to, all together. */
  public static final long MAX_UNPACKED = 100L * 1024 * 1024;

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  /**
   * A workbook read: the YAML text it is read as, where each path's value is (sheet and cell), and
   * where each line of the text came from.
   */
  public record Read(
      String source, String yaml, Map<String, String> cells, Map<Integer, String> lines) {
    /** The sheet and cell of the value at {@code path} (or of its row or sheet), if known. */
    public Optional<String> cellOf(String path) {
      for (String at = path; at != null; at = Paths.parent(at)) {
        String c = cells.get(at);
        if (c != null) {
          return Optional.of(c);
        }
      }
      return Optional.empty();
    }
  }

  private AssumptionsWorkbook() {}

  /** Whether a name is that of a workbook (.xlsx, or another Excel file to be refused clearly). */
  public static boolean isWorkbook(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return lower.endsWith(".xlsx") || lower.endsWith(".xlsm") || lower.endsWith(".xls");
  }

  /**
   * Loads the scenario of a workbook, with {@code --set} overrides as for a YAML file.
   *
   * @throws ScenarioLoadException listing every problem, each at its sheet and cell
   */
  public static Scenario load(Path file, List<String> overrides) {
    return load(file, file.toString(), overrides);
  }

  /**
   * Loads the scenario of a workbook whose problems are to name it {@code source}, not its path (an
   * upload saved to a temporary file, named by its owner's file name).
   */
  public static Scenario load(Path file, String source, List<String> overrides) {
    Read read = read(file, source);
    Path folder = file.toAbsolutePath().getParent();
    try {
      return ScenarioLoader.parse(read.source(), read.yaml(), overrides, folder);
    } catch (ScenarioLoadException e) {
      throw relocated(read, e.problems(), List.of());
    }
  }

  /** The YAML text a workbook is read as (what a run hashes, explains and lists), checked. */
  public static String text(Path file) {
    return read(file).yaml();
  }

  /**
   * Reads a workbook into its YAML text and the place of each value.
   *
   * @throws ScenarioLoadException if it is not a phbsim assumptions workbook, or a cell cannot be
   *     read as what its path holds (each problem at its cell)
   */
  public static Read read(Path file) {
    return read(file, file.toString());
  }

  /** Reads a workbook as {@link #read(Path)} does, its problems naming it {@code source}. */
  public static Read read(Path file, String source) {
    byte[] bytes = guarded(file, source);
    Map<String, List<String>> merged = WorkbookPackage.mergedCells(source, bytes, file);
    Reader r = new Reader(source);
    try (ReadableWorkbook wb =
        new ReadableWorkbook(new ByteArrayInputStream(bytes), new ReadingOptions(true, false))) {
      r.read(wb, merged);
    } catch (ScenarioLoadException e) {
      throw e;
    } catch (IOException | RuntimeException e) {
      throw new ScenarioLoadException(
          List.of(
              new LoadProblem(
                  source,
                  0,
                  0,
                  "",
                  "cannot be read as a workbook ("
                      + e.getClass().getSimpleName()
                      + (e.getMessage() == null ? "" : ": " + e.getMessage())
                      + "); "
                      + EXPECTED)));
    }
    Read read = r.result(sha256(bytes));
    if (!r.problems.isEmpty()) {
      // Check the rest as the loader would, so that every problem is listed at once; a loader
      // problem on a path already reported is a consequence of it, not another mistake. A sheet
      // missing (renamed, deleted) is not checked further: all the loader would add is what its
      // absence leads to.
      List<LoadProblem> loader = List.of();
      if (r.missingSheet) {
        throw relocated(read, loader, r.problems);
      }
      try {
        ScenarioLoader.parse(
            read.source(), read.yaml(), List.of(), file.toAbsolutePath().getParent());
      } catch (ScenarioLoadException e) {
        loader = e.problems();
      }
      throw relocated(read, loader, r.problems, r.uncertainPaths());
    }
    return read;
  }

  static final String EXPECTED =
      "expected a phbsim assumptions workbook, as 'phbsim template SCENARIO --out FILE.xlsx'"
          + " writes it";

  /** The file's bytes, once it is known to be a workbook of a size worth opening. */
  private static byte[] guarded(Path file, String source) {
    try {
      long size = Files.size(file);
      if (size > MAX_BYTES) {
        throw refused(
            source,
            "is "
                + (size / (1024 * 1024))
                + " MB; expected an assumptions workbook of at most "
                + (MAX_BYTES / (1024 * 1024))
                + " MB (a template is a few tens of kilobytes)");
      }
      byte[] bytes = Files.readAllBytes(file);
      WorkbookPackage.check(source, bytes, file);
      return bytes;
    } catch (NoSuchFileException e) {
      throw refused(source, "does not exist; " + EXPECTED);
    } catch (IOException e) {
      throw refused(source, "cannot be read (" + e.getMessage() + "); " + EXPECTED);
    }
  }

  static ScenarioLoadException refused(String source, String message) {
    return new ScenarioLoadException(List.of(new LoadProblem(source, 0, 0, "", message)));
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  /**
   * The loader's problems (at lines of the text the workbook was read as) moved to the cells they
   * came from, after the reader's own; a loader problem on the branch of a reader's is dropped.
   */
  private static ScenarioLoadException relocated(
      Read read, List<LoadProblem> loader, List<Finding> own) {
    return relocated(read, loader, own, Map.of());
  }

  /** The item of list {@code key} that {@code path} is in ({@code uncertainty[3]}), or "". */
  private static String itemOf(String path, String key) {
    if (!path.startsWith(key + "[")) {
      return "";
    }
    int close = path.indexOf(']');
    return close < 0 ? "" : path.substring(0, close + 1);
  }

  private static ScenarioLoadException relocated(
      Read read, List<LoadProblem> loader, List<Finding> own, Map<String, String> uncertain) {
    List<LoadProblem> out = new ArrayList<>();
    for (Finding f : own) {
      out.add(new LoadProblem(f.place().source(), 0, 0, f.path(), f.message()));
    }
    for (LoadProblem p : loader) {
      boolean follows = false;
      for (Finding f : own) {
        if (!f.path().isEmpty()
            && !p.path().isEmpty()
            && (Paths.isWithin(p.path(), f.path()) || Paths.isWithin(f.path(), p.path()))) {
          follows = true;
        }
        // An uncertainty range about a value that could not be read is checked against the
        // default that stood in for it: a consequence too.
        String about = uncertain.get(itemOf(p.path(), "uncertainty"));
        if (about != null && !f.path().isEmpty() && about.equals(f.path())) {
          follows = true;
        }
      }
      if (follows) {
        continue;
      }
      if (!p.source().equals(read.source())) {
        out.add(p); // a --set override, or a file the scenario names: already placed
        continue;
      }
      String cell = placeOf(read, p);
      out.add(
          new LoadProblem(
              cell == null ? read.source() : read.source() + ":" + cell,
              0,
              0,
              p.path(),
              p.message()));
    }
    return new ScenarioLoadException(out);
  }

  /**
   * Where a loader problem is in the workbook: the cell of its path if it has one and the loader
   * placed it on that branch; else the cell on the line the loader named (an option's change, say);
   * else the nearest enclosing row or sheet.
   */
  private static String placeOf(Read read, LoadProblem p) {
    if (p.message().startsWith("is missing")) {
      // A value left out (its row deleted) has no cell: its table row or its sheet.
      return read.cellOf(p.path()).orElse(null);
    }
    String byLine = p.line() > 0 ? read.lines().get(p.line()) : null;
    String exact = read.cells().get(p.path());
    if (exact != null && byLine == null) {
      return exact;
    }
    if (exact != null) {
      String linePath = read.lines().get(-p.line());
      if (linePath == null
          || Paths.isWithin(p.path(), linePath)
          || Paths.isWithin(linePath, p.path())) {
        return exact;
      }
    }
    if (byLine != null) {
      return byLine;
    }
    return read.cellOf(p.path()).orElse(null);
  }

  /** Reads the sheets into a tree, noting each value's cell and source; collects problems. */
  private static final class Reader {
    final String source;
    final ObjectNode root = NODES.objectNode();
    final Map<String, String> cells = new HashMap<>();
    final Map<String, String> sources = new HashMap<>();
    final List<Finding> problems = new ArrayList<>();
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    boolean missingSheet;
    private String sheet = "";

    Reader(String source) {
      this.source = source;
    }

    void problem(String cell, String path, String message) {
      String where = cell == null ? source : source + ":" + cell;
      problems.add(new Finding(path, message, new YamlTree.Place(where, 0, 0)));
    }

    void read(ReadableWorkbook wb, Map<String, List<String>> merged) throws IOException {
      Map<String, Sheet> sheets = new LinkedHashMap<>();
      wb.getSheets().forEach(s -> sheets.put(s.getName(), s));
      Sheet readme = sheets.get(AssumptionsSheets.README);
      List<Row> readmeRows = readme == null ? List.of() : readme.read();
      String mark = readmeRows.isEmpty() ? "" : text(readmeRows.get(0), 0);
      if (!AssumptionsSheets.MARK.equals(mark)) {
        throw refused(
            source,
            "is not a phbsim assumptions workbook (it has no "
                + AssumptionsSheets.README
                + " sheet starting '"
                + AssumptionsSheets.MARK
                + "'); "
                + EXPECTED);
      }
      String version = readmeRows.size() < 2 ? "" : text(readmeRows.get(1), 0);
      if (!AssumptionsSheets.VERSION.equals(version)) {
        throw refused(
            source,
            "is an assumptions workbook in '"
                + version
                + "'; expected '"
                + AssumptionsSheets.VERSION
                + "' (write a new template with this phbsim)");
      }
      List<String> unknown = new ArrayList<>();
      for (String name : sheets.keySet()) {
        boolean known =
            name.equals(AssumptionsSheets.README)
                || AssumptionsSheets.PARTS.stream().anyMatch(p -> p.sheet().equals(name));
        if (!known) {
          unknown.add(name);
        }
      }
      for (Map.Entry<String, List<String>> m : merged.entrySet()) {
        for (String range : m.getValue()) {
          problem(
              ref(m.getKey(), range),
              "",
              "cells "
                  + range
                  + " are merged; expected each value in a cell of its own (unmerge them)");
        }
      }
      for (AssumptionsSheets.Part part : AssumptionsSheets.PARTS) {
        Sheet s = sheets.get(part.sheet());
        if (s == null) {
          String hint =
              unknown.isEmpty()
                  ? ""
                  : " (is it one of " + String.join(", ", unknown) + ", renamed?)";
          missingSheet = true;
          problem(
              null,
              part.keys().get(0),
              "has no sheet '"
                  + part.sheet()
                  + "'"
                  + hint
                  + "; expected the sheets of the template, named as it names them: "
                  + sheetNames());
          continue;
        }
        sheet = part.sheet();
        for (String k : part.keys()) {
          cells.put(k, quoted(sheet));
        }
        List<Row> rows = s.read();
        if (part.keys().equals(List.of("pathway"))) {
          flows(rows);
        } else if (part.table()) {
          table(part, rows);
        } else {
          values(part, rows);
        }
      }
      for (String name : unknown) {
        problem(
            quoted(name),
            "",
            "sheet '"
                + name
                + "' is not one phbsim reads; expected only the sheets of the template: "
                + sheetNames()
                + " (put notes in a Notes column)");
      }
    }

    private static String sheetNames() {
      List<String> names = new ArrayList<>();
      names.add(AssumptionsSheets.README);
      AssumptionsSheets.PARTS.forEach(p -> names.add(p.sheet()));
      return String.join(", ", names);
    }

    private void values(AssumptionsSheets.Part part, List<Row> rows) {
      if (rows.isEmpty() || !AssumptionsSheets.VALUE_HEADER.get(0).equals(text(rows.get(0), 0))) {
        problem(
            ref(sheet, "A1"),
            part.keys().get(0),
            "found '"
                + (rows.isEmpty() ? "" : text(rows.get(0), 0))
                + "' as the first header; expected the template's header row: "
                + String.join(", ", AssumptionsSheets.VALUE_HEADER));
        return;
      }
      for (int i = 1; i < rows.size(); i++) {
        Row row = rows.get(i);
        int n = row.getRowNum();
        String path = text(row, 0).strip();
        Cell value = cell(row, 1);
        if (path.isEmpty()) {
          if (value != null && value.getType() != CellType.EMPTY) {
            problem(
                ref(sheet, "A" + n),
                "",
                "a value in row " + n + " has no YAML path; expected the path in column A");
          }
          continue;
        }
        String at = ref(sheet, "A" + n);
        List<AssumptionsSheets.Step> steps = AssumptionsSheets.steps(path);
        if (steps == null || steps.get(0).isIndex()) {
          problem(
              at,
              "",
              "found '"
                  + path
                  + "' as a YAML path; expected keys joined by dots with [index] after a list,"
                  + " such as budgets.rollout.q");
          continue;
        }
        String top = steps.get(0).key();
        if (!part.keys().contains(top)) {
          String other = "";
          for (AssumptionsSheets.Part p : AssumptionsSheets.PARTS) {
            if (p.keys().contains(top)) {
              other = " (it belongs on sheet '" + p.sheet() + "')";
            }
          }
          problem(
              at,
              path,
              "is not a setting of this sheet"
                  + other
                  + "; expected a path starting "
                  + String.join(" or ", part.keys()));
          continue;
        }
        String cellRef = ref(sheet, "B" + n);
        JsonNode node = node(value, path, cellRef);
        if (node == null) {
          continue;
        }
        if (!seen.add(path)) {
          problem(
              at,
              path,
              "appears twice (again in row "
                  + n
                  + "); expected each YAML path once (delete one of the rows)");
          continue;
        }
        insert(path, node, cellRef);
        String src = text(row, 5).strip();
        if (!src.isEmpty()) {
          sources.put(path, src);
        }
      }
    }

    /** The pathway's rows: a new branch where the 'from' changes, its flows in row order. */
    private void flows(List<Row> rows) {
      ArrayNode branches = root.putArray("pathway");
      if (rows.isEmpty() || !"from".equals(text(rows.get(0), 1).strip())) {
        problem(
            ref(sheet, "B1"),
            "pathway",
            "found '"
                + (rows.isEmpty() ? "" : text(rows.get(0), 1))
                + "' as the second header; expected the template's header row: "
                + String.join(", ", AssumptionsTemplate.FLOW_HEADER));
        return;
      }
      String from = null;
      for (Row row : rows) {
        int n = row.getRowNum();
        if (n <= AssumptionsSheets.TABLE_HEADER_ROWS) {
          continue;
        }
        String f = text(row, 1).strip();
        String to = text(row, 2).strip();
        Cell share = cell(row, 3);
        boolean noShare = share == null || share.getType() == CellType.EMPTY || blank(share);
        if (f.isEmpty() && to.isEmpty() && noShare) {
          continue;
        }
        if (f.isEmpty() || to.isEmpty()) {
          problem(
              ref(sheet, (f.isEmpty() ? "B" : "C") + n),
              "pathway",
              "row "
                  + n
                  + " has no '"
                  + (f.isEmpty() ? "from" : "to")
                  + "'; expected the service people leave, where they go and the share");
          continue;
        }
        if (!f.equals(from)) {
          branches.addObject().put("from", f).putObject("to");
          from = f;
          int i = branches.size() - 1;
          cells.put(Paths.item("pathway", i), ref(sheet, "A" + n));
          cells.put("pathway[" + i + "].from", ref(sheet, "B" + n));
          cells.put("pathway[" + i + "].to", ref(sheet, "C" + n));
          String fromSource = text(row, 6).strip();
          if (!fromSource.isEmpty()) {
            sources.put("pathway[" + i + "].from", fromSource);
          }
        }
        int i = branches.size() - 1;
        String path = "pathway[" + i + "].to." + to;
        String cellRef = ref(sheet, "D" + n);
        if (noShare) {
          problem(cellRef, path, "is empty; expected the share of people who go to " + to);
          continue;
        }
        JsonNode node = node(share, path, cellRef);
        if (node == null) {
          continue;
        }
        if (branches.get(i).get("to").has(to)) {
          problem(
              ref(sheet, "C" + n),
              path,
              "'" + to + "' appears twice for '" + f + "'; expected each destination once");
          continue;
        }
        ((ObjectNode) branches.get(i).get("to")).set(to, node);
        cells.put(path, cellRef);
        String src = text(row, 5).strip();
        if (!src.isEmpty()) {
          sources.put(path, src);
        }
      }
    }

    private void table(AssumptionsSheets.Part part, List<Row> rows) {
      String key = part.keys().get(0);
      root.putArray(key);
      if (rows.isEmpty()
          || !AssumptionsSheets.TABLE_LABELS.get(0).equals(text(rows.get(0), 0).strip())) {
        problem(
            ref(sheet, "A1"),
            key,
            "found '"
                + (rows.isEmpty() ? "" : text(rows.get(0), 0))
                + "' as the first header; expected the template's header row, starting '"
                + AssumptionsSheets.TABLE_LABELS.get(0)
                + "'");
        return;
      }
      Row header = rows.get(0);
      List<String> columns = new ArrayList<>();
      Map<String, Integer> sourceColumn = new HashMap<>();
      int notes = -1;
      for (int c = 1; c < header.getCellCount(); c++) {
        String name = text(header, c).strip();
        if (notes < 0 && name.equals(AssumptionsSheets.NOTES)) {
          notes = c;
        } else if (notes < 0) {
          columns.add(name);
        } else if (name.startsWith(AssumptionsSheets.SOURCE_OF)) {
          sourceColumn.put(name.substring(AssumptionsSheets.SOURCE_OF.length()), c);
        }
      }
      if (notes < 0) {
        problem(
            ref(sheet, "A1"),
            key,
            "has no '"
                + AssumptionsSheets.NOTES
                + "' column; expected the template's header row, the values' columns then Notes");
        return;
      }
      for (int c = 0; c < columns.size(); c++) {
        String col = columns.get(c);
        if (!col.isEmpty() && AssumptionsSheets.steps(col) == null) {
          problem(
              ref(sheet, column(c + 1) + "1"),
              key,
              "found '"
                  + col
                  + "' as a column's path; expected a path within an item, such as"
                  + " exitsPerYear.died");
        }
      }
      int item = 0;
      for (int i = 0; i < rows.size(); i++) {
        Row row = rows.get(i);
        if (row.getRowNum() <= AssumptionsSheets.TABLE_HEADER_ROWS) {
          continue;
        }
        boolean any = false;
        for (int c = 0; c < columns.size(); c++) {
          Cell cell = cell(row, c + 1);
          if (cell != null && cell.getType() != CellType.EMPTY && !blank(cell)) {
            any = true;
          }
        }
        if (!any) {
          continue;
        }
        String at = Paths.item(key, item++);
        ((ArrayNode) root.get(key)).add(NODES.objectNode());
        cells.put(at, ref(sheet, "A" + row.getRowNum()));
        for (int c = 0; c < columns.size(); c++) {
          String col = columns.get(c);
          Cell cell = cell(row, c + 1);
          if (col.isEmpty() || cell == null || cell.getType() == CellType.EMPTY || blank(cell)) {
            continue;
          }
          if (AssumptionsSheets.steps(col) == null) {
            continue;
          }
          String path = Paths.child(at, col);
          String cellRef = ref(sheet, column(c + 1) + row.getRowNum());
          JsonNode node = node(cell, path, cellRef);
          if (node == null) {
            continue;
          }
          insert(path, node, cellRef);
          Integer sc = sourceColumn.get(col);
          if (sc != null) {
            String src = text(row, sc).strip();
            if (!src.isEmpty()) {
              sources.put(path, src);
            }
          }
        }
      }
    }

    /** Puts {@code value} at {@code path}, making the maps and lists on the way. */
    private void insert(String path, JsonNode value, String cellRef) {
      List<AssumptionsSheets.Step> steps = AssumptionsSheets.steps(path);
      JsonNode node = root;
      String at = "";
      for (int k = 0; k < steps.size(); k++) {
        AssumptionsSheets.Step s = steps.get(k);
        boolean last = k == steps.size() - 1;
        boolean nextIsIndex = !last && steps.get(k + 1).isIndex();
        String here = s.isIndex() ? Paths.item(at, s.index()) : Paths.child(at, s.key());
        JsonNode child;
        if (s.isIndex()) {
          if (!(node instanceof ArrayNode list)) {
            problem(cellRef, path, "is not a list at " + at + "; expected " + shape(at));
            return;
          }
          while (list.size() <= s.index()) {
            list.addNull();
          }
          child = list.get(s.index());
          if (last) {
            list.set(s.index(), value);
            break;
          }
          if (child.isNull()) {
            child = nextIsIndex ? NODES.arrayNode() : NODES.objectNode();
            list.set(s.index(), child);
          }
        } else {
          if (!(node instanceof ObjectNode map)) {
            problem(cellRef, path, "is not a map at " + at + "; expected " + shape(at));
            return;
          }
          child = map.get(s.key());
          if (last) {
            if (child != null
                && child.isContainerNode()
                && value.isContainerNode()
                && value.isEmpty()
                && child.isArray() == value.isArray()) {
              break; // an empty list or map where items are already set
            }
            if (child != null && value.isContainerNode() && value.isEmpty() && child.isNull()) {
              map.set(s.key(), value);
              break;
            }
            if (child != null && !child.isNull()) {
              problem(cellRef, path, "is set twice; expected each value once");
              return;
            }
            map.set(s.key(), value);
            break;
          }
          if (child == null || child.isNull()) {
            child = nextIsIndex ? NODES.arrayNode() : NODES.objectNode();
            map.set(s.key(), child);
          }
        }
        node = child;
        at = here;
      }
      cells.put(path, cellRef);
    }

    private static String shape(String path) {
      Type t = AssumptionsSheets.typeAt(path);
      return t == null ? "a value the model knows" : Shapes.describe(t);
    }

    /**
     * The node a cell gives for the value at {@code path}: its number, TRUE/FALSE, date or text,
     * read as the type the model has there; null (and a problem) if it cannot be read.
     */
    private JsonNode node(Cell cell, String path, String at) {
      if (cell == null || cell.getType() == CellType.EMPTY || blank(cell)) {
        return null;
      }
      Type type = AssumptionsSheets.typeAt(path);
      Class<?> raw = type == null ? null : Shapes.raw(type);
      CellType kind = cell.getType();
      String raw1 = cell.getRawValue();
      if (kind == CellType.FORMULA) {
        // A formula is read by the value the spreadsheet last calculated for it, if it kept one.
        if (raw1 == null || raw1.isEmpty()) {
          problem(
              at,
              path,
              "holds the formula ="
                  + cell.getFormula()
                  + " with no calculated value saved; expected a value (or open and save the"
                  + " workbook in a spreadsheet program, which calculates it)");
          return null;
        }
        return cached(cell, raw1, raw, path, at);
      }
      if (kind == CellType.ERROR) {
        problem(at, path, "holds the error " + raw1 + "; expected a value");
        return null;
      }
      if (kind == CellType.NUMBER) {
        return number(cell.asNumber(), cell, raw, path, at);
      }
      if (kind == CellType.BOOLEAN) {
        boolean b = Boolean.TRUE.equals(cell.asBoolean());
        return raw == String.class ? NODES.textNode(String.valueOf(b)) : NODES.booleanNode(b);
      }
      return typed(cell.asString(), raw, path, at);
    }

    /** A formula's cached value, whose type the cell's raw text and the model's type decide. */
    private JsonNode cached(Cell cell, String value, Class<?> raw, String path, String at) {
      if (raw == boolean.class || raw == Boolean.class) {
        if (value.equals("1") || value.equalsIgnoreCase("true")) {
          return NODES.booleanNode(true);
        }
        if (value.equals("0") || value.equalsIgnoreCase("false")) {
          return NODES.booleanNode(false);
        }
      }
      try {
        return number(new BigDecimal(value.strip()), cell, raw, path, at);
      } catch (NumberFormatException text) {
        return typed(value, raw, path, at);
      }
    }

    private JsonNode number(BigDecimal n, Cell cell, Class<?> raw, String path, String at) {
      if (raw == LocalDate.class) {
        // A date is a number of days in a spreadsheet; the cell's format says it is a date.
        try {
          return NODES.textNode(cell.asDate().toLocalDate().toString());
        } catch (RuntimeException notADate) {
          problem(at, path, "found " + n + "; expected a date, such as 2026-04-01");
          return null;
        }
      }
      if (raw == String.class || (raw != null && raw.isEnum())) {
        return NODES.textNode(n.stripTrailingZeros().toPlainString());
      }
      BigDecimal whole = n.stripTrailingZeros();
      if (whole.scale() <= 0) {
        try {
          return NODES.numberNode(whole.intValueExact());
        } catch (ArithmeticException big) {
          try {
            return NODES.numberNode(whole.longValueExact());
          } catch (ArithmeticException bigger) {
            return NODES.numberNode(n.doubleValue());
          }
        }
      }
      return NODES.numberNode(n.doubleValue());
    }

    private JsonNode typed(String s, Class<?> raw, String path, String at) {
      String t = s == null ? "" : s;
      boolean number =
          raw == int.class
              || raw == Integer.class
              || raw == double.class
              || raw == Double.class
              || raw == long.class;
      if (number) {
        String stripped = t.strip();
        String local = otherLocale(stripped);
        if (local != null) {
          problem(
              at,
              path,
              "found '"
                  + stripped
                  + "', a number in another locale's format; expected a number typed with a"
                  + " decimal point and no thousands separators, such as "
                  + local);
          return null;
        }
        if (stripped.matches("[+-]?[0-9]+(\\.[0-9]+)?([eE][+-]?[0-9]+)?")) {
          problem(
              at,
              path,
              "found the text '"
                  + stripped
                  + "' in a cell formatted as text; expected a number (format the cell as a"
                  + " number and type it again)");
          return null;
        }
      }
      if (raw != null && (Shapes.isList(raw) || Shapes.isMap(raw) || raw.isRecord())) {
        if (t.strip().equals("[]") && Shapes.isList(raw)) {
          return NODES.arrayNode();
        }
        if (t.strip().equals("{}") && !Shapes.isList(raw)) {
          return NODES.objectNode();
        }
      }
      if (raw == LocalDate.class) {
        String stripped = t.strip();
        if (!stripped.matches("[0-9]{4}-[0-9]{2}-[0-9]{2}")) {
          problem(
              at,
              path,
              "found the text '"
                  + stripped
                  + "'; expected a date, typed as a date (such as 2026-04-01), not as text");
          return null;
        }
        return NODES.textNode(stripped);
      }
      return NODES.textNode(t);
    }

    /** Each uncertainty item ({@code uncertainty[3]}) by the path it gives a range for. */
    Map<String, String> uncertainPaths() {
      Map<String, String> out = new HashMap<>();
      JsonNode items = root.get("uncertainty");
      if (items instanceof ArrayNode list) {
        for (int i = 0; i < list.size(); i++) {
          JsonNode path = list.get(i).get("path");
          if (path != null && path.isTextual()) {
            out.put(Paths.item("uncertainty", i), path.asText());
          }
        }
      }
      return out;
    }

    Read result(String sha) {
      ObjectNode ordered = NODES.objectNode();
      for (RecordComponent c : Scenario.class.getRecordComponents()) {
        if (root.has(c.getName())) {
          JsonNode v = root.get(c.getName());
          boolean emptyList = v.isArray() && v.isEmpty();
          if (!emptyList) {
            ordered.set(c.getName(), v);
          }
        }
      }
      root.fieldNames()
          .forEachRemaining(
              n -> {
                if (!ordered.has(n) && !(root.get(n).isArray() && root.get(n).isEmpty())) {
                  ordered.set(n, root.get(n));
                }
              });
      String yaml = ScenarioYaml.text(ordered);
      // The Source cells as the comments on the values' lines, as a YAML file would give them.
      YamlTree placed = YamlTree.read(source, yaml);
      String[] lines = yaml.split("\n", -1);
      Map<Integer, String> lineCells = new HashMap<>();
      for (Map.Entry<String, String> e : cells.entrySet()) {
        YamlTree.Place p = placed.root == null ? null : placed.placeOfValue(e.getKey());
        if (p == null || p.line() < 1) {
          continue;
        }
        JsonNode n = AssumptionsTemplate.at(ordered, e.getKey());
        if (n == null || !(n.isValueNode() || n.isContainerNode() && n.isEmpty())) {
          continue;
        }
        lineCells.put(p.line() + 1, e.getValue());
        lineCells.put(-(p.line() + 1), e.getKey());
        String src = sources.get(e.getKey());
        if (src != null) {
          lines[p.line() - 1] += " # " + src.replaceAll("\\R", " ");
        }
      }
      String header =
          ScenarioYaml.WORKBOOK_HEADER + Path.of(source).getFileName() + "; SHA-256 " + sha + "\n";
      return new Read(source, header + String.join("\n", lines), Map.copyOf(cells), lineCells);
    }
  }

  /** A decimal comma or thousands separators: what the number would be written here, else null. */
  static String otherLocale(String s) {
    if (s.matches("[+-]?[0-9]+,[0-9]+")) {
      return s.replace(',', '.');
    }
    if (s.matches("[+-]?[0-9]{1,3}([.\u00a0\u202f ' ][0-9]{3})+(,[0-9]+)?")) {
      return s.replaceAll("[.\u00a0\u202f ' ]", "").replace(',', '.');
    }
    if (s.matches("[+-]?[0-9]{1,3}(,[0-9]{3})+(\\.[0-9]+)?")) {
      return s.replace(",", "");
    }
    return null;
  }

  private static boolean blank(Cell cell) {
    return cell.getType() == CellType.STRING
        && (cell.asString() == null || cell.asString().isBlank());
  }

  private static Cell cell(Row row, int c) {
    return c < row.getCellCount() ? row.getCell(c) : null;
  }

  private static String text(Row row, int c) {
    Cell cell = cell(row, c);
    if (cell == null || cell.getType() == CellType.EMPTY) {
      return "";
    }
    String t = cell.getText();
    return t == null ? "" : t;
  }

  /** The column letters of a 0-based index: 0 is A, 26 is AA. */
  static String column(int index) {
    StringBuilder sb = new StringBuilder();
    for (int i = index + 1; i > 0; i = (i - 1) / 26) {
      sb.insert(0, (char) ('A' + (i - 1) % 26));
    }
    return sb.toString();
  }

  /** A cell reference as Excel writes it, the sheet quoted if its name has a space. */
  static String ref(String sheet, String cell) {
    return quoted(sheet) + "!" + cell;
  }

  private static String quoted(String sheet) {
    return sheet.matches("[A-Za-z0-9_]+") ? sheet : "'" + sheet.replace("'", "''") + "'";
  }
}
