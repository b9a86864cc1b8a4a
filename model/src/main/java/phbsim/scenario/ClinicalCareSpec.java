package phbsim.scenario;

/**
 * Holders who spend less of their plan on clinical care than it allows (docs/model.md section 6.5,
 * the Croydon case, Box 2 of docs/sources.md [pilot-2016]): a holder who would rather spend on
 * other parts of their recovery than on the treatment recommended relapses more often, and a
 * relapse can stop the budget at its next review (ReviewSpec.stopAfterCrisis).
 *
 * <p>Both figures are ASSUMPTIONS: the case is one person's story, and no published source gives
 * the share of holders who underspend on clinical care or how much more often they relapse. At the
 * defaults nobody underspends and the mechanism is off.
 *
 * @param underspendShare the share of budgets whose holder spends less on clinical care than the
 *     plan allows, drawn once when the budget starts (default 0)
 * @param underspendCrisisEffect multiplies such a holder's crisis hazard, on top of the budget's
 *     own crisisEffect (default 1: no effect)
 */
public record ClinicalCareSpec(
    @Optional Double underspendShare, @Optional Double underspendCrisisEffect) {
  public ClinicalCareSpec {
    underspendShare = underspendShare == null ? 0.0 : underspendShare;
    underspendCrisisEffect = underspendCrisisEffect == null ? 1.0 : underspendCrisisEffect;
  }

  /** Nobody underspends on clinical care. */
  public static ClinicalCareSpec none() {
    return new ClinicalCareSpec(0.0, 1.0);
  }
}
