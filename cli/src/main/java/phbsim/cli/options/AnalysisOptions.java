package phbsim.cli.options;

import java.util.ArrayList;
import java.util.List;
import phbsim.analysis.Output;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import picocli.CommandLine.Option;

/** Which option of a scenario an analysis looks at, and which output. */
public final class AnalysisOptions {
  @Option(
      names = "--option",
      paramLabel = "ID",
      description =
          "The option of the scenario to analyse against its status quo. Default: its first named"
              + " option, or the scenario as written if it names none.")
  String option;

  @Option(
      names = "--output",
      paramLabel = "NAME",
      defaultValue = "net_saving_cash",
      description =
          "The output to analyse: net_saving_cash, net_saving_economic, npv_cash, npv_economic,"
              + " double_running, or option.MEASURE, status_quo.MEASURE, difference.MEASURE"
              + " (such as difference.crises). Default: ${DEFAULT-VALUE}.")
  String output;

  /**
   * The option chosen.
   *
   * @throws IllegalArgumentException naming the options there are, if the scenario has no such
   *     option
   */
  public OptionSpec option(Scenario scenario) {
    if (option == null) {
      return scenario.options().isEmpty()
          ? new OptionSpec("as-written", "The scenario as written", null, null)
          : scenario.options().get(0);
    }
    List<String> ids = new ArrayList<>();
    for (OptionSpec o : scenario.options()) {
      if (o.id().equals(option)) {
        return o;
      }
      ids.add(o.id());
    }
    throw new IllegalArgumentException(
        "--option "
            + option
            + ": the scenario has no such option; expected one of: "
            + (ids.isEmpty() ? "(it names none; leave --option out)" : String.join(", ", ids)));
  }

  /** The output chosen. */
  public Output output() {
    try {
      return Output.parse(output);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--output " + e.getMessage(), e);
    }
  }
}
