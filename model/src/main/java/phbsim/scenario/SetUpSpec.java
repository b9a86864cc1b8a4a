package phbsim.scenario;

/**
 * One stage of the PHB set-up schedule: {@code amount} pounds spread evenly over {@code months}.
 * Stages follow one another from the start of the run.
 *
 * @param priceYear the financial year of the amount (default: the budgets' priceYear, else money's)
 */
public record SetUpSpec(int months, @Price double amount, @Optional String priceYear) {}
