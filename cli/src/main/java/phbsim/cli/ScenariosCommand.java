package phbsim.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import phbsim.scenarios.BuiltInScenarios;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phbsim scenarios}: lists the built-in scenarios, or prints one. */
@Command(
    name = "scenarios",
    mixinStandardHelpOptions = true,
    description = "List the built-in scenarios, or print one as YAML to start your own from.",
    footer = {
      "",
      "Examples:",
      "  phbsim scenarios",
      "  phbsim scenarios --show default > my-area.yaml",
    })
final class ScenariosCommand implements Callable<Integer> {
  @Option(
      names = "--show",
      paramLabel = "NAME",
      description = "Print this built-in scenario's YAML, with its comments and sources.")
  String show;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (show != null) {
      if (!BuiltInScenarios.isBuiltIn(show)) {
        throw new UserError(
            "No built-in scenario '"
                + show
                + "'; expected one of: "
                + String.join(", ", BuiltInScenarios.names()));
      }
      out.print(BuiltInScenarios.text(show));
      out.flush();
      return 0;
    }
    out.println("Built-in scenarios (run one with: phbsim run NAME):");
    for (Map.Entry<String, String> e : BuiltInScenarios.descriptions().entrySet()) {
      out.printf(Locale.ROOT, "  %-14s %s%n", e.getKey(), e.getValue());
    }
    out.flush();
    return 0;
  }
}
