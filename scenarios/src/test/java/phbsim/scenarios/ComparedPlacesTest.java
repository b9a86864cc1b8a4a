package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.scenario.Scenario;

/**
 * Comparing places rather than options (issue 25, item 4): which settings of two status quos
 * differ, worked out by hand from the overrides that made them differ.
 */
class ComparedPlacesTest {

  private static Scenario defaultWith(String... overrides) {
    return BuiltInScenarios.load("default", List.of(overrides));
  }

  @Test
  @DisplayName("the same place, or a copy renamed or with other options, differs in nothing")
  void samePlace() {
    assertThat(ComparedArms.differences(defaultWith(), defaultWith())).isEmpty();
    assertThat(
            ComparedArms.differences(
                defaultWith(), defaultWith("name=my-area", "description=Our own copy")))
        .isEmpty();
    // An option is not the status quo: the roll-out's market size is not a difference of place.
    assertThat(
            ComparedArms.differences(defaultWith(), defaultWith("budgets.rollout.marketSize=500")))
        .isEmpty();
  }

  @Test
  @DisplayName("a price changed in the copy is the one difference, with both values")
  void priceChanged() {
    List<ComparedArms.Difference> d =
        ComparedArms.differences(
            defaultWith(), defaultWith("services[acute-ward].inpatient.costPerBedDay=600"));
    assertThat(d)
        .containsExactly(
            new ComparedArms.Difference(
                "services[acute-ward].inpatient.costPerBedDay", "575.0", "600.0"));
  }

  @Test
  @DisplayName("two changed settings are both listed, by the ids --set names them with")
  void twoChanged() {
    List<ComparedArms.Difference> d =
        ComparedArms.differences(
            defaultWith(), defaultWith("years=7", "segments[psychosis].crisesPerYear=0.9"));
    assertThat(d)
        .extracting(ComparedArms.Difference::path)
        .containsExactlyInAnyOrder("years", "segments[psychosis].crisesPerYear");
  }

  @Test
  @DisplayName("another built-in place is marked at its label in every table, the first is not")
  void labels() {
    ComparedArms c = ComparedArms.of(List.of("default:roll-out", "tiny"), List.of());
    assertThat(c.options().get(0).label()).doesNotContain("another place");
    assertThat(c.options().get(1).label()).contains("another place", "default's");
    assertThat(c.otherPlaces()).containsOnlyKeys(c.options().get(1).id());
    assertThat(c.otherPlacesText().get(0)).startsWith("Not the same place: tiny");
    assertThat(c.describe()).containsKey("otherPlaces");

    ComparedArms same =
        ComparedArms.of(List.of("default:roll-out", "default:roll-out-release-post"), List.of());
    assertThat(same.otherPlaces()).isEmpty();
    assertThat(same.otherPlacesText()).isEmpty();
    assertThat(same.warnings()).isEmpty();
  }
}
