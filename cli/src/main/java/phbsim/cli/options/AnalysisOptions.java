package phbsim.cli.options;

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

  /** The option asked for with --option, or null for the scenario's first. */
  public String optionId() {
    return option;
  }

  /** The output named with --output (the default if none). */
  public String outputName() {
    return output;
  }
}
