package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.RolloutKind;
import phbsim.scenario.RolloutSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.testing.TestScenarios;

/** The unit-cost block per budget-holder-year (issue 20, item 16). */
class UnitCostsTest {

  /** Notional budgets of £1,200 a year, all spent, no infrastructure cost, 10 offers a quarter. */
  private static Scenario scenario() {
    return scenario(1);
  }

  private static Scenario scenario(double crisesPerYear) {
    return TestScenarios.builder()
        .years(2)
        .startingCaseload(300)
        .slots(400)
        .crisesPerYear(crisesPerYear)
        .crisisToWard(0.4)
        .beds(10)
        .budgets(
            new BudgetsSpec(
                true,
                new OptionMixSpec(0, 0, 1),
                0,
                List.of(),
                0,
                0,
                new RolloutSpec(RolloutKind.TARGET, null, List.of(10), null, null, null, null),
                null,
                null,
                null,
                null,
                null,
                null),
            new SegmentBudgetSpec(
                0, 1200, 1.0, null, null, 0.5, null, null, null, null, null, null))
        .build();
  }

  @Test
  @DisplayName(
      "a notional budget of £1,200 a year, all spent, costs at most £1,200 a holder-year; no"
          + " infrastructure is paid")
  void budgetPaidWorkedByHand() {
    // No crises, so no budget is paused for a stay in hospital.
    Scenario s = scenario(0);
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), List.of(new OptionArm("o", "O", s)), new RunSpec(4, 3, 2))
            .first();
    UnitCosts.Figures f = UnitCosts.of(c);
    assertThat(f.holderYears().mean()).isPositive();
    // Never more than the allocation: every pound is paid for a day held. Less by the days between
    // a plan's sign-off and the first month it is paid (a budget is paid from the month after
    // sign-off, docs/model.md section 6.4), about half a month of each budget's first year, which
    // with budgets held well under two years here is at most 15 %.
    assertThat(f.budgetsPaid().mean()).isBetween(1200 * 0.85, 1200.0);
    assertThat(f.infrastructurePaid().mean()).isCloseTo(0, within(1e-9));
  }

  @Test
  @DisplayName(
      "the block reconciles with the economic net saving: (budgets + infrastructure - other care"
          + " saved) x holder-years is what the option costs")
  void reconcilesWithTheNetSaving() {
    Scenario s = scenario();
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), List.of(new OptionArm("o", "O", s)), new RunSpec(1, 9, 1))
            .first();
    UnitCosts.Figures f = UnitCosts.of(c);
    double years = f.holderYears().mean();
    double economicCost =
        (f.budgetsPaid().mean() + f.infrastructurePaid().mean() - f.otherCareSavedEconomic().mean())
            * years;
    assertThat(economicCost).isCloseTo(-c.netSaving(Position.ECONOMIC).mean(), within(1e-6));
    double cashCost =
        (f.budgetsPaid().mean() + f.infrastructurePaid().mean() - f.otherCareSavedCash().mean())
            * years;
    assertThat(cashCost).isCloseTo(-c.netSaving(Position.CASH).mean(), within(1e-6));
  }

  @Test
  @DisplayName("the pilot's 2010/11 figures are brought to the price base by the cost index")
  void pilotAtPriceBase() {
    Scenario s = scenario();
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), List.of(new OptionArm("o", "O", s)), new RunSpec(1, 9, 1))
            .first();
    // The project's NHS cost index takes 2010/11 to 2026/27 at about x1.47 (docs/sources.md).
    assertThat(UnitCosts.pilotAtPriceBase(c, 3602) / 3602).isBetween(1.44, 1.50);
  }
}
