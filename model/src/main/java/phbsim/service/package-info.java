/**
 * Services at run time: a scenario's services and pathway compiled into arrays indexed by service
 * number, with the samplers for lengths of stay. Built once per scenario, shared read-only by every
 * replication.
 *
 * <p>Dependency rule: imports {@code phbsim.scenario}, {@code phbsim.random}, {@code money} (the
 * contracts' payments), {@code observe} (their releases' record) and {@code validation}; nothing
 * from {@code world}, {@code experiment} or {@code report}.
 */
package phbsim.service;
