package phbsim.scenarios;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.csv.CsvFactory;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import phbsim.population.Caseload;

/**
 * Reads a person-level starting population (docs/model.md section 2; docs/scenarios.md, "A starting
 * population from a person-level file"): a CSV with a header row and one row per person.
 *
 * <p>Columns, in any order: {@code id} (optional; a pseudonymised identifier, checked for repeats),
 * {@code segment} (a segment id) or {@code cluster} (a care cluster the scenario assigns to a
 * segment), {@code age_band} ({@code 18-24}, {@code 65+}), {@code bed_days}, {@code
 * crisis_contacts} and {@code community_contacts} (each last year's, whole numbers).
 *
 * <p>Privacy rules, which every message here keeps: no value read from a row is ever repeated (a
 * message names the line, the column and what was expected, never what was found), because a file
 * of person-level data may hold an identifier in any column by mistake; the identifier column is
 * read only to find repeated rows and is dropped before anything leaves this class. Every bad row
 * is reported, not only the first.
 */
final class CaseloadFile {
  /** What reading a file gave: its people and fingerprint, or its problems. */
  record Read(Caseload caseload, String sha256, List<Finding> findings) {}

  static final int MAX_BED_DAYS = 366;
  static final int MAX_CONTACTS = 1_000;

  /** Problems listed one by one before the rest are counted; enough to see the pattern. */
  static final int MAX_LISTED = 100;

  private static final List<String> COLUMNS =
      List.of(
          "id",
          "segment",
          "cluster",
          "age_band",
          "bed_days",
          "crisis_contacts",
          "community_contacts");
  private static final String EXPECTED_COLUMNS =
      "expected the columns id (optional), segment (or cluster), age_band, bed_days,"
          + " crisis_contacts and community_contacts";
  private static final Pattern AGE_BAND =
      Pattern.compile("(\\d{1,3})\\s*-\\s*(\\d{1,3})|(\\d{1,3})\\+");

  private final String shownAs;
  private final List<Finding> findings = new ArrayList<>();
  private int unlisted;

  /** The line of the first problem not listed, where the count of the rest is reported. */
  private int firstUnlisted;

  private CaseloadFile(String shownAs) {
    this.shownAs = shownAs;
  }

  /**
   * Reads {@code file}, named {@code shownAs} in problems, for a scenario with these segment ids
   * and this care-cluster mapping (segment id to its clusters).
   */
  static Read read(
      Path file, String shownAs, List<String> segmentIds, Map<String, List<String>> clusters) {
    CaseloadFile reader = new CaseloadFile(shownAs);
    byte[] bytes;
    try {
      bytes = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      return reader.fail("does not exist; expected the person-level CSV file");
    } catch (IOException | OutOfMemoryError e) {
      return reader.fail("cannot be read; expected a readable person-level CSV file");
    }
    String sha256 = sha256(bytes);
    String text;
    try {
      text =
          StandardCharsets.UTF_8
              .newDecoder()
              .onMalformedInput(CodingErrorAction.REPORT)
              .onUnmappableCharacter(CodingErrorAction.REPORT)
              .decode(ByteBuffer.wrap(bytes))
              .toString();
    } catch (CharacterCodingException e) {
      return reader.fail(
          "is not UTF-8 text; expected a CSV saved as UTF-8 (in Excel: Save As, CSV UTF-8)");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1); // the byte-order mark Excel writes
    }
    Caseload caseload = reader.parse(text, segmentIds, clusters);
    if (!reader.findings.isEmpty()) {
      if (reader.unlisted > 0) {
        // At the line of the first not listed, so that the count comes after those listed (problems
        // are shown in line order, those with no line first).
        reader.findings.add(
            new Finding(
                "",
                "and "
                    + reader.unlisted
                    + " more problems of the same kinds, from this line on; expected every row to"
                    + " be corrected",
                new YamlTree.Place(shownAs, reader.firstUnlisted, 0)));
      }
      return new Read(null, sha256, List.copyOf(reader.findings));
    }
    return new Read(caseload, sha256, List.of());
  }

  private Read fail(String message) {
    findings.add(new Finding("startingPopulation.file", message, null));
    return new Read(null, null, List.copyOf(findings));
  }

  /** The SHA-256 of the bytes, in lower-case hex. */
  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
  }

  private void problem(int line, String column, String message) {
    if (findings.size() >= MAX_LISTED) {
      if (unlisted++ == 0) {
        firstUnlisted = line;
      }
      return;
    }
    findings.add(new Finding(column, message, new YamlTree.Place(shownAs, line, 0)));
  }

  private Caseload parse(String text, List<String> segmentIds, Map<String, List<String>> clusters) {
    List<String[]> rows = new ArrayList<>();
    List<Integer> lines = new ArrayList<>();
    // On the factory: CsvParser.enable(...) on a parser already made does not reach its decoder,
    // which would keep blank lines as rows of one empty cell and spaces around cells.
    CsvFactory factory =
        CsvFactory.builder()
            .enable(CsvParser.Feature.TRIM_SPACES)
            .enable(CsvParser.Feature.SKIP_EMPTY_LINES)
            .build();
    try (JsonParser p = factory.createParser(text)) {
      List<String> cells = new ArrayList<>();
      int line = 0;
      JsonToken t;
      // With no schema, each row comes as an array of its cells.
      while ((t = p.nextToken()) != null) {
        if (t == JsonToken.START_ARRAY) {
          cells.clear();
        } else if (t == JsonToken.END_ARRAY) {
          rows.add(cells.toArray(new String[0]));
          lines.add(line);
        } else if (t.isScalarValue()) {
          if (cells.isEmpty()) {
            // The row's line is its first cell's: the array starts where the last row ended.
            line = (int) p.currentTokenLocation().getLineNr();
          }
          cells.add(p.getValueAsString());
        }
      }
    } catch (JsonProcessingException e) {
      // Jackson's own message may quote the text it choked on: name only where it happened.
      // The line of the cell it was reading (where an unclosed quote opened), not of the end of
      // the file where it noticed.
      int at = e.getLocation() == null ? 0 : (int) e.getLocation().getLineNr();
      if (e instanceof com.fasterxml.jackson.core.exc.StreamReadException r
          && r.getProcessor() != null
          && r.getProcessor().currentTokenLocation() != null
          && r.getProcessor().currentTokenLocation().getLineNr() > 0) {
        at = (int) r.getProcessor().currentTokenLocation().getLineNr();
      }
      problem(
          at,
          "",
          "is not well-formed CSV here (for example a quote that is not closed); expected"
              + " comma-separated values, text with commas in double quotes");
      return null;
    } catch (IOException e) {
      problem(0, "", "cannot be read as CSV; expected comma-separated values");
      return null;
    }
    if (rows.isEmpty()) {
      problem(0, "", "is empty; " + EXPECTED_COLUMNS + " on its first line, then one row a person");
      return null;
    }
    Map<String, Integer> column = header(rows.get(0), lines.get(0), clusters);
    if (column == null) {
      return null;
    }
    if (rows.size() == 1) {
      problem(
          lines.get(0), "", "has no people; expected one row per person on a caseload on day 0");
      return null;
    }
    Map<String, String> segmentOf = new HashMap<>();
    for (String id : segmentIds) {
      segmentOf.put(id.toLowerCase(Locale.ROOT), id);
    }
    Map<String, String> clusterOf = new HashMap<>();
    clusters.forEach(
        (segment, list) -> {
          for (String c : list) {
            clusterOf.put(String.valueOf(c).trim().toLowerCase(Locale.ROOT), segment);
          }
        });
    Integer idColumn = column.get("id");
    Integer segmentColumn = column.get("segment");
    Integer clusterColumn = column.get("cluster");
    int width = rows.get(0).length;
    // Identifiers are kept only while reading, to find repeats, then dropped with this map.
    Map<String, Integer> firstLineOf = new HashMap<>();
    List<String> segments = new ArrayList<>();
    List<String> ages = new ArrayList<>();
    int n = rows.size() - 1;
    int[] bedDays = new int[n];
    int[] crises = new int[n];
    int[] contacts = new int[n];
    int people = 0;
    for (int r = 1; r < rows.size(); r++) {
      String[] row = rows.get(r);
      int line = lines.get(r);
      if (row.length != width) {
        problem(
            line,
            "",
            "has "
                + row.length
                + (row.length == 1 ? " cell" : " cells")
                + "; expected "
                + width
                + ", one for each column of the header on line "
                + lines.get(0));
        continue;
      }
      boolean ok = true;
      if (idColumn != null) {
        String id = row[idColumn];
        if (id.isEmpty()) {
          problem(line, "id", "is empty; expected the person's pseudonymised identifier");
          ok = false;
        } else {
          Integer first = firstLineOf.putIfAbsent(id, line);
          if (first != null) {
            problem(
                line,
                "id",
                "repeats the identifier on line " + first + "; expected one row per person");
            ok = false;
          }
        }
      }
      String segment;
      if (segmentColumn != null) {
        segment = segmentOf.get(row[segmentColumn].toLowerCase(Locale.ROOT));
        if (segment == null) {
          problem(
              line,
              "segment",
              (row[segmentColumn].isEmpty() ? "is empty" : "is not a segment of the scenario")
                  + "; expected one of "
                  + String.join(", ", segmentIds));
          ok = false;
        }
      } else {
        segment = clusterOf.get(row[clusterColumn].toLowerCase(Locale.ROOT));
        if (segment == null) {
          problem(
              line,
              "cluster",
              (row[clusterColumn].isEmpty()
                      ? "is empty"
                      : "is not a care cluster the scenario assigns to a segment")
                  + "; expected one of those in startingPopulation.clusters: "
                  + String.join(", ", clusterList(clusters)));
          ok = false;
        }
      }
      String age = ageBand(row[column.get("age_band")]);
      if (age == null) {
        problem(
            line,
            "age_band",
            "is not an age band; expected one such as 18-24 or 65+ (ages up to 120, the lower"
                + " first)");
        ok = false;
      }
      int beds = whole(row, column.get("bed_days"), line, "bed_days", MAX_BED_DAYS, "days");
      int crisis =
          whole(
              row,
              column.get("crisis_contacts"),
              line,
              "crisis_contacts",
              MAX_CONTACTS,
              "contacts");
      int community =
          whole(
              row,
              column.get("community_contacts"),
              line,
              "community_contacts",
              MAX_CONTACTS,
              "contacts");
      if (!ok || beds < 0 || crisis < 0 || community < 0) {
        continue;
      }
      segments.add(segment);
      ages.add(age);
      bedDays[people] = beds;
      crises[people] = crisis;
      contacts[people] = community;
      people++;
    }
    if (!findings.isEmpty()) {
      return null;
    }
    // Grouped by segment in the scenario's order, the file's order within each (World note 12).
    // A cluster mapped to a segment the scenario does not have puts its people last, for the
    // model's check to report (StartingPopulations names the mapping).
    List<String> order = new ArrayList<>(segmentIds);
    for (String s : segments) {
      if (!order.contains(s)) {
        order.add(s);
      }
    }
    List<String> bySegment = new ArrayList<>();
    List<String> agesBySegment = new ArrayList<>();
    int[] b = new int[people];
    int[] c = new int[people];
    int[] m = new int[people];
    int k = 0;
    for (String id : order) {
      for (int i = 0; i < people; i++) {
        if (segments.get(i).equals(id)) {
          bySegment.add(id);
          agesBySegment.add(ages.get(i));
          b[k] = bedDays[i];
          c[k] = crises[i];
          m[k] = contacts[i];
          k++;
        }
      }
    }
    return new Caseload(bySegment, agesBySegment, b, c, m);
  }

  private static List<String> clusterList(Map<String, List<String>> clusters) {
    List<String> all = new ArrayList<>();
    clusters.values().forEach(list -> list.forEach(c -> all.add(String.valueOf(c))));
    return all;
  }

  /** The columns by name, or null (with problems) if the header is not one phbsim reads. */
  private Map<String, Integer> header(
      String[] cells, int line, Map<String, List<String>> clusters) {
    Map<String, Integer> column = new LinkedHashMap<>();
    List<Integer> unknown = new ArrayList<>();
    for (int i = 0; i < cells.length; i++) {
      String name = cells[i].trim().toLowerCase(Locale.ROOT).replace(' ', '_');
      if (COLUMNS.contains(name)) {
        if (column.putIfAbsent(name, i) != null) {
          problem(line, name, "appears twice in the header; expected each column once");
        }
      } else {
        unknown.add(i + 1);
      }
    }
    if (column.isEmpty()) {
      // Perhaps a file with no header: its first row is a person, whose values are not repeated.
      problem(line, "", "is not a header row; " + EXPECTED_COLUMNS + ", named on the first line");
      return null;
    }
    for (int u : unknown) {
      // Named by its place, never its text: a header that is really a person's row (a file with
      // no header, or a shifted one) would otherwise print their values back.
      problem(
          line,
          "",
          "has a column (the "
              + ordinal(u)
              + ") that phbsim does not read; "
              + EXPECTED_COLUMNS
              + " (remove any other column, such as a name or an NHS number, before using the file)");
    }
    boolean bySegment = column.containsKey("segment");
    boolean byCluster = column.containsKey("cluster");
    if (bySegment == byCluster) {
      problem(
          line,
          "",
          (bySegment ? "has both segment and cluster" : "has neither segment nor cluster")
              + "; expected one of them, saying which segment each person is in");
    }
    if (byCluster && clusters.isEmpty()) {
      problem(
          line,
          "cluster",
          "needs startingPopulation.clusters in the scenario; expected the care clusters of each"
              + " segment there");
    }
    for (String required :
        List.of("age_band", "bed_days", "crisis_contacts", "community_contacts")) {
      if (!column.containsKey(required)) {
        problem(line, "", "has no column " + required + "; " + EXPECTED_COLUMNS);
      }
    }
    return findings.isEmpty() ? column : null;
  }

  /** The age band in a standard form ("18-24", "65+"), or null if it is not one. */
  static String ageBand(String cell) {
    Matcher m = AGE_BAND.matcher(cell.trim());
    if (!m.matches()) {
      return null;
    }
    if (m.group(3) != null) {
      int from = Integer.parseInt(m.group(3));
      return from <= 120 ? from + "+" : null;
    }
    int from = Integer.parseInt(m.group(1));
    int to = Integer.parseInt(m.group(2));
    return from <= to && to <= 120 ? from + "-" + to : null;
  }

  /** A whole number from 0 to max, or -1 (with a problem) if the cell is not one. */
  private int whole(String[] row, int at, int line, String name, int max, String unit) {
    String cell = row[at];
    if (cell.matches("\\d{1,9}")) {
      int v = Integer.parseInt(cell);
      if (v <= max) {
        return v;
      }
    }
    problem(
        line,
        name,
        (cell.isEmpty()
                ? "is empty"
                : "is not a whole number from 0 to " + String.format(Locale.ROOT, "%,d", max))
            + "; expected last year's "
            + unit
            + " of the person, from 0 to "
            + String.format(Locale.ROOT, "%,d", max));
    return -1;
  }

  /** 1st, 2nd, 3rd, 4th, ..., 11th, 12th, 13th, 21st. */
  static String ordinal(int n) {
    int tens = n % 100;
    String suffix =
        tens >= 11 && tens <= 13
            ? "th"
            : switch (n % 10) {
              case 1 -> "st";
              case 2 -> "nd";
              case 3 -> "rd";
              default -> "th";
            };
    return n + suffix;
  }
}
