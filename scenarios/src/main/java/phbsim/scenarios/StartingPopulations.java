package phbsim.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import phbsim.population.Caseload;
import phbsim.population.Caseloads;

/**
 * Attaches a scenario's person-level starting population while it loads: reads the file named at
 * {@code startingPopulation.file} (relative to the scenario file), reports its problems row by row,
 * and writes back into the tree the file's absolute path, its SHA-256 and each segment's {@code
 * startingCaseload} counted from the file, so that every copy of the scenario (each option, area
 * and what-if, and the scenario.yaml written with the results) names exactly these people.
 */
final class StartingPopulations {
  /**
   * A file read, by its absolute path, size and time of last change: options and areas reuse it.
   */
  private record Key(Path path, long size, long modified) {}

  private static final Map<Key, CaseloadFile.Read> READ = new ConcurrentHashMap<>();

  /**
   * The file each fingerprint was written back for. A copy of the scenario (an area's, an option's)
   * carries the fingerprint written for the scenario's own file; where the copy names another file,
   * that fingerprint is not one the scenario gave, and is not held against the file.
   */
  private static final Map<String, Path> WRITTEN = new ConcurrentHashMap<>();

  private StartingPopulations() {}

  /** Reads and attaches the file the tree names, if any; returns the problems found. */
  static List<Finding> attach(YamlTree tree) {
    List<Finding> findings = new ArrayList<>(areas(tree));
    findings.addAll(attachFile(tree));
    return findings;
  }

  private static final String FILE_CHANGE = "startingPopulation.file=";

  /**
   * An area (or an option) may name its own file ({@code set: {startingPopulation.file:
   * north.csv}}): the name is made absolute against the scenario's folder now, since the area is
   * built later from a copy of the scenario that no longer knows where its file was. An area's
   * {@code scale} cannot multiply the people of a file, so a scale other than 1 is refused where a
   * file sets the people.
   */
  private static List<Finding> areas(YamlTree tree) {
    List<Finding> findings = new ArrayList<>();
    if (!(tree.root instanceof ObjectNode root)) {
      return findings;
    }
    Path base = tree.baseDir == null ? Path.of("") : tree.baseDir;
    // An option may name its own file too: the same, so that it is read beside the scenario.
    if (root.get("options") instanceof com.fasterxml.jackson.databind.node.ArrayNode options) {
      for (JsonNode option : options) {
        if (option instanceof ObjectNode o
            && o.get("set") instanceof com.fasterxml.jackson.databind.node.ArrayNode set) {
          absoluteFile(set, base);
        }
      }
    }
    if (!(root.get("areas") instanceof com.fasterxml.jackson.databind.node.ArrayNode areas)) {
      return findings;
    }
    boolean shared = root.get("startingPopulation") instanceof ObjectNode;
    for (int i = 0; i < areas.size(); i++) {
      if (!(areas.get(i) instanceof ObjectNode area)) {
        continue;
      }
      boolean own =
          area.get("set") instanceof com.fasterxml.jackson.databind.node.ArrayNode set
              && absoluteFile(set, base);
      JsonNode scale = area.get("scale");
      if ((shared || own) && scale != null && scale.isNumber() && scale.asDouble() != 1) {
        findings.add(
            Finding.at(
                "areas[" + i + "].scale",
                "found "
                    + scale.asDouble()
                    + "; expected 1 or no scale, since the area's people come from a person-level"
                    + " file, which a scale cannot multiply"));
      }
    }
    return findings;
  }

  /**
   * Makes a file named among the changes of an area or an option absolute against the scenario's
   * folder; returns whether the changes name one.
   */
  private static boolean absoluteFile(
      com.fasterxml.jackson.databind.node.ArrayNode set, Path base) {
    boolean own = false;
    for (int k = 0; k < set.size(); k++) {
      String change = set.get(k).asText("");
      if (set.get(k).isTextual() && change.startsWith(FILE_CHANGE)) {
        own = true;
        String name = change.substring(FILE_CHANGE.length()).trim();
        if (!name.isEmpty()) {
          set.set(
              k,
              com.fasterxml.jackson.databind.node.TextNode.valueOf(
                  FILE_CHANGE + base.resolve(name).toAbsolutePath().normalize()));
        }
      }
    }
    return own;
  }

  private static List<Finding> attachFile(YamlTree tree) {
    if (!(tree.root instanceof ObjectNode root)
        || !(root.get("startingPopulation") instanceof ObjectNode from)) {
      return List.of(); // absent, or the structure check says what is wrong with it
    }
    JsonNode fileNode = from.get("file");
    if (fileNode == null || !fileNode.isTextual() || fileNode.asText().isBlank()) {
      return List.of();
    }
    if (!(root.get("segments") instanceof com.fasterxml.jackson.databind.node.ArrayNode segs)) {
      return List.of();
    }
    List<String> segmentIds = new ArrayList<>();
    for (JsonNode s : segs) {
      if (s instanceof ObjectNode o && o.get("id") != null && o.get("id").isTextual()) {
        segmentIds.add(o.get("id").asText());
      }
    }
    Map<String, List<String>> clusters = new LinkedHashMap<>();
    if (from.get("clusters") instanceof ObjectNode c) {
      c.fields()
          .forEachRemaining(
              e -> {
                List<String> list = new ArrayList<>();
                e.getValue().forEach(v -> list.add(v.asText()));
                clusters.put(e.getKey(), list);
              });
    }
    List<Finding> findings = new ArrayList<>();
    for (String segment : clusters.keySet()) {
      if (!segmentIds.contains(segment)) {
        findings.add(
            Finding.atKey(
                "startingPopulation.clusters." + segment,
                "is not a segment of the scenario; expected one of "
                    + String.join(", ", segmentIds)));
      }
    }
    String written = fileNode.asText();
    Path base = tree.baseDir == null ? Path.of("") : tree.baseDir;
    Path file = base.resolve(written).normalize();
    String shownAs = file.toString();
    Path absolute = file.toAbsolutePath().normalize();

    CaseloadFile.Read read;
    try {
      BasicFileAttributes a = Files.readAttributes(absolute, BasicFileAttributes.class);
      Key key = new Key(absolute, a.size(), a.lastModifiedTime().toMillis());
      read = READ.get(key);
      if (read == null || !read.findings().isEmpty()) {
        read = CaseloadFile.read(absolute, shownAs, segmentIds, clusters);
        if (read.findings().isEmpty()) {
          READ.put(key, read);
        }
      }
    } catch (IOException e) {
      read = CaseloadFile.read(absolute, shownAs, segmentIds, clusters);
    }
    for (Finding f : read.findings()) {
      findings.add(f.place() == null ? Finding.at(f.path(), f.message()) : f);
    }
    if (read.caseload() == null) {
      if (findings.stream().noneMatch(f -> f.path().equals("startingPopulation.file"))) {
        findings.add(
            Finding.at(
                "startingPopulation.file",
                "has the problems listed with their lines; expected a person-level file phbsim"
                    + " can read"));
      }
      return findings;
    }
    JsonNode expected = from.get("sha256");
    Path writtenFor = expected == null ? null : WRITTEN.get(expected.asText());
    if (expected != null
        && expected.isTextual()
        && (writtenFor == null || writtenFor.equals(absolute))
        && !expected.asText().equals(read.sha256())) {
      findings.add(
          Finding.at(
              "startingPopulation.sha256",
              "does not match the file, which has changed since the scenario named it; expected"
                  + " the file with this SHA-256, or no sha256 to accept the file as it is now"));
      // Attached all the same, so that the model's checks do not add that the file was not read.
    }
    Caseload caseload = read.caseload();
    Caseloads.put(read.sha256(), caseload);
    from.put("file", absolute.toString());
    from.put("sha256", read.sha256());
    WRITTEN.put(read.sha256(), absolute);
    for (JsonNode s : segs) {
      if (s instanceof ObjectNode o && o.get("id") != null && o.get("id").isTextual()) {
        o.put("startingCaseload", caseload.count(o.get("id").asText()));
      }
    }
    return findings;
  }
}
