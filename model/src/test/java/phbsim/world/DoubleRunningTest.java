package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Comparison;
import phbsim.experiment.RunSpec;
import phbsim.observe.TeamMeasure;
import phbsim.observe.TeamMetrics;
import phbsim.random.RandomStreams;
import phbsim.report.ComparisonResult;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.RolloutKind;
import phbsim.scenario.RolloutSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.testing.TestScenarios;

/**
 * Double running (docs/model.md section 5) worked by hand: the block-contract cost of the places
 * budget holders left and that have not been released, capped by what was paid on those budgets;
 * freed places refilled from the waiting list or standing empty beside it.
 */
class DoubleRunningTest {

  /*
   * The case. A team of 10 posts x 1 place, contract £1,000,000 fixed + 10 x £50,000 = £1,500,000
   * a year: 12,500,000p a month, 1,250,000p a place a month. 13 people: 10 on the caseload, 3
   * waiting; nobody arrives, leaves or has a crisis. Offers: 6 in the first quarter, 2 a month in
   * months 0, 1 and 2; all accepted and signed off at once. Notional budgets of £180,000 a year,
   * fully spent: 1,500,000p a month each, from the month after sign-off. Two posts are released,
   * decided in June 2026 (month 2), out from month 8 after 6 months' notice.
   *
   *   month  took up  freed  caseload  waiting  vacant  released  not released  empty  refilled
   *   0      2        2      10        1        0       0         2             0      2
   *   1      4        4      9         0        1       0         4             1      3
   *   2      6        6      7         0        3       0         6             3      3
   *   3-7    6        6      7         0        3       0         6             3      3
   *   8-11   6        6      7         0        1       2         4             1      3
   *
   *   month  paid on the budgets     cost of freed places    double running
   *   0      0                       2 x 1,250,000           0
   *   1      2 x 1,500,000           4 x 1,250,000           3,000,000
   *   2      4 x 1,500,000           6 x 1,250,000           6,000,000
   *   3-7    6 x 1,500,000           6 x 1,250,000           7,500,000
   *   8-11   6 x 1,500,000           4 x 1,250,000           5,000,000
   */
  private static final long[] EXPECTED_PENCE = {
    0, 3_000_000, 6_000_000, 7_500_000, 7_500_000, 7_500_000, 7_500_000, 7_500_000, 5_000_000,
    5_000_000, 5_000_000, 5_000_000
  };

  private static Scenario scenario() {
    BudgetsSpec budgets =
        new BudgetsSpec(
            true,
            new OptionMixSpec(0, 0, 1),
            0,
            List.of(),
            0,
            0,
            new RolloutSpec(RolloutKind.TARGET, null, List.of(6, 0), null, null, null, null),
            null,
            null,
            null,
            null,
            null,
            null);
    return TestScenarios.builder()
        .years(1)
        .slots(10)
        .startingCaseload(13)
        .referralsPerYear(0)
        .exitsPerYear(0)
        .crisesPerYear(0)
        .release(LocalDate.of(2026, 6, 1), 2)
        .budgets(
            budgets,
            new SegmentBudgetSpec(
                0, 180_000, 1.0, null, null, null, null, null, null, null, null, null))
        .build();
  }

  @Test
  @DisplayName("double running, freed, refilled and empty places match the case worked by hand")
  void workedByHand() {
    World w = new World(new CompiledScenario(scenario()), new RandomStreams(1, 0), true).run();
    assertThat(w.doubleRunning()).containsExactly(EXPECTED_PENCE);
    TeamMetrics t = w.teamMetrics();
    double[][] places = { // not released, refilled, empty
      {2, 2, 0}, {4, 3, 1}, {6, 3, 3}, {6, 3, 3}, {6, 3, 3}, {6, 3, 3}, {6, 3, 3}, {6, 3, 3},
      {4, 3, 1}, {4, 3, 1}, {4, 3, 1}, {4, 3, 1}
    };
    for (int m = 0; m < 12; m++) {
      assertThat(t.get(m, 0, TeamMeasure.FREED_PLACES)).as("month %d", m).isEqualTo(places[m][0]);
      assertThat(t.get(m, 0, TeamMeasure.FREED_PLACES_REFILLED)).isEqualTo(places[m][1]);
      assertThat(t.get(m, 0, TeamMeasure.FREED_PLACES_EMPTY)).isEqualTo(places[m][2]);
      assertThat(t.get(m, 0, TeamMeasure.DOUBLE_RUNNING))
          .isCloseTo(EXPECTED_PENCE[m] / 100.0, within(1e-9));
    }
  }

  @Test
  @DisplayName("the comparison reports the option's double running; holders from day 0 add none")
  void comparisonReportsIt() {
    ComparisonResult r = Comparison.run(scenario(), new RunSpec(2, 1, 1));
    for (int m = 0; m < 12; m++) {
      assertThat(r.doubleRunning(m).mean()).isEqualTo(EXPECTED_PENCE[m] / 100.0);
    }
    // 3 + 6 + 5 x 7.5 + 4 x 5 million pence
    assertThat(r.doubleRunningTotal().mean()).isEqualTo(66_500_000 / 100.0);
    assertThat(r.doubleRunningMonths().mean()).isEqualTo(11);

    // Budgets held on day 0 left their places before the run: no double running, though the
    // team has empty places (10 places, 10 people, 4 of them holding budgets).
    Scenario held =
        TestScenarios.builder()
            .years(1)
            .slots(10)
            .startingCaseload(10)
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(0)
            .budgets(
                new BudgetsSpec(
                    true,
                    new OptionMixSpec(0, 0, 1),
                    0,
                    List.of(),
                    0,
                    0,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                new SegmentBudgetSpec(
                    4, 180_000, 1.0, null, null, null, null, null, null, null, null, null))
            .build();
    ComparisonResult h = Comparison.run(held, new RunSpec(1, 1, 1));
    assertThat(h.doubleRunningTotal().mean()).isZero();
  }
}
