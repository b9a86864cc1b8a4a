/**
 * Running replications: {@link phbsim.experiment.RunSpec} (how many, which seed, how many threads:
 * run settings, kept apart from the scenario) and {@link phbsim.experiment.ReplicationRunner},
 * which runs replications in parallel and returns them in replication order, so results are
 * identical whatever the number of threads.
 *
 * <p>Dependency rule: imports the domain packages and {@code report}; nothing in the model imports
 * it but {@code report}, whose results record the {@link phbsim.experiment.RunSpec} they came from
 * (and {@code analysis}, a client of it); the rest of its importers are the model's clients.
 */
package phbsim.experiment;
