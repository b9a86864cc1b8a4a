/**
 * Keyed random streams. Every random number in a run is identified by (master seed, replication,
 * purpose, entity), so that a result never depends on thread scheduling or on the order of other
 * draws, and two scenarios that differ in one parameter share the random numbers of everything that
 * parameter does not touch (common random numbers).
 *
 * <p>Dependency rule: this package imports nothing from phbsim's domain packages.
 */
package phbsim.random;
