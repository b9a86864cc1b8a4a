package phbsim.engine;

/**
 * The order of events that fall on exactly the same day. Lower ordinals go first.
 *
 * <p>The order is written here once and nowhere else:
 *
 * <ol>
 *   <li>{@link #RELEASE}: discharges and ends of episodes free beds and caseload slots first (the
 *       idea behind simmer's "releases before seizes"), so that a person arriving at the same
 *       instant can use the place just freed;
 *   <li>{@link #TRANSITION}: people's own hazards (crises, exits, reviews);
 *   <li>{@link #ARRIVAL}: new referrals and offers;
 *   <li>{@link #POLICY}: contract reviews and other commissioner decisions;
 *   <li>{@link #MONTH_END}: the books close last, after everything else on that day.
 * </ol>
 *
 * <p>Within one priority, events come out in the order they were scheduled.
 */
public enum EventPriority {
  RELEASE,
  TRANSITION,
  ARRIVAL,
  POLICY,
  MONTH_END
}
