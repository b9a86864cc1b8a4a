/**
 * The reference workload of docs/benchmark.md ("population-flow"): N people moving between five
 * mental health states with a capacity-limited CMHT and a FIFO waiting line, run on the engine's
 * own {@link phbsim.engine.EventCalendar}, {@link phbsim.random.RandomStreams} and primitive people
 * storage, so that phbsim's engine can be compared with other engines on the same work.
 *
 * <p>It is deliberately simpler than phbsim's real model: it measures the event loop, the calendar
 * and the random draws, not the domain. Dependency rule: this package imports only {@code
 * phbsim.engine} and {@code phbsim.random}; it never reads the clock or prints (timing is the
 * caller's job).
 */
package phbsim.workload;
