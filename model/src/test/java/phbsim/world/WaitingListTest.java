package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.observe.TeamMeasure;
import phbsim.observe.TeamMetrics;
import phbsim.population.Segments;
import phbsim.random.RandomStreams;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.ReviewSpec;
import phbsim.scenario.RolloutKind;
import phbsim.scenario.RolloutSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.testing.TestScenarios;

/**
 * The waiting list and the measures of the team left behind, each checked against something
 * computed independently of the running totals that produce it: a closed form for the M/M/c queue,
 * the exact stationary distribution of a queue with leaving, or a recount from the people
 * themselves (docs/model.md sections 2 and 7).
 */
class WaitingListTest {

  private static final int TEAM = 0; // the service number of TestScenarios' team

  private static World world(Scenario s, long seed, int replication) {
    return new World(new CompiledScenario(s), new RandomStreams(seed, replication), true);
  }

  @ParameterizedTest(name = "c = {0}, load = {1}")
  @CsvSource({"20, 16", "5, 3"})
  @DisplayName(
      "the median and 90th centile waits match the M/M/c closed forms ln2/(cu-l), ln10/(cu-l)")
  void waitCentiles(int c, double load) {
    // Time on the caseload is exponential with a mean of a tenth of a day (mu = 10 a day), so a
    // month spans many times the queue's relaxation time (about 1 / (c mu (1 - sqrt(rho))^2),
    // under half a day here) and holds thousands of waits: a month's centile is then close to
    // the stationary distribution's. For an M/M/c queue the waits of those who wait are
    // exponential with rate c mu - lambda.
    double mu = 10 * Segments.DAYS_PER_YEAR; // per year
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .slots(c)
            .startingCaseload((int) load)
            .referralsPerYear(load * mu)
            .exitsPerYear(mu)
            .waitingExitsPerYear(0)
            .crisesPerYear(0)
            .build();
    double rate = (c - load) * 10.0; // per day
    double median = Math.log(2) / rate;
    double p90 = Math.log(10) / rate;
    int replications = 24;
    SummaryStatistics medians = new SummaryStatistics();
    SummaryStatistics p90s = new SummaryStatistics();
    for (int r = 0; r < replications; r++) {
      TeamMetrics t = world(s, 41, r).run().teamMetrics();
      SummaryStatistics m = new SummaryStatistics();
      SummaryStatistics q = new SummaryStatistics();
      for (int month = 1; month < t.months(); month++) { // the first month warms up
        m.addValue(t.get(month, TEAM, TeamMeasure.WAIT_MEDIAN_DAYS));
        q.addValue(t.get(month, TEAM, TeamMeasure.WAIT_P90_DAYS));
      }
      medians.addValue(m.getMean());
      p90s.addValue(q.getMean());
    }
    double seMedian = medians.getStandardDeviation() / Math.sqrt(replications);
    double seP90 = p90s.getStandardDeviation() / Math.sqrt(replications);
    // Tolerance: 4 standard errors from the replications, plus 2 % for the small-sample bias of a
    // month's centile; and the standard errors themselves must be small, so the test can fail.
    assertThat(4 * seMedian).isLessThan(0.08 * median);
    assertThat(medians.getMean()).isCloseTo(median, within(4 * seMedian + 0.02 * median));
    assertThat(p90s.getMean()).isCloseTo(p90, within(4 * seP90 + 0.02 * p90));
  }

  @Test
  @DisplayName(
      "wait centiles are undefined, not 0, in a month when nobody got a place from the list")
  void noWaitsNoCentile() {
    Scenario s =
        TestScenarios.builder()
            .years(1)
            .slots(1000)
            .startingCaseload(10)
            .referralsPerYear(12)
            .build();
    TeamMetrics t = world(s, 1, 0).run().teamMetrics();
    for (int month = 0; month < 12; month++) {
      assertThat(t.get(month, TEAM, TeamMeasure.WAIT_MEDIAN_DAYS)).isNaN();
      assertThat(t.get(month, TEAM, TeamMeasure.WAITING_LIST)).isZero();
    }
  }

  /** A busy team with budgets taken up, stopped and run out, and people leaving the list. */
  private static Scenario busyTeamWithBudgets(double frailtyVariance, int slots) {
    BudgetsSpec budgets =
        new BudgetsSpec(
            true,
            new OptionMixSpec(0.2, 0.1, 0.7),
            10,
            List.of(),
            600,
            25,
            new RolloutSpec(RolloutKind.TARGET, null, List.of(30), null, null, null, null),
            null,
            new ReviewSpec(0.2, 0.3, 0.25, null, null),
            0.2,
            null,
            null,
            null);
    SegmentBudgetSpec segment =
        new SegmentBudgetSpec(15, 3602, 0.9, null, 0.7, 0.7, 1.2, 0.1, 0.25, null, null, null);
    return TestScenarios.builder()
        .years(4)
        .slots(slots)
        .startingCaseload(120)
        .referralsPerYear(80)
        .exitsPerYear(0.6)
        .crisesPerYear(1.5)
        .frailtyVariance(frailtyVariance)
        .crisisToWard(0.3)
        .beds(3)
        .budgets(budgets, segment)
        .build();
  }

  @ParameterizedTest(name = "{0} places, frailty variance {1}")
  @CsvSource({"60, 0.8", "400, 0.8", "60, 0", "400, 0"})
  @DisplayName(
      "the left-behind index equals the mean frailty recounted from the people on the caseload")
  void leftBehindIndexRecounted(int slots, double variance) {
    World w = world(busyTeamWithBudgets(variance, slots), 7, 0);
    int[] checked = {0};
    boolean[] sawWaiting = {false};
    w.probe(
        month -> {
          double sum = 0;
          int n = 0;
          int waiting = 0;
          for (int p = 0; p < w.people.count(); p++) {
            if (w.people.status[p] == People.ON_CASELOAD) {
              sum += w.people.frailty[p];
              n++;
            } else if (w.people.status[p] == People.WAITING) {
              waiting++;
            }
          }
          TeamMetrics t = w.teamMetrics();
          double index = t.get(month, TEAM, TeamMeasure.MEAN_FRAILTY_ON_CASELOAD);
          assertThat(t.get(month, TEAM, TeamMeasure.CASELOAD)).isEqualTo(n);
          assertThat(t.get(month, TEAM, TeamMeasure.WAITING_LIST)).isEqualTo(waiting);
          if (variance == 0) {
            assertThat(index).as("month %d", month).isEqualTo(1.0);
          } else {
            assertThat(index).as("month %d", month).isCloseTo(sum / n, within(1e-9));
          }
          sawWaiting[0] |= waiting > 0;
          checked[0]++;
        });
    w.run();
    assertThat(checked[0]).isEqualTo(48);
    // The busy team really had a waiting list; the idle one never did.
    assertThat(sawWaiting[0]).isEqualTo(slots == 60);
  }

  @Test
  @DisplayName(
      "people given a place from the waiting list can be offered a budget: 100 offers, 100 made")
  void offersReachPeopleFromTheWaitingList() {
    // 100 people, 50 places: 50 on the caseload and 50 waiting. 300 offers in the first quarter
    // make 100 in month 0; everyone accepts and, with no planners, takes up the budget at once,
    // freeing their place for the next person waiting, who can then be offered one too.
    BudgetsSpec budgets =
        new BudgetsSpec(
            true,
            new OptionMixSpec(0, 0, 1),
            0,
            List.of(),
            0,
            0,
            new RolloutSpec(RolloutKind.TARGET, null, List.of(300), null, null, null, null),
            null,
            null,
            null,
            null,
            null,
            null);
    Scenario s =
        TestScenarios.builder()
            .years(1)
            .slots(50)
            .startingCaseload(100)
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(0)
            .budgets(
                budgets,
                new SegmentBudgetSpec(
                    0, 1200, 1.0, null, null, null, null, null, null, null, null, null))
            .build();
    MonthlyMetrics m = world(s, 3, 0).run().metrics();
    assertThat(m.get(0, 0, Measure.BUDGET_OFFERS)).isEqualTo(100);
    assertThat(m.get(0, 0, Measure.BUDGET_HOLDERS)).isEqualTo(100);
    assertThat(m.get(0, 0, Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST)).isEqualTo(50);
    assertThat(m.get(0, 0, Measure.WAITING_LIST)).isZero();
  }

  /**
   * The mean number waiting in an M/M/c queue whose waiting customers leave at rate theta each
   * (M/M/c+M), from its exact stationary distribution: a birth-death chain with birth rate lambda
   * and death rate min(n, c) mu + max(n - c, 0) theta, truncated where the tail is negligible.
   */
  static double meanWaiting(double lambda, double mu, int c, double theta) {
    int states = 20_000;
    double[] logP = new double[states];
    for (int n = 1; n < states; n++) {
      double death = Math.min(n, c) * mu + Math.max(n - c, 0) * theta;
      logP[n] = logP[n - 1] + Math.log(lambda / death);
    }
    double max = Double.NEGATIVE_INFINITY;
    for (double v : logP) {
      max = Math.max(max, v);
    }
    double norm = 0;
    double weighted = 0;
    for (int n = 0; n < states; n++) {
      double p = Math.exp(logP[n] - max);
      norm += p;
      weighted += p * Math.max(n - c, 0);
    }
    return weighted / norm;
  }

  @Test
  @DisplayName(
      "an overloaded team's waiting list settles where people leaving it balance arrivals (M/M/c+M)")
  void waitingListWithLeavingSettles() {
    // Arrivals at twice the team's capacity: without leaving, the line would grow without limit.
    // People waiting leave at 6 a year each; the line settles at the M/M/c+M mean.
    double mu = 12; // a month on the caseload, on average
    int c = 10;
    double lambda = 240;
    double theta = 6;
    Scenario s =
        TestScenarios.builder()
            .years(20)
            .slots(c)
            .startingCaseload(c + 20)
            .referralsPerYear(lambda)
            .exitsPerYear(mu)
            .waitingExitsPerYear(theta)
            .crisesPerYear(0)
            .build();
    double expected = meanWaiting(lambda, mu, c, theta);
    int replications = 10;
    SummaryStatistics perReplication = new SummaryStatistics();
    SummaryStatistics leavingRate = new SummaryStatistics();
    for (int r = 0; r < replications; r++) {
      MonthlyMetrics m = world(s, 5, r).run().metrics();
      double waiting = 0;
      double left = 0;
      int months = 0;
      for (int month = 12; month < m.months(); month++) {
        waiting += m.get(month, 0, Measure.WAITING_LIST);
        left += m.get(month, 0, Measure.EXITS_WHILE_WAITING);
        months++;
      }
      perReplication.addValue(waiting / months);
      leavingRate.addValue(left / months * 12);
    }
    double se = perReplication.getStandardDeviation() / Math.sqrt(replications);
    // Tolerance: 4 standard errors, which must themselves be under 5 % of the mean.
    assertThat(4 * se).isLessThan(0.05 * expected);
    assertThat(perReplication.getMean()).isCloseTo(expected, within(4 * se));
    // Flow balance: people leave the line at theta x the mean number waiting (within 5 %).
    assertThat(leavingRate.getMean()).isCloseTo(theta * expected, within(0.05 * theta * expected));
  }
}
