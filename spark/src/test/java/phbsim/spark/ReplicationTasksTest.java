package phbsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import phbsim.report.ComparisonTables.Shape;

/** How the options of a place share their status quo's figures in the Spark aggregation. */
class ReplicationTasksTest {
  private static final int[][] YEARS = {{0, 1}, {2, 3}};

  @Test
  void optionsLaidOutAlikeShareOneGroupWhateverTheirDiscountRate() {
    Shape a = new Shape(4, YEARS, 2, new int[] {0, 3}, 0.035);
    Shape b = new Shape(4, YEARS, 2, new int[] {0, 3}, 0.05);
    Shape otherTeams = new Shape(4, YEARS, 2, new int[] {0}, 0.035);
    List<ReplicationTasks.Group> groups = ReplicationTasks.Group.of(List.of(a, otherTeams, b));
    assertThat(groups).hasSize(2);
    assertThat(groups.get(0).options()).containsExactly(0, 2);
    assertThat(groups.get(0).shapes()).containsExactly(a, b);
    assertThat(groups.get(1).options()).containsExactly(1);
    assertThat(ReplicationTasks.Group.of(List.of(a, b))).hasSize(1);
  }
}
