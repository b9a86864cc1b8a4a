package phbsim.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import phbsim.cli.options.ScenarioOptions;
import phbsim.scenario.Scenario;
import phbsim.scenarios.AssumptionsTemplate;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phbsim template}: a scenario's assumptions as a workbook to edit and run. */
@Command(
    name = "template",
    mixinStandardHelpOptions = true,
    description =
        "Write every assumption of a scenario as an Excel workbook: a sheet per part, one row per"
            + " value with its unit, price year, valid range and source, the lists as tables."
            + " Edit it and run it: phbsim run reads the workbook as it reads a scenario file.",
    footer = {
      "",
      "Examples:",
      "  phbsim template default --out assumptions.xlsx",
      "  phbsim run assumptions.xlsx",
    })
final class TemplateCommand implements Callable<Integer> {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SCENARIO",
      description = "A scenario file or built-in name. Default: ${DEFAULT-VALUE}.",
      defaultValue = "default")
  String scenario;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "The workbook to write (.xlsx).")
  Path out;

  @Option(names = "--force", description = "Replace the file if it exists.")
  boolean force;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    if (!out.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx")) {
      throw new UserError(out + ": expected a file name ending .xlsx");
    }
    if (Files.exists(out) && !force) {
      throw new UserError(out + ": exists; expected a new file (or --force to replace it)");
    }
    Scenario s = ScenarioOptions.load(scenario, List.of());
    String text = ScenarioOptions.text(scenario);
    try (OutputStream o = Files.newOutputStream(out)) {
      AssumptionsTemplate.write(scenario, text, s, o);
    } catch (IOException e) {
      throw new UserError(out + ": cannot be written (" + e.getMessage() + ")", e);
    }
    spec.commandLine().getOut().println("wrote " + out);
    return 0;
  }
}
