package phbsim.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;

/** The synthetic person-level example and the readers of a run's files the privacy tests share. */
final class PersonLevelFiles {
  static final Path EXAMPLE = locate("docs/examples/person-level/caseload.csv");

  private PersonLevelFiles() {}

  static Path locate(String relative) {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.exists(p.resolve(relative))) {
        return p.resolve(relative);
      }
    }
    throw new IllegalStateException(relative + " not found above " + here);
  }

  /** The example with only 3 people in the organic segment: a segment of 3. */
  static Path threeOrganic(Path csv) throws IOException {
    List<String> lines = new ArrayList<>();
    int organic = 0;
    for (String line : Files.readAllLines(EXAMPLE)) {
      if (line.contains(",organic,") && ++organic > 3) {
        continue;
      }
      lines.add(line);
    }
    Files.write(csv, lines);
    return csv;
  }

  /** A CSV's rows as maps of column to cell, after its note line. */
  static List<Map<String, String>> rows(Path csv) throws IOException {
    var mapper = new com.fasterxml.jackson.dataformat.csv.CsvMapper();
    var schema = com.fasterxml.jackson.dataformat.csv.CsvSchema.emptySchema().withHeader();
    String text = Files.readString(csv);
    text = text.substring(text.indexOf('\n') + 1);
    try (com.fasterxml.jackson.databind.MappingIterator<Map<String, String>> it =
        mapper.readerFor(Map.class).with(schema).readValues(text)) {
      return it.readAll();
    }
  }

  /** Every text a run wrote: each file, the entries of the workbook, the two streams. */
  static Map<String, String> everythingWritten(Path folder, Cli cli) throws IOException {
    Map<String, String> texts = new HashMap<>();
    try (Stream<Path> files = Files.walk(folder)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        if (f.toString().endsWith(".xlsx")) {
          try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(f.toFile())) {
            for (ZipEntry e : java.util.Collections.list(zip.entries())) {
              try (InputStream in = zip.getInputStream(e)) {
                texts.put(
                    f + "!" + e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
              }
            }
          }
        } else {
          texts.put(f.toString(), Files.readString(f, StandardCharsets.ISO_8859_1));
        }
      }
    }
    texts.put("stdout", cli.out());
    texts.put("stderr", cli.err());
    return texts;
  }
}
