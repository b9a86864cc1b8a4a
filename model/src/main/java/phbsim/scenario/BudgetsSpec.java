package phbsim.scenario;

import java.util.List;

/**
 * Personal health budgets in the area: how they are managed and what running them costs.
 *
 * @param enabled false runs the scenario as if there were no budgets (the baseline)
 * @param options shares of direct payments, third-party and notional budgets
 * @param thirdPartyFeePercent the managing organisation's fee, per cent of the budget
 * @param setUp the set-up cost schedule, stage after stage from the start of the run
 * @param supportPlanningPerPlan pounds per support plan signed off
 * @param brokeragePerBudgetPerMonth pounds per active budget per month for brokerage and monitoring
 */
public record BudgetsSpec(
    boolean enabled,
    OptionMixSpec options,
    double thirdPartyFeePercent,
    List<SetUpSpec> setUp,
    double supportPlanningPerPlan,
    double brokeragePerBudgetPerMonth,
    @Optional RolloutSpec rollout,
    @Optional PlanningSpec planning,
    @Optional ReviewSpec review,
    @Optional Double restrictiveShare,
    @Optional Double costPerBudgetTarget) {
  public BudgetsSpec {
    setUp = Lists.copyOf(setUp);
    rollout =
        rollout == null ? new RolloutSpec(RolloutKind.NONE, null, null, null, null, null) : rollout;
    review = review == null ? new ReviewSpec(0, 0, 0, 0, null) : review;
    restrictiveShare = restrictiveShare == null ? 0.0 : restrictiveShare;
  }

  /** The same settings with budgets switched off: the baseline arm. */
  public BudgetsSpec disabled() {
    return new BudgetsSpec(
        false,
        options,
        thirdPartyFeePercent,
        setUp,
        supportPlanningPerPlan,
        brokeragePerBudgetPerMonth,
        rollout,
        planning,
        review,
        restrictiveShare,
        costPerBudgetTarget);
  }
}
