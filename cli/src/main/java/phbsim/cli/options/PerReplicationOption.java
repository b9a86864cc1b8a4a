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

  /**
   * Refuses {@code --per-replication} for a scenario whose people come from a person-level file:
   * each replication's figures are small counts that small-number suppression could not protect.
   */
  public void check(picocli.CommandLine cli, phbsim.scenario.Scenario scenario) {
    if (perReplication && scenario.fromPersonLevelData()) {
      throw new picocli.CommandLine.ParameterException(
          cli,
          "--per-replication is not available when the starting population comes from a"
              + " person-level file: each replication's figures are small counts that cannot be"
              + " suppressed; leave it out");
    }
  }
}
