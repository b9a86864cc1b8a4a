package phbsim.writers.xlsx;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Completes a package fastexcel wrote with what fastexcel 0.20.2 cannot write: formulas' cached
 * values and line charts.
 *
 * <p>Why this route. fastexcel writes a formula as {@code <f>} with no {@code <v>} (its
 * Cell.write), so a reader that does not recalculate (fastexcel's own reader, LibreOffice's default
 * for xlsx, a preview pane) shows an empty cell; and it has no chart API. Apache POI writes both,
 * but it would bring some 20 MB of dependencies into every download and hold each sheet in memory
 * (the monthly sheets have tens of thousands of rows), or in its streaming form restrict the
 * charts. What is missing is small and standard (ECMA-376 Part 1: a {@code <v>} beside each {@code
 * <f>}; a chart part, a drawing part that anchors it, their relationships and content types), so it
 * is added here to the package fastexcel wrote, and nothing fastexcel wrote is changed otherwise.
 *
 * <p>The bytes are reproducible: entries keep fastexcel's order, the new ones follow, every entry
 * with the same fixed time.
 */
public final class PackageParts {
  private static final Pattern FORMULA_CELL =
      Pattern.compile("<c r=\"([A-Z]+[0-9]+)\"([^>]*)><f>([^<]*)</f></c>");
  private static final LocalDateTime ZIP_TIME = LocalDateTime.of(2000, 1, 1, 0, 0);
  private static final String RELATIONSHIP_ID = "rIdPhbsimChart";
  private static final String RELS =
      "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

  private final Map<Integer, Map<String, Double>> cached = new TreeMap<>();
  private final Map<Integer, LineChart> charts = new TreeMap<>();

  /**
   * The value phbsim computed for a formula cell.
   *
   * @param sheet the sheet's number, from 1 in the order the sheets were made
   */
  public void cache(int sheet, int row, int column, double value) {
    if (Double.isFinite(value)) {
      cached.computeIfAbsent(sheet, k -> new HashMap<>()).put(Cells.ref(row, column), value);
    }
  }

  /** A chart on a sheet (one a sheet). */
  public void chart(int sheet, LineChart chart) {
    if (charts.putIfAbsent(sheet, chart) != null) {
      throw new IllegalStateException("one chart a sheet: sheet " + sheet + " has one");
    }
  }

  /** Writes the completed package: the bytes fastexcel wrote, with the parts added. */
  public void write(byte[] xlsx, OutputStream out) throws IOException {
    Map<String, byte[]> parts = new LinkedHashMap<>();
    // Read through the central directory (ZipFile), not as a stream: fastexcel's zip writer
    // follows each entry with a 64-bit data descriptor that ZipInputStream misreads.
    Path file = Files.createTempFile("phbsim-workbook", ".xlsx");
    try {
      Files.write(file, xlsx);
      try (ZipFile zip = new ZipFile(file.toFile())) {
        for (ZipEntry e : java.util.Collections.list(zip.entries())) {
          try (InputStream in = zip.getInputStream(e)) {
            parts.put(e.getName(), in.readAllBytes());
          }
        }
      }
    } finally {
      Files.deleteIfExists(file);
    }
    for (var e : cached.entrySet()) {
      String name = sheetPart(e.getKey());
      parts.put(name, bytes(withCachedValues(text(parts, name), e.getValue(), name)));
    }
    int number = 0;
    StringBuilder types = new StringBuilder();
    for (var e : charts.entrySet()) {
      number++;
      String sheet = sheetPart(e.getKey());
      String xml = text(parts, sheet);
      if (xml.contains("<drawing ")) {
        throw new IllegalStateException(sheet + " has a drawing already (a picture)");
      }
      parts.put(sheet, bytes(withDrawing(xml)));
      String rels = "xl/worksheets/_rels/sheet" + e.getKey() + ".xml.rels";
      String relation =
          relationship(RELATIONSHIP_ID, "drawing", "../drawings/phbsimChart" + number + ".xml");
      parts.put(
          rels,
          bytes(
              parts.containsKey(rels)
                  ? text(parts, rels).replace("</Relationships>", relation + "</Relationships>")
                  : relationships(relation)));
      parts.put(
          "xl/drawings/phbsimChart" + number + ".xml",
          bytes(e.getValue().drawingXml("rId1", number)));
      parts.put(
          "xl/drawings/_rels/phbsimChart" + number + ".xml.rels",
          bytes(relationships(relationship("rId1", "chart", "../charts/chart" + number + ".xml"))));
      parts.put("xl/charts/chart" + number + ".xml", bytes(e.getValue().chartXml()));
      types
          .append("<Override PartName=\"/xl/drawings/phbsimChart" + number + ".xml\"")
          .append(" ContentType=\"application/vnd.openxmlformats-officedocument.drawing+xml\"/>")
          .append("<Override PartName=\"/xl/charts/chart" + number + ".xml\" ContentType=")
          .append("\"application/vnd.openxmlformats-officedocument.drawingml.chart+xml\"/>");
    }
    if (types.length() > 0) {
      String name = "[Content_Types].xml";
      parts.put(name, bytes(text(parts, name).replace("</Types>", types + "</Types>")));
    }
    try (ZipOutputStream zip = new ZipOutputStream(out)) {
      for (var e : parts.entrySet()) {
        ZipEntry entry = new ZipEntry(e.getKey());
        entry.setTimeLocal(ZIP_TIME);
        zip.putNextEntry(entry);
        zip.write(e.getValue());
        zip.closeEntry();
      }
    }
  }

  private static String sheetPart(int sheet) {
    return "xl/worksheets/sheet" + sheet + ".xml";
  }

  /** Each formula cell given a value gets it as its cached value; every one must be found. */
  static String withCachedValues(String xml, Map<String, Double> values, String part) {
    Matcher m = FORMULA_CELL.matcher(xml);
    StringBuilder s = new StringBuilder(xml.length() + 32 * values.size());
    int found = 0;
    while (m.find()) {
      Double v = values.get(m.group(1));
      String cell = m.group();
      if (v != null) {
        found++;
        cell =
            "<c r=\""
                + m.group(1)
                + "\""
                + m.group(2)
                + "><f>"
                + m.group(3)
                + "</f><v>"
                + v
                + "</v></c>";
      }
      m.appendReplacement(s, Matcher.quoteReplacement(cell));
    }
    m.appendTail(s);
    if (found != values.size()) {
      throw new IllegalStateException(
          part + ": " + values.size() + " cached values, " + found + " formula cells for them");
    }
    return s.toString();
  }

  /** The drawing's reference, where the worksheet's schema puts it (after the page setup). */
  private static String withDrawing(String xml) {
    String drawing = "<drawing r:id=\"" + RELATIONSHIP_ID + "\"/>";
    if (!xml.contains("xmlns:r=")) {
      xml = xml.replaceFirst("<worksheet ", "<worksheet xmlns:r=\"" + RELS + "\" ");
    }
    int at = xml.indexOf("</worksheet>");
    for (String later :
        new String[] {
          "<legacyDrawing",
          "<legacyDrawingHF",
          "<picture",
          "<oleObjects",
          "<controls",
          "<webPublishItems",
          "<tableParts",
          "<extLst"
        }) {
      int i = xml.indexOf(later);
      if (i >= 0 && i < at) {
        at = i;
      }
    }
    return xml.substring(0, at) + drawing + xml.substring(at);
  }

  private static String relationship(String id, String type, String target) {
    return "<Relationship Id=\""
        + id
        + "\" Type=\""
        + RELS
        + "/"
        + type
        + "\" Target=\""
        + target
        + "\"/>";
  }

  private static String relationships(String body) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
        + "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        + body
        + "</Relationships>";
  }

  private static String text(Map<String, byte[]> parts, String name) {
    byte[] b = parts.get(name);
    if (b == null) {
      throw new IllegalStateException("the package has no " + name);
    }
    return new String(b, StandardCharsets.UTF_8);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
