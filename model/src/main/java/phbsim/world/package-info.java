/**
 * One replication: {@link phbsim.world.World} holds all of its mutable state (people, caseloads,
 * beds, the calendar, the random streams, the monthly record) and runs the event loop of
 * docs/model.md section 4 to the horizon. {@link phbsim.world.CompiledScenario} is the read-only
 * form of a scenario that every replication shares.
 *
 * <p>Dependency rule: imports the domain packages and the kernel; never {@code experiment} or
 * {@code report}.
 */
package phbsim.world;
