package phbsim.budget;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The chances of each outcome at a personal health budget review (docs/model.md sections 4 and 6),
 * and the size of a step down. The probabilities of {@link ReviewOutcome#STEP_DOWN} and {@link
 * ReviewOutcome#STOP} are given; the rest is {@link ReviewOutcome#CONTINUE}.
 *
 * <p>A <em>dependent</em> budget (docs/model.md section 6, "dependency": one that never steps down)
 * never steps down: that outcome becomes CONTINUE, and STOP keeps its probability.
 *
 * @param stepDown probability of STEP_DOWN, in [0, 1]
 * @param stop probability of STOP, in [0, 1]; the two add up to at most 1
 * @param stepDownShare the share of the annual allocation taken off at a step down, in [0, 1]
 */
public record ReviewPolicy(double stepDown, double stop, double stepDownShare) {
  /*
   * Design notes
   *
   * 1. One uniform, by inversion. The outcome is read off cumulative thresholds in a fixed order,
   *    STEP_DOWN, STOP, then CONTINUE, so that two arms that give a person the same uniform make
   *    the same decision wherever their policies agree. A dependent budget keeps the same
   *    thresholds and only relabels the first outcome, so its STOP decisions are the same draws
   *    as a non-dependent budget's.
   *
   * 2. Rounding. A stepped-down allocation is a sum of money: it is computed exactly in decimal
   *    (the share as written, e.g. 0.1, not its binary approximation) and rounded half-even to
   *    the penny, as the ledger rounds (docs/model.md section 5).
   *
   * 3. No "ended, recovered" outcome. Recovery used to be counted twice, by the segment's exit
   *    rates and again at review, which made budgets last about a year; a holder now recovers
   *    only by the exit rates, exactly as their twin without a budget does.
   */

  /** Slack for probabilities written as decimals whose binary sum is a hair over 1. */
  private static final double SUM_TOLERANCE = 1e-9;

  /**
   * @throws IllegalArgumentException naming the field that is out of range
   */
  public ReviewPolicy {
    checkProbability("stepDown", stepDown);
    checkProbability("stop", stop);
    checkProbability("stepDownShare", stepDownShare);
    double sum = stepDown + stop;
    if (sum > 1 + SUM_TOLERANCE) {
      throw new IllegalArgumentException("stepDown + stop must be at most 1, was " + sum);
    }
  }

  private static void checkProbability(String field, double value) {
    if (!(value >= 0 && value <= 1)) {
      throw new IllegalArgumentException(field + " must be in [0, 1], was " + value);
    }
  }

  /** The probability of {@link ReviewOutcome#CONTINUE} for a budget that is not dependent. */
  public double continuing() {
    return Math.max(0.0, 1.0 - (stepDown + stop));
  }

  /**
   * The outcome for a uniform {@code u} in [0, 1): STEP_DOWN if {@code u < stepDown}, else STOP if
   * {@code u < stepDown + stop}, else CONTINUE. For a {@code dependent} budget, STEP_DOWN becomes
   * CONTINUE.
   *
   * @throws IllegalArgumentException if {@code u} is not in [0, 1)
   */
  public ReviewOutcome outcome(double u, boolean dependent) {
    if (!(u >= 0 && u < 1)) {
      throw new IllegalArgumentException("u must be in [0, 1), was " + u);
    }
    if (u < stepDown) {
      return dependent ? ReviewOutcome.CONTINUE : ReviewOutcome.STEP_DOWN;
    }
    if (u < stepDown + stop) {
      return ReviewOutcome.STOP;
    }
    return ReviewOutcome.CONTINUE;
  }

  /**
   * The annual allocation after a step down: {@code annualAllocationPence * (1 - stepDownShare)},
   * rounded half-even to the penny.
   */
  public long steppedDown(long annualAllocationPence) {
    BigDecimal kept = BigDecimal.ONE.subtract(BigDecimal.valueOf(stepDownShare));
    return BigDecimal.valueOf(annualAllocationPence)
        .multiply(kept)
        .setScale(0, RoundingMode.HALF_EVEN)
        .longValueExact();
  }
}
