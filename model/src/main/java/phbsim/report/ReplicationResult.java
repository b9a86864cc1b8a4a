package phbsim.report;

import phbsim.money.CashFlow;
import phbsim.observe.MonthlyMetrics;
import phbsim.observe.TeamMetrics;

/**
 * What one replication produced.
 *
 * @param replication its index
 * @param metrics its monthly record
 * @param teams the monthly record of each community team
 * @param cashFlow its payments per month and ledger line, from its ledger
 * @param doubleRunning per month, pence of double running (World.doubleRunning)
 * @param events the number of events processed
 * @param peopleEver everyone who was part of the run, including those who left
 * @param budgetSpells every budget's length and whether it ran to the horizon (ExperimentResult's
 *     Kaplan-Meier length of a budget)
 * @param cohort what the cohort view needs of this replication (null once the appraisal has paired
 *     it with its status quo and kept only the view's figures: see Appraisal)
 */
public record ReplicationResult(
    int replication,
    MonthlyMetrics metrics,
    TeamMetrics teams,
    CashFlow cashFlow,
    long[] doubleRunning,
    long events,
    int peopleEver,
    phbsim.observe.BudgetSpells budgetSpells,
    phbsim.observe.CohortLog cohort)
    implements java.io.Serializable {
  private static final long serialVersionUID = 1L;

  /** The same result without its cohort log, once the log has been read. */
  public ReplicationResult withoutCohort() {
    return cohort == null
        ? this
        : new ReplicationResult(
            replication,
            metrics,
            teams,
            cashFlow,
            doubleRunning,
            events,
            peopleEver,
            budgetSpells,
            null);
  }
}
