/**
 * phbsim as Apache Spark jobs: the command line's {@code run} (every option against its status quo,
 * and every area of a scenario of areas, all in one job) and {@code compare} with each replication
 * a Spark task and the tables' summaries aggregated by Spark ({@link
 * phbsim.spark.ReplicationTasks}); {@code sweep} and {@code sensitivity} with each grid point,
 * setting or parameter draw x replication a task ({@link phbsim.spark.VariantTasks}).
 *
 * <p>A thin client, as the command line is: the model runs each replication ({@link
 * phbsim.experiment.Appraisal#replication}), Spark brings each block of the tables together from
 * every replication and summarises it with the model's own code ({@link
 * phbsim.report.ComparisonTables}), the model assembles the result ({@link
 * phbsim.experiment.Appraisal#assemble}) and the writers module writes the same files. A
 * replication's random numbers are keyed by (seed, area, replication), never by the task or the
 * partition that runs it, and every summary adds its values in replication order, so the files are
 * the same bytes as {@code phbsim run} whatever the cluster, the partitioning or the retries.
 */
package phbsim.spark;
