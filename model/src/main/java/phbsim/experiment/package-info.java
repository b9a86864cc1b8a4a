/**
 * Running replications: {@link phbsim.experiment.RunSpec} (how many, which seed, how many threads:
 * run settings, kept apart from the scenario) and {@link phbsim.experiment.ReplicationRunner},
 * which runs replications in parallel and returns them in replication order, so results are
 * identical whatever the number of threads.
 *
 * <p>Dependency rule: imports the domain packages and {@code report}; nothing imports it but the
 * clients of the model.
 */
package phbsim.experiment;
