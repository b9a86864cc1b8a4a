/**
 * The mechanics of personal health budget policy (docs/model.md section 6): how offers are rolled
 * out ({@link phbsim.budget.Rollout}, with the Bass adoption curve in {@link
 * phbsim.budget.BassDiffusion}), how planning gets cheaper and quicker with experience ({@link
 * phbsim.budget.LearningCurve}), the limited capacity of support planners and their queue ({@link
 * phbsim.budget.SupportPlanners}), and what a review decides ({@link phbsim.budget.ReviewPolicy}).
 *
 * <p>These classes are pure policy arithmetic and bookkeeping: they know months, counts, people as
 * integer numbers and budgets as integer pence, and they draw no random numbers of their own (a
 * caller passes the uniform). {@code phbsim.world} wires them to people, services and the ledger.
 *
 * <p>Dependency rule: this package imports only {@code java.*}, {@code org.apache.commons.math3},
 * {@code phbsim.random} and {@code phbsim.engine}; never world, scenario or other domain packages.
 */
package phbsim.budget;
