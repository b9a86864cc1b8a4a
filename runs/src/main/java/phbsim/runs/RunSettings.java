package phbsim.runs;

import phbsim.experiment.RunSpec;

/**
 * How to run: replications, seed and threads (the model's {@link RunSpec}), the half-width wanted
 * for the cash net saving's interval (the replications needed for it are reported), and whether
 * each replication's headline figures are written as well as their summary (replications.csv).
 */
public record RunSettings(RunSpec run, double precision, boolean perReplication) {
  /** The precision a run asks for when none is given: £50,000. */
  public static final double DEFAULT_PRECISION = 50_000;

  public RunSettings {
    if (run == null) {
      throw new IllegalArgumentException("run settings need a RunSpec");
    }
    if (!(precision > 0)) {
      throw new RunRefused("--precision must be above 0 pounds, found " + precision);
    }
  }

  /** {@code replications} with {@code seed}, one thread per core, the default precision. */
  public static RunSettings of(int replications, long seed) {
    return new RunSettings(RunSpec.of(replications, seed), DEFAULT_PRECISION, false);
  }
}
