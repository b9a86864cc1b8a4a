package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;

/**
 * One economic position (docs/model.md section 5): the appraisal and the cohort view put the same
 * value on the part of a community team place a budget holder gives up, worked by hand.
 *
 * <p>The case: 20 people on a team of 30 places (nobody ever waits, so a place given up is never
 * filled by anyone else, and no post is released), nobody arrives, leaves or has a crisis. The
 * contract costs £109,575 a year for its 30 places: £3,652.50 a place a year, £10.0002 a place a
 * day (the model's year is 365.2425 days, the Gregorian mean). Nine budgets start in May to July
 * 2027; each holder still uses a quarter of a place.
 *
 * <p>By hand: the status quo leaves 10 places empty every day of the 1,096 days (April 2026 to
 * March 2029): 10 x 1,096 place-days, about £109,602 of capacity credited. The option leaves three
 * quarters of a place more empty for every day a budget is held, so the status quo minus the option
 * is three quarters of the day rate (about £7.50) x the budget-days (a recount of the days the
 * people held budgets, not the ledger). The cohort view follows each holder for the year after
 * their start: their twin uses a whole place, they use a quarter, three quarters of £3,652.50 =
 * £2,739.375 a holder. The two are the same rate a budget-day.
 */
class EconomicPositionTest {
  private static final String YAML =
      """
      name: economic-position-by-hand
      startDate: 2026-04-01
      years: 3
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
            teamContactShare: 0.25
      services:
        - id: team
          kind: COMMUNITY
          community:
            posts: 1
            caseloadPerPost: 30
            contract: {fixedPerYear: 0, costPerPostPerYear: 109575}
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
          start: 2027-05-01
          offersPerQuarter: [9, 0]
      """;

  @Test
  @DisplayName("the appraisal and the cohort view value a holder's freed place alike, by hand")
  void oneValuation() {
    Scenario s = ScenarioLoader.parse("by-hand.yaml", YAML, List.of());
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 7, 1)).first();
    double perPlaceDay = 109_575.0 / 30 / 365.2425;
    double statusQuo = c.horizon(Arm.STATUS_QUO, LedgerLine.COMMUNITY_PLACES_EMPTY).mean();
    assertThat(statusQuo).isCloseTo(-10 * perPlaceDay * 1_096, within(1.0));
    double budgetDays = 0;
    for (int year = 0; year < 3; year++) {
      budgetDays += c.metricAnnual(Arm.OPTION, year, 0, Measure.BUDGET_DAYS).mean();
    }
    assertThat(budgetDays)
        .as("nine budgets held for most of two years")
        .isBetween(9 * 600.0, 9 * 700.0);
    double option = c.horizon(Arm.OPTION, LedgerLine.COMMUNITY_PLACES_EMPTY).mean();
    // pennies: each month's amount is rounded to the penny
    assertThat(statusQuo - option).isCloseTo(0.75 * perPlaceDay * budgetDays, within(1.0));
    // the cohort view: every holder followed a year, £2,739.375 of team place given up each
    Cohort.Figures f = c.cohort().get(0);
    assertThat(f.holders()).isEqualTo(9);
    double twin = f.perHolder(f.twinAfter(), phbsim.observe.CohortLog.Component.COMMUNITY);
    double holder = f.perHolder(f.holderAfter(), phbsim.observe.CohortLog.Component.COMMUNITY);
    assertThat(twin - holder).isCloseTo(0.75 * 109_575.0 / 30, within(0.01));
    // and the appraisal's economic position counts it (capacity, not cash)
    assertThat(LedgerLine.COMMUNITY_PLACES_EMPTY.cash()).isFalse();
  }
}
