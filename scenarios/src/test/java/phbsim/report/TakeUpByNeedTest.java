package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.analysis.integration.IterativeLegendreGaussIntegrator;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.observe.Measure;
import phbsim.observe.TeamMeasure;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;

/**
 * Who is left behind, by need (issue 20, item 8; docs/model.md section 6.2), against a closed form.
 *
 * <p>The case: 20,000 people on one team's caseload, frailty gamma with mean 1 and variance 0.5
 * (shape 2, scale 0.5), nobody arriving or leaving, everyone offered a budget in the first month;
 * an offer to a person of frailty z is accepted with probability p(z) = min(1, 0.2 z^-e), and a
 * holder leaves the caseload whole. The left-behind index at the month end, the mean frailty of
 * those still on it, is then E[z (1 - p(z))] / E[1 - p(z)], and the share accepting E[p(z)]:
 * integrals over the gamma density, taken here by Gauss-Legendre quadrature, not by the model. At e
 * = 0.5 the index is about 1.084 (the less frail leave), at -0.5 about 0.91, at 0 it is 1.
 *
 * <p>Tolerance: the index is a mean over some 15,000 people of frailty sd 0.71 (a standard error of
 * about 0.006 a replication), over 2 replications: 0.02, more than 4 standard errors.
 */
class TakeUpByNeedTest {
  private static String yaml(double gradient) {
    return """
        name: take-up-by-need
        startDate: 2026-04-01
        years: 1
        segments:
          - id: everyone
            startingCaseload: 20000
            referralsPerYear: 0
            team: team
            crisesPerYear: 0
            frailtyVariance: 0.5
            exitsPerYear: {gone: 0}
            budget:
              startingHolders: 0
              annualAllocation: 1200
              spentShare: 1
              acceptance: 0.2
              teamContactShare: 0
        services:
          - id: team
            kind: COMMUNITY
            community:
              posts: 700
              caseloadPerPost: 30
              contract:
                fixedPerYear: 0
                costPerPostPerYear: 1000
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
          takeUp: {acceptanceByNeed: %s}
          rollout:
            kind: TARGET
            start: 2026-04-01
            offersPerQuarter: [60000, 0]
        """
        .formatted(gradient);
  }

  /**
   * E[f(z)] for z gamma with shape 2 and scale 0.5, by quadrature over [0, 40] (the density beyond
   * is below 1e-33), split at {@code kink}, where p(z) reaches 1 and f has a corner.
   */
  private static double expect(java.util.function.DoubleUnaryOperator f, double kink) {
    GammaDistribution g = new GammaDistribution(2, 0.5);
    IterativeLegendreGaussIntegrator quadrature =
        new IterativeLegendreGaussIntegrator(32, 1e-10, 1e-12);
    double sum = 0;
    double from = 0;
    for (double to : new double[] {Math.min(Math.max(kink, 0), 40), 40}) {
      if (to > from) {
        sum += quadrature.integrate(1_000_000, z -> f.applyAsDouble(z) * g.density(z), from, to);
      }
      from = to;
    }
    return sum;
  }

  @ParameterizedTest(name = "acceptanceByNeed {0}")
  @ValueSource(doubles = {0.5, 0, -0.5})
  void indexAgainstTheClosedForm(double e) {
    java.util.function.DoubleUnaryOperator p = z -> Math.min(1, 0.2 * Math.pow(z, -e));
    // p(z) = 1 where 0.2 z^-e >= 1: below 0.2^(1/e) for e > 0, above it for e < 0.
    double kink = e == 0 ? 0 : Math.pow(0.2, 1 / e);
    double accepting = expect(p, kink);
    double index = expect(z -> z * (1 - p.applyAsDouble(z)), kink) / (1 - accepting);

    Scenario s = ScenarioLoader.parse("take-up.yaml", yaml(e), List.of());
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 17, 1)).first();
    double measured = 0;
    double share = 0;
    for (ReplicationResult r : c.option().replications()) {
      measured += r.teams().get(0, 0, TeamMeasure.MEAN_FRAILTY_ON_CASELOAD) / 2;
      share += r.metrics().total(0, Measure.BUDGET_OFFERS_ACCEPTED) / 20_000.0 / 2;
    }
    assertThat(share).as("share accepting, e = %s", e).isCloseTo(accepting, within(0.01));
    assertThat(measured).as("left-behind index, e = %s", e).isCloseTo(index, within(0.02));
    if (e > 0) {
      assertThat(index).isGreaterThan(1.06);
    } else if (e < 0) {
      assertThat(index).isLessThan(0.95);
    }
  }
}
