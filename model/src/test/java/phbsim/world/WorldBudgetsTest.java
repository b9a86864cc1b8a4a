package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.budget.BassRollout;
import phbsim.experiment.Comparison;
import phbsim.experiment.RunSpec;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.observe.TeamMeasure;
import phbsim.random.RandomStreams;
import phbsim.report.Arm;
import phbsim.report.ComparisonResult;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.PlanningSpec;
import phbsim.scenario.ReviewSpec;
import phbsim.scenario.RolloutKind;
import phbsim.scenario.RolloutSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.testing.TestScenarios;

/** Personal health budgets in the whole world: roll-out, reviews, fallback, teams left behind. */
class WorldBudgetsTest {

  private static BudgetsSpec budgets(
      RolloutSpec rollout, PlanningSpec planning, ReviewSpec review, double restrictive) {
    return new BudgetsSpec(
        true,
        new OptionMixSpec(0, 0, 1), // notional only: charged as spent
        0,
        List.of(),
        600,
        25,
        rollout,
        planning,
        review,
        restrictive,
        null,
        null,
        null);
  }

  private static RolloutSpec none() {
    return new RolloutSpec(RolloutKind.NONE, null, null, null, null, null, null);
  }

  private static World run(Scenario s, long seed) {
    return new World(new CompiledScenario(s), new RandomStreams(seed, 0), true).run();
  }

  private static double total(MonthlyMetrics m, Measure measure) {
    double sum = 0;
    for (int month = 0; month < m.months(); month++) {
      sum += m.total(month, measure);
    }
    return sum;
  }

  @Test
  @DisplayName("a new budget's first review falls 3 months after its first payment")
  void reviewCycleByHand() {
    // 20 people start on the caseload, none on a budget; no crises, exits or referrals. A target
    // of 60 offers in the first quarter makes 20 in month 0, enough for all 20; everyone accepts,
    // and with no planners every plan is signed off at once. Every review stops the budget (the
    // Croydon case).
    Scenario s =
        TestScenarios.builder()
            .years(1)
            .startingCaseload(20)
            .slots(100)
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(0)
            .budgets(
                budgets(
                    new RolloutSpec(
                        RolloutKind.TARGET, null, List.of(60, 0), null, null, null, null),
                    null,
                    new ReviewSpec(0, 1, 0, null, null),
                    0),
                new SegmentBudgetSpec(
                    0, 1200, 1.0, null, null, null, null, null, null, null, null, null))
            .build();
    World w = run(s, 1);
    MonthlyMetrics m = w.metrics();
    assertThat(m.get(0, 0, Measure.BUDGET_OFFERS)).isEqualTo(20);
    assertThat(m.get(0, 0, Measure.PLANS_SIGNED_OFF)).isEqualTo(20);
    // Paid from month 1 (the first instalment follows sign-off); the months held are 1, 2 and 3,
    // so the review falls due at the end of month 3 and returns all 20 to the team.
    for (int month = 0; month < 3; month++) {
      assertThat(m.get(month, 0, Measure.BUDGET_HOLDERS)).as("month %d", month).isEqualTo(20);
      assertThat(m.get(month, 0, Measure.CASELOAD)).isZero();
    }
    assertThat(m.get(3, 0, Measure.BUDGETS_STOPPED)).isEqualTo(20);
    assertThat(m.get(3, 0, Measure.BUDGET_HOLDERS)).isZero();
    assertThat(m.get(3, 0, Measure.CASELOAD)).isEqualTo(20);
    // Notional £1,200 a year fully spent = £100 a month each: 20 x 10,000p in months 1, 2, 3.
    Ledger l = w.ledger();
    assertThat(l.amount(0, LedgerLine.PHB_NOTIONAL)).isZero();
    for (int month = 1; month <= 3; month++) {
      assertThat(l.amount(month, LedgerLine.PHB_NOTIONAL)).isEqualTo(200_000);
    }
    assertThat(l.amount(4, LedgerLine.PHB_NOTIONAL)).isZero();
  }

  @Test
  @DisplayName(
      "budgets held on day 0 are on the yearly cycle: reviews spread evenly over 12 months")
  void startingHoldersReviewedOverTheYear() {
    // 1,200 people hold a budget on day 0 and every review stops it. Each is reviewed once in the
    // first year, in a month drawn evenly from 1 to 12: about 100 stops a month. Chi-squared
    // against the uniform with 11 degrees of freedom, at the 0.1 % level (critical value 31.26),
    // with a fixed seed.
    Scenario s =
        TestScenarios.builder()
            .years(1)
            .startingCaseload(1200)
            .slots(2000)
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(0)
            .budgets(
                budgets(none(), null, new ReviewSpec(0, 1, 0, null, null), 0),
                new SegmentBudgetSpec(
                    1200, 1200, 1.0, null, null, null, null, null, null, null, null, null))
            .build();
    MonthlyMetrics m = run(s, 3).metrics();
    double chi2 = 0;
    double total = 0;
    for (int month = 0; month < 12; month++) {
      double stops = m.get(month, 0, Measure.BUDGETS_STOPPED);
      total += stops;
      chi2 += (stops - 100) * (stops - 100) / 100;
    }
    assertThat(total).isEqualTo(1200);
    assertThat(m.get(11, 0, Measure.BUDGET_HOLDERS)).isZero();
    assertThat(chi2).isLessThan(31.26);
    // Not all at 3 months, as if they were new budgets.
    assertThat(m.get(2, 0, Measure.BUDGETS_STOPPED)).isLessThan(200);
  }

  @Test
  @DisplayName("a budget that runs out sends its holder back to the team, hazard restored")
  void fallbackRestoresCrisisHazard() {
    // Holders have no crises while on a budget (crisisEffect 0); every budget-year runs out
    // (runOutShare 1) within months 1..11; after falling back they have the segment's hazard.
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .startingCaseload(400)
            .slots(1000)
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(3)
            .crisisToWard(0)
            .budgets(
                budgets(none(), null, null, 0),
                new SegmentBudgetSpec(
                    400, 1200, 1.0, null, null, 0.0, null, 1.0, null, null, null, null))
            .build();
    World w = run(s, 2);
    MonthlyMetrics m = w.metrics();
    assertThat(m.get(0, 0, Measure.CRISES)).as("everyone holds a budget in month 0").isZero();
    assertThat(total(m, Measure.BUDGETS_FALLEN_BACK)).isEqualTo(400);
    assertThat(m.get(11, 0, Measure.BUDGET_HOLDERS)).isZero();
    // From month 11 on, all 400 are back on the caseload with a crisis hazard of 3 a year:
    // about 100 crises a month (400 x 3 / 12).
    double lastYear = 0;
    for (int month = 12; month < 24; month++) {
      lastYear += m.get(month, 0, Measure.CRISES);
    }
    assertThat(lastYear).isBetween(1_050.0, 1_350.0);
  }

  @Test
  @DisplayName("unbundling by hand: a caseload held low releases posts after the notice period")
  void unbundlingTimingByHand() {
    // A team of 10 posts x 10 slots = 100 slots with 40 people and no flows: the caseload stays
    // at 40 at every month end. Review each April (period 1), threshold 0.8, held 6 months,
    // minimum 3 posts. First review that can act: April 2027 (month 12; months 6..11 held).
    // Posts needed: ceil(40 / (0.8 x 10)) = 5; release 10 - 5 = 5 posts, effective after 6
    // months' notice: month 18 (October 2027).
    Scenario s =
        TestScenarios.builder()
            .years(3)
            .startingCaseload(40)
            .team(10, 10, new phbsim.scenario.UnbundlingSpec(null, 0.8, 6, 3, null))
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(0)
            .build();
    World w = run(s, 3);
    Ledger l = w.ledger();
    for (int month = 0; month < 18; month++) {
      assertThat(l.amount(month, LedgerLine.POSTS_RELEASED)).as("month %d", month).isZero();
      assertThat(w.teamMetrics().get(month, 0, TeamMeasure.POSTS)).isEqualTo(10);
    }
    // 5 posts x £50,000 = £250,000 a year; M7 (October) instalment: 2,083,333p (the 4 odd
    // pence go to M1..M4).
    assertThat(l.amount(18, LedgerLine.POSTS_RELEASED)).isEqualTo(-2_083_333);
    assertThat(w.teamMetrics().get(18, 0, TeamMeasure.POSTS)).isEqualTo(5);
    assertThat(w.teamMetrics().get(18, 0, TeamMeasure.CAPACITY)).isEqualTo(50);
    // Stranded: 5/10 of the fixed instalment of M7: 8,333,333p / 2 = 4,166,666.5 -> 4,166,666.
    assertThat(l.amount(18, LedgerLine.STRANDED_FIXED_COSTS)).isEqualTo(4_166_666);
    // The April 2028 review (month 24): 40 <= 0.8 x 50, needed 5 posts, in force 5: no release.
    assertThat(l.amount(35, LedgerLine.POSTS_RELEASED)).isEqualTo(-2_083_333);
    assertThat(w.teamMetrics().get(35, 0, TeamMeasure.POSTS)).isEqualTo(5);
    assertThat(w.teamMetrics().get(35, 0, TeamMeasure.UTILISATION)).isEqualTo(0.8);
  }

  @Test
  @DisplayName("offers follow the Bass curve while there are people to offer to")
  void offersFollowTheRollout() {
    BassRollout curve = new BassRollout(0.05, 0.4, 300);
    Scenario s =
        TestScenarios.builder()
            .years(3)
            .startingCaseload(1000)
            .slots(1000)
            .referralsPerYear(300)
            .exitsPerYear(0.3)
            .budgets(
                budgets(
                    new RolloutSpec(RolloutKind.BASS, null, null, 0.05, 0.4, 300.0, null),
                    new PlanningSpec(3, 20.0, 0.8),
                    null,
                    0.18),
                new SegmentBudgetSpec(
                    0, 3602, 0.9, null, 0.7, 0.7, 1.1, null, null, null, null, null))
            .build();
    World w = run(s, 4);
    MonthlyMetrics m = w.metrics();
    for (int month = 0; month < m.months(); month++) {
      assertThat(m.get(month, 0, Measure.BUDGET_OFFERS))
          .as("month %d", month)
          .isEqualTo(curve.offersInMonth(month));
    }
    double offers = total(m, Measure.BUDGET_OFFERS);
    double accepted = total(m, Measure.BUDGET_OFFERS_ACCEPTED);
    // Acceptance 0.7: binomial, 4 standard deviations.
    assertThat(accepted)
        .isCloseTo(
            0.7 * offers, org.assertj.core.api.Assertions.within(4 * Math.sqrt(offers * 0.21)));
    double signedOff = total(m, Measure.PLANS_SIGNED_OFF);
    double queued = m.get(m.months() - 1, 0, Measure.PLANNING_QUEUE);
    assertThat(signedOff + queued).isEqualTo(accepted);
    assertThat(w.ledger().cashFlow().lineTotal(LedgerLine.PHB_SUPPORT_PLANNING)).isPositive();
  }

  @Test
  @DisplayName("with budgets switched off, the scenario is its baseline and no PHB figure moves")
  void budgetsOffEqualsBaseline() {
    Scenario on =
        TestScenarios.builder()
            .years(2)
            .budgets(
                budgets(
                    new RolloutSpec(
                        RolloutKind.TARGET, null, List.of(10, 20), null, null, null, null),
                    new PlanningSpec(2, 30.0, null),
                    new ReviewSpec(0.2, 0.05, 0.25, 0.1, null),
                    0.18),
                new SegmentBudgetSpec(
                    5, 3602, 0.9, null, 0.8, 0.7, 1.1, 0.1, null, null, null, null))
            .build();
    Scenario off = on.withBudgets(on.budgets().disabled());
    ComparisonResult r = Comparison.run(off, new RunSpec(4, 9, 2));
    for (int month = 0; month < 24; month++) {
      assertThat(r.monthly(Arm.DIFFERENCE, month, null).mean()).isZero();
      for (LedgerLine line : LedgerLine.values()) {
        if (line.group() == LedgerLine.Group.BUDGETS
            || line.group() == LedgerLine.Group.INFRASTRUCTURE) {
          assertThat(r.monthly(Arm.OPTION, month, line).rangeHigh()).as("%s", line).isZero();
        }
      }
      for (Measure measure :
          List.of(Measure.BUDGET_HOLDERS, Measure.BUDGET_OFFERS, Measure.PLANNING_QUEUE)) {
        assertThat(r.metricMonthly(Arm.OPTION, month, -1, measure).rangeHigh()).isZero();
      }
    }
    assertThat(r.option().digest()).isEqualTo(r.statusQuo().digest());
  }

  @Test
  @DisplayName("holders' remaining team contact uses places: 10 holders at half a place fill 5")
  void teamContactUsesPlaces() {
    for (double share : new double[] {0.0, 0.5}) {
      // 20 places; 20 people start, 10 of them on a budget; 60 referrals a year, nobody leaves.
      Scenario s =
          TestScenarios.builder()
              .years(1)
              .startingCaseload(20)
              .slots(20)
              .referralsPerYear(60)
              .exitsPerYear(0)
              .crisesPerYear(0)
              .budgets(
                  budgets(none(), null, null, 0),
                  new SegmentBudgetSpec(
                      10, 1200, 1.0, null, null, null, null, null, share, null, null, null))
              .build();
      MonthlyMetrics m = run(s, 5).metrics();
      // The 10 holders use 10 x share places; the rest go to referrals until the team is full.
      assertThat(m.get(11, 0, Measure.CASELOAD)).as("share %s", share).isEqualTo(20 - 10 * share);
      assertThat(m.get(11, 0, Measure.WAITING_LIST)).isPositive();
    }
  }
}
