package phbsim.scenario;

import java.time.LocalDate;

/**
 * A commissioner's decision to take posts out of a block contract: decided in the month of {@code
 * decided}, effective after the contract's notice period.
 */
public record ReleaseSpec(LocalDate decided, double posts) {}
