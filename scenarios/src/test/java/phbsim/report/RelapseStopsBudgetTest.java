package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.observe.Measure;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;

/**
 * The Croydon case as a mechanism (issue 20, item 9; docs/model.md section 6.5), against closed
 * forms: a holder who spends less on clinical care than the plan allows relapses more often, and a
 * relapse can stop the budget at its next review.
 *
 * <p>The case: 10,000 people, all holding a budget on day 0, one crisis a year each (no spread of
 * risk), a crisis a visit of a quarter of an hour from the crisis team and then home, nobody
 * arriving or leaving, over one year. A budget held on day 0 has its first review after k months, k
 * from 1 to 12 with equal chance, and its next a year later, beyond the horizon: one review each.
 */
class RelapseStopsBudgetTest {
  private static String yaml(String review, String clinicalCare) {
    return """
        name: croydon-by-hand
        startDate: 2026-04-01
        years: 1
        segments:
          - id: everyone
            startingCaseload: 10000
            referralsPerYear: 0
            team: team
            crisesPerYear: 1
            frailtyVariance: 0
            exitsPerYear: {gone: 0}
            budget:
              startingHolders: 10000
              annualAllocation: 1200
              spentShare: 1
              teamContactShare: 0
        services:
          - id: team
            kind: COMMUNITY
            community:
              posts: 400
              caseloadPerPost: 30
              contract:
                fixedPerYear: 0
                costPerPostPerYear: 1000
          - id: crisis-team
            kind: CRISIS
            crisis:
              aeAttendance: false
              episodeLength: {family: GAMMA, meanDays: 0.01, sdDays: 0.005}
              costPerArrival: 0
              costPerDay: 0
              payment: BLOCK
          - id: gone
            kind: EXIT
        pathway:
          - from: team
            to: {crisis-team: 1}
          - from: crisis-team
            to: {home: 1}
        money:
          priceYear: 2026/27
        budgets:
          options: {directPayment: 0, thirdParty: 0, notional: 1}
          thirdPartyFeePercent: 0
          setUp: []
          supportPlanningPerPlan: 0
          brokeragePerBudgetPerMonth: 0
          review: %s
          clinicalCare: %s
        """
        .formatted(review, clinicalCare);
  }

  private static double total(ComparisonResult c, Measure m) {
    double sum = 0;
    for (ReplicationResult r : c.statusQuo().replications()) {
      for (int month = 0; month < 12; month++) {
        sum += r.metrics().total(month, m);
      }
    }
    return sum / c.statusQuo().replications().size();
  }

  private static ComparisonResult run(String review, String clinicalCare) {
    Scenario s = ScenarioLoader.parse("croydon.yaml", yaml(review, clinicalCare), List.of());
    // The status quo: the day-0 budgets carry on and are reviewed, nobody new is offered one.
    return Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 23, 1)).first();
  }

  @Test
  @DisplayName(
      "half the holders underspend on clinical care and relapse twice as often: 1.5 crises a"
          + " holder-year, against 1")
  void underspendersRelapseMore() {
    // No stops, so everyone holds a budget all year: crises = 10,000 x (0.5 x 1 + 0.5 x 2).
    // Poisson: sd about 122 a replication; 2 % (300) is over 3 sd of the mean of two.
    ComparisonResult with =
        run(
            "{stepDown: 0, stop: 0, stepDownShare: 0}",
            "{underspendShare: 0.5, underspendCrisisEffect: 2}");
    assertThat(total(with, Measure.CRISES)).isCloseTo(15_000, within(300.0));
    ComparisonResult without =
        run("{stepDown: 0, stop: 0, stepDownShare: 0}", "{underspendShare: 0}");
    assertThat(total(without, Measure.CRISES)).isCloseTo(10_000, within(300.0));
  }

  @Test
  @DisplayName(
      "a relapse since the last review raises the chance it stops the budget: 0.1, or 0.6 after a"
          + " crisis, gives 29.7 % stopped in the year")
  void aRelapseCanStopTheBudget() {
    // A holder reviewed after k months has had a crisis by then with chance 1 - e^(-k/12), so is
    // stopped with 0.1 + 0.5 (1 - e^(-k/12)); averaged over k = 1..12, 0.29693. Binomial: sd
    // about 46 a replication; 200 is over 6 sd of the mean of two.
    ComparisonResult c =
        run("{stepDown: 0, stop: 0.1, stopAfterCrisis: 0.6, stepDownShare: 0}", "{}");
    assertThat(total(c, Measure.BUDGETS_STOPPED)).isCloseTo(2_969.3, within(200.0));
    // Without it (stopAfterCrisis left out, so the same as stop): 10 % stopped.
    ComparisonResult flat = run("{stepDown: 0, stop: 0.1, stepDownShare: 0}", "{}");
    assertThat(total(flat, Measure.BUDGETS_STOPPED)).isCloseTo(1_000, within(120.0));
  }
}
