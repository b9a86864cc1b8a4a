package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.money.LedgerLine;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;

/**
 * The national pilot's infrastructure, worked by hand from the published figures rather than read
 * back from the run: the set-up of the pilot's 20 sites, the mental health group's share of it,
 * paid from the first offers, and nothing charged twice for care planning.
 */
class NationalPilotSetUpTest {
  @Test
  @DisplayName("the pilot's set-up is 20 sites' at the mental health share, from the first offers")
  void setUpByHand() {
    Scenario s = BuiltInScenarios.load("national-pilot");
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(1, 20261206, 1))
            .first();
    // [jones-2011], 2010/11 prices, per PCT: 93,280 in year 1, 146,040 over two years. 20 sites,
    // 412 of the evaluation's 2,000 people with mental health problems [pilot-2016]. The price
    // base is 2010/11 and the run is in real terms, so the amounts stand as they are.
    double share = 412.0 / 2000.0;
    double[] byYear = {0, 20 * 93_280 * share, 20 * (146_040 - 93_280) * share, 0};
    for (int year = 0; year < byYear.length; year++) {
      assertThat(c.annual(Arm.OPTION, year, LedgerLine.PHB_SET_UP).mean())
          .as("set-up in year %d of the run", year)
          .isCloseTo(byYear[year], within(1.0)); // the amounts are written to the pound
      assertThat(c.annual(Arm.STATUS_QUO, year, LedgerLine.PHB_SET_UP).mean()).isZero();
    }
    // The first offers are in April 2009, the start of year 1: nothing is spent before them.
    assertThat(s.budgets().rollout().start()).isEqualTo(java.time.LocalDate.of(2009, 4, 1));
    // The £146,000 includes care-planning support: no second charge per plan or per budget.
    assertThat(c.horizon(Arm.OPTION, LedgerLine.PHB_SUPPORT_PLANNING).mean()).isZero();
    assertThat(c.horizon(Arm.OPTION, LedgerLine.PHB_BROKERAGE_AND_MONITORING).mean()).isZero();
  }
}
