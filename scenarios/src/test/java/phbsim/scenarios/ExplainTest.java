package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** {@code phbsim explain}: a value, its line, its price year and its sources. */
class ExplainTest {

  private static Explain.Explanation explain(String name, String path) {
    return Explain.explain(name, BuiltInScenarios.text(name), BuiltInScenarios.load(name), path);
  }

  private static int lineOf(String name, String startsWith) {
    List<String> lines = BuiltInScenarios.text(name).lines().toList();
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith(startsWith)) {
        return i + 1;
      }
    }
    throw new AssertionError(startsWith + " is not in " + name);
  }

  @Test
  @DisplayName(
      "a price: its line, its year from money.priceYear, its worth at the price base, its source")
  void aPrice() {
    Explain.Explanation e = explain("default", "services[acute-ward].inpatient.costPerBedDay");
    assertThat(e.path()).isEqualTo("services[2].inpatient.costPerBedDay");
    assertThat(e.value()).isEqualTo("575.0");
    assertThat(e.line()).isEqualTo(lineOf("default", "costPerBedDay: 575"));
    assertThat(e.comment()).startsWith("[pssru-2024]");
    Explain.PriceNote p = e.price().orElseThrow();
    assertThat(p.year().label()).isEqualTo("2023/24");
    assertThat(p.yearFrom()).isEqualTo("money.priceYear");
    assertThat(p.base().label()).isEqualTo("2026/27");
    assertThat(p.factor()).isCloseTo(1.0402 * 1.0483 * 1.025, within(1e-12));
    assertThat(e.sources())
        .singleElement()
        .satisfies(
            s ->
                assertThat(s).startsWith("[pssru-2024] Unit Costs of Health and Social Care 2024"));
  }

  @Test
  @DisplayName("the pilot's budget is a 2010/11 price, the year of its own section")
  void aPilotPrice() {
    Explain.Explanation e = explain("default", "segments[complex].budget.annualAllocation");
    assertThat(e.price().orElseThrow().year().label()).isEqualTo("2010/11");
    assertThat(e.price().orElseThrow().yearFrom()).isEqualTo("segments[2].budget.priceYear");
    assertThat(e.sources()).singleElement().satisfies(s -> assertThat(s).contains("pilot-2016"));
  }

  @Test
  @DisplayName("a value that is not a price, an assumption, and a default the file leaves out")
  void othersAndDefaults() {
    Explain.Explanation crises = explain("default", "segments[psychosis].crisesPerYear");
    assertThat(crises.price()).isEmpty();
    assertThat(crises.comment()).startsWith("ASSUMPTION");
    assertThat(crises.sources()).isEmpty();
    Explain.Explanation notice = explain("tiny", "services[team].community.contract.noticeMonths");
    assertThat(notice.line()).isZero();
    assertThat(notice.value()).isEqualTo("6");
  }

  @Test
  @DisplayName("a path that leads nowhere, or to a section, is refused with what was expected")
  void badPaths() {
    assertThatThrownBy(() -> explain("tiny", "services[nowhere].beds"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("no item has id 'nowhere'");
    assertThatThrownBy(() -> explain("tiny", "services[team]"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected the path of a single value");
  }
}
