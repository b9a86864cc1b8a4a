package phbsim.scenario;

/**
 * The family of a parameter's distribution in a probabilistic sensitivity analysis (docs/model.md
 * section 8). Centred on the scenario's value: its mean is the value (the mode for TRIANGULAR), its
 * spread the uncertainty's {@code sd} or {@code low} and {@code high}.
 */
public enum Distribution {
  /** For probabilities and shares, strictly between 0 and 1: mean and sd. */
  BETA,
  /** For costs and rates, above 0, right-skewed: mean and sd. */
  GAMMA,
  /** For costs and rates, above 0, right-skewed: mean and sd. */
  LOGNORMAL,
  /** Symmetric, unbounded: mean and sd. */
  NORMAL,
  /** Every value from low to high equally likely. */
  UNIFORM,
  /** From low to high, most likely at the scenario's value. */
  TRIANGULAR
}
