/**
 * phbsim as Apache Spark jobs: the command line's {@code run} (every option against its status quo,
 * and every area of a scenario of areas) and {@code compare} with each replication a Spark task;
 * {@code sweep} and {@code sensitivity} with each grid point, setting or parameter draw x
 * replication a task ({@link phbsim.spark.VariantTasks}); and, on request, the summaries aggregated
 * by Spark itself (ReplicationTasks).
 *
 * <p>A thin client, as the command line is: the model runs each replication ({@link
 * phbsim.experiment.Appraisal#replication}), the model summarises them ({@link
 * phbsim.experiment.Appraisal#assemble}) and the writers module writes the same files. A
 * replication's random numbers are keyed by (seed, area, replication), never by the task or the
 * partition that runs it, so the files are the same bytes as {@code phbsim run} whatever the
 * cluster, the partitioning or the retries.
 */
package phbsim.spark;
