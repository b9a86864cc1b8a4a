package phbsim.scenarios;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import phbsim.scenario.Scenario;

/**
 * The scenarios shipped with phbsim, as resources under {@code phbsim/scenarios/}. The index below
 * is the list (no classpath scanning); a test checks that every indexed name has a resource that
 * loads and that no resource is left out of the index.
 */
public final class BuiltInScenarios {
  /** The scenario used when none is named. */
  public static final String DEFAULT = "default";

  /** Where the built-in scenario files live on the classpath. */
  public static final String RESOURCE_DIRECTORY = "phbsim/scenarios/";

  private static final Map<String, String> INDEX = index();

  private BuiltInScenarios() {}

  private static Map<String, String> index() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        DEFAULT,
        "A typical place of about 220,000 people: four care-cluster segments, CMHTs, an acute"
            + " ward, a crisis house, A&E and a crisis team; 5 years from April 2026.");
    m.put(
        "tiny",
        "The smallest useful scenario: one segment, one small team, one ward, one crisis"
            + " service and exits; for quick tests and demonstrations.");
    m.put(
        "national-pilot",
        "The national pilot's mental health subgroup (2009-2012), recruited highest risk first,"
            + " at 2010/11 prices: calibrated to the pilot's cost changes and its £3,050.");
    m.put(
        "demonstrator",
        "One place of the 2013-15 mental health demonstrator programme: 50 to 100 budgets"
            + " expected, a handful in place after 15 months.");
    m.put(
        "hare-and-tortoise",
        "The default place over ten years: a fast push of offers (the hare) against a slow build"
            + " (the tortoise), when culture change cannot be sped up.");
    m.put(
        "restrictive",
        "The default's roll-out with budgets run the pilot's way (18 % restrictive), all"
            + " flexibly, or all the restrictive way.");
    m.put(
        "crisis-house",
        "The default place with no crisis house today, and the option of opening one priced"
            + " below an NHS bed, as in Leeds.");
    m.put(
        "left-behind",
        "The default place with a large roll-out whose take-up falls with need and contract"
            + " reviews down to a minimum viable team: who is left behind on the team?");
    m.put(
        "going-further-faster",
        "The seven Going Further Faster sites of 2013-15 side by side, each the default place"
            + " scaled to its population: costs, budgets and teams per 100,000 people.");
    m.put(
        "demonstrator-places",
        "The 14 places of the 2013-15 demonstrator programme side by side, each the calibrated"
            + " demonstrator place: how many end with only a handful of budgets?");
    m.put(
        "england",
        "The default place scaled x1000 to England (about 1.5 million people in contact with"
            + " secondary mental health services), 10 years: a benchmark of the whole model.");
    return Collections.unmodifiableMap(m);
  }

  /** Built-in names and their one-line descriptions, the default first. */
  public static Map<String, String> descriptions() {
    return INDEX;
  }

  /** Built-in names, the default first. */
  public static List<String> names() {
    return List.copyOf(INDEX.keySet());
  }

  public static boolean isBuiltIn(String name) {
    return INDEX.containsKey(name);
  }

  /** The classpath resource of a built-in name, such as {@code phbsim/scenarios/tiny.yaml}. */
  public static String resource(String name) {
    return RESOURCE_DIRECTORY + name + ".yaml";
  }

  /** Loads a built-in scenario with no overrides. */
  public static Scenario load(String name) {
    return load(name, List.of());
  }

  /**
   * Loads a built-in scenario, applying {@code overrides} as {@link ScenarioLoader#load(
   * java.nio.file.Path, List)} does.
   *
   * @throws ScenarioLoadException if {@code name} is not built in (the problem lists the names), or
   *     listing every problem with the overrides
   */
  public static Scenario load(String name, List<String> overrides) {
    requireBuiltIn(name);
    return ScenarioLoader.loadResource(resource(name), overrides);
  }

  /** The YAML text of a built-in scenario, comments and all (to copy and edit). */
  public static String text(String name) {
    requireBuiltIn(name);
    try (InputStream in =
        BuiltInScenarios.class.getClassLoader().getResourceAsStream(resource(name))) {
      if (in == null) {
        throw new IllegalStateException("built-in scenario resource missing: " + resource(name));
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A scenario named on a command line: the file of that name if there is one, else the built-in.
   *
   * @throws ScenarioLoadException listing every problem, or saying the name is neither
   */
  public static Scenario fileOrBuiltIn(String scenario, List<String> overrides) {
    Path file = Path.of(scenario);
    if (AssumptionsWorkbook.isWorkbook(scenario)) {
      // An assumptions workbook: read into the same tree, then through the same loader.
      return AssumptionsWorkbook.load(file, overrides);
    }
    if (Files.isRegularFile(file)) {
      return ScenarioLoader.load(file, overrides);
    }
    if (isBuiltIn(scenario)) {
      return load(scenario, overrides);
    }
    throw new ScenarioLoadException(
        List.of(
            new LoadProblem(
                scenario,
                0,
                0,
                "",
                "no such file, and no built-in scenario of that name; expected a .yaml file, an"
                    + " assumptions workbook (.xlsx) or one"
                    + " of: "
                    + String.join(", ", names()))));
  }

  /**
   * The YAML text of the scenario {@link #fileOrBuiltIn} reads; for an assumptions workbook, the
   * text it is read as (its Source cells as comments, its SHA-256 on the first line).
   */
  public static String textOfFileOrBuiltIn(String scenario) {
    Path file = Path.of(scenario);
    if (AssumptionsWorkbook.isWorkbook(scenario)) {
      return AssumptionsWorkbook.text(file);
    }
    if (Files.isRegularFile(file)) {
      try {
        return Files.readString(file, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException("Cannot read " + scenario + ": " + e.getMessage(), e);
      }
    }
    return text(scenario);
  }

  private static void requireBuiltIn(String name) {
    if (!isBuiltIn(name)) {
      throw new ScenarioLoadException(
          List.of(
              new LoadProblem(
                  "built-in scenarios",
                  0,
                  0,
                  "",
                  "found '"
                      + name
                      + "', which is not a built-in scenario; expected one of "
                      + String.join(", ", INDEX.keySet())
                      + " (or the path of a scenario file)")));
    }
  }
}
