package phbsim.experiment;

/**
 * How to run a scenario: the number of replications, the master seed and the number of threads. The
 * threads change how fast results come, never what they are.
 */
public record RunSpec(int replications, long masterSeed, int threads) {
  /** Default master seed, so that a run with no seed given is still reproducible. */
  public static final long DEFAULT_SEED = 20260401L;

  public RunSpec {
    if (replications < 1) {
      throw new IllegalArgumentException("replications must be at least 1, was " + replications);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
  }

  /** One thread per available processor, at most one per replication. */
  public static RunSpec of(int replications, long masterSeed) {
    int cores = Runtime.getRuntime().availableProcessors();
    return new RunSpec(replications, masterSeed, Math.max(1, Math.min(cores, replications)));
  }
}
