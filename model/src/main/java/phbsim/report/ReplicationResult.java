package phbsim.report;

import phbsim.observe.MonthlyMetrics;

/**
 * What one replication produced.
 *
 * @param replication its index
 * @param metrics its monthly record
 * @param events the number of events processed
 * @param peopleEver everyone who was part of the run, including those who left
 */
public record ReplicationResult(
    int replication, MonthlyMetrics metrics, long events, int peopleEver) {}
