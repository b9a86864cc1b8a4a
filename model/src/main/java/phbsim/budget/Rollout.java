package phbsim.budget;

/**
 * How many personal health budgets to offer in each month of a roll-out (docs/model.md section 6).
 *
 * <p>Contract: the numbers are deterministic (no random draws), never negative, and carry their
 * fractions forward, so that nothing is lost to rounding. Precisely, the offers made in months
 * {@code 0 .. k} add up to exactly {@link #cumulativeOffers(int) cumulativeOffers(k + 1)}, the
 * floor of the expected cumulative number after {@code k + 1} months.
 */
public sealed interface Rollout permits TargetRollout, BassRollout, NoRollout {

  /**
   * The number of offers to make in month {@code monthsSinceStart}, counted from 0 at the
   * roll-out's start; 0 for months before the start (negative).
   */
  default int offersInMonth(int monthsSinceStart) {
    if (monthsSinceStart < 0) {
      return 0;
    }
    long before = cumulativeOffers(monthsSinceStart);
    long after = cumulativeOffers(monthsSinceStart + 1);
    return Math.toIntExact(after - before);
  }

  /**
   * The total number of offers in the first {@code months} months (0 for {@code months <= 0}): the
   * floor of the expected cumulative number after that many months. Never decreases.
   */
  long cumulativeOffers(int months);

  /** No roll-out: no offers, ever. */
  static Rollout none() {
    return new NoRollout();
  }
}
