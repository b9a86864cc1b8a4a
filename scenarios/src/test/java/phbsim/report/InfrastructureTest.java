package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.report.Infrastructure.Figure;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;

/**
 * The infrastructure measures against a case worked by hand: ten budgets held from day 0 that never
 * end, a set-up of £12,000 over the first 12 months (£1,000 a month, not spent in the status quo),
 * brokerage of £25 a budget a month, all at the price base, no new offers.
 *
 * <p>By hand: months 1-12 cost £1,000 + 10 x £25 = £1,250, £125 a budget; from month 13, £250, £25
 * a budget. The target of £100 is first met in month 13 (index 12); the cost per budget first
 * halves (to at most £62.50) in month 13, so the half-life is 12 months. The status quo pays the
 * brokerage only, so the difference (status quo minus option) is -£1,000 a month for a year, then
 * 0.
 */
class InfrastructureTest {
  private static final String YAML =
      """
      name: infrastructure-by-hand
      startDate: 2026-04-01
      years: 2
      segments:
        - id: everyone
          startingCaseload: 20
          referralsPerYear: 0
          team: team
          crisesPerYear: 0
          frailtyVariance: 0
          exitsPerYear: {gone: 0}
          budget:
            startingHolders: 10
            annualAllocation: 1200
            spentShare: 1
      services:
        - id: team
          kind: COMMUNITY
          community:
            posts: 1
            caseloadPerPost: 30
            contract: {fixedPerYear: 0, costPerPostPerYear: 0}
        - id: gone
          kind: EXIT
      pathway: []
      money:
        priceYear: 2026/27
      budgets:
        options: {directPayment: 0, thirdParty: 0, notional: 1}
        thirdPartyFeePercent: 0
        setUp: [{months: 12, amount: 12000}]
        supportPlanningPerPlan: 0
        brokeragePerBudgetPerMonth: 25
        costPerBudgetTarget: 100
      """;

  @Test
  @DisplayName(
      "cost, budgets, cost per budget, target month, half-life and the difference, by hand")
  void byHand() {
    Scenario s = ScenarioLoader.parse("by-hand.yaml", YAML, List.of());
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(3, 5, 2)).first();
    Infrastructure option = new Infrastructure(c, Arm.OPTION);
    Infrastructure sq = new Infrastructure(c, Arm.STATUS_QUO);
    for (int m = 0; m < 24; m++) {
      double cost = m < 12 ? 1_250 : 250;
      assertThat(option.cost(m).mean()).as("cost, month %d", m).isCloseTo(cost, within(1e-9));
      assertThat(option.activeBudgets(m).mean()).isEqualTo(10);
      assertThat(option.costPerActiveBudget(m).mean()).isCloseTo(cost / 10, within(1e-9));
      assertThat(sq.cost(m).mean()).isCloseTo(250, within(1e-9));
      assertThat(Infrastructure.difference(sq, option, Figure.COST, m).mean())
          .isCloseTo(250 - cost, within(1e-9));
      assertThat(Infrastructure.difference(sq, option, Figure.ACTIVE_BUDGETS, m).mean()).isZero();
      // nobody is in planning and no plan is signed off: a queue of 0, and no days to average
      assertThat(option.planningQueue(m).mean()).isZero();
      assertThat(option.daysFromOfferToPlan(m).replications()).isZero();
    }
    assertThat(option.firstMonthBelowTarget()).hasValue(12);
    assertThat(option.halfLifeMonths()).hasValue(12);
    // the status quo's £25 a budget is below the target from the first month and never halves
    assertThat(sq.firstMonthBelowTarget()).hasValue(0);
    assertThat(sq.halfLifeMonths()).isEmpty();
  }
}
