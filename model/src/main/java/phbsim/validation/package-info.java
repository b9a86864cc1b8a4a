/**
 * The checks a scenario must pass before it runs ({@link phbsim.validation.ScenarioChecks}): every
 * problem at once, each named by its path in the scenario file. Field checks read the {@code
 * scenario} records; the pathway's graph checks (docs/model.md section 3) come from {@code
 * pathway}.
 *
 * <p>Dependency rule: imports {@code phbsim.scenario} and {@code phbsim.pathway}, and for the
 * checks of amounts, price years and a person-level file {@code money}, {@code time} and {@code
 * population}; nothing from {@code world}, {@code experiment} or {@code report}. It sits above
 * {@code scenario} and {@code pathway} so that neither depends on the other in a cycle: {@code
 * pathway} reads the scenario records, and the records know nothing of checks.
 */
package phbsim.validation;
