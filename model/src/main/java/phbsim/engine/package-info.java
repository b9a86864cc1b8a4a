/**
 * The domain-free discrete-event kernel: the {@link phbsim.engine.EventCalendar} and the fixed
 * order of simultaneous events ({@link phbsim.engine.EventPriority}).
 *
 * <p>Dependency rule: this package imports nothing from phbsim's domain packages; it knows days,
 * priorities and integer keys, never people, services or money.
 */
package phbsim.engine;
