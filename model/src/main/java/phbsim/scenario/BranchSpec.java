package phbsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Where people go when they leave service {@code from}: for a COMMUNITY team, when a crisis
 * happens; for INPATIENT and CRISIS services, at the end of the stay or episode. {@code to} maps
 * each destination to its probability; the probabilities sum to 1. The destination {@code home}
 * means back to where the person came from (their community team).
 */
public record BranchSpec(String from, Map<String, Double> to) {
  /** The destination that means "back to where the person came from". */
  public static final String HOME = "home";

  public BranchSpec {
    to = to == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(to));
  }
}
