package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.Comparison;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.money.LedgerLine;
import phbsim.money.Money;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.MoneySpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.Payment;
import phbsim.scenario.ReleaseSpec;
import phbsim.scenario.RolloutKind;
import phbsim.scenario.RolloutSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.scenario.SetUpSpec;
import phbsim.testing.TestScenarios;

/**
 * The status quo, options on common random numbers, cash against capacity and the one sign rule
 * (docs/model.md section 5).
 */
class AppraisalTest {

  private static BudgetsSpec budgets(RolloutSpec rollout, List<SetUpSpec> setUp) {
    return new BudgetsSpec(
        true,
        new OptionMixSpec(0, 0, 1),
        0,
        setUp,
        0,
        0,
        rollout,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static SegmentBudgetSpec holders(int n, double crisisEffect) {
    return new SegmentBudgetSpec(
        n, 1200, 1.0, null, null, crisisEffect, null, null, null, null, null, null);
  }

  @Test
  @DisplayName("the status quo keeps held budgets and drops offers, set-up and planned releases")
  void statusQuoOfAScenario() {
    Scenario s =
        TestScenarios.builder()
            .release(LocalDate.of(2027, 1, 1), 2)
            .budgets(
                budgets(
                    new RolloutSpec(RolloutKind.TARGET, null, List.of(10), null, null, null, null),
                    List.of(new SetUpSpec(12, 50_000, null))),
                holders(5, 0.5))
            .build();
    Scenario sq = s.statusQuo();
    assertThat(sq.budgets().rollout().kind()).isEqualTo(RolloutKind.NONE);
    assertThat(sq.budgets().setUp()).isEmpty();
    assertThat(sq.segments().get(0).budget().startingHolders()).isEqualTo(5);
    assertThat(sq.services().get(0).community().contract().releases()).isEmpty();
    // A release marked as happening anyway stays in the status quo.
    ReleaseSpec kept = new ReleaseSpec(LocalDate.of(2027, 1, 1), 2.0, true);
    var contract = s.services().get(0).community().contract().with(List.of(kept), null);
    var team =
        new phbsim.scenario.ServiceSpec(
            "team",
            phbsim.scenario.ServiceKind.COMMUNITY,
            null,
            new phbsim.scenario.CommunitySpec(10, 30, contract),
            null,
            null);
    List<phbsim.scenario.ServiceSpec> services = new java.util.ArrayList<>(s.services());
    services.set(0, team);
    Scenario withAnyway =
        new Scenario(
            s.name(),
            null,
            s.startDate(),
            s.years(),
            s.segments(),
            services,
            s.pathway(),
            null,
            s.money(),
            s.budgets(),
            null,
            null,
            null,
            null);
    assertThat(withAnyway.statusQuo().services().get(0).community().contract().releases())
        .containsExactly(kept);
    // A service the options bring in has no beds in the status quo.
    var house =
        new phbsim.scenario.InpatientSpec(
            4,
            new phbsim.scenario.DurationSpec(phbsim.scenario.DurationFamily.FIXED, 7.0, null),
            "ward",
            450,
            750,
            true,
            null,
            false,
            null);
    assertThat(house.asInStatusQuo().beds()).isZero();
    assertThat(house.beds()).isEqualTo(4);
  }

  @Test
  @DisplayName(
      "an option that only adds cost reads negative everywhere: saving, NPV, no break-even")
  void oneSignRule() {
    // Budgets already held and nothing else: the only difference is the set-up cost of £12,000
    // in the first year (at face value, 2026/27 prices), so every figure is exactly -12,000.
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .budgets(budgets(null, List.of(new SetUpSpec(12, 12_000, null))), holders(5, 1))
            .build();
    ComparisonResult r = Comparison.run(s, new RunSpec(3, 7, 1));
    for (Position p : Position.values()) {
      assertThat(r.netSaving(p).mean()).isEqualTo(-12_000.0);
      assertThat(r.npv(p).mean()).isEqualTo(-12_000.0); // year 0 is not discounted
      assertThat(r.breakEvenMonthOfMean(p)).isEmpty();
      assertThat(r.shareBreakingEven(p)).isZero();
    }
    assertThat(r.horizon(Arm.DIFFERENCE, LedgerLine.PHB_SET_UP).mean()).isEqualTo(-12_000.0);
    assertThat(r.annual(Arm.DIFFERENCE, 0, null).mean()).isEqualTo(-12_000.0);
    // The arms add up: saving = status quo total - option total, replication by replication.
    assertThat(r.horizon(Arm.STATUS_QUO, null).mean() - r.horizon(Arm.OPTION, null).mean())
        .isCloseTo(-12_000.0, within(1e-6));
  }

  @Test
  @DisplayName("in cash terms the NPV discounts at the nominal rate (1.035 x 1.02 - 1)")
  void nominalRateInCashTerms() {
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .money(new MoneySpec(2.0, 3.5, null, null, null))
            .budgets(
                budgets(null, List.of(new SetUpSpec(12, 0, null), new SetUpSpec(12, 12_000, null))),
                holders(5, 1))
            .build();
    ComparisonResult r = Comparison.run(s, new RunSpec(1, 7, 1));
    assertThat(r.discountRate()).isCloseTo(1.035 * 1.02 - 1, within(1e-15));
    // £12,000 in year 2, uplifted 2 % that April, discounted one year at the nominal rate.
    double cash = Money.times(1_200_000, 1.02) / 100.0;
    assertThat(r.netSaving(Position.CASH).mean()).isEqualTo(-cash);
    assertThat(r.npv(Position.CASH).mean()).isCloseTo(-cash / (1.035 * 1.02), within(0.01));
  }

  @Test
  @DisplayName("bed days in a block-funded ward are capacity: they move the economic position only")
  void cashAgainstCapacity() {
    // Holders' crises are halved, so fewer admissions and bed days. With the ward paid per day
    // the bed days avoided are cash; in a block they are capacity. Same random numbers either
    // way, so the economic positions are equal and the cash positions differ by exactly the bed
    // days avoided.
    TestScenarios base =
        TestScenarios.builder()
            .years(2)
            .startingCaseload(200)
            .slots(300)
            .crisesPerYear(2)
            .crisisToWard(0.5)
            .beds(100)
            .budgets(budgets(null, List.of()), holders(150, 0.5));
    RunSpec run = new RunSpec(4, 3, 1);
    // The option here is the held budgets switched on against having none: an appraisal of two
    // explicit arms.
    Scenario withBudgets = base.build();
    Scenario none = withBudgets.withBudgets(withBudgets.budgets().disabled());
    ComparisonResult perCase =
        Appraisal.run(none, List.of(new OptionArm("budgets", "Budgets", withBudgets)), run).first();
    Scenario blockWith = base.wardPayment(Payment.BLOCK).build();
    Scenario blockNone = blockWith.withBudgets(blockWith.budgets().disabled());
    ComparisonResult block =
        Appraisal.run(blockNone, List.of(new OptionArm("budgets", "Budgets", blockWith)), run)
            .first();
    double bedDaysAvoided = perCase.horizon(Arm.DIFFERENCE, LedgerLine.BED_DAYS).mean();
    assertThat(bedDaysAvoided).isPositive();
    assertThat(block.horizon(Arm.DIFFERENCE, LedgerLine.BED_DAYS_BLOCK).mean())
        .isEqualTo(bedDaysAvoided);
    assertThat(block.horizon(Arm.OPTION, LedgerLine.BED_DAYS).mean()).isZero();
    assertThat(block.netSaving(Position.ECONOMIC).mean())
        .isCloseTo(perCase.netSaving(Position.ECONOMIC).mean(), within(1e-6));
    // With the ward paid per day, the only capacity left is the community team's places: the
    // holders' places given up, left empty, count in the economic position only.
    double placesFreed = perCase.horizon(Arm.DIFFERENCE, LedgerLine.COMMUNITY_PLACES_EMPTY).mean();
    assertThat(placesFreed).isPositive();
    assertThat(perCase.netSaving(Position.CASH).mean())
        .isCloseTo(perCase.netSaving(Position.ECONOMIC).mean() - placesFreed, within(1e-6));
    assertThat(block.netSaving(Position.CASH).mean())
        .isCloseTo(perCase.netSaving(Position.CASH).mean() - bedDaysAvoided, within(1e-6));
    assertThat(LedgerLine.BED_DAYS_BLOCK.cash()).isFalse();
    assertThat(LedgerLine.OUT_OF_AREA_PLACEMENTS.cash()).isTrue();
  }

  @Test
  @DisplayName("an option compared with itself gives exactly zero difference, every line and month")
  void optionAgainstItself() {
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .budgets(
                budgets(
                    new RolloutSpec(RolloutKind.TARGET, null, List.of(9), null, null, null, null),
                    List.of()),
                holders(5, 0.7))
            .build();
    AppraisalResult r =
        Appraisal.run(s, List.of(new OptionArm("same", "The same", s)), new RunSpec(3, 5, 2));
    ComparisonResult c = r.first();
    for (int m = 0; m < 24; m++) {
      for (LedgerLine line : LedgerLine.values()) {
        Summary d = c.monthly(Arm.DIFFERENCE, m, line);
        assertThat(d.rangeLow()).isZero();
        assertThat(d.rangeHigh()).isZero();
      }
    }
    assertThat(c.option().digest()).isEqualTo(c.statusQuo().digest());
  }
}
