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
 */
public record ReplicationResult(
    int replication,
    MonthlyMetrics metrics,
    TeamMetrics teams,
    CashFlow cashFlow,
    long[] doubleRunning,
    long events,
    int peopleEver) {}
