package phbsim.scenario;

/**
 * A crisis service.
 *
 * @param aeAttendance whether arriving here counts as an A&amp;E attendance
 * @param episodeLength days the person spends in this service before moving on
 */
public record CrisisSpec(boolean aeAttendance, DurationSpec episodeLength) {}
