package phbsim.scenario;

import java.util.List;

/**
 * Personal health budgets in the area: how they are managed and what running them costs.
 *
 * @param enabled false runs the scenario as if there were no budgets at all, not even those held on
 *     day 0 (default true)
 * @param options shares of direct payments, third-party and notional budgets
 * @param thirdPartyFeePercent the managing organisation's fee, per cent of the budget
 * @param setUp the set-up cost schedule of the programme, stage after stage from the start of the
 *     run (part of the options, not of the status quo)
 * @param supportPlanningPerPlan pounds per support plan signed off
 * @param brokeragePerBudgetPerMonth pounds per active budget per month for brokerage and monitoring
 * @param rollout new offers (none in the status quo)
 * @param planning support planners (default: none, plans are signed off at once)
 * @param review what budget reviews decide
 * @param restrictiveShare share of budgets run in the restrictive way (default 0)
 * @param costPerBudgetTarget the commissioner's aim for infrastructure pounds per active budget per
 *     month (default: none)
 * @param priceYear the financial year of the prices in this section and of the segments'
 *     allocations, unless they give their own (default: money's priceYear)
 * @param culture the capacity for culture change (default: none, no offer is ever rushed)
 * @param takeUp who takes a budget up, by need (default: take-up does not depend on need)
 * @param clinicalCare holders who spend less on clinical care than their plan allows, and relapse
 *     more (default: none)
 */
public record BudgetsSpec(
    @Optional Boolean enabled,
    OptionMixSpec options,
    double thirdPartyFeePercent,
    List<SetUpSpec> setUp,
    @Price double supportPlanningPerPlan,
    @Price double brokeragePerBudgetPerMonth,
    @Optional RolloutSpec rollout,
    @Optional PlanningSpec planning,
    @Optional ReviewSpec review,
    @Optional Double restrictiveShare,
    @Optional Double costPerBudgetTarget,
    @Optional String priceYear,
    @Optional CultureSpec culture,
    @Optional TakeUpSpec takeUp,
    @Optional ClinicalCareSpec clinicalCare) {
  public BudgetsSpec {
    takeUp = takeUp == null ? TakeUpSpec.none() : takeUp;
    clinicalCare = clinicalCare == null ? ClinicalCareSpec.none() : clinicalCare;
    enabled = enabled == null || enabled;
    setUp = Lists.copyOf(setUp);
    rollout = rollout == null ? RolloutSpec.none() : rollout;
    review = review == null ? new ReviewSpec(0, 0, 0, null, null) : review;
    restrictiveShare = restrictiveShare == null ? 0.0 : restrictiveShare;
  }

  /** The settings without a take-up rule or clinical underspending (both off). */
  public BudgetsSpec(
      Boolean enabled,
      OptionMixSpec options,
      double thirdPartyFeePercent,
      List<SetUpSpec> setUp,
      double supportPlanningPerPlan,
      double brokeragePerBudgetPerMonth,
      RolloutSpec rollout,
      PlanningSpec planning,
      ReviewSpec review,
      Double restrictiveShare,
      Double costPerBudgetTarget,
      String priceYear,
      CultureSpec culture) {
    this(
        enabled,
        options,
        thirdPartyFeePercent,
        setUp,
        supportPlanningPerPlan,
        brokeragePerBudgetPerMonth,
        rollout,
        planning,
        review,
        restrictiveShare,
        costPerBudgetTarget,
        priceYear,
        culture,
        null,
        null);
  }

  /** The same settings with budgets switched off altogether. */
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
        costPerBudgetTarget,
        priceYear,
        culture,
        takeUp,
        clinicalCare);
  }

  /**
   * The budgets of the status quo: those already held carry on, reviewed and paid as before, but
   * nobody new is offered one and the programme's set-up is not spent (docs/model.md section 5).
   */
  public BudgetsSpec statusQuo() {
    return new BudgetsSpec(
        enabled,
        options,
        thirdPartyFeePercent,
        List.of(),
        supportPlanningPerPlan,
        brokeragePerBudgetPerMonth,
        RolloutSpec.none(),
        planning,
        review,
        restrictiveShare,
        costPerBudgetTarget,
        priceYear,
        culture,
        takeUp,
        clinicalCare);
  }
}
