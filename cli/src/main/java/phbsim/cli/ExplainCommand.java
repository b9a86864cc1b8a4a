package phbsim.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import phbsim.cli.options.ScenarioOptions;
import phbsim.scenario.Scenario;
import phbsim.scenarios.AssumptionsWorkbook;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.Explain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phbsim explain}: a value of a scenario, its price year and its source. */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description =
        "Show where a value of a scenario comes from: the value in effect, the line of the file"
            + " that sets it and its comment, its price year and its worth at the price base if it"
            + " is a price, and the full reference of every source the comment cites (from"
            + " docs/sources.md).",
    footer = {
      "",
      "Examples:",
      "  phbsim explain default services[acute-ward].inpatient.costPerBedDay",
      "  phbsim explain my-area.yaml segments[common].budget.annualAllocation",
      "  phbsim explain assumptions.xlsx budgets.restrictiveShare",
      "  phbsim explain default budgets.restrictiveShare \\",
      "      --set budgets.restrictiveShare=0.3",
    })
final class ExplainCommand implements Callable<Integer> {
  @Parameters(
      arity = "1..2",
      paramLabel = "[SCENARIO] PATH",
      description =
          "A scenario file or built-in name (default: default), then the setting, written as"
              + " --set writes it: keys joined by dots, [index] or [id] after a list.")
  List<String> arguments;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a setting first, as for run. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    String name = arguments.size() == 2 ? arguments.get(0) : BuiltInScenarios.DEFAULT;
    String path = arguments.get(arguments.size() - 1);
    Scenario s = ScenarioOptions.load(name, overrides);
    Explain.Explanation e;
    try {
      e = Explain.explain(name, ScenarioOptions.text(name), s, path);
    } catch (IllegalArgumentException bad) {
      throw new UserError(name + ": " + bad.getMessage(), bad);
    }
    PrintWriter out = spec.commandLine().getOut();
    String value = e.value();
    try {
      value = new java.math.BigDecimal(value).stripTrailingZeros().toPlainString();
    } catch (NumberFormatException notANumber) {
      // text, a date or true/false: as it is
    }
    out.println(path + (path.equals(e.path()) ? "" : " (" + e.path() + ")") + " = " + value);
    // An override given here sets the value: say so first, so the file's line below is read as
    // what it replaced, not as the value in effect.
    String overriddenBy = null;
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq > 0) {
        String p = o.substring(0, eq).strip();
        if (p.equals(path) || p.equals(e.path())) {
          overriddenBy = o;
        }
      }
    }
    if (overriddenBy != null) {
      out.println(
          "  set by --set " + overriddenBy + " for this command, in place of the file's value");
    }
    // A workbook's value is named by its sheet and cell, where the finance lead changes it, not
    // by a line of the YAML text the workbook is read as.
    java.util.Optional<String> cell =
        AssumptionsWorkbook.isWorkbook(name)
            ? AssumptionsWorkbook.read(java.nio.file.Path.of(name)).cellOf(e.path())
            : java.util.Optional.empty();
    if (cell.isPresent()) {
      out.println(
          "  "
              + e.origin()
              + ", cell "
              + cell.get()
              + (overriddenBy != null ? " (replaced by the --set above)" : ""));
    } else if (e.line() > 0) {
      out.println(
          "  "
              + e.origin()
              + ", line "
              + e.line()
              + (overriddenBy != null ? " (replaced by the --set above): " : ": ")
              + e.lineText());
    } else {
      out.println("  not set in " + e.origin() + ": the default applies (see the scenario README)");
    }
    e.price()
        .ifPresent(
            p ->
                out.printf(
                    Locale.UK,
                    "  a price in pounds of %s (from %s); at the price base, %s: £%s (x %.4f,"
                        + " the NHS cost index in docs/sources.md)%n",
                    p.year().label(),
                    p.yearFrom(),
                    p.base().label(),
                    String.format(Locale.UK, "%,.2f", p.atBase()),
                    p.factor()));
    if (!e.comment().isEmpty() && e.sources().isEmpty()) {
      out.println("  " + (e.comment().startsWith("ASSUMPTION") ? "" : "comment: ") + e.comment());
    }
    for (String source : e.sources()) {
      out.println("  source " + source);
    }
    if (e.comment().isEmpty() && cell.isPresent()) {
      out.println("  (its Source cell is empty: no source is given for this value)");
    } else if (e.comment().isEmpty() && e.line() > 0) {
      out.println("  (the line has no comment: no source is given for this value)");
    }
    out.flush();
    return 0;
  }
}
