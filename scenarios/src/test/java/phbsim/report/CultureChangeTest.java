package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Experiment;
import phbsim.observe.Measure;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;
import phbsim.world.CompiledScenario;

/**
 * The hare and the tortoise as a mechanism (docs/model.md section 6): offers beyond the capacity
 * for culture change are rushed, accepted half as often, and run the restrictive way.
 *
 * <p>By hand: 20 offers a month for 3 months against a capacity of 5 a month that does not grow:
 * each offer is rushed with probability 1 - 5/20 = 0.75. Over 60 offers and 20 replications, 900
 * rushed of 1,200 (binomial, sd 15); accepted: 300 well made, all accepted, and half of the 900
 * rushed, 750 in all; restrictive: the rushed that were accepted, about 450. Within 4 standard
 * deviations at a fixed seed. At 4 offers a month (within the capacity) nothing is rushed.
 */
class CultureChangeTest {
  private static final String YAML =
      """
      name: culture
      startDate: 2026-04-01
      years: 1
      segments:
        - id: everyone
          startingCaseload: 500
          referralsPerYear: 0
          team: team
          crisesPerYear: 0
          frailtyVariance: 0
          exitsPerYear: {gone: 0}
          budget: {startingHolders: 0, annualAllocation: 1000, spentShare: 1, acceptance: 1}
      services:
        - id: team
          kind: COMMUNITY
          community:
            posts: 20
            caseloadPerPost: 30
            contract: {fixedPerYear: 0, costPerPostPerYear: 0}
        - id: gone
          kind: EXIT
      pathway: []
      budgets:
        options: {directPayment: 0, thirdParty: 0, notional: 1}
        thirdPartyFeePercent: 0
        setUp: []
        supportPlanningPerPlan: 0
        brokeragePerBudgetPerMonth: 0
        rollout: {kind: TARGET, offersPerQuarter: [%d, 0]}
        culture: {offersPerMonth: 5, growthPerPlan: 0, rushedAcceptance: 0.5}
      """;

  private static double[] totals(int perQuarter) {
    Scenario s = ScenarioLoader.parse("culture.yaml", YAML.formatted(perQuarter), List.of());
    CompiledScenario compiled = new CompiledScenario(s);
    double[] t = new double[3];
    for (int r = 0; r < 20; r++) {
      ReplicationResult result = Experiment.replicate(compiled, 99, r);
      int last = compiled.calendar().monthCount() - 1;
      for (int m = 0; m <= last; m++) {
        t[0] += result.metrics().total(m, Measure.BUDGET_OFFERS_RUSHED);
        t[1] += result.metrics().total(m, Measure.BUDGET_OFFERS_ACCEPTED);
      }
      t[2] += result.metrics().total(last, Measure.BUDGET_HOLDERS_RESTRICTIVE);
    }
    return t;
  }

  @Test
  @DisplayName("offers beyond the capacity are rushed, accepted half as often and restrictive")
  void outrun() {
    double[] t = totals(60);
    assertThat(t[0]).isCloseTo(900, within(4 * 15.0));
    // accepted = 300 + Binomial(rushed, 0.5): sd about sqrt(900 x 0.25) = 15, and the rushed
    // count's own spread halved
    assertThat(t[1]).isCloseTo(750, within(4 * Math.sqrt(225 + 56.25)));
    // every well-made offer (1,200 - rushed) was accepted and runs flexibly; every accepted rushed
    // one runs the restrictive way
    assertThat(t[2]).isEqualTo(t[1] - (1_200 - t[0]));
  }

  @Test
  @DisplayName("a roll-out within the capacity rushes nothing")
  void withinCapacity() {
    double[] t = totals(12);
    assertThat(t[0]).isZero();
    assertThat(t[1]).isEqualTo(20 * 12);
    assertThat(t[2]).isZero();
  }
}
