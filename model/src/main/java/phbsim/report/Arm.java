package phbsim.report;

import java.util.Locale;

/** Which figures a cash-flow row shows. */
public enum Arm {
  /** The scenario as described, with its personal health budgets. */
  SCENARIO,
  /** The same scenario with budgets switched off, on the same random numbers. */
  BASELINE,
  /** Scenario minus baseline, paired replication by replication: positive means it costs more. */
  DIFFERENCE;

  /** The name used in output files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
