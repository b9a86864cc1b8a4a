package phbsim.cli.options;

import phbsim.analysis.Output;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import picocli.CommandLine.Option;

/** Which option of a scenario an analysis looks at, and which output. */
public final class AnalysisOptions {
  /**
   * The output analysed when none is asked for: the cash net saving, since the first question a
   * board asks of an option is the cash it must find or can release.
   */
  public static final String DEFAULT_OUTPUT = "net_saving_cash";

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
      defaultValue = AnalysisOptions.DEFAULT_OUTPUT,
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

  /**
   * Refuses an output that counts people or events when the scenario's people come from a
   * person-level file: an analysis publishes its output per point, draw or step, unsuppressed
   * (small-number suppression covers the tables of run and compare).
   *
   * @throws IllegalArgumentException saying so
   */
  public static void requireMoneyForPersonLevel(Scenario scenario, Output output, String flag) {
    if (scenario.fromPersonLevelData() && !output.money()) {
      throw new IllegalArgumentException(
          flag
              + " "
              + output.name()
              + " counts people or events, which an analysis would publish without small-number"
              + " suppression when the starting population comes from a person-level file;"
              + " expected a money output (net_saving_cash, net_saving_economic, npv_cash,"
              + " npv_economic, double_running), or phbsim run for the suppressed tables");
    }
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
