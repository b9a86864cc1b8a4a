package phbsim.scenario;

import java.util.List;

/**
 * One option a commissioner might take in the place the scenario describes (docs/model.md section
 * 5, "status quo" and "options"): a named set of changes to the scenario, each written as {@code
 * path=value} exactly as {@code --set} takes it. Every option runs against the status quo on the
 * same random numbers. Not to be confused with the management options of a budget ({@link
 * OptionMixSpec}).
 *
 * @param id a short id, used in output files
 * @param label a name for people (default: the id)
 * @param description what the option is and why it is considered (default empty)
 * @param set the changes, in order, such as {@code budgets.rollout.marketSize=300}; may be empty
 *     (the scenario as written)
 */
public record OptionSpec(
    String id, @Optional String label, @Optional String description, @Optional List<String> set) {
  public OptionSpec {
    label = label == null ? id : label;
    description = description == null ? "" : description;
    set = Lists.copyOf(set);
  }
}
