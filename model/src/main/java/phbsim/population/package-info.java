/**
 * The population of a scenario compiled for the event loop: segments with their rates per day,
 * teams and exits resolved to service numbers; and a person-level starting population ({@link
 * phbsim.population.Caseload}, held by fingerprint in {@link phbsim.population.Caseloads}) with the
 * frailty fitted to its people's crises ({@link phbsim.population.FrailtyEstimate}).
 *
 * <p>Dependency rule: imports {@code phbsim.scenario} and {@code phbsim.service}; nothing from
 * {@code world}, {@code experiment} or {@code report}.
 */
package phbsim.population;
