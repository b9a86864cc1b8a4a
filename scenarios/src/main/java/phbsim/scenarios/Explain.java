package phbsim.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import phbsim.money.Prices;
import phbsim.scenario.Price;
import phbsim.scenario.Scenario;
import phbsim.time.FinancialYear;

/**
 * Where a value of a scenario comes from: its value, the line of the file that gives it (or that it
 * is a default), its price year and its worth at the price base if it is a price, and the entries
 * of docs/sources.md its comment cites ({@code phbsim explain}).
 */
public final class Explain {
  /*
   * Design note. The source of a value lives next to it, in its comment (the file is the record of
   * why a number is what it is); explain reads that comment back rather than keeping a second list
   * of sources that could drift from the file. docs/sources.md travels inside the jar, copied by
   * the build, so the full reference is at hand on a machine with no checkout.
   */

  /** Where the project's sources document is on the classpath. */
  public static final String SOURCES_RESOURCE = "phbsim/docs/sources.md";

  private static final Pattern CITATION = Pattern.compile("(?<![\\w\\]])\\[([a-z][a-z0-9-]+)\\]");

  /**
   * A value explained.
   *
   * @param path the path as asked, with indices for ids, e.g. {@code services[4].inpatient.beds}
   * @param value the value in effect (after overrides), as YAML would write it
   * @param line the line of the file that sets it, 0 if the file leaves it to its default
   * @param lineText that line as written
   * @param comment the comment on that line, without the '#'; empty if none
   * @param price for a price: its year and its worth at the price base
   * @param sources the docs/sources.md entries the comment cites, each heading and its reference
   */
  public record Explanation(
      String path,
      String value,
      String origin,
      int line,
      String lineText,
      String comment,
      Optional<PriceNote> price,
      List<String> sources) {}

  /**
   * The price year of a price and its worth at the price base.
   *
   * @param yearFrom which setting gave the year, such as {@code money.priceYear}
   */
  public record PriceNote(
      FinancialYear year, String yearFrom, FinancialYear base, double factor, double atBase) {}

  private Explain() {}

  /**
   * Explains the value at {@code path} (as {@code --set} writes paths) in a scenario loaded from
   * {@code text}.
   *
   * @param origin the name of the file or built-in, for the output
   * @throws IllegalArgumentException naming the path, if it does not lead to a value
   */
  public static Explanation explain(String origin, String text, Scenario scenario, String path) {
    JsonNode effective = ScenarioYaml.toTree(scenario);
    Overrides.Resolved r = Overrides.resolve(effective, Scenario.class, path);
    if (scenario.startingPopulation() != null
        && r.path().startsWith("segments[")
        && r.path().endsWith("].startingCaseload")) {
      // The head count of a segment drawn from a person-level file is the file's: it leaves the
      // process only through the disclosure policy (validate prints it when it may be published).
      throw new IllegalArgumentException(
          r.path()
              + ": is counted from the person-level file in startingPopulation.file and is not"
              + " printed here; expected another setting (validate gives each segment's people"
              + " where they may be published)");
    }
    if (!r.node().isValueNode()) {
      throw new IllegalArgumentException(
          r.path()
              + ": holds "
              + Shapes.describe(r.type())
              + "; expected the path of a single value, such as "
              + r.path()
              + "."
              + firstKey(r.node()));
    }
    YamlTree tree = YamlTree.read(origin, text);
    tree.listOptionChanges();
    YamlTree.Place place = tree.placeOfValue(r.path());
    String[] lines = text.split("\\R", -1);
    String lineText = place == null ? "" : lines[place.line() - 1];
    String comment = comment(lineText);
    Optional<PriceNote> price = Optional.empty();
    if (r.component() != null && r.component().isAnnotationPresent(Price.class)) {
      price = Optional.of(priceNote(scenario, effective, r.path(), r.node().asDouble()));
    }
    List<String> sources = new ArrayList<>();
    Matcher m = CITATION.matcher(comment);
    while (m.find()) {
      sources.add(source(m.group(1)));
    }
    return new Explanation(
        r.path(),
        r.node().isTextual() ? r.node().asText() : r.node().toString(),
        origin,
        place == null ? 0 : place.line(),
        lineText.strip(),
        comment,
        price,
        sources);
  }

  /**
   * One assumption of a scenario: a value in effect, its price year where it is a price, and what
   * the file says about it (the comment on its line: a source or ASSUMPTION), for the workbook's
   * Assumptions sheet.
   *
   * @param path the value's path, with indices
   * @param value as YAML would write it
   * @param priceYear the financial year of a price, empty for anything else
   * @param comment the file's comment on the line, or "(default)" for a value the file leaves out
   */
  public record Assumption(String path, String value, String priceYear, String comment) {}

  /**
   * Every value of a scenario in effect (defaults included; options and declared uncertainty left
   * out, as they are not the place's parameters), in the order of the scenario's records.
   */
  public static List<Assumption> assumptions(String origin, String text, Scenario scenario) {
    JsonNode effective = ScenarioYaml.toTree(scenario);
    YamlTree tree = YamlTree.read(origin, text);
    String[] lines = text.split("\\R", -1);
    List<Assumption> out = new ArrayList<>();
    walk(
        effective,
        "",
        (path, node) -> {
          if (path.startsWith("options") || path.startsWith("uncertainty")) {
            return;
          }
          if (scenario.startingPopulation() != null && path.endsWith(".startingCaseload")) {
            return; // counted from a person-level file: not published (ScenarioYaml.write)
          }
          YamlTree.Place place = tree.root == null ? null : tree.placeOfValue(path);
          String comment =
              place == null ? "(default)" : comment(lines[Math.max(0, place.line() - 1)]);
          String year = "";
          Overrides.Resolved r = Overrides.resolve(effective, Scenario.class, path);
          if (r.component() != null && r.component().isAnnotationPresent(Price.class)) {
            year = priceNote(scenario, effective, path, node.asDouble()).year().label();
          }
          out.add(
              new Assumption(
                  path, node.isTextual() ? node.asText() : node.toString(), year, comment));
        });
    return out;
  }

  private static void walk(
      JsonNode node, String path, java.util.function.BiConsumer<String, JsonNode> leaf) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var e = fields.next();
        walk(e.getValue(), path.isEmpty() ? e.getKey() : Paths.child(path, e.getKey()), leaf);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(node.get(i), Paths.item(path, i), leaf);
      }
    } else {
      leaf.accept(path, node);
    }
  }

  private static String firstKey(JsonNode node) {
    var names = node.fieldNames();
    return names.hasNext() ? names.next() : "...";
  }

  /** The comment of a YAML line: the text after a '#' that is not inside quotes. */
  static String comment(String line) {
    boolean single = false;
    boolean dbl = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c == '\'' && !dbl) {
        single = !single;
      } else if (c == '"' && !single) {
        dbl = !dbl;
      } else if (c == '#'
          && !single
          && !dbl
          && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
        return line.substring(i + 1).strip();
      }
    }
    return "";
  }

  /**
   * The price year of the setting at {@code path} (as --set writes it) and what {@code pounds} of
   * it are worth at the price base, if the setting is a price; empty otherwise (a rate, a share, a
   * count). For sensitivity ranges, which are stated in the setting's own price year.
   */
  public static Optional<PriceNote> priceOf(Scenario s, String path, double pounds) {
    JsonNode effective = ScenarioYaml.toTree(s);
    Overrides.Resolved r;
    try {
      r = Overrides.resolve(effective, Scenario.class, path);
    } catch (IllegalArgumentException notASetting) {
      return Optional.empty();
    }
    if (r.component() == null || !r.component().isAnnotationPresent(Price.class)) {
      return Optional.empty();
    }
    return Optional.of(priceNote(s, effective, r.path(), pounds));
  }

  /**
   * A price's year, as the model finds it (Prices): the section's own priceYear; for a segment's
   * budget or a set-up stage, then the budgets' priceYear; then money.priceYear; else the base.
   */
  private static PriceNote priceNote(Scenario s, JsonNode effective, String path, double pounds) {
    List<String> candidates = new ArrayList<>();
    String parent = Paths.parent(path);
    candidates.add(Paths.child(parent, "priceYear"));
    if (path.startsWith("segments[") || path.startsWith("budgets.setUp[")) {
      candidates.add("budgets.priceYear");
    }
    candidates.add("money.priceYear");
    Prices prices = new Prices(s);
    for (String c : candidates) {
      JsonNode year = at(effective, c);
      if (year != null && year.isTextual()) {
        double factor = prices.factor(year.asText());
        return new PriceNote(
            FinancialYear.parse(year.asText()).orElseThrow(),
            c,
            prices.base(),
            factor,
            pounds * factor);
      }
    }
    return new PriceNote(prices.base(), "the price base", prices.base(), 1.0, pounds);
  }

  /** The node at a canonical path (indices only), or null. */
  private static JsonNode at(JsonNode root, String path) {
    try {
      return Overrides.resolve(root, Scenario.class, path).node();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** The heading and reference paragraph of a docs/sources.md entry. */
  static String source(String id) {
    String doc = sourcesDocument();
    int at = doc.indexOf("### [" + id + "]");
    if (at < 0) {
      return "[" + id + "]: not in docs/sources.md";
    }
    StringBuilder sb = new StringBuilder();
    String[] lines = doc.substring(at).split("\\R");
    sb.append(lines[0].substring(4).strip());
    for (int i = 1; i < lines.length; i++) {
      String l = lines[i];
      if (l.startsWith("|") || l.startsWith("#")) {
        break;
      }
      if (!l.isBlank()) {
        sb.append(System.lineSeparator()).append("  ").append(l.strip());
      } else if (i > 2) {
        break;
      }
    }
    return sb.toString();
  }

  private static String sourcesDocument() {
    try (InputStream in = Explain.class.getClassLoader().getResourceAsStream(SOURCES_RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the build did not bundle " + SOURCES_RESOURCE);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
