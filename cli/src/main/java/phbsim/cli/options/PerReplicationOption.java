package phbsim.cli.options;

import picocli.CommandLine.Option;

/**
 * {@code --per-replication}: for the commands whose results are replications of arms (run, compare,
 * sweep), each replication's figures as well as their summary.
 */
public final class PerReplicationOption {
  @Option(
      names = "--per-replication",
      description =
          "Also write replications.csv: each replication's headline figures, one row per"
              + " replication (and option, or sweep point), for analysis in R or Python.")
  public boolean perReplication;
}
