package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.money.LedgerLine;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;

/**
 * The budget-impact statement (issue 20, item 20), worked by hand and reconciled with the cash
 * flow.
 *
 * <p>The case: a team of 3 posts at £120,000 a post a year and a fixed part of £60,000 a year. The
 * option takes 1 post out, decided in April 2026 with 3 months' notice (out from July), and spends
 * a set-up of £24,000 over its first 2 months. By hand, in 2026/27: recurrent saving 120,000 x 9/12
 * = £90,000 (the fixed part is paid in full, part of it now as stranded cost: no saving); non-
 * recurrent -£24,000; total £66,000; full-year effect at March 2027, 12 x £10,000 = £120,000. In
 * 2027/28: £120,000, 0, £120,000, £120,000. The horizon is 2 years, so the run rate is read at its
 * end, March 2028: £120,000 a year.
 */
class BudgetImpactTest {
  private static final String YAML =
      """
      name: budget-impact-by-hand
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
      services:
        - id: team
          kind: COMMUNITY
          community:
            posts: 3
            caseloadPerPost: 10
            contract:
              fixedPerYear: 60000
              costPerPostPerYear: 120000
              noticeMonths: 3
        - id: gone
          kind: EXIT
      pathway: []
      money:
        priceYear: 2026/27
      budgets:
        options: {directPayment: 0, thirdParty: 0, notional: 1}
        thirdPartyFeePercent: 0
        setUp: []
        supportPlanningPerPlan: 0
        brokeragePerBudgetPerMonth: 0
      options:
        - id: release
          set:
            services[team].community.contract.releases: [{decided: 2026-04-01, posts: 1}]
            budgets.setUp: [{months: 2, amount: 24000}]
      """;

  @Test
  @DisplayName("recurrent, non-recurrent, full-year effect and run rate, as worked by hand")
  void byHand() {
    Scenario s = ScenarioLoader.parse("by-hand.yaml", YAML, List.of());
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 11, 1)).first();
    BudgetImpact.Statement st = BudgetImpact.of(c);
    double[][] byHand = {{90_000, -24_000, 66_000, 120_000}, {120_000, 0, 120_000, 120_000}};
    assertThat(st.years()).hasSize(2);
    for (int y = 0; y < 2; y++) {
      BudgetImpact.Year year = st.years().get(y);
      assertThat(year.whole()).isTrue();
      assertThat(year.recurrent().mean())
          .as("recurrent %d", y)
          .isCloseTo(byHand[y][0], within(0.06));
      assertThat(year.nonRecurrent().mean())
          .as("non-recurrent %d", y)
          .isCloseTo(byHand[y][1], within(0.01));
      assertThat(year.total().mean()).as("total %d", y).isCloseTo(byHand[y][2], within(0.06));
      assertThat(year.fullYearEffect().mean())
          .as("full-year effect %d", y)
          .isCloseTo(byHand[y][3], within(0.12));
    }
    assertThat(st.atYearFive()).isFalse();
    assertThat(st.runRateMonth()).isEqualTo(23);
    assertThat(st.runRate().mean()).isCloseTo(120_000, within(0.12));
  }

  @Test
  @DisplayName(
      "on the default: each year's total is the cash flow's saving, its non-recurrent part the"
          + " set-ups' saving, and the run rate is read in month 60")
  void reconcilesWithTheCashFlow() {
    Scenario s = BuiltInScenarios.load("default", List.of());
    AppraisalResult a =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(3, 5, 2));
    for (ComparisonResult c : a.options()) {
      BudgetImpact.Statement st = BudgetImpact.of(c);
      assertThat(st.atYearFive()).isTrue();
      assertThat(st.runRateMonth()).isEqualTo(59);
      for (int y = 0; y < st.years().size(); y++) {
        BudgetImpact.Year year = st.years().get(y);
        assertThat(year.total().mean())
            .as("%s year %d", c.id(), y)
            .isCloseTo(c.annualTotal(Arm.DIFFERENCE, y, Position.CASH).mean(), within(0.01));
        double setUps =
            c.annual(Arm.DIFFERENCE, y, LedgerLine.PHB_SET_UP).mean()
                + c.annual(Arm.DIFFERENCE, y, LedgerLine.SERVICE_SET_UP).mean();
        assertThat(year.nonRecurrent().mean()).isCloseTo(setUps, within(0.01));
        assertThat(year.recurrent().mean() + year.nonRecurrent().mean())
            .isCloseTo(year.total().mean(), within(0.01));
      }
      // The default's set-up is spent in its first two years: none after.
      assertThat(st.years().get(4).nonRecurrent().mean()).isZero();
      // The run rate is the last year's full-year effect: both read March 2031.
      assertThat(st.runRate().mean())
          .isCloseTo(st.years().get(4).fullYearEffect().mean(), within(0.01));
    }
  }
}
