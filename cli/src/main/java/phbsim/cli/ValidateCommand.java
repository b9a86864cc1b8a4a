package phbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioException;
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
      description = "Scenario files (.yaml), or names of built-in scenarios.")
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
            Files.isRegularFile(Path.of(name)) || !BuiltInScenarios.isBuiltIn(name)
                ? ScenarioLoader.load(Path.of(name), List.of())
                : BuiltInScenarios.load(name, List.of());
        new CompiledScenario(s);
        out.println(
            name
                + ": ok ("
                + count(s.segments().size(), "segment")
                + ", "
                + count(s.services().size(), "service")
                + ", "
                + count(s.years(), "year")
                + ")");
      } catch (ScenarioLoadException e) {
        failed++;
        err.printf(
            Locale.ROOT, "%s: %d %s%n", name, e.problems().size(), plural(e.problems().size()));
        e.problems().forEach(p -> err.println("  " + p));
      } catch (ScenarioException e) {
        failed++;
        err.printf(
            Locale.ROOT, "%s: %d %s%n", name, e.problems().size(), plural(e.problems().size()));
        e.problems().forEach(p -> err.println("  " + p));
      }
    }
    out.flush();
    err.flush();
    return failed == 0 ? 0 : UserError.EXIT_CODE;
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String plural(int n) {
    return n == 1 ? "problem" : "problems";
  }
}
