package phbsim.scenarios;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import phbsim.experiment.OptionArm;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Problem;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;
import phbsim.scenario.UncertaintySpec;
import phbsim.validation.ScenarioChecks;

/**
 * Loads a scenario from YAML: text &rarr; Jackson tree (recording where each path is) &rarr; {@code
 * --set path=value} overrides on the tree &rarr; structure check against the record types &rarr;
 * binding to {@link Scenario} &rarr; {@link ScenarioChecks}.
 *
 * <p>Contract: it returns a scenario that passes {@link ScenarioChecks#check}, or throws a {@link
 * ScenarioLoadException} carrying every problem found, each with its source (file, resource or
 * override), line and column where known, its path and what was found against what was expected. A
 * YAML syntax error stops loading (one problem, at the error); otherwise structural problems
 * (unknown keys, missing required keys, wrong types, unknown enum values, bad overrides) and the
 * model's own checks are reported together. Keys are the record component names; a component marked
 * {@link phbsim.scenario.Optional} may be left out. Enum values are accepted in any case.
 *
 * <p>Overrides are described in {@link #load(Path, List)}.
 */
public final class ScenarioLoader {
  /*
   * Design notes
   *
   * 1. Why walk the tree before Jackson binds it. Jackson's binding stops at the first problem and
   *    its messages name Java types. Commissioners edit these files by hand and need the whole
   *    list in their own words (docs/architecture.md section 5), so StructureCheck walks the tree against the
   *    record components by reflection and collects every structural problem with its path. It
   *    prunes what it reports, so the rest still binds, and the model's checks then run on it in
   *    the same pass. A model problem on a path already reported (or under it, or above it) is
   *    dropped as a consequence of the structural one, not a separate mistake.
   *
   * 2. Binding stays strict (FAIL_ON_UNKNOWN_PROPERTIES) as a second line of defence: a tree the
   *    walk passed binds cleanly, and anything it missed fails loudly rather than silently.
   *
   * 3. Locations. The model's checks know only paths. YamlTree reads the text with Jackson's
   *    streaming YAML parser, records each path's token location, and maps a problem back to the
   *    nearest recorded enclosing path; paths an override replaced map to the override instead.
   */
  private static final ObjectMapper BINDER =
      JsonMapper.builder()
          .addModule(new JavaTimeModule())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
          .build();

  private ScenarioLoader() {}

  /** Loads a scenario file with no overrides. */
  public static Scenario load(Path file) {
    return load(file, List.of());
  }

  /**
   * Loads a scenario file, applying {@code overrides} first. Problems name the file as given.
   *
   * <p>Each override is {@code path=value}. The path is keys joined by dots, with {@code [index]}
   * or {@code [id]} after a list ({@code segments[0].referralsPerYear=900}, {@code
   * segments[psychosis].crisesPerYear=0.8}, {@code services[cmht].community.posts=45}; pathway
   * branches are selected by their {@code from}: {@code pathway[ae].to.acute-ward=0.3}). The value
   * is read as YAML: a number, true/false, a date or text. A key left out of the file may be set if
   * the model allows it there. Overrides apply in order, so a later one wins.
   */
  public static Scenario load(Path file, List<String> overrides) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw unreadable(source, "does not exist; expected a YAML scenario file");
    } catch (IOException e) {
      throw unreadable(source, "cannot be read (" + e + "); expected a YAML scenario file");
    }
    return parse(source, text, overrides, file.toAbsolutePath().getParent());
  }

  /**
   * Loads a scenario from a classpath resource, such as {@code phbsim/scenarios/default.yaml}.
   * Problems name the resource.
   */
  public static Scenario loadResource(String resource, List<String> overrides) {
    ClassLoader loader = ScenarioLoader.class.getClassLoader();
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw unreadable(resource, "is not on the classpath; expected a scenario resource");
      }
      return parse(resource, new String(in.readAllBytes(), StandardCharsets.UTF_8), overrides);
    } catch (IOException e) {
      throw unreadable(resource, "cannot be read (" + e + "); expected a scenario resource");
    }
  }

  /**
   * Loads a scenario from YAML text; {@code source} names it in problems (a file name, say).
   *
   * @throws ScenarioLoadException listing every problem found
   */
  public static Scenario parse(String source, String yaml, List<String> overrides) {
    return parse(source, yaml, overrides, null);
  }

  /**
   * As above, for a scenario whose file is in {@code folder}: the files it names (a person-level
   * starting population) are found there (null: the working folder).
   */
  public static Scenario parse(
      String source, String yaml, List<String> overrides, java.nio.file.Path folder) {
    YamlTree tree = YamlTree.read(source, yaml);
    tree.baseDir = folder;
    if (tree.root != null) {
      tree.listOptionChanges();
    }
    return fromTree(tree, overrides);
  }

  /** The rest of {@link #parse}, from a tree read (or built) onwards. */
  private static Scenario fromTree(YamlTree tree, List<String> overrides) {
    return fromTree(tree, overrides, "--set ", true);
  }

  /**
   * As above, a problem with an override reported at {@code label} and the override. {@code
   * uncertainty}: whether to check the declared uncertainty against the values; an analysis that
   * moves a value (a draw, a sweep point) moves it away from where its range was declared, on
   * purpose.
   */
  private static Scenario fromTree(
      YamlTree tree, List<String> overrides, String label, boolean uncertainty) {
    List<Finding> structural = new ArrayList<>(tree.findings);
    if (tree.root == null) {
      throw failure(tree, structural);
    }
    structural.addAll(Overrides.apply(tree, Scenario.class, overrides, label));
    structural.addAll(StartingPopulations.attach(tree));
    structural.addAll(StructureCheck.check(tree.root, Scenario.class));

    if (!tree.root.isObject()) {
      throw failure(tree, structural); // the structure check said what a scenario looks like
    }
    Scenario scenario;
    try {
      scenario = BINDER.treeToValue(tree.root, Scenario.class);
    } catch (JsonMappingException e) {
      if (structural.isEmpty()) {
        structural.add(bindingFinding(e));
      }
      throw failure(tree, structural);
    } catch (IOException e) {
      structural.add(Finding.at("", "cannot be bound (" + e.getMessage() + ")"));
      throw failure(tree, structural);
    }
    List<Finding> all = new ArrayList<>(structural);
    for (Problem p : ScenarioChecks.check(scenario)) {
      if (!followsFrom(p, structural)) {
        all.add(Finding.at(p.path(), p.message()));
      }
    }
    if (all.isEmpty()) {
      all.addAll(checkOptions(tree, scenario));
      all.addAll(checkAreas(tree, scenario));
    }
    if (all.isEmpty() && uncertainty) {
      // A --set may move a value outside the range declared for the file's value, on purpose (a
      // what-if): only the file as written must agree with its own ranges.
      all.addAll(checkUncertainty(tree, scenario, overrides.isEmpty()));
    }
    if (!all.isEmpty()) {
      throw failure(tree, all);
    }
    return scenario;
  }

  /**
   * Applies each named option's changes to a copy of the scenario and checks the result, so that a
   * scenario that loads can run every one of its options. A problem is reported at the option's
   * change that caused it where known, else where the file has the setting, and names the option.
   */
  private static List<Finding> checkOptions(YamlTree tree, Scenario scenario) {
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < scenario.options().size(); i++) {
      OptionSpec option = scenario.options().get(i);
      YamlTree copy = tree.copy();
      ((ObjectNode) copy.root).remove("options");
      List<YamlTree.Place> places = new ArrayList<>();
      for (int k = 0; k < option.set().size(); k++) {
        places.add(tree.placeOf("options[" + i + "].set[" + k + "]", false));
      }
      String in = "in option '" + option.id() + "': ";
      List<Finding> found = changedAndChecked(copy, option.set(), places);
      for (Finding f : found) {
        YamlTree.Place place = f.place() != null ? f.place() : copy.placeOf(f.path(), f.atKey());
        findings.add(new Finding(f.path(), in + f.message(), place));
      }
    }
    return findings;
  }

  /**
   * Applies an option's or an area's changes to a copy of the scenario's tree and checks the result
   * as loading would (its person-level file, its shapes, the model's checks): the problems, none if
   * it can run.
   */
  private static List<Finding> changedAndChecked(
      YamlTree copy, List<String> changes, List<YamlTree.Place> places) {
    List<Finding> found = new ArrayList<>(Overrides.apply(copy, Scenario.class, changes, places));
    found.addAll(StartingPopulations.attach(copy));
    found.addAll(StructureCheck.check(copy.root, Scenario.class));
    if (found.isEmpty()) {
      try {
        Scenario changed = BINDER.treeToValue(copy.root, Scenario.class);
        for (Problem p : ScenarioChecks.check(changed)) {
          found.add(Finding.at(p.path(), p.message()));
        }
      } catch (IOException e) {
        found.add(Finding.at("", "cannot be bound (" + e.getMessage() + ")"));
      }
    }
    return found;
  }

  /** The head counts and sizes an area's {@code scale} multiplies (AreaSpec), whole where so. */
  private static final Map<String, Boolean> SCALED =
      Map.of(
          "startingCaseload", true,
          "referralsPerYear", false,
          "startingHolders", true,
          "posts", false,
          "fixedPerYear", false,
          "beds", true,
          "marketSize", false,
          "planners", true);

  /** Multiplies every field named in SCALED, anywhere in the tree, by {@code f}. */
  private static void scale(JsonNode node, double f) {
    if (node instanceof ObjectNode object) {
      var names = new ArrayList<String>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode child = object.get(name);
        Boolean whole = SCALED.get(name);
        if (whole != null && child.isNumber() && !name.equals("options")) {
          double v = child.asDouble() * f;
          if (whole) {
            long r = Math.round(v);
            object.put(name, name.equals("planners") ? Math.max(1, r) : r);
          } else {
            object.put(name, v);
          }
        } else if (!name.equals("options") && !name.equals("uncertainty")) {
          scale(child, f);
        }
      }
    } else if (node != null && node.isArray()) {
      for (JsonNode child : node) {
        scale(child, f);
      }
    }
  }

  /**
   * The areas of a scenario, each as the place it runs: the scenario's own place (its shared
   * defaults) scaled by the area's {@code scale}, then the area's changes, with the scenario's
   * options; a scenario with no areas is one area, itself.
   *
   * @throws ScenarioLoadException if an area's changes do not apply (not for a scenario that
   *     loaded, whose areas were checked)
   */
  public static List<phbsim.analysis.Areas.Area> areas(Scenario scenario) {
    if (scenario.areas().isEmpty()) {
      return List.of(new phbsim.analysis.Areas.Area(scenario.name(), scenario.name(), 0, scenario));
    }
    List<phbsim.analysis.Areas.Area> out = new ArrayList<>();
    for (var a : scenario.areas()) {
      JsonNode root = ScenarioYaml.toTree(scenario.withoutAreas());
      scale(root, a.scale());
      ((ObjectNode) root).put("name", a.id());
      YamlTree tree = YamlTree.of("area '" + a.id() + "'", root);
      out.add(
          new phbsim.analysis.Areas.Area(
              a.id(),
              a.label(),
              a.population(),
              fromTree(tree, a.set(), "in area '" + a.id() + "': ", true)));
    }
    return out;
  }

  /**
   * Builds each area's place and checks it, reporting a problem at the area's change that caused it
   * where known, naming the area; ids must be unique, populations and scales above 0.
   */
  /** Whether a change {@code path=value} sets the areas (or something under them). */
  static boolean setsAreas(String change) {
    String path = change.strip();
    return path.startsWith("areas=")
        || path.startsWith("areas[")
        || path.startsWith("areas.")
        || path.startsWith("areas ");
  }

  private static List<Finding> checkAreas(YamlTree tree, Scenario scenario) {
    List<Finding> findings = new ArrayList<>();
    java.util.Set<String> ids = new java.util.HashSet<>();
    for (int i = 0; i < scenario.areas().size(); i++) {
      var a = scenario.areas().get(i);
      String at = "areas[" + i + "]";
      if (a == null) {
        findings.add(Finding.at(at, "is empty; expected an area"));
        continue;
      }
      if (a.id() == null || !a.id().matches("[A-Za-z][A-Za-z0-9_-]*")) {
        findings.add(
            Finding.at(
                at + ".id",
                "found '"
                    + a.id()
                    + "'; expected a short id of letters, digits, '-' or '_',"
                    + " starting with a letter"));
        continue;
      }
      if (!ids.add(a.id())) {
        findings.add(
            Finding.at(
                at + ".id", "'" + a.id() + "' is used by an earlier area; expected unique ids"));
      }
      if (a.id().equalsIgnoreCase("total")) {
        // The areas' files and tables give the total across areas as the area "total".
        findings.add(
            Finding.at(
                at + ".id",
                "'"
                    + a.id()
                    + "' names the total across the areas in the output files; expected another"
                    + " id"));
      }
      for (int k = 0; k < a.set().size(); k++) {
        String change = a.set().get(k);
        if (change != null && setsAreas(change)) {
          findings.add(
              Finding.at(
                  at + ".set[" + k + "]",
                  "an area cannot change the areas; expected a setting of its place"));
        }
      }
      if (!(a.population() > 0) || Double.isInfinite(a.population())) {
        findings.add(
            Finding.at(
                at + ".population", "found " + a.population() + "; expected people, more than 0"));
      }
      if (!(a.scale() > 0) || a.scale() > 10_000) {
        findings.add(
            Finding.at(
                at + ".scale",
                "found " + a.scale() + "; expected a multiplier above 0, at most 10,000"));
      }
      if (!findings.isEmpty()) {
        continue;
      }
      JsonNode root = ScenarioYaml.toTree(scenario.withoutAreas());
      scale(root, a.scale());
      YamlTree copy = YamlTree.of(tree.source, root);
      copy.baseDir = tree.baseDir;
      List<YamlTree.Place> places = new ArrayList<>();
      for (int k = 0; k < a.set().size(); k++) {
        places.add(tree.placeOf(at + ".set[" + k + "]", false));
      }
      String in = "in area '" + a.id() + "': ";
      List<Finding> found = changedAndChecked(copy, a.set(), places);
      for (Finding f : found) {
        YamlTree.Place place = f.place() != null ? f.place() : tree.placeOf(at, false);
        findings.add(new Finding(f.path(), in + f.message(), place));
      }
    }
    return findings;
  }

  /**
   * The options of a scenario, each as the scenario it runs: the scenario with the option's changes
   * applied (checked again), without options of its own. A scenario that names none has one option,
   * itself as written.
   *
   * @throws ScenarioLoadException if an option's changes do not apply (not for a scenario that
   *     loaded, whose options were checked)
   */
  public static List<OptionArm> options(Scenario scenario) {
    if (scenario.options().isEmpty()) {
      return List.of(OptionArm.asWritten(scenario));
    }
    List<OptionArm> arms = new ArrayList<>();
    Scenario base = scenario.withoutOptions();
    for (OptionSpec o : scenario.options()) {
      Scenario changed = o.set().isEmpty() ? base : override(base, o.set()).withoutOptions();
      arms.add(new OptionArm(o.id(), o.label(), changed));
    }
    return arms;
  }

  /**
   * The scenario with {@code overrides} applied (as {@link #load(Path, List)} describes), checked
   * again. For what-ifs on a scenario already in memory.
   */
  public static Scenario override(Scenario scenario, List<String> overrides) {
    YamlTree tree =
        YamlTree.of("scenario '" + scenario.name() + "'", ScenarioYaml.toTree(scenario));
    return fromTree(tree, overrides);
  }

  /**
   * The loader as a {@link ScenarioEditor}, for the analyses of the model: changes applied as
   * {@code --set} applies them, checked the same way.
   */
  public static ScenarioEditor editor() {
    return new ScenarioEditor() {
      @Override
      public Scenario apply(Scenario scenario, List<String> changes) {
        // The changes come from a sweep, a range or a calibration, not from --set.
        YamlTree tree =
            YamlTree.of("scenario '" + scenario.name() + "'", ScenarioYaml.toTree(scenario));
        return fromTree(tree, changes, "the change ", false);
      }

      @Override
      public double number(Scenario scenario, String path) {
        Overrides.Resolved r =
            Overrides.resolve(ScenarioYaml.toTree(scenario), Scenario.class, path);
        if (!r.node().isNumber()) {
          throw new IllegalArgumentException(
              r.path() + ": holds " + Shapes.describe(r.type()) + "; expected a number");
        }
        return r.node().asDouble();
      }
    };
  }

  /**
   * Checks each declared uncertainty: its path leads to a number, its range holds the value, and
   * its distribution can be built. Problems are reported at the entry.
   */
  private static List<Finding> checkUncertainty(
      YamlTree tree, Scenario scenario, boolean againstValues) {
    List<Finding> findings = new ArrayList<>();
    JsonNode effective = ScenarioYaml.toTree(scenario);
    java.util.Set<String> seen = new java.util.HashSet<>();
    for (int i = 0; i < scenario.uncertainty().size(); i++) {
      UncertaintySpec u = scenario.uncertainty().get(i);
      String at = "uncertainty[" + i + "]";
      if (u == null || u.path() == null) {
        findings.add(
            Finding.at(at, "is empty; expected a path, its range or distribution, and a source"));
        continue;
      }
      double value;
      try {
        Overrides.Resolved r = Overrides.resolve(effective, Scenario.class, u.path());
        if (!r.node().isNumber()) {
          findings.add(
              Finding.at(
                  at + ".path",
                  "'" + u.path() + "' holds " + Shapes.describe(r.type()) + "; expected a number"));
          continue;
        }
        value = r.node().asDouble();
        if (!seen.add(r.path())) {
          findings.add(
              Finding.at(at + ".path", "'" + u.path() + "' is declared twice; expected once"));
        }
      } catch (IllegalArgumentException e) {
        findings.add(Finding.at(at + ".path", e.getMessage()));
        continue;
      }
      if (notFinite(u.low()) || notFinite(u.high())) {
        // A figure too large for a double (27001e308) reads as infinity: no range can hold it.
        findings.add(
            Finding.at(
                at + (notFinite(u.low()) ? ".low" : ".high"),
                "is too large to be a number; expected a finite number"));
        continue;
      }
      if (againstValues
          && u.low() != null
          && u.high() != null
          && !(u.low() <= value && value <= u.high())) {
        findings.add(
            Finding.at(
                at,
                "low "
                    + u.low()
                    + " and high "
                    + u.high()
                    + " do not hold the value "
                    + value
                    + "; expected low <= value <= high"));
      }
      if (u.low() != null && u.high() != null && !(u.low() < u.high())) {
        // Checked whatever the value (with --set overrides the value is not held against the
        // range): a range whose low is not below its high swings the wrong way or not at all.
        findings.add(
            Finding.at(
                at,
                "low "
                    + java.math.BigDecimal.valueOf(u.low()).stripTrailingZeros().toPlainString()
                    + " is not below high "
                    + java.math.BigDecimal.valueOf(u.high()).stripTrailingZeros().toPlainString()
                    + "; expected low below high"));
      }
      if ((u.low() == null) != (u.high() == null)) {
        findings.add(Finding.at(at, "gives only one of low and high; expected both or neither"));
      }
      if (u.distribution() != null && againstValues) {
        try {
          phbsim.analysis.ProbabilisticSensitivity.distribution(u, value)
              .inverseCumulativeProbability(0.5);
        } catch (RuntimeException e) {
          findings.add(Finding.at(at + ".distribution", e.getMessage()));
        }
      }
      if (u.source() == null || u.source().isBlank()) {
        findings.add(
            Finding.at(
                at + ".source",
                "is empty; expected where the range comes from: a docs/sources.md id or"
                    + " ASSUMPTION: and the reasoning"));
      }
    }
    return findings;
  }

  /** Whether a model problem is a consequence of a structural one on the same branch. */
  private static boolean followsFrom(Problem problem, List<Finding> structural) {
    for (Finding f : structural) {
      if (!f.path().isEmpty()
          && !problem.path().isEmpty()
          && (Paths.isWithin(problem.path(), f.path())
              || Paths.isWithin(f.path(), problem.path()))) {
        return true;
      }
    }
    return false;
  }

  private static Finding bindingFinding(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference r : e.getPath()) {
      if (r.getFieldName() != null) {
        path.append(path.length() == 0 ? "" : ".").append(r.getFieldName());
      } else if (r.getIndex() >= 0) {
        path.append('[').append(r.getIndex()).append(']');
      }
    }
    Throwable cause =
        e instanceof ValueInstantiationException && e.getCause() != null ? e.getCause() : e;
    String detail = cause == e ? e.getOriginalMessage() : cause.getMessage();
    return Finding.at(path.toString(), "cannot be used: " + detail);
  }

  private static ScenarioLoadException unreadable(String source, String message) {
    return new ScenarioLoadException(List.of(new LoadProblem(source, 0, 0, "", message)));
  }

  private static ScenarioLoadException failure(YamlTree tree, List<Finding> findings) {
    List<LoadProblem> problems = new ArrayList<>();
    for (Finding f : findings) {
      YamlTree.Place place = f.place() != null ? f.place() : tree.placeOf(f.path(), f.atKey());
      problems.add(
          new LoadProblem(place.source(), place.line(), place.column(), f.path(), f.message()));
    }
    // Command-line problems first, then the file's from top to bottom; stable otherwise.
    problems.sort(
        Comparator.comparing((LoadProblem p) -> p.hasLocation() ? 1 : 0)
            .thenComparingInt(LoadProblem::line)
            .thenComparingInt(LoadProblem::column));
    return new ScenarioLoadException(problems);
  }

  private static boolean notFinite(Double v) {
    return v != null && !Double.isFinite(v);
  }
}
