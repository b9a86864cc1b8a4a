package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.population.Segments;
import phbsim.random.RandomStreams;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.DurationFamily;
import phbsim.scenario.DurationSpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.ReviewSpec;
import phbsim.scenario.RolloutKind;
import phbsim.scenario.RolloutSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.scenario.Targeting;
import phbsim.testing.TestScenarios;

/**
 * Budget holders: the restrictive way of running budgets from day 0, how long budgets last, who is
 * offered first, and crisis-house stays (docs/model.md sections 4, 6 and 7). Each measure is
 * checked against a closed form or a recount from the people.
 */
class BudgetHoldersTest {

  private static World world(Scenario s, long seed) {
    return new World(new CompiledScenario(s), new RandomStreams(seed, 0), true);
  }

  private static BudgetsSpec budgets(
      OptionMixSpec mix, RolloutSpec rollout, ReviewSpec review, double restrictive) {
    return new BudgetsSpec(
        true, mix, 0, List.of(), 0, 0, rollout, null, review, restrictive, null, null, null);
  }

  private static SegmentBudgetSpec holders(int n, double effect, double restrictiveEffect) {
    return new SegmentBudgetSpec(
        n, 1200, 1.0, null, null, effect, restrictiveEffect, null, null, null, null, null);
  }

  private static double total(MonthlyMetrics m, Measure measure) {
    double sum = 0;
    for (int month = 0; month < m.months(); month++) {
      sum += m.total(month, measure);
    }
    return sum;
  }

  @Test
  @DisplayName("150 restrictive budgets held on day 0 have 1.5 times the crises from day 0")
  void restrictiveFromDayZero() {
    // 150 people, all holding a restrictive budget on day 0 (restrictive share 1), crisis rate 1
    // a year, frailty 1 for all, nobody leaves; crises end at home after 6 hours. Over 2 years:
    // expected crises 150 x 1 x 1.5 x 2 = 450 (Poisson, sd 21), against 300 if the restrictive
    // effect waited for the first crisis to take hold. Tolerance 4 sd.
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .slots(200)
            .startingCaseload(150)
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(1)
            .frailtyVariance(0)
            .crisisToWard(0)
            .budgets(budgets(new OptionMixSpec(0, 0, 1), null, null, 1.0), holders(150, 0.7, 1.5))
            .build();
    MonthlyMetrics m = world(s, 11).run().metrics();
    assertThat(total(m, Measure.CRISES)).isCloseTo(450, within(4 * Math.sqrt(450)));
    // In the first month alone: expected 150 x 1.5 / 12 = 18.75 (sd 4.3), not 12.5.
    assertThat(m.get(0, 0, Measure.BUDGET_HOLDERS_RESTRICTIVE)).isEqualTo(150);
    assertThat(m.get(0, 0, Measure.BUDGET_HOLDERS_FLEXIBLE)).isZero();
  }

  @Test
  @DisplayName("holders are counted restrictive and flexible, adding up to all holders")
  void restrictiveAndFlexibleCounted() {
    Scenario s =
        TestScenarios.builder()
            .years(1)
            .slots(2000)
            .startingCaseload(1000)
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(0)
            .budgets(budgets(new OptionMixSpec(0, 0, 1), null, null, 0.18), holders(1000, 1, 1))
            .build();
    World w = world(s, 5);
    w.run();
    int restrictive = 0;
    for (int p = 0; p < w.people.count(); p++) {
      if (w.people.status[p] == People.ON_BUDGET && w.people.restrictive[p]) {
        restrictive++;
      }
    }
    MonthlyMetrics m = w.metrics();
    assertThat(m.get(11, 0, Measure.BUDGET_HOLDERS_RESTRICTIVE)).isEqualTo(restrictive);
    assertThat(m.get(11, 0, Measure.BUDGET_HOLDERS_FLEXIBLE)).isEqualTo(1000 - restrictive);
    // 18 % of 1,000: binomial sd 12.1; 4 sd.
    assertThat((double) restrictive).isCloseTo(180, within(4 * Math.sqrt(1000 * 0.18 * 0.82)));
  }

  /**
   * The mean length of a budget held on day 0 whose holder leaves at rate mu a year and whose
   * reviews stop it with probability s: the next review k months away (k even over 1..12), then
   * yearly. E[D | k] = (1 - e^(-mu t)) / mu + (1 - s) e^(-mu t) (1 - e^(-mu)) / (mu (1 - (1 - s)
   * e^(-mu))), t = k / 12.
   */
  static double meanDurationYears(double mu, double s) {
    double sum = 0;
    for (int k = 1; k <= 12; k++) {
      double t = k / 12.0;
      double first = (1 - Math.exp(-mu * t)) / mu;
      double rest =
          (1 - s) * Math.exp(-mu * t) * (1 - Math.exp(-mu)) / (mu * (1 - (1 - s) * Math.exp(-mu)));
      sum += first + rest;
    }
    return sum / 12;
  }

  @Test
  @DisplayName(
      "the mean budget duration, budget-years held / budgets ended, matches the closed form")
  void meanBudgetDuration() {
    // 4,000 budgets held on day 0, holders leaving at 0.5 a year, reviews stopping 30 %; 30 years,
    // so almost every budget ends within the horizon. Tolerance: 4 standard errors of a mean of
    // 4,000 durations (sd at most the mean) plus 1 % for months being twelfths of a year.
    double mu = 0.5;
    double stop = 0.3;
    Scenario s =
        TestScenarios.builder()
            .years(30)
            .slots(5000)
            .startingCaseload(4000)
            .referralsPerYear(0)
            .exitsPerYear(mu)
            .crisesPerYear(0)
            .budgets(
                budgets(
                    new OptionMixSpec(0, 0, 1), null, new ReviewSpec(0, stop, 0, null, null), 0),
                holders(4000, 1, 1))
            .build();
    MonthlyMetrics m = world(s, 17).run().metrics();
    double years = total(m, Measure.BUDGET_DAYS) / Segments.DAYS_PER_YEAR;
    double ended = total(m, Measure.BUDGETS_ENDED);
    double expected = meanDurationYears(mu, stop);
    assertThat(ended).isGreaterThan(3990);
    assertThat(years / ended)
        .isCloseTo(expected, within(4 * expected / Math.sqrt(4000) + 0.01 * expected));
    // Budgets end by leaving care or by a stop, and by nothing else here.
    assertThat(ended)
        .isEqualTo(total(m, Measure.BUDGET_HOLDERS_LEFT_CARE) + total(m, Measure.BUDGETS_STOPPED));
  }

  @Test
  @DisplayName(
      "budget spells of a run: Kaplan-Meier median ln2/rate and restricted mean (1-e^-rate T)/rate")
  void budgetSpellsKaplanMeier() {
    // 10,000 budgets held on day 0, holders leaving at 0.5 a year and nothing else ending a budget,
    // over 3 years: lengths Exp(0.5) censored at 3 (22 % still running). Median ln2/0.5 = 1.386,
    // restricted mean (1 - e^-1.5)/0.5 = 1.554. Standard errors: median 1/(rate sqrt n) = 0.02,
    // restricted mean sd(min(X, 3)) / sqrt n = 1.06 / 100 = 0.011; tolerances 4 of them.
    double mu = 0.5;
    int n = 10_000;
    Scenario s =
        TestScenarios.builder()
            .years(3)
            .slots(12_000)
            .startingCaseload(n)
            .referralsPerYear(0)
            .exitsPerYear(mu)
            .crisesPerYear(0)
            .budgets(
                budgets(new OptionMixSpec(0, 0, 1), null, new ReviewSpec(0, 0, 0, null, null), 0),
                holders(n, 1, 1))
            .build();
    World w = world(s, 19).run();
    phbsim.observe.BudgetSpells spells = w.budgetSpells();
    double[] years = new double[spells.count()];
    boolean[] censored = new boolean[spells.count()];
    int stillRunning = 0;
    for (int i = 0; i < years.length; i++) {
      years[i] = spells.days(i) / Segments.DAYS_PER_YEAR;
      censored[i] = spells.censored(i);
      stillRunning += censored[i] ? 1 : 0;
    }
    // A recount: one spell per budget; the censored ones are the holders at the end.
    MonthlyMetrics m = w.metrics();
    assertThat(years.length).isEqualTo(n);
    assertThat(years.length - stillRunning).isEqualTo((int) total(m, Measure.BUDGETS_ENDED));
    assertThat((double) stillRunning).isEqualTo(m.total(m.months() - 1, Measure.BUDGET_HOLDERS));
    var km = phbsim.report.KaplanMeier.of(years, censored, years.length);
    double horizon = w.metrics().months() / 12.0;
    assertThat(km.median()).isCloseTo(Math.log(2) / mu, within(0.08));
    assertThat(km.restrictedMean(horizon))
        .isCloseTo((1 - Math.exp(-mu * horizon)) / mu, within(0.045));
  }

  @Test
  @DisplayName(
      "places in use count holders' share of a place; block cost per person divides by the caseload"
          + " only")
  void teamMeasuresDivideWhatTheirLabelsSay() {
    // 400 people, 150 of them holding a budget from day 0 that keeps a quarter of a place of team
    // contact; people leave at 0.5 a year and 100 are referred a year, so caseload and holders
    // move. Recounted at each month end from the people's record and the ledger:
    //   places in use (utilisation) x places = people on the caseload + 0.25 x budget holders;
    //   block cost per person x people on the caseload = the month's block payments (holders not
    //   counted), as the labels say.
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .slots(500)
            .startingCaseload(400)
            .referralsPerYear(100)
            .exitsPerYear(0.5)
            .crisesPerYear(0)
            .budgets(
                budgets(new OptionMixSpec(0, 0, 1), null, new ReviewSpec(0, 0, 0, null, null), 0),
                new SegmentBudgetSpec(
                    150, 1200, 1.0, null, null, 1.0, 1.0, null, 0.25, null, null, null))
            .build();
    World w = world(s, 29).run();
    MonthlyMetrics m = w.metrics();
    var teams = w.teamMetrics();
    for (int month = 0; month < m.months(); month++) {
      double caseload = m.total(month, Measure.CASELOAD);
      double holders = m.total(month, Measure.BUDGET_HOLDERS);
      assertThat(teams.get(month, 0, phbsim.observe.TeamMeasure.CASELOAD)).isEqualTo(caseload);
      assertThat(
              teams.get(month, 0, phbsim.observe.TeamMeasure.UTILISATION)
                  * teams.get(month, 0, phbsim.observe.TeamMeasure.CAPACITY))
          .as("month %d", month)
          .isCloseTo(caseload + 0.25 * holders, within(1e-9));
      long block = 0;
      for (LedgerLine line :
          List.of(
              LedgerLine.BLOCK_CONTRACT_FIXED,
              LedgerLine.BLOCK_CONTRACT_STAFF,
              LedgerLine.POSTS_RELEASED,
              LedgerLine.STRANDED_FIXED_COSTS)) {
        block += w.ledger().amount(month, line);
      }
      // Compared in size: the sign a cost carries is the sign rule's business, not this test's.
      assertThat(
              Math.abs(teams.get(month, 0, phbsim.observe.TeamMeasure.COST_PER_PERSON) * caseload))
          .as("month %d", month)
          .isCloseTo(Math.abs(block / 100.0), within(1e-6));
    }
    assertThat(m.total(m.months() - 1, Measure.BUDGET_HOLDERS)).isPositive();
  }

  @Test
  @DisplayName("highest risk first offers budgets to the people with the highest crisis risk")
  void highestRiskFirst() {
    World w = world(targeted(Targeting.HIGHEST_RISK, 0.15), 23);
    List<Integer> holdersAtMonth0 = new ArrayList<>();
    List<Integer> onCaseloadBefore = new ArrayList<>();
    w.probe(
        month -> {
          if (month == 0) {
            for (int p = 0; p < w.people.count(); p++) {
              if (w.people.status[p] == People.ON_BUDGET) {
                holdersAtMonth0.add(p);
              }
              onCaseloadBefore.add(p);
            }
          }
        });
    w.run();
    // Nobody arrives or leaves, so everyone was on the caseload when offers were made; the 10
    // holders must be the 10 people of highest frailty (one segment: risk = rate x frailty).
    List<Integer> byFrailty = new ArrayList<>(onCaseloadBefore);
    byFrailty.sort(
        Comparator.comparingDouble((Integer p) -> -w.people.frailty[p]).thenComparing(p -> p));
    assertThat(holdersAtMonth0).containsExactlyInAnyOrderElementsOf(byFrailty.subList(0, 10));
    // The caseload left behind is less frail than before: its index fell below the mean of all.
    double all = 0;
    for (int p : onCaseloadBefore) {
      all += w.people.frailty[p];
    }
    assertThat(w.teamMetrics().get(0, 0, phbsim.observe.TeamMeasure.MEAN_FRAILTY_ON_CASELOAD))
        .isLessThan(all / onCaseloadBefore.size());
  }

  @Test
  @DisplayName(
      "able to manage first: the 10 offers go to people able to manage, all direct payments")
  void ableToManageFirst() {
    World w = world(targeted(Targeting.ABLE_TO_MANAGE_FIRST, 0.3), 29);
    int[] holders = {0};
    w.probe(
        month -> {
          if (month == 0) {
            for (int p = 0; p < w.people.count(); p++) {
              if (w.people.status[p] == People.ON_BUDGET) {
                holders[0]++;
                assertThat(w.people.ableToManage[p]).isTrue();
              }
            }
          }
        });
    w.run();
    assertThat(holders[0]).isEqualTo(10);
    assertThat(w.ledger().amount(1, LedgerLine.PHB_DIRECT_PAYMENTS)).isEqualTo(10 * 10_000);
    assertThat(w.ledger().amount(1, LedgerLine.PHB_NOTIONAL)).isZero();
  }

  @Test
  @DisplayName("offered at random, the management options follow the scenario's mix")
  void randomFollowsTheMix() {
    // 2,000 budgets held on day 0 (the same rule as offers): shares 15 / 5 / 80 %, binomial, 4 sd.
    Scenario s =
        TestScenarios.builder()
            .years(1)
            .slots(3000)
            .startingCaseload(2000)
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(0)
            .budgets(
                budgets(new OptionMixSpec(0.15, 0.05, 0.80), null, null, 0), holders(2000, 1, 1))
            .build();
    World w = world(s, 31);
    w.run();
    int[] count = new int[3];
    for (int p = 0; p < w.people.count(); p++) {
      count[w.budgets.option(p)]++;
    }
    double n = 2000;
    assertThat(count[Budgets.DIRECT_PAYMENT] / n)
        .isCloseTo(0.15, within(4 * Math.sqrt(0.15 * 0.85 / n)));
    assertThat(count[Budgets.THIRD_PARTY] / n)
        .isCloseTo(0.05, within(4 * Math.sqrt(0.05 * 0.95 / n)));
    assertThat(count[Budgets.NOTIONAL] / n).isCloseTo(0.80, within(4 * Math.sqrt(0.8 * 0.2 / n)));
  }

  /**
   * 100 people, frailty variance 1, nobody moving (crises so rare that none happens); 10 offers a
   * month in months 0 to 2, all accepted.
   */
  @Test
  @DisplayName(
      "the left-behind index is the mean frailty of the people on the caseload, recounted from"
          + " the people at every month end, with take-up falling with need, arrivals, exits and"
          + " crises")
  void leftBehindIndexAgainstARecount() {
    BudgetsSpec area =
        new BudgetsSpec(
            true,
            new OptionMixSpec(0.3, 0, 0.7),
            0,
            List.of(),
            0,
            0,
            new RolloutSpec(RolloutKind.TARGET, null, List.of(60), null, null, null, null),
            null,
            new ReviewSpec(0, 0.2, 0, null, null),
            0.0,
            null,
            null,
            null,
            new phbsim.scenario.TakeUpSpec(1.5, 1.0),
            null);
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .slots(400)
            .startingCaseload(300)
            .referralsPerYear(150)
            .exitsPerYear(0.4)
            .crisesPerYear(0.5)
            .frailtyVariance(0.8)
            .budgets(area, holders(0, 0.8, 1))
            .build();
    World w = world(s, 41);
    List<Double> recount = new ArrayList<>();
    w.probe(
        month -> {
          double sum = 0;
          int n = 0;
          for (int p = 0; p < w.people.count(); p++) {
            if (w.people.status[p] == People.ON_CASELOAD) {
              sum += w.people.frailty[p];
              n++;
            }
          }
          recount.add(n > 0 ? sum / n : Double.NaN);
        });
    w.run();
    assertThat(recount).hasSize(24);
    for (int month = 0; month < 24; month++) {
      assertThat(w.teamMetrics().get(month, 0, phbsim.observe.TeamMeasure.MEAN_FRAILTY_ON_CASELOAD))
          .as("month %d", month)
          .isCloseTo(recount.get(month), within(1e-9));
    }
    // With take-up falling with need, the people left grow frailer than the mean of 1.
    assertThat(recount.get(23)).isGreaterThan(1.05);
  }

  private static Scenario targeted(Targeting rule, double directPaymentShare) {
    return TestScenarios.builder()
        .years(1)
        .slots(200)
        .startingCaseload(100)
        .referralsPerYear(0)
        .exitsPerYear(0)
        .crisesPerYear(1e-9)
        .frailtyVariance(1)
        .budgets(
            budgets(
                new OptionMixSpec(directPaymentShare, 0, 1 - directPaymentShare),
                new RolloutSpec(RolloutKind.TARGET, null, List.of(30, 0), null, null, null, rule),
                null,
                0),
            holders(0, 1, 1))
        .build();
  }

  @Test
  @DisplayName("crisis-house stays are their own measure: not admissions, not bed days")
  void crisisHouseStays() {
    // Every crisis goes to a crisis house with room for all; nobody is admitted to the ward. The
    // house's nights are costed on their own line at £450 a night, and holders' budgets carry on
    // through a stay (notional £1,200 a year: 10,000p a month each, 50 holders).
    Scenario s =
        TestScenarios.builder()
            .years(1)
            .slots(200)
            .startingCaseload(100)
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(2)
            .crisisToWard(0)
            .crisisHouse(100, 1.0)
            .lengthOfStay(new DurationSpec(DurationFamily.FIXED, 5.0, null))
            .budgets(budgets(new OptionMixSpec(0, 0, 1), null, null, 0), holders(50, 1, 1))
            .build();
    World w = world(s, 37).run();
    MonthlyMetrics m = w.metrics();
    double crises = total(m, Measure.CRISES);
    assertThat(crises).isGreaterThan(100);
    assertThat(total(m, Measure.CRISIS_HOUSE_STAYS)).isEqualTo(crises);
    assertThat(total(m, Measure.ADMISSIONS)).isZero();
    assertThat(total(m, Measure.BED_DAYS)).isZero();
    double nights = total(m, Measure.CRISIS_HOUSE_NIGHTS);
    // Every stay is 5 nights; those still in the house at the horizon have fewer.
    assertThat(nights).isBetween(5 * crises - 5 * 100, 5 * crises);
    long costed = 0;
    for (int month = 0; month < 12; month++) {
      costed += w.ledger().amount(month, LedgerLine.CRISIS_HOUSE_NIGHTS);
      assertThat(w.ledger().amount(month, LedgerLine.BED_DAYS)).isZero();
      assertThat(w.ledger().amount(month, LedgerLine.PHB_NOTIONAL)).isEqualTo(50 * 10_000);
    }
    assertThat((double) costed).isCloseTo(nights * 45_000, within(12.0));
  }
}
