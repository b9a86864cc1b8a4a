package phbsim.cli.options;

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
    return scenario.analysedOption(option);
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
