package phbsim.scenario;

import java.util.List;

/**
 * Personal health budgets in one segment.
 *
 * @param startingHolders people of the starting caseload who hold a budget on day 0 (instead of a
 *     place on the team's caseload)
 * @param annualAllocation pounds a year per budget (docs/sources.md [pilot-2016]: the pilot's
 *     mental health average was 3,602 a year at 2010/11-era prices)
 * @param spentShare share of the allocation actually spent; a direct payment's unspent part is
 *     reclaimed at review
 * @param eligible whether people of this segment can be offered a budget (default true)
 * @param acceptance probability an offer is accepted (default 1)
 * @param crisisEffect multiplies the crisis hazard of a holder whose budget is run flexibly
 *     (default 1: no effect)
 * @param restrictiveCrisisEffect multiplies the crisis hazard of a holder whose budget is run in
 *     the restrictive way (default 1; the pilot found outcomes worse than the control group's)
 * @param runOutShare share of budget-years in which the budget runs out before the year end with
 *     needs unmet, sending the person back to their team (fallback; default 0)
 * @param teamContactShare the share of a caseload place a holder still uses, for the contact the
 *     team keeps with them (default 0: the budget replaces the team's care; in docs/sources.md
 *     [pilot-2016] "Alex" went from weekly to thrice-yearly contact)
 * @param spendingProfile relative spending in months 1 to 12 of each budget-year (12 weights,
 *     scaled to average 1; default: even). Front-loaded weights describe one-off purchases
 * @param priceYear the financial year of annualAllocation, such as 2010/11 for the national pilot's
 *     average (default: the budgets' priceYear, else money's)
 * @param gpEffect multiplies a holder's GP consultations (default 1: no effect; the pilot's holders
 *     used less in-patient, emergency and GP care, docs/sources.md [pilot-2016])
 */
public record SegmentBudgetSpec(
    int startingHolders,
    @Price double annualAllocation,
    double spentShare,
    @Optional Boolean eligible,
    @Optional Double acceptance,
    @Optional Double crisisEffect,
    @Optional Double restrictiveCrisisEffect,
    @Optional Double runOutShare,
    @Optional Double teamContactShare,
    @Optional List<Double> spendingProfile,
    @Optional String priceYear,
    @Optional Double gpEffect) {
  public SegmentBudgetSpec {
    gpEffect = gpEffect == null ? 1.0 : gpEffect;
    eligible = eligible == null || eligible;
    acceptance = acceptance == null ? 1.0 : acceptance;
    crisisEffect = crisisEffect == null ? 1.0 : crisisEffect;
    restrictiveCrisisEffect = restrictiveCrisisEffect == null ? 1.0 : restrictiveCrisisEffect;
    runOutShare = runOutShare == null ? 0.0 : runOutShare;
    teamContactShare = teamContactShare == null ? 0.0 : teamContactShare;
    spendingProfile = Lists.copyOf(spendingProfile);
  }

  /** The 12 monthly weights, scaled to average 1 (all 1 when no profile is given). */
  public double[] monthlyWeights() {
    double[] w = new double[12];
    if (spendingProfile.size() != 12) {
      java.util.Arrays.fill(w, 1.0);
      return w;
    }
    double sum = 0;
    for (int k = 0; k < 12; k++) {
      w[k] = spendingProfile.get(k);
      sum += w[k];
    }
    for (int k = 0; k < 12; k++) {
      w[k] = sum > 0 ? w[k] * 12 / sum : 1.0;
    }
    return w;
  }
}
