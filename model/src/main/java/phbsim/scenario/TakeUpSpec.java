package phbsim.scenario;

/**
 * Who takes a budget up, by need (docs/model.md section 6.2, "who is left behind"): the seeds'
 * concern that those better able to choose go elsewhere and the most vulnerable stay. A person's
 * need is their frailty (their crisis risk against their segment's average, mean 1).
 *
 * <p>Both gradients are ASSUMPTIONS: the seeds give the direction of the concern, not its size, and
 * no published source measures how take-up varies with need. At 0 (the default) take-up does not
 * depend on need and the left-behind index stays at 1 whatever share of a caseload takes a budget.
 *
 * @param acceptanceByNeed an offer to a person of frailty z is accepted with probability min(1,
 *     acceptance x z^-acceptanceByNeed): above 0 the frailer accept less often, so those who leave
 *     for a budget are the less frail and the caseload left behind grows frailer; below 0 the
 *     reverse (default 0)
 * @param capacityByNeed a person of frailty z is able to manage a budget themselves (a direct
 *     payment, and first in line under ABLE_TO_MANAGE_FIRST targeting) with probability min(1, the
 *     direct-payment share x z^-capacityByNeed) (default 0)
 */
public record TakeUpSpec(@Optional Double acceptanceByNeed, @Optional Double capacityByNeed) {
  public TakeUpSpec {
    acceptanceByNeed = acceptanceByNeed == null ? 0.0 : acceptanceByNeed;
    capacityByNeed = capacityByNeed == null ? 0.0 : capacityByNeed;
  }

  /** Take-up that does not depend on need. */
  public static TakeUpSpec none() {
    return new TakeUpSpec(0.0, 0.0);
  }

  /**
   * A probability {@code base} for a person of frailty {@code z}, by a gradient: min(1, base x
   * z^-gradient); {@code base} itself when the gradient is 0 or the frailty is not positive.
   */
  public static double byNeed(double base, double z, double gradient) {
    if (gradient == 0 || !(z > 0)) {
      return base;
    }
    return Math.min(1, base * Math.pow(z, -gradient));
  }
}
