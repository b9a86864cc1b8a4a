package phbsim.scenario;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Immutable copies of a scenario's lists that keep null items: an empty item in a file ("- ~") must
 * reach {@link phbsim.validation.ScenarioChecks}, which reports it with its path, rather than fail
 * the copy.
 */
final class Lists {
  private Lists() {}

  static <T> List<T> copyOf(List<T> list) {
    return list == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(list));
  }
}
