package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import phbsim.scenario.Scenario;

class ScenarioYamlTest {
  static List<String> names() {
    return BuiltInScenarios.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  @DisplayName("writing a built-in and loading the text gives an equal scenario")
  void roundTripsBuiltIns(String name) {
    Scenario s = BuiltInScenarios.load(name);
    String yaml = ScenarioYaml.write(s);
    assertThat(ScenarioLoader.parse("written.yaml", yaml, List.of())).isEqualTo(s);
    assertThat(ScenarioYaml.write(ScenarioLoader.parse("again.yaml", yaml, List.of())))
        .isEqualTo(yaml);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "name=true",
        "name='0.10'",
        "description=\"a: colon, and 'quotes'\"",
        "segments[0].referralsPerYear=0.1",
        "segments[0].crisesPerYear=1e-7",
        "services[ward].inpatient.costPerBedDay=574.99",
        "services[ward].inpatient.crisisHouse=true",
        "services[team].community.contract.noticeMonths=3",
        "money.inflationPercent=2.5"
      })
  @DisplayName("text that looks like another type and awkward numbers survive the round trip")
  void roundTripsAwkwardValues(String override) {
    Scenario s = ScenarioLoader.loadResource("bad/good.yaml", List.of(override));
    assertThat(ScenarioLoader.parse("written.yaml", ScenarioYaml.write(s), List.of())).isEqualTo(s);
  }

  @ParameterizedTest
  @MethodSource("names")
  @DisplayName("the written text writes defaults out and keys in record order")
  void writesEffectiveScenario(String name) {
    Scenario s = BuiltInScenarios.load(name);
    String yaml = ScenarioYaml.write(s);
    assertThat(yaml).startsWith("name: " + name + "\ndescription: ");
    assertThat(yaml).contains("\n    label: ").contains("\nstartDate: " + s.startDate() + "\n");
  }

  @ParameterizedTest
  @MethodSource("names")
  @DisplayName("the written text writes the money defaults out: notice, crisis house, money")
  void writesMoneyDefaults(String name) {
    String yaml = ScenarioYaml.write(BuiltInScenarios.load(name));
    assertThat(yaml)
        .contains("\n      contract:\n        fixedPerYear: ")
        .contains("\n        noticeMonths: 6\n")
        .contains("\n      crisisHouse: false\n")
        .contains("\nmoney:\n  inflationPercent: 0.0\n  discountRatePercent: 3.5\n");
  }

  @Test
  @DisplayName("budgets are written when the scenario has them, and only then")
  void writesBudgetsOnlyWhenPresent() {
    String withBudgets = ScenarioYaml.write(BuiltInScenarios.load("default"));
    assertThat(withBudgets)
        .contains("\nbudgets:\n  enabled: true\n  options:\n")
        .contains("\n  setUp:\n    - months: 12\n      amount: 93280.0\n")
        .contains("\n    budget:\n      startingHolders: 10\n");
    assertThat(ScenarioYaml.write(BuiltInScenarios.load("tiny")))
        .doesNotContain("budgets:")
        .doesNotContain("budget:");
  }

  @Test
  @DisplayName("the status quo of a scenario round-trips too")
  void roundTripsStatusQuo() {
    Scenario base = BuiltInScenarios.load("default").statusQuo();
    assertThat(ScenarioLoader.parse("written.yaml", ScenarioYaml.write(base), List.of()))
        .isEqualTo(base);
  }
}
