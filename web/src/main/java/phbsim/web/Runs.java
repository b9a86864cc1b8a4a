package phbsim.web;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.report.Disclosure;
import phbsim.report.Release;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioException;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.Explain;
import phbsim.scenarios.ScenarioLoadException;
import phbsim.scenarios.ScenarioLoader;
import phbsim.writers.AppraisalFiles;
import phbsim.writers.OutputFolder;
import phbsim.writers.Workbooks;

/**
 * The page's one way into the engine. Design note: every call the page makes to load, check, run
 * and write a scenario goes through here, and does what {@code phbsim run} does in process (the
 * scenarios loader with overrides, {@link Appraisal#run}, {@link Disclosure#release}, {@link
 * AppraisalFiles}); when the run service (phbsim.runs) lands, only this class is re-pointed.
 */
public final class Runs {
  /** A scenario the page may run: its name, its YAML text, and the overrides set on the page. */
  public record Source(String name, String text, List<String> overrides) {
    public Source {
      overrides = List.copyOf(overrides);
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

  /**
   * The memory check made before a run (the command line's Capacity rule, handed in by {@code
   * phbsim serve} so that this module does not depend on the command line).
   */
  @FunctionalInterface
  public interface CapacityCheck {
    /**
     * Throws a {@link RuntimeException} whose message gives the figures if {@code arms} would not
     * fit.
     */
    void check(List<Scenario> arms, RunSpec run);

    /** No check (tests that give their own). */
    CapacityCheck NONE = (arms, run) -> {};
  }

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
   * Loads {@code source} with its overrides, from its text only: the loader is given a folder of
   * its own with nothing in it, and a scenario naming a person-level file is refused before it is
   * read, so nothing a browser sends names a file on the server.
   */
  static Checked check(Source source) {
    String name = source.name();
    if (mentionsFile(source.text()) || source.overrides().stream().anyMatch(Runs::mentionsFile)) {
      String line =
          "startingPopulation: a scenario with a person-level starting population names a file on"
              + " the computer; expected one without (run it with phbsim run on the command line)";
      return new Checked(
          null,
          List.of(new Problem("startingPopulation", line)),
          name + ": 1 problem\n  " + line + "\n");
    }
    try {
      Scenario s =
          BuiltInScenarios.isBuiltIn(name) && source.text().equals(BuiltInScenarios.text(name))
              ? BuiltInScenarios.load(name, source.overrides())
              : ScenarioLoader.parse(name, source.text(), source.overrides(), EMPTY);
      // The checks the model makes when it compiles a scenario, as validate makes them.
      new phbsim.world.CompiledScenario(s);
      return new Checked(s, List.of(), "");
    } catch (ScenarioLoadException e) {
      List<Problem> out = new ArrayList<>();
      e.problems().forEach(p -> out.add(new Problem(p.path(), p.toString())));
      return new Checked(null, out, printed(name, e.problems()));
    } catch (ScenarioException e) {
      List<Problem> out = new ArrayList<>();
      e.problems().forEach(p -> out.add(new Problem(p.path(), p.toString())));
      return new Checked(null, out, printed(name, e.problems()));
    }
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

  /** An empty folder for the loader's relative paths: nothing is ever found there. */
  private static final Path EMPTY = emptyFolder();

  private static Path emptyFolder() {
    try {
      Path p = java.nio.file.Files.createTempDirectory("phbsim-web-empty");
      p.toFile().deleteOnExit();
      return p;
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** Every value of the scenario with its price year and source, as {@code explain} gives it. */
  static List<Explain.Assumption> assumptions(Source source, Scenario loaded) {
    return Explain.assumptions(source.name(), source.text(), loaded);
  }

  /** {@code explain} of one value: its line, comment, price and sources. */
  static Explain.Explanation explain(Source source, Scenario loaded, String path) {
    return Explain.explain(source.name(), source.text(), loaded, path);
  }

  /** The arms of an appraisal of {@code s}: its status quo, then each option. */
  static List<Scenario> arms(Scenario s, java.util.Set<String> off) {
    List<Scenario> arms = new ArrayList<>(List.of(s.statusQuo()));
    options(s, off).forEach(o -> arms.add(o.scenario()));
    return arms;
  }

  /** The options of {@code s}, in order, less those switched off (all of them: none left off). */
  static List<OptionArm> options(Scenario s, java.util.Set<String> off) {
    List<OptionArm> all = ScenarioLoader.options(s);
    List<OptionArm> on = all.stream().filter(o -> !off.contains(o.id())).toList();
    return on.isEmpty() ? all : on;
  }

  /** The YAML of the scenario as edited: the text with the overrides applied, as run writes it. */
  static String editedYaml(Scenario s) {
    return phbsim.scenarios.ScenarioYaml.write(s);
  }

  /**
   * Runs the appraisal of a checked scenario and writes every file {@code phbsim run} writes into
   * {@code folder}, returning the released result (the only form the page ever shows).
   *
   * @param progress told of each replication done (all arms of it)
   */
  static Release<AppraisalResult> run(
      Source source,
      Scenario s,
      java.util.Set<String> off,
      RunSpec run,
      CapacityCheck capacity,
      Progress progress,
      Path folder,
      double precision)
      throws IOException {
    capacity.check(arms(s, off), run);
    List<OptionArm> options = options(s, off);
    int arms = options.size() + 1;
    AppraisalResult result =
        Appraisal.run(
            s.statusQuo(),
            options,
            run,
            (done, total) -> progress.advanced(done / arms, Math.max(1, total / arms)));
    Release<AppraisalResult> released = Disclosure.release(result);
    List<String> command = new ArrayList<>(List.of("phbsim", "serve:", "run", source.name()));
    source.overrides().forEach(o -> command.add("--set " + o));
    command.add("-r " + run.replications());
    command.add("--seed " + run.masterSeed());
    OutputFolder files =
        AppraisalFiles.withWorkbookAndReport(
            AppraisalFiles.of(
                folder,
                released,
                s,
                run,
                precision,
                false,
                AppraisalFiles.source(source.name(), source.overrides())),
            released,
            s,
            assumptions(source, s),
            Workbooks.RunInfo.of("web", "", command, run, List.of(source.text())));
    files.replacing(true).commit(run.threads());
    return released;
  }
}
