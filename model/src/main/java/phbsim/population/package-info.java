/**
 * The population of a scenario compiled for the event loop: segments with their rates per day,
 * teams and exits resolved to service numbers.
 *
 * <p>Dependency rule: imports {@code phbsim.scenario} and {@code phbsim.service}; nothing from
 * {@code world}, {@code experiment} or {@code report}.
 */
package phbsim.population;
