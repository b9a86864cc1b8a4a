package phbsim.budget;

import java.util.Arrays;

/**
 * Offers as targets per quarter (docs/model.md section 6). Quarter {@code j} (counted from 0 at the
 * roll-out's start) covers months {@code 3j .. 3j+2}, and its target is spread evenly over them:
 * after {@code r} of its months (r = 0..3), {@code floor(target * r / 3)} of its offers have been
 * made. Each quarter therefore meets its target exactly, and a target of 10 gives 3, 3, 4. After
 * the last listed quarter, the last target repeats.
 *
 * <p>The array is copied on the way in and on the way out; equality compares the targets.
 *
 * @param offersPerQuarter the target number of offers in each quarter; at least one, none negative
 */
// The array component is the agreed API (scenario files list targets); it is copied in and out,
// and equals, hashCode and toString compare and show its contents.
@SuppressWarnings("ArrayRecordComponent")
public record TargetRollout(int[] offersPerQuarter) implements Rollout {

  private static final int MONTHS_PER_QUARTER = 3;

  /**
   * @throws IllegalArgumentException if there is no quarter or a target is negative
   */
  public TargetRollout {
    if (offersPerQuarter == null || offersPerQuarter.length == 0) {
      throw new IllegalArgumentException("offersPerQuarter must list at least one quarter");
    }
    offersPerQuarter = offersPerQuarter.clone();
    for (int j = 0; j < offersPerQuarter.length; j++) {
      if (offersPerQuarter[j] < 0) {
        throw new IllegalArgumentException(
            "offersPerQuarter[" + j + "] must be >= 0, was " + offersPerQuarter[j]);
      }
    }
  }

  /** A copy of the targets. */
  @Override
  public int[] offersPerQuarter() {
    return offersPerQuarter.clone();
  }

  /** The target of quarter {@code quarter} (0-based); the last listed target repeats. */
  public int targetOfQuarter(int quarter) {
    if (quarter < 0) {
      return 0;
    }
    return offersPerQuarter[Math.min(quarter, offersPerQuarter.length - 1)];
  }

  @Override
  public long cumulativeOffers(int months) {
    if (months <= 0) {
      return 0;
    }
    int quarter = months / MONTHS_PER_QUARTER;
    int monthsIntoQuarter = months % MONTHS_PER_QUARTER;
    int listed = offersPerQuarter.length;
    long total = 0;
    for (int j = 0; j < Math.min(quarter, listed); j++) {
      total += offersPerQuarter[j];
    }
    if (quarter > listed) {
      total += (long) (quarter - listed) * offersPerQuarter[listed - 1];
    }
    // The carry within the quarter: floor(target x months elapsed / 3).
    total += (long) targetOfQuarter(quarter) * monthsIntoQuarter / MONTHS_PER_QUARTER;
    return total;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof TargetRollout that
        && Arrays.equals(offersPerQuarter, that.offersPerQuarter);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(offersPerQuarter);
  }

  @Override
  public String toString() {
    return "TargetRollout[offersPerQuarter=" + Arrays.toString(offersPerQuarter) + "]";
  }
}
