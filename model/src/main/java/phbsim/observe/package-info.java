/**
 * What a replication records, month by month: the {@link phbsim.observe.Measure}s of docs/model.md
 * section 7 per segment, held in one primitive table ({@link phbsim.observe.MonthlyMetrics}).
 * Within-replication accumulators live here; summaries across replications live in {@code
 * phbsim.report}.
 *
 * <p>Dependency rule: imports nothing from other phbsim packages but {@code time}.
 */
package phbsim.observe;
