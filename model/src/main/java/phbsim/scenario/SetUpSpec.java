package phbsim.scenario;

/**
 * One stage of the PHB set-up schedule: {@code amount} pounds spread evenly over {@code months}.
 * Stages follow one another from the start of the run.
 */
public record SetUpSpec(int months, double amount) {}
