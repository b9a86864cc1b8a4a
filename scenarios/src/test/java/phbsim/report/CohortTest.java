package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.money.LedgerLine;
import phbsim.observe.CohortLog.Component;
import phbsim.observe.Measure;
import phbsim.population.Segments;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;
import phbsim.time.FinancialCalendar;

/**
 * The cohort view and the GP line against a case worked by hand: 20 people who never have a crisis
 * and never leave, 6 GP consultations a year at £45, a team whose places cost £3 a day, and 20
 * direct payments of £1,200 a year offered in May and June 2027 and signed off at once.
 *
 * <p>By hand, a year either side of each start: the twins (the same people with no budget) cost
 * £270 of GP time and 365.2425 x £3 = £1,095.73 of community team both years. A holder costs the
 * same the year before; the year after, half the GP time (gpEffect 0.5, £135), a quarter of a place
 * (£273.93) and the payments made in the year from the start: one a month from the month after,
 * eleven of £100 (worked out from the calendar below). So holders' total costs change by (135 +
 * 273.93 + 1,100) / 1,365.73 - 1 = +10.5 %, the twins' by 0, and the "other NHS" saving is the GP
 * time, £135 a holder.
 */
class CohortTest {
  private static final String YAML =
      """
      name: cohort-by-hand
      startDate: 2026-04-01
      years: 3
      segments:
        - id: everyone
          startingCaseload: 20
          referralsPerYear: 0
          team: team
          crisesPerYear: 0
          frailtyVariance: 0
          gpConsultationsPerYear: 6
          exitsPerYear: {gone: 0}
          budget:
            startingHolders: 0
            annualAllocation: 1200
            spentShare: 1
            teamContactShare: 0.25
            gpEffect: 0.5
      services:
        - id: team
          kind: COMMUNITY
          community:
            posts: 1
            caseloadPerPost: 30
            contract: {fixedPerYear: 0, costPerPostPerYear: 32871.825}
        - id: gone
          kind: EXIT
      pathway: []
      primaryCare:
        costPerConsultation: 45
      money:
        priceYear: 2026/27
      budgets:
        options: {directPayment: 1, thirdParty: 0, notional: 0}
        thirdPartyFeePercent: 0
        setUp: []
        supportPlanningPerPlan: 0
        brokeragePerBudgetPerMonth: 0
        rollout: {kind: TARGET, start: 2027-05-01, offersPerQuarter: [30, 0]}
      """;

  @Test
  @DisplayName("the cohort view by component, and its headline figures, by hand")
  void byHand() {
    Scenario s = ScenarioLoader.parse("cohort.yaml", YAML, List.of());
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 3, 2)).first();
    FinancialCalendar cal = new phbsim.world.CompiledScenario(s).calendar();
    double year = Segments.DAYS_PER_YEAR;
    double place = 32_871.82 / 30 / year; // the contract in whole pence, over its places
    for (Cohort.Figures f : c.cohort()) {
      assertThat(f.holders()).isEqualTo(20);
      assertThat(f.perHolder(f.twinBefore(), Component.GP)).isCloseTo(270, within(1e-6));
      assertThat(f.perHolder(f.twinAfter(), Component.GP)).isCloseTo(270, within(1e-6));
      assertThat(f.perHolder(f.holderBefore(), Component.GP)).isCloseTo(270, within(1e-6));
      assertThat(f.perHolder(f.holderAfter(), Component.GP)).isCloseTo(135, within(1e-6));
      assertThat(f.perHolder(f.twinAfter(), Component.COMMUNITY))
          .isCloseTo(place * year, within(1e-3));
      assertThat(f.perHolder(f.holderAfter(), Component.COMMUNITY))
          .isCloseTo(0.25 * place * year, within(1e-3));
      assertThat(f.perHolder(f.holderBefore(), Component.INPATIENT)).isZero();
      assertThat(f.meanAllocation()).isCloseTo(1200, within(1e-9));
      assertThat(f.twinsChange()).isCloseTo(0, within(1e-9));
      assertThat(f.otherNhsSaving()).isCloseTo(135, within(1e-6));
    }
    // The payments in the year from each start, from the calendar: the months after the start's
    // month whose first day falls within [start, start + a year). Starts are in May and June 2027.
    double budgetAfter = 0;
    for (int startMonth : new int[] {13, 14}) {
      double start = cal.monthStart(startMonth);
      int payments = 0;
      for (int m = startMonth + 1; m < cal.monthCount(); m++) {
        if (cal.monthStart(m) >= start && cal.monthStart(m) < start + year) {
          payments++;
        }
      }
      budgetAfter += payments * 100.0 / 2; // ten people start in each month
    }
    assertThat(budgetAfter).isEqualTo(1_100);
    Cohort.Figures f = c.cohort().get(0);
    assertThat(f.perHolder(f.holderAfter(), Component.BUDGET)).isCloseTo(budgetAfter, within(1e-6));
    double before = 270 + place * year;
    double after = 135 + 0.25 * place * year + budgetAfter;
    assertThat(f.holdersChange()).isCloseTo(after / before - 1, within(1e-6));
    assertThat(c.cohort(Cohort.Figures::holdersChange).mean())
        .isCloseTo(after / before - 1, within(1e-6));
  }

  @Test
  @DisplayName("GP consultations: the segment's rate x the time present, a holder's halved")
  void gpLine() {
    Scenario s = ScenarioLoader.parse("cohort.yaml", YAML, List.of());
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(1, 3, 1)).first();
    FinancialCalendar cal = new phbsim.world.CompiledScenario(s).calendar();
    double year = Segments.DAYS_PER_YEAR;
    var sq = c.statusQuo().replications().get(0);
    var option = c.option().replications().get(0);
    for (int m = 0; m < cal.monthCount(); m++) {
      double days = cal.monthLength(m);
      // the status quo: 20 people x 6 a year, all month
      assertThat(sq.metrics().total(m, Measure.GP_CONSULTATIONS))
          .isCloseTo(20 * 6 * days / year, within(1e-9));
      assertThat(sq.cashFlow().amount(m, LedgerLine.GP_CONSULTATIONS_BLOCK))
          .isCloseTo(Math.round(20 * 6 * days / year * 4_500), within(1L));
      assertThat(sq.cashFlow().amount(m, LedgerLine.GP_CONSULTATIONS)).isZero();
    }
    // the option from July 2027, everyone holding a budget: half the consultations
    int july = 15;
    assertThat(option.metrics().total(july, Measure.GP_CONSULTATIONS))
        .isCloseTo(20 * 3 * cal.monthLength(july) / year, within(1e-9));
  }
}
