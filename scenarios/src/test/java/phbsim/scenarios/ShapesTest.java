package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.scenario.BranchSpec;
import phbsim.scenario.InpatientSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.ServiceSpec;

class ShapesTest {
  @Test
  @DisplayName("every hint for a text key names a text component of a scenario record")
  void hintsNameRealComponents() {
    List<String> textComponents = new ArrayList<>();
    for (Class<?> c :
        List.of(
            Scenario.class,
            SegmentSpec.class,
            ServiceSpec.class,
            BranchSpec.class,
            InpatientSpec.class)) {
      for (RecordComponent rc : c.getRecordComponents()) {
        if (rc.getType() == String.class) {
          textComponents.add(rc.getName());
        }
      }
    }
    assertThat(textComponents).containsAll(Shapes.TEXT_MEANING.keySet());
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
  @DisplayName("spelling suggestions only for near misses")
  void spelling() {
    List<String> keys = Shapes.keys(SegmentSpec.class);
    assertThat(Spelling.closest("referalsPerYear", keys)).isEqualTo("referralsPerYear");
    assertThat(Spelling.closest("Team", keys)).isEqualTo("team");
    assertThat(Spelling.closest("colour", keys)).isNull();
  }
}
