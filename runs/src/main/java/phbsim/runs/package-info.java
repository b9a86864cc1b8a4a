/**
 * The run service every front end uses (the command line, the Spark job, a web page): a request in,
 * a run record out. Between the model, the scenario loader and the writers below, and the front
 * ends above; it depends on phbsim.model, phbsim.scenarios and phbsim.writers, never on a front end
 * (cli, spark, web) and never on Spark (a Spark executor lives in the spark module).
 *
 * <h2>API</h2>
 *
 * <ul>
 *   <li>{@link phbsim.runs.RunRequest}: what to run ({@code run(source, overrides, settings,
 *       invocation)} or {@code compare(arms, overrides, settings, invocation)}). The scenario
 *       source is a {@link phbsim.runs.ScenarioSource}: {@code Named} (a file or a built-in, as the
 *       command line takes it), {@code BuiltIn} (a built-in only: what a web page may name, so that
 *       no request reaches the file system) or {@code Uploaded} (a file's text). {@link
 *       phbsim.runs.RunSettings}: replications, seed, threads ({@link phbsim.experiment.RunSpec}),
 *       precision, per-replication figures. {@link phbsim.runs.Invocation}: who asked (program,
 *       version, commit, command line), for the Run sheet and manifest.json.
 *   <li>{@link phbsim.runs.RunService}: {@code prepare(request)} loads and checks (scenario
 *       problems as {@link phbsim.scenarios.ScenarioLoadException}, refusals as {@link
 *       phbsim.runs.RunRefused}) and runs nothing, so that a front end can check its folder first;
 *       {@code run(prepared, output, progress)} checks that it fits in memory ({@link
 *       phbsim.runs.Capacity}, on the model's own sizing rule), runs it on the calling thread,
 *       releases the result through {@link phbsim.report.Disclosure} and writes the files to the
 *       {@link phbsim.runs.Output} (or none: {@code Output.NONE}); {@code submit(request, output)}
 *       queues it on the service's own bounded pool and returns a {@link phbsim.runs.RunJob}
 *       (state, cells done of total, {@code cancel()}, {@code record()}, {@code failure()}, {@code
 *       await()}); {@code close()} cancels what is left.
 *   <li>{@link phbsim.runs.Executor}: runs the cells (an appraisal, or a scenario of areas); {@link
 *       phbsim.runs.InProcessExecutor} here, SparkExecutor in the spark module. The same request
 *       gives the same bytes whatever the executor.
 *   <li>{@link phbsim.runs.RunRecord}: the released result (never the raw one), the scenario as
 *       run, its assumptions, the Run sheet's info, manifest.json, what went in (run.json), the
 *       comparison's warnings, and where the files went: what the writers and a front end read.
 * </ul>
 *
 * <p>A front end parses its input into a request, calls the service, and presents the record (the
 * command line prints it; a web page would render it). The files of a run are chosen in one place
 * ({@code RunFiles}), so every front end writes the same set, manifest.json and replications.csv
 * included.
 */
package phbsim.runs;
