package phbsim.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.MoneySpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Problem;
import phbsim.scenario.ReviewSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.scenario.SetUpSpec;
import phbsim.testing.TestScenarios;

/** The checks of price years, the review's retired key and named options. */
class NewSettingsChecksTest {

  private static List<Problem> problems(Scenario s) {
    return ScenarioChecks.check(s);
  }

  @Test
  @DisplayName(
      "a bed-based service's set-up is for a service the options bring in; costs are not negative")
  void serviceSetUpAndStandingCost() {
    assertThat(
            problems(
                TestScenarios.builder()
                    .crisisHouse(2, 0.3)
                    .houseCosts(25_000.0, 60_000.0, false)
                    .build()))
        .isEmpty();
    assertThat(
            problems(
                TestScenarios.builder()
                    .crisisHouse(2, 0.3)
                    .houseCosts(25_000.0, 60_000.0, true)
                    .build()))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).endsWith(".inpatient.setUpCost");
              assertThat(p.message()).contains("found £25,000", "inStatusQuo: false");
            });
    assertThat(
            problems(
                TestScenarios.builder().crisisHouse(2, 0.3).houseCosts(null, -1.0, true).build()))
        .extracting(Problem::path)
        .singleElement()
        .asString()
        .endsWith(".inpatient.fixedPerYear");
  }

  @Test
  @DisplayName("a price year must be written like 2023/24 and the cost index must reach it")
  void priceYears() {
    assertThat(problems(withMoney("2023/24", null))).isEmpty();
    List<Problem> bad = problems(withMoney("2023-24", null));
    assertThat(bad)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("money.priceYear");
              assertThat(p.message()).contains("found '2023-24'", "like 2023/24");
            });
    List<Problem> old = problems(withMoney("2005/06", null));
    assertThat(old)
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("money.priceYear");
              assertThat(p.message()).contains("no figure for 2006/07", "money.costIndex");
            });
    // A scenario's own figures can fill the gap.
    assertThat(
            problems(
                TestScenarios.builder()
                    .money(new MoneySpec(null, null, "2008/09", null, Map.of("2009/10", 3.0)))
                    .build()))
        .isEmpty();
    assertThat(problems(withMoney("2023/24", "2026-27")))
        .extracting(Problem::path)
        .containsExactly("money.priceBase");
    List<Problem> setUp =
        problems(
            TestScenarios.builder()
                .budgets(
                    new BudgetsSpec(
                        true,
                        new OptionMixSpec(0, 0, 1),
                        0,
                        List.of(new SetUpSpec(12, 1000, "2010-11")),
                        0,
                        0,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null),
                    null)
                .build());
    assertThat(setUp).extracting(Problem::path).containsExactly("budgets.setUp[0].priceYear");
  }

  private static Scenario withMoney(String priceYear, String priceBase) {
    return TestScenarios.builder()
        .money(new MoneySpec(null, null, priceYear, priceBase, null))
        .build();
  }

  @Test
  @DisplayName("endRecovered is refused, naming the one recovery mechanism")
  void endRecoveredRetired() {
    Scenario s =
        TestScenarios.builder()
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
                    new ReviewSpec(0.1, 0.1, 0.2, null, 0.1),
                    null,
                    null,
                    null,
                    null),
                new SegmentBudgetSpec(
                    0, 1, 1, null, null, null, null, null, null, null, null, null))
            .build();
    assertThat(problems(s))
        .singleElement()
        .satisfies(
            p -> {
              assertThat(p.path()).isEqualTo("budgets.review.endRecovered");
              assertThat(p.message()).contains("exitsPerYear", "remove it");
            });
  }

  @Test
  @DisplayName("options need unique ids and changes written path=value")
  void options() {
    Scenario base = TestScenarios.builder().build();
    Scenario s =
        new Scenario(
            base.name(),
            null,
            base.startDate(),
            base.years(),
            base.segments(),
            base.services(),
            base.pathway(),
            null,
            base.money(),
            base.budgets(),
            List.of(
                new OptionSpec("a", null, null, List.of("years=2")),
                new OptionSpec("a", null, null, List.of("years")),
                new OptionSpec("status-quo", null, null, List.of("options[0].id=b"))),
            null,
            null,
            null);
    assertThat(problems(s))
        .extracting(Problem::path)
        .containsExactly(
            "options[1].id", "options[1].set[0]", "options[2].id", "options[2].set[0]");
  }
}
