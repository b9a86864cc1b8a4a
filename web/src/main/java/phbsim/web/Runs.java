package phbsim.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import phbsim.experiment.RunSpec;
import phbsim.runs.Invocation;
import phbsim.runs.RunRequest;
import phbsim.runs.RunSettings;
import phbsim.runs.ScenarioSource;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioException;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.Explain;
import phbsim.scenarios.ScenarioLoadException;

/**
 * The page's one way into the engine. Design note: the page loads and checks a scenario here (the
 * scenarios loader with overrides, and the model's own checks, as {@code phbsim validate} makes
 * them), and turns what the form sent into a {@link RunRequest} for the run service (phbsim.runs),
 * which runs it, releases it through the disclosure policy and writes the files of {@code phbsim
 * run}. Nothing here sequences a run.
 */
public final class Runs {
  /**
   * A scenario the page may run: its name, its YAML text, the overrides set on the page, and, for a
   * person-level upload only, the private folder its file and the person-level CSV were saved in
   * (null otherwise: the scenario is read from its text alone).
   */
  public record Source(String name, String text, List<String> overrides, Path folder) {
    public Source {
      overrides = List.copyOf(overrides);
    }

    public Source(String name, String text, List<String> overrides) {
      this(name, text, overrides, null);
    }

    /** The same scenario with other overrides. */
    Source with(List<String> changed) {
      return new Source(name, text, changed, folder);
    }

    /** Whether its people come from a person-level file (uploaded with it). */
    boolean personLevel() {
      return folder != null;
    }
  }

  /** A scenario loaded, or the problems that stop it, in {@code phbsim validate}'s words. */
  public record Checked(Scenario scenario, List<Problem> problems, String message) {
    boolean ok() {
      return scenario != null;
    }
  }

  /** One problem: the YAML path it is at ("" if none) and the line validate prints for it. */
  public record Problem(String path, String line) {}

  /** The name the page saves a person-level upload's scenario under, in its private folder. */
  static final String SCENARIO_FILE = "scenario.yaml";

  private Runs() {}

  /** The built-in scenarios, name to description. */
  static java.util.Map<String, String> builtIns() {
    return BuiltInScenarios.descriptions();
  }

  /** A built-in scenario's source, with no overrides. */
  static Source builtIn(String name) {
    if (!BuiltInScenarios.isBuiltIn(name)) {
      throw new IllegalArgumentException("no built-in scenario " + name);
    }
    return new Source(name, BuiltInScenarios.text(name), List.of());
  }

  /**
   * Loads {@code source} with its overrides. A scenario read from its text alone is given a folder
   * of its own with nothing in it, and one naming a person-level file is refused before it is read,
   * so nothing a browser sends names a file on the server; a person-level upload is read from the
   * private folder the page saved it in, and its file's problems are not shown row by row (they
   * would quote the file).
   */
  static Checked check(Source source) {
    String name = source.name();
    if (!source.personLevel()
        && (mentionsFile(source.text())
            || source.overrides().stream().anyMatch(Runs::mentionsFile))) {
      String line =
          "startingPopulation: a scenario with a person-level starting population names a file on"
              + " the computer; expected one without, or upload the person-level file with it";
      return new Checked(
          null,
          List.of(new Problem("startingPopulation", line)),
          name + ": 1 problem\n  " + line + "\n");
    }
    if (source.personLevel() && source.overrides().stream().anyMatch(Runs::mentionsFile)) {
      String line = "startingPopulation: the person-level file cannot be changed on the page";
      return new Checked(
          null,
          List.of(new Problem("startingPopulation", line)),
          name + ": 1 problem\n  " + line + "\n");
    }
    try {
      Scenario s = scenarioSource(source).load(source.overrides());
      // The checks the model makes when it compiles a scenario, as validate makes them.
      new phbsim.world.CompiledScenario(s);
      return new Checked(s, List.of(), "");
    } catch (ScenarioLoadException e) {
      return problems(source, e.problems());
    } catch (ScenarioException e) {
      return problems(source, e.problems());
    }
  }

  private static Checked problems(Source source, List<? extends Object> found) {
    List<Problem> out = new ArrayList<>();
    List<Object> shown = new ArrayList<>();
    int fromFile = 0;
    for (Object p : found) {
      String path = path(p);
      if (source.personLevel() && path.startsWith("startingPopulation")) {
        fromFile++;
      } else {
        out.add(new Problem(path, scrub(source, p.toString())));
        shown.add(p);
      }
    }
    String message = shown.isEmpty() ? "" : scrub(source, printed(source.name(), shown));
    if (fromFile > 0) {
      String line =
          "startingPopulation: the person-level file has problems; they are not shown here, as"
              + " they quote the file: run phbsim validate on the computer where it is kept";
      out.add(new Problem("startingPopulation", line));
      message += source.name() + ": " + line + "\n";
    }
    return new Checked(null, out, message);
  }

  private static final ObjectMapper YAML =
      new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory());

  /**
   * The plain file name a person-level scenario gives its file at {@code startingPopulation.file},
   * such as {@code caseload.csv}; null if it gives a path or none, if anything else in it names a
   * person-level file (an option's or an area's {@code startingPopulation.file}), or if it has
   * areas. Only such a scenario may be uploaded with its file.
   */
  static String personLevelFileName(String text) {
    try {
      var root = YAML.readTree(text);
      if (root == null || !root.isObject() || root.has("areas")) {
        return null;
      }
      var file = root.path("startingPopulation").path("file");
      String name = file.isTextual() ? file.asText() : null;
      if (name == null
          || !name.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,79}")
          || name.equals(SCENARIO_FILE)
          || text.indexOf("startingPopulation") != text.lastIndexOf("startingPopulation")) {
        return null;
      }
      return name;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  /**
   * A line shown for a person-level scenario: with any figure in brackets taken out, as the checks
   * quote a segment's head count that way and, for a person-level scenario, that is the file's.
   */
  static String scrub(Source source, String line) {
    return source.personLevel() ? line.replaceAll("\\s*\\([0-9][0-9,.]*\\)", "") : line;
  }

  private static String path(Object problem) {
    if (problem instanceof phbsim.scenarios.LoadProblem p) {
      return p.path();
    }
    if (problem instanceof phbsim.scenario.Problem p) {
      return p.path();
    }
    return "";
  }

  /** What {@code phbsim validate} prints for these problems. */
  private static String printed(String name, List<?> problems) {
    StringWriter w = new StringWriter();
    try (PrintWriter p = new PrintWriter(w)) {
      phbsim.writers.Text.problems(p, name, problems);
    }
    return w.toString();
  }

  private static boolean mentionsFile(String text) {
    return text.contains("startingPopulation");
  }

  /**
   * Where the run service reads the scenario from: the built-in itself if the text is the
   * built-in's (so that its records name it, as {@code phbsim run NAME} does), the saved file of a
   * person-level upload, else the uploaded text.
   */
  static ScenarioSource scenarioSource(Source source) {
    if (source.personLevel()) {
      return ScenarioSource.named(source.folder().resolve(SCENARIO_FILE).toString());
    }
    if (BuiltInScenarios.isBuiltIn(source.name())
        && source.text().equals(BuiltInScenarios.text(source.name()))) {
      return new ScenarioSource.BuiltIn(source.name());
    }
    // Read from its text with nothing to find beside it: a file it might name was refused above.
    return new ScenarioSource.Uploaded(source.name(), source.text());
  }

  /** Every value of the scenario with its price year and source, as {@code explain} gives it. */
  static List<Explain.Assumption> assumptions(Source source, Scenario loaded) {
    return Explain.assumptions(source.name(), source.text(), loaded);
  }

  /** {@code explain} of one value: its line, comment, price and sources. */
  static Explain.Explanation explain(Source source, Scenario loaded, String path) {
    return Explain.explain(source.name(), source.text(), loaded, path);
  }

  /** The options of {@code s} as written, in order. */
  static List<OptionSpec> options(Scenario s) {
    return s.options();
  }

  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The override that leaves out the options switched off ({@code off}, by id): the scenario's
   * {@code options} list with only those left on, written as the JSON {@code --set} takes, so that
   * the scenario as run, its scenario.yaml and its run.json all say which options ran. None when
   * none is off, or when all are (a run needs at least one option, and then runs them all).
   */
  static List<String> optionsOff(Scenario s, Set<String> off) {
    List<OptionSpec> on = s.options().stream().filter(o -> !off.contains(o.id())).toList();
    if (on.size() == s.options().size() || on.isEmpty()) {
      return List.of();
    }
    ArrayNode list = JSON.createArrayNode();
    for (OptionSpec o : on) {
      ObjectNode n = list.addObject();
      n.put("id", o.id());
      n.put("label", o.label());
      n.put("description", o.description());
      ArrayNode set = n.putArray("set");
      o.set().forEach(set::add);
    }
    try {
      return List.of("options=" + JSON.writeValueAsString(list));
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The run service's request for a checked source (its overrides are the page's edits and the
   * options left out): replications and seed from the form, one thread per core, the command line's
   * default precision, and the equivalent command line for the run's records.
   */
  static RunRequest request(Source source, RunSpec run, Invocation build) {
    List<String> command = new ArrayList<>(List.of("serve:", "run", source.name()));
    source.overrides().forEach(o -> command.add("--set=" + o));
    command.add("-r");
    command.add(Integer.toString(run.replications()));
    command.add("--seed");
    command.add(Long.toString(run.masterSeed()));
    Invocation who =
        new Invocation(
            build.tool(),
            build.version(),
            build.commit(),
            build.dirty(),
            Invocation.commandLine(build.tool(), command));
    return RunRequest.run(
        scenarioSource(source),
        source.overrides(),
        new RunSettings(run, RunSettings.DEFAULT_PRECISION, false),
        who);
  }
}
