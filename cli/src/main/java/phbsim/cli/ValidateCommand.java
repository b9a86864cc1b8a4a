package phbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
