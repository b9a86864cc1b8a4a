package phbsim.workload;

/**
 * The five states of the reference workload, in the order docs/benchmark.md lists them (the order
 * of the rows and columns of its transition matrix). A person waiting for a CMHT slot is in none of
 * them: they are counted in {@link PopulationFlow.Result#waiting()}.
 */
public enum FlowState {
  CMHT(2.0),
  INPATIENT(12.0),
  CRISIS(26.0),
  PHB(1.5),
  DISCHARGED(0.5);

  private final double exitRatePerYear;

  FlowState(double exitRatePerYear) {
    this.exitRatePerYear = exitRatePerYear;
  }

  /** The rate per year of leaving this state (docs/benchmark.md, "Time to leave a state"). */
  public double exitRatePerYear() {
    return exitRatePerYear;
  }
}
