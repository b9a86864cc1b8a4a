/**
 * The analyses on the run service (sweep, sensitivity, goal-seek, calibrate): the one place that
 * sequences them, so that the command line and the Spark job only parse their input, call it and
 * print the result. {@link phbsim.runs.analyses.Analyses#prepare} loads the scenario and chooses
 * the option (and refuses what may not run); each analysis's {@code of} checks its own settings, in
 * the command line's words; {@link phbsim.runs.analyses.Analyses#run} checks the memory, runs the
 * analysis on the executor's threads or tasks, and writes its files with run.json, the Run sheet
 * and manifest.json, as every front end writes them.
 *
 * <p>Depends on phbsim.runs (the executor, the request's settings, run info and manifest), the
 * model's analyses (phbsim.analysis), the scenario loader (phbsim.scenarios) and the writers; never
 * on a front end or on Spark.
 */
package phbsim.runs.analyses;
