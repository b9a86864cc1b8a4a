package phbsim.scenario;

/**
 * A crisis service.
 *
 * @param aeAttendance whether arriving here counts as an A&amp;E attendance (and is costed on the
 *     A&amp;E line rather than the crisis-team line)
 * @param episodeLength days the person spends in this service before moving on
 * @param costPerArrival pounds per arrival (an attendance, an assessment)
 * @param costPerDay pounds per day of an episode (home treatment visits)
 * @param payment how it is paid: BLOCK (an episode avoided frees capacity, not cash) or
 *     COST_PER_CASE (default: COST_PER_CASE)
 * @param priceYear the financial year of the prices above (default: money's priceYear)
 */
public record CrisisSpec(
    boolean aeAttendance,
    DurationSpec episodeLength,
    @Price double costPerArrival,
    @Price double costPerDay,
    @Optional Payment payment,
    @Optional String priceYear) {
  public CrisisSpec {
    payment = payment == null ? Payment.COST_PER_CASE : payment;
  }
}
