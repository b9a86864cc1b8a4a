package phbsim.scenarios;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * The checks on a workbook's package made before a spreadsheet library unpacks it: that it is an
 * .xlsx (a zip package), not an .xls or a password-protected workbook (both OLE compound files) or
 * some other file renamed; that it unpacks to at most {@link AssumptionsWorkbook#MAX_UNPACKED}
 * bytes in at most {@link #MAX_ENTRIES} parts (counted as it is inflated, into memory that is
 * thrown away, so a zip bomb is refused before anything is kept); and which cells its sheets merge,
 * which the reading library does not report.
 */
final class WorkbookPackage {
  static final int MAX_ENTRIES = 1000;

  private static final Pattern MERGE = Pattern.compile("<(?:\\w+:)?mergeCell\\s+ref=\"([^\"]+)\"");
  private static final Pattern SHEET =
      Pattern.compile(
          "<(?:\\w+:)?sheet\\b[^>]*?name=\"([^\"]*)\"[^>]*?(?:r:)?id=\"([^\"]*)\"", Pattern.DOTALL);
  private static final Pattern REL =
      Pattern.compile(
          "<Relationship\\b[^>]*?Id=\"([^\"]*)\"[^>]*?Target=\"([^\"]*)\"|"
              + "<Relationship\\b[^>]*?Target=\"([^\"]*)\"[^>]*?Id=\"([^\"]*)\"");

  private WorkbookPackage() {}

  /**
   * Refuses a file that is not an .xlsx package, or one that unpacks to too much.
   *
   * @throws ScenarioLoadException with one problem saying what the file is and what was expected
   */
  static void check(String source, byte[] bytes, java.nio.file.Path file) {
    parts(source, bytes, file, false);
  }

  /** The merged ranges of each sheet that has any, by sheet name, such as {@code A3:B3}. */
  static Map<String, List<String>> mergedCells(
      String source, byte[] bytes, java.nio.file.Path file) {
    Map<String, String> parts = parts(source, bytes, file, true);
    Map<String, String> targets = new HashMap<>();
    Matcher rel = REL.matcher(parts.getOrDefault("xl/_rels/workbook.xml.rels", ""));
    while (rel.find()) {
      String id = rel.group(1) != null ? rel.group(1) : rel.group(4);
      String target = rel.group(2) != null ? rel.group(2) : rel.group(3);
      target = target.startsWith("/") ? target.substring(1) : "xl/" + target;
      targets.put(id, target);
    }
    Map<String, List<String>> merged = new LinkedHashMap<>();
    Matcher sheet = SHEET.matcher(parts.getOrDefault("xl/workbook.xml", ""));
    while (sheet.find()) {
      String xml = parts.get(targets.get(sheet.group(2)));
      if (xml == null) {
        continue;
      }
      Matcher m = MERGE.matcher(xml);
      while (m.find()) {
        merged.computeIfAbsent(unescape(sheet.group(1)), k -> new ArrayList<>()).add(m.group(1));
      }
    }
    return merged;
  }

  private static String unescape(String xml) {
    return xml.replace("&apos;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  /** Inflates every part, counting; keeps the workbook's, its relations' and sheets' text. */
  private static Map<String, String> parts(
      String source, byte[] bytes, java.nio.file.Path file, boolean keep) {
    if (bytes.length >= 8
        && (bytes[0] & 0xff) == 0xD0
        && (bytes[1] & 0xff) == 0xCF
        && (bytes[2] & 0xff) == 0x11
        && (bytes[3] & 0xff) == 0xE0) {
      throw AssumptionsWorkbook.refused(
          source,
          "is an Excel 97-2003 workbook (.xls) or a password-protected workbook, which phbsim"
              + " cannot read; "
              + AssumptionsWorkbook.EXPECTED
              + " (save it as .xlsx, with no password)");
    }
    if (bytes.length < 4 || bytes[0] != 'P' || bytes[1] != 'K' || bytes[2] != 3 || bytes[3] != 4) {
      throw AssumptionsWorkbook.refused(
          source,
          "is not an Excel workbook (it is not an .xlsx package: a CSV or text file renamed?); "
              + AssumptionsWorkbook.EXPECTED);
    }
    Map<String, String> kept = new HashMap<>();
    long total = 0;
    int entries = 0;
    byte[] buffer = new byte[64 * 1024];
    // The central directory (ZipFile), not a stream of local headers: fastexcel writes sizes after
    // each part's data, which ZipInputStream cannot read for stored parts. Sizes it declares are
    // not trusted: the bytes are counted as they are inflated.
    try (ZipFile zipFile = new ZipFile(file.toFile())) {
      var all = zipFile.entries();
      while (all.hasMoreElements()) {
        ZipEntry e = all.nextElement();
        if (++entries > MAX_ENTRIES) {
          throw tooBig(source, "more than " + MAX_ENTRIES + " parts");
        }
        String name = e.getName();
        boolean wanted =
            keep
                && (name.equals("xl/workbook.xml")
                    || name.equals("xl/_rels/workbook.xml.rels")
                    || name.startsWith("xl/worksheets/") && name.endsWith(".xml"));
        ByteArrayOutputStream text = wanted ? new ByteArrayOutputStream() : null;
        int n;
        try (InputStream zip = zipFile.getInputStream(e)) {
          while ((n = zip.read(buffer)) > 0) {
            total += n;
            if (total > AssumptionsWorkbook.MAX_UNPACKED) {
              throw tooBig(
                  source,
                  "more than " + AssumptionsWorkbook.MAX_UNPACKED / (1024 * 1024) + " MB unpacked");
            }
            if (text != null) {
              text.write(buffer, 0, n);
            }
          }
        }
        if (text != null) {
          kept.put(name, text.toString(StandardCharsets.UTF_8));
        }
      }
    } catch (ZipException | java.io.EOFException e) {
      throw AssumptionsWorkbook.refused(
          source,
          "is damaged: its package cannot be unpacked ("
              + e.getMessage()
              + "); "
              + AssumptionsWorkbook.EXPECTED);
    } catch (IOException e) {
      throw AssumptionsWorkbook.refused(
          source, "cannot be read (" + e.getMessage() + "); " + AssumptionsWorkbook.EXPECTED);
    }
    if (entries == 0) {
      throw AssumptionsWorkbook.refused(
          source, "is an empty package, not a workbook; " + AssumptionsWorkbook.EXPECTED);
    }
    return kept;
  }

  private static ScenarioLoadException tooBig(String source, String what) {
    return AssumptionsWorkbook.refused(
        source,
        "unpacks to "
            + what
            + ", which is refused before it is unpacked (a template unpacks to well under 1 MB);"
            + " "
            + AssumptionsWorkbook.EXPECTED);
  }
}
