package phbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioException;
import phbsim.scenarios.AssumptionsWorkbook;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoadException;
import phbsim.scenarios.ScenarioLoader;
import phbsim.world.CompiledScenario;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phbsim validate}: checks scenario files and lists every problem in each. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    description =
        "Check one or more scenario files without running them. Every problem in a file is"
            + " listed at once, with its line, column and path. Exit code 1 if any file has a"
            + " problem.",
    footer = {"", "Examples:", "  phbsim validate my-area.yaml", "  phbsim validate a.yaml b.yaml"})
final class ValidateCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..*",
      paramLabel = "FILE",
      description =
          "Scenario files (.yaml), assumptions workbooks (.xlsx), or names of built-in"
              + " scenarios.")
  List<String> files;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    int failed = 0;
    for (String name : files) {
      try {
        Scenario s =
            AssumptionsWorkbook.isWorkbook(name)
                ? AssumptionsWorkbook.load(Path.of(name), List.of())
                : Files.isRegularFile(Path.of(name)) || !BuiltInScenarios.isBuiltIn(name)
                    ? ScenarioLoader.load(Path.of(name), List.of())
                    : BuiltInScenarios.load(name, List.of());
        CompiledScenario compiled = new CompiledScenario(s);
        out.println(
            name
                + ": ok ("
                + count(s.segments().size(), "segment")
                + ", "
                + count(s.services().size(), "service")
                + ", "
                + count(s.years(), "year")
                + ")");
        startingPopulation(out, compiled);
      } catch (ScenarioLoadException e) {
        failed++;
        phbsim.writers.Text.problems(err, name, e.problems());
      } catch (ScenarioException e) {
        failed++;
        phbsim.writers.Text.problems(err, name, e.problems());
      }
    }
    out.flush();
    err.flush();
    return failed == 0 ? 0 : UserError.EXIT_CODE;
  }

  /**
   * What a person-level starting population gave each segment: its people (a count below the
   * suppression threshold is not printed), the frailty variance fitted to their crises, and their
   * crises against the scenario's rate, which stays the level (the file says who is riskier).
   */
  private static void startingPopulation(PrintWriter out, CompiledScenario compiled) {
    var caseload = compiled.caseload();
    if (caseload == null) {
      return;
    }
    int below = phbsim.report.Disclosure.threshold(java.util.List.of(compiled.scenario()));
    boolean rounds = compiled.scenario().startingPopulation().rounds();
    out.println("  starting population from " + compiled.scenario().startingPopulation().file());
    for (int g = 0; g < compiled.segments().size(); g++) {
      var spec = compiled.segments().spec(g);
      var fit = compiled.frailty(g);
      int n = fit.rows();
      String people =
          n > 0 && n < below
              ? "fewer than " + below + " people"
              : rounds
                  ? String.format(
                      java.util.Locale.UK,
                      "%,d people (to the nearest 5)",
                      (long) phbsim.report.NhsRounding.round(n))
                  : String.format(java.util.Locale.UK, "%,d people", n);
      StringBuilder line =
          new StringBuilder(
              String.format(
                  java.util.Locale.UK,
                  "    %s: %s; frailty variance %.2f (%s)",
                  spec.id(),
                  n == 0 ? "nobody" : people,
                  fit.variance(),
                  fit.estimated()
                      ? "fitted to their crises"
                      : "the scenario's: too few people to fit"));
      if (n >= below && spec.crisesPerYear() > 0) {
        double ratio = fit.meanCount() / spec.crisesPerYear();
        line.append(
            String.format(
                java.util.Locale.UK,
                "; %.2f crises a person last year against crisesPerYear %s",
                fit.meanCount(),
                phbsim.writers.Numbers.significant(spec.crisesPerYear())));
        if (ratio > 1.25 || ratio < 0.8) {
          line.append(
              " (check it: the scenario's rate sets the level; the file only who is riskier)");
        }
      }
      out.println(line);
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
