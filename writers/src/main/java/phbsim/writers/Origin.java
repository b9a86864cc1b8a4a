package phbsim.writers;

import java.util.List;
import java.util.Map;

/**
 * Which scenario a set of results came from, as every output names it: the file (or built-in name)
 * it was read from, the scenario's own name inside it, and every override applied (--set), so that
 * a copied file that still calls itself {@code default}, or a run of 10 years from a file of 5, is
 * never read as the original.
 *
 * @param source the file or built-in name given (for a comparison, the arms given)
 * @param name the scenario's own name ({@code name:} inside the file)
 * @param overrides every {@code PATH=VALUE} applied, in the order given
 */
public record Origin(String source, String name, List<String> overrides) {
  public Origin {
    overrides = List.copyOf(overrides);
  }

  /**
   * The origin of a run from what run.json records of it ({@code source} or, for a comparison,
   * {@code arms}; {@code overrides}) and the scenario's own name.
   */
  static Origin of(Map<String, Object> describe, String name) {
    Object source = describe.get("source");
    if (source == null && describe.get("arms") instanceof List<?> arms) {
      source = String.join(" against ", arms.stream().map(String::valueOf).toList());
    }
    List<String> overrides =
        describe.get("overrides") instanceof List<?> l
            ? l.stream().map(String::valueOf).toList()
            : List.of();
    return new Origin(source == null ? name : String.valueOf(source), name, overrides);
  }

  /**
   * The scenario in a few words, for titles: "tiny", "my-area.yaml (default)", with ", --set
   * years=10" after it for each override.
   */
  public String label() {
    String what = source.equals(name) ? source : source + " (" + name + ")";
    return overrides.isEmpty() ? what : what + ", --set " + String.join(", --set ", overrides);
  }

  /**
   * The scenario in a sentence, for the notes of files and sheets: "Scenario my-area.yaml (its own
   * name: default), changed for this run (--set): years=10", or "..., as written".
   */
  public String sentence() {
    return "Scenario "
        + source
        + (source.equals(name) ? "" : " (its own name: " + name + ")")
        + (overrides.isEmpty()
            ? ", as written"
            : ", changed for this run (--set): " + String.join(", ", overrides));
  }
}
