package phbsim.scenario;

/**
 * A crisis service.
 *
 * @param aeAttendance whether arriving here counts as an A&amp;E attendance (and is costed on the
 *     A&amp;E line rather than the crisis-team line)
 * @param episodeLength days the person spends in this service before moving on
 * @param costPerArrival pounds per arrival (an attendance, an assessment)
 * @param costPerDay pounds per day of an episode (home treatment visits)
 */
public record CrisisSpec(
    boolean aeAttendance, DurationSpec episodeLength, double costPerArrival, double costPerDay) {}
