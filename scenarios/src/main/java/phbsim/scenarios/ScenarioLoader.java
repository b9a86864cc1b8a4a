package phbsim.scenarios;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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
import phbsim.experiment.OptionArm;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Problem;
import phbsim.scenario.Scenario;
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
    return parse(source, text, overrides);
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
    YamlTree tree = YamlTree.read(source, yaml);
    List<Finding> structural = new ArrayList<>(tree.findings);
    if (tree.root == null) {
      throw failure(tree, structural);
    }
    tree.listOptionChanges();
    structural.addAll(Overrides.apply(tree, Scenario.class, overrides));
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
      List<Finding> found =
          new ArrayList<>(Overrides.apply(copy, Scenario.class, option.set(), places));
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
      for (Finding f : found) {
        YamlTree.Place place = f.place() != null ? f.place() : copy.placeOf(f.path(), f.atKey());
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
    return parse("scenario '" + scenario.name() + "'", ScenarioYaml.write(scenario), overrides);
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
}
