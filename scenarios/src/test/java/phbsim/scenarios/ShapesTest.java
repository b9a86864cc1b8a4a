package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.scenario.BranchSpec;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.CommunitySpec;
import phbsim.scenario.ContractSpec;
import phbsim.scenario.InpatientSpec;
import phbsim.scenario.MoneySpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.ServiceSpec;

class ShapesTest {
  /** Every record type a scenario file can hold, found from Scenario by reflection. */
  private static Set<Class<?>> reachableRecords() {
    Set<Class<?>> found = new LinkedHashSet<>();
    List<Type> todo = new ArrayList<>(List.of(Scenario.class));
    while (!todo.isEmpty()) {
      Type t = todo.remove(todo.size() - 1);
      if (Shapes.isList(t)) {
        todo.add(Shapes.listElement(t));
      } else if (Shapes.isMap(t)) {
        todo.add(Shapes.mapValue(t));
      } else if (Shapes.isRecord(t) && found.add(Shapes.raw(t))) {
        for (RecordComponent c : Shapes.components(t)) {
          todo.add(c.getGenericType());
        }
      }
    }
    return found;
  }

  @Test
  @DisplayName("every hint for a text key names a text component of a scenario record")
  void hintsNameRealComponents() {
    List<String> textComponents = new ArrayList<>();
    for (Class<?> c : reachableRecords()) {
      for (RecordComponent rc : c.getRecordComponents()) {
        if (rc.getType() == String.class) {
          textComponents.add(rc.getName());
        }
      }
    }
    assertThat(textComponents).containsAll(Shapes.TEXT_MEANING.keySet());
  }

  @Test
  @DisplayName(
      "every component type of every scenario record, the money ones included, is one the"
          + " structure walk supports")
  void walkSupportsEveryComponent() {
    Set<Class<?>> records = reachableRecords();
    assertThat(records)
        .contains(
            ContractSpec.class,
            MoneySpec.class,
            BudgetsSpec.class,
            phbsim.scenario.OptionMixSpec.class,
            phbsim.scenario.SetUpSpec.class,
            phbsim.scenario.SegmentBudgetSpec.class);
    Set<Class<?>> scalars =
        Set.of(
            String.class,
            LocalDate.class,
            int.class,
            Integer.class,
            double.class,
            Double.class,
            boolean.class,
            Boolean.class);
    for (Class<?> r : records) {
      for (RecordComponent c : r.getRecordComponents()) {
        Type t = c.getGenericType();
        Class<?> raw = Shapes.raw(t);
        boolean supported =
            raw.isRecord() || raw.isEnum() || scalars.contains(raw) || Shapes.isList(t);
        if (Shapes.isMap(t)) {
          Type key = ((java.lang.reflect.ParameterizedType) t).getActualTypeArguments()[0];
          supported = key == String.class;
        }
        assertThat(supported).as("%s.%s of type %s", r.getSimpleName(), c.getName(), t).isTrue();
        assertThat(Shapes.describe(c)).as("%s.%s", r.getSimpleName(), c.getName()).isNotBlank();
      }
    }
  }

  @Test
  @DisplayName("keys, optional marks and descriptions come from the records")
  void readsTheRecords() {
    assertThat(Shapes.keys(BranchSpec.class)).containsExactly("from", "to");
    assertThat(Shapes.identifyingKey(BranchSpec.class)).isEqualTo("from");
    assertThat(Shapes.identifyingKey(SegmentSpec.class)).isEqualTo("id");
    assertThat(Shapes.isOptional(Shapes.component(SegmentSpec.class, "label"))).isTrue();
    assertThat(Shapes.isOptional(Shapes.component(SegmentSpec.class, "team"))).isFalse();
    assertThat(
            Shapes.describe(Shapes.component(SegmentSpec.class, "exitsPerYear").getGenericType()))
        .isEqualTo("a map of names to numbers");
  }

  @Test
  @DisplayName("the money records: required and optional parts, and how their values are described")
  void readsTheMoneyRecords() {
    assertThat(Shapes.keys(Scenario.class))
        .endsWith(
            "pathway",
            "primaryCare",
            "money",
            "budgets",
            "options",
            "uncertainty",
            "areas",
            "startingPopulation");
    assertThat(Shapes.isOptional(Shapes.component(Scenario.class, "money"))).isTrue();
    assertThat(Shapes.isOptional(Shapes.component(Scenario.class, "budgets"))).isTrue();
    assertThat(Shapes.isOptional(Shapes.component(CommunitySpec.class, "contract"))).isFalse();
    assertThat(Shapes.isOptional(Shapes.component(ContractSpec.class, "noticeMonths"))).isTrue();
    assertThat(Shapes.isOptional(Shapes.component(InpatientSpec.class, "costPerBedDay"))).isFalse();
    assertThat(Shapes.isOptional(Shapes.component(SegmentSpec.class, "budget"))).isTrue();
    assertThat(Shapes.describe(Shapes.component(CommunitySpec.class, "contract")))
        .isEqualTo(
            "a map with keys fixedPerYear, costPerPostPerYear, noticeMonths, releases, unbundling,"
                + " priceYear");
    assertThat(Shapes.describe(Shapes.component(BudgetsSpec.class, "setUp")))
        .isEqualTo("a list (each item a map with keys months, amount, priceYear)");
    assertThat(Shapes.describe(Shapes.component(InpatientSpec.class, "crisisHouse")))
        .isEqualTo("true or false");
    assertThat(Shapes.describe(Shapes.component(ContractSpec.class, "noticeMonths")))
        .isEqualTo("a whole number");
    assertThat(Shapes.identifyingKey(phbsim.scenario.SetUpSpec.class))
        .as("set-up stages are selected by index")
        .isNull();
    assertThat(Shapes.components(ServiceSpec.class)).hasSize(6);
  }

  @Test
  @DisplayName("spelling suggestions only for near misses")
  void spelling() {
    List<String> keys = Shapes.keys(SegmentSpec.class);
    assertThat(Spelling.closest("referalsPerYear", keys)).isEqualTo("referralsPerYear");
    assertThat(Spelling.closest("Team", keys)).isEqualTo("team");
    assertThat(Spelling.closest("colour", keys)).isNull();
    assertThat(Spelling.closest("costPerBedday", Shapes.keys(InpatientSpec.class)))
        .isEqualTo("costPerBedDay");
  }
}
