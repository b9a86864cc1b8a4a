/**
 * One replication: {@link phbsim.world.World} holds all of its mutable state and runs the event
 * loop of docs/model.md section 4 to the horizon, dispatching each event to the room that models
 * it: Arrivals (referrals and new people), Hazards (a person's crisis and exit clocks at home),
 * Pathway (crises, crisis care and beds), Caseloads (a team's places, its waiting list, budgets
 * held instead) with Teams (the places and their contracts), BudgetPolicy and Budgets (offers,
 * plans, reviews, payments; the policy sees the rest only through BudgetMoves) and MonthEnd
 * (closing and opening the books). People is the storage of everyone's state; {@link
 * phbsim.world.CompiledScenario} is the read-only form of a scenario that every replication shares.
 *
 * <p>Dependency rule: imports the domain packages and the kernel; never {@code experiment} or
 * {@code report}.
 */
package phbsim.world;
