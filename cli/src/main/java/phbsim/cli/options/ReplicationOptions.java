package phbsim.cli.options;

import phbsim.experiment.RunSpec;
import picocli.CommandLine.Option;

/** How many replications, with which seed, on how many threads. */
public final class ReplicationOptions {
  @Option(
      names = {"-r", "--replications"},
      paramLabel = "N",
      defaultValue = "10",
      converter = ReplicationOptions.Count.class,
      description = "Replications (independent runs) to summarise. Default: ${DEFAULT-VALUE}.")
  int replications;

  /** Reads a number of replications, saying what one is when the text is not a whole number. */
  static final class Count implements picocli.CommandLine.ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        return Integer.valueOf(value.strip().replace(",", ""));
      } catch (NumberFormatException e) {
        throw new picocli.CommandLine.TypeConversionException(
            "'"
                + value
                + "' is not a number of replications; expected a whole number such as 100 (each"
                + " replication is one run of the model on its own random numbers; more of them"
                + " narrow the intervals)");
      }
    }
  }

  @Option(
      names = "--seed",
      paramLabel = "SEED",
      defaultValue = "" + RunSpec.DEFAULT_SEED,
      description =
          "Master random seed: the same seed gives the same results. Default: ${DEFAULT-VALUE}.")
  long seed;

  @Option(
      names = "--threads",
      paramLabel = "T",
      description =
          "Threads to run replications on (default: one per core). Results do not depend on it.")
  Integer threads;

  @Option(
      names = {"-q", "--quiet"},
      description = "Show no progress while running (progress goes to the error stream).")
  public boolean quiet;

  /** The run settings; checks the numbers. */
  public RunSpec runSpec(picocli.CommandLine commandLine) {
    if (replications < 1) {
      throw new picocli.CommandLine.ParameterException(
          commandLine, "--replications must be at least 1, found " + replications);
    }
    if (threads != null && threads < 1) {
      throw new picocli.CommandLine.ParameterException(
          commandLine, "--threads must be at least 1, found " + threads);
    }
    return threads == null
        ? RunSpec.of(replications, seed)
        : new RunSpec(replications, seed, threads);
  }
}
