package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.observe.TeamMeasure;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;

/**
 * Double running's cap (docs/model.md section 5.4), worked by hand with a release part-way through.
 *
 * <p>The case: a team of 2 posts x 10 places, £120,000 a post a year, so £20,000 a month and £1,000
 * a place a month. 20 people on it; 6 of them are offered budgets in the first quarter (2 a month),
 * accept, and hold a notional budget of £1,200 a year (£100 a month, all spent) with no team
 * contact left, so each frees a whole place. 0.3 of a post (3 places) is released, decided in April
 * 2026 with 6 months' notice: out from October 2026 (month 6).
 *
 * <p>By hand, from July (month 3, all 6 budgets held for whole months) to September: 6 places freed
 * and unreleased cost £6,000 a month; the 6 holders are paid £600; double running is min(6,000,
 * 600) = £600. From October: 3 places unreleased cost £3,000; only the holders whose places are
 * still unreleased count toward the cap, half of the 6 (places being interchangeable), £300; double
 * running is £300. (Capped by every leaver's budget it would have stayed at £600.)
 */
class DoubleRunningCapTest {
  private static final String YAML =
      """
      name: double-running-by-hand
      startDate: 2026-04-01
      years: 1
      segments:
        - id: everyone
          startingCaseload: 20
          referralsPerYear: 0
          team: team
          crisesPerYear: 0
          frailtyVariance: 0
          exitsPerYear: {gone: 0}
          budget:
            startingHolders: 0
            annualAllocation: 1200
            spentShare: 1
            teamContactShare: 0
      services:
        - id: team
          kind: COMMUNITY
          community:
            posts: 2
            caseloadPerPost: 10
            contract:
              fixedPerYear: 0
              costPerPostPerYear: 120000
              noticeMonths: 6
              releases: [{decided: 2026-04-01, posts: 0.3}]
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
        rollout:
          kind: TARGET
          start: 2026-04-01
          offersPerQuarter: [6, 0]
      """;

  @Test
  @DisplayName("once places are released, only the budgets of unreleased places cap double running")
  void capAfterARelease() {
    Scenario s = ScenarioLoader.parse("by-hand.yaml", YAML, List.of());
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 11, 1)).first();
    for (int month = 3; month < 6; month++) {
      assertThat(c.doubleRunning(month).mean()).as("month %d", month).isCloseTo(600, within(0.01));
    }
    for (int month = 6; month < 12; month++) {
      assertThat(c.doubleRunning(month).mean()).as("month %d", month).isCloseTo(300, within(0.01));
    }
  }

  @Test
  @DisplayName(
      "the month's record says when the cap binds: here every month, and never once the budgets"
          + " cost more than the places")
  void capBindsFlag() {
    Scenario s = ScenarioLoader.parse("by-hand.yaml", YAML, List.of());
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 11, 1)).first();
    // Above, the places cost £6,000 then £3,000 a month against £600 then £300 of budgets: capped.
    for (var r : c.option().replications()) {
      for (int month = 3; month < 12; month++) {
        assertThat(r.teams().get(month, 0, TeamMeasure.DOUBLE_RUNNING_CAPPED))
            .as("month %d", month)
            .isEqualTo(1);
      }
    }
    // Budgets of £120,000 a year, £10,000 a month each: 6 cost £60,000 a month, more than the
    // places' £6,000, so double running is the places' cost and the cap does not bind.
    Scenario rich =
        ScenarioLoader.parse(
            "by-hand.yaml", YAML, List.of("segments[everyone].budget.annualAllocation=120000"));
    ComparisonResult d =
        Appraisal.run(rich.statusQuo(), ScenarioLoader.options(rich), new RunSpec(2, 11, 1))
            .first();
    for (var r : d.option().replications()) {
      for (int month = 3; month < 6; month++) {
        assertThat(r.teams().get(month, 0, TeamMeasure.DOUBLE_RUNNING_CAPPED)).isZero();
      }
    }
    for (int month = 3; month < 6; month++) {
      assertThat(d.doubleRunning(month).mean()).isCloseTo(6_000, within(0.01));
    }
  }
}
