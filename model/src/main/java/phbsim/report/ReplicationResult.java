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
 * @param vacantCapacityCost per month, pence of staffed community capacity standing empty
 * @param events the number of events processed
 * @param peopleEver everyone who was part of the run, including those who left
 */
public record ReplicationResult(
    int replication,
    MonthlyMetrics metrics,
    TeamMetrics teams,
    CashFlow cashFlow,
    long[] vacantCapacityCost,
    long events,
    int peopleEver) {}
