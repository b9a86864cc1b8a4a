/**
 * Results: one replication's record ({@link phbsim.report.ReplicationResult}), and the summaries
 * across replications that a finance lead reads ({@link phbsim.report.ExperimentResult}, {@link
 * phbsim.report.Summary}: mean and 95% interval per month and per financial year), computed in
 * blocks that a distributed job can compute where its replications are ({@link
 * phbsim.report.ComparisonTables}); and what small-number suppression withholds of them when the
 * people came from person-level data ({@link phbsim.report.Disclosure}, by the rules of {@link
 * phbsim.report.SmallNumbers}).
 *
 * <p>Dependency rule: imports {@code observe}, {@code time} and {@code world}; formats nothing (all
 * writing of files and text lives in the writers module).
 */
package phbsim.report;
