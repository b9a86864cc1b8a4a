/**
 * What a scenario says, as immutable records named {@code *Spec} (pure data), and the checks that
 * find every problem in one at once ({@link phbsim.validation.ScenarioChecks}), each named by its
 * path in the scenario file, such as {@code segments[2].referralsPerYear}.
 *
 * <p>The records know nothing of YAML: the {@code scenarios} module binds files to them from
 * outside. A component marked {@link phbsim.scenario.Optional} may be left out of a file; every
 * other component is required.
 */
package phbsim.scenario;
