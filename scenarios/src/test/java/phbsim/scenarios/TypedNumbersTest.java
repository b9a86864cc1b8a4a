package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.scenario.Scenario;

/**
 * Values as a finance lead types them (issue 25, item 5): a pound sign, thousands separators and a
 * percentage for a share are read where their meaning is plain, in a file and in --set; where it is
 * not, the usual message.
 */
class TypedNumbersTest {
  private static final String DEFAULT = BuiltInScenarios.text("default");

  private static String edit(String from, String to) {
    assertThat(DEFAULT).contains(from);
    return DEFAULT.replaceFirst(java.util.regex.Pattern.quote(from), to);
  }

  @Test
  @DisplayName("£3,602, 5,000,000, 18% and 10% read as 3602, 5000000, 0.18 and 10 (a per cent)")
  void readAsTyped() {
    String text =
        edit("annualAllocation: 3602 ", "annualAllocation: £3,602 ")
            .replaceFirst("fixedPerYear: 5000000 ", "fixedPerYear: 5,000,000 ")
            .replaceFirst("restrictiveShare: 0.18 ", "restrictiveShare: 18% ")
            .replaceFirst("thirdPartyFeePercent: 10 ", "thirdPartyFeePercent: 10% ");
    Scenario s = ScenarioLoader.parse("typed.yaml", text, List.of());
    Scenario plain = BuiltInScenarios.load("default");
    assertThat(s.segments().get(0).budget().annualAllocation()).isEqualTo(3602);
    assertThat(s.services().get(0).community().contract().fixedPerYear()).isEqualTo(5_000_000);
    assertThat(s.budgets().restrictiveShare()).isEqualTo(0.18);
    assertThat(s.budgets().thirdPartyFeePercent()).isEqualTo(10);
    // The same scenario as the one written in plain numbers.
    assertThat(ScenarioYaml.write(s)).isEqualTo(ScenarioYaml.write(plain));
  }

  @Test
  @DisplayName("--set takes them too: budgets.restrictiveShare=18%, setUp[0].amount=£93,280")
  void overrides() {
    Scenario s =
        BuiltInScenarios.load(
            "default", List.of("budgets.restrictiveShare=25%", "budgets.setUp[0].amount=£100,000"));
    assertThat(s.budgets().restrictiveShare()).isEqualTo(0.25);
    assertThat(s.budgets().setUp().get(0).amount()).isEqualTo(100_000);
  }

  @Test
  @DisplayName(
      "a percentage of a whole number, a decimal comma and a fraction of a person are refused")
  void ambiguousRefused() {
    for (String[] bad :
        new String[][] {
          {"posts: 45 ", "posts: 45% "},
          {"posts: 45 ", "posts: 4,5 "},
          {"startingCaseload: 600 ", "startingCaseload: 600.5 "},
          {"restrictiveShare: 0.18 ", "restrictiveShare: 0,18 "}
        }) {
      assertThatThrownBy(() -> ScenarioLoader.parse("bad.yaml", edit(bad[0], bad[1]), List.of()))
          .as(bad[1])
          .isInstanceOf(ScenarioLoadException.class);
    }
  }
}
