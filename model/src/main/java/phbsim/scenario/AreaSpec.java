package phbsim.scenario;

import java.util.List;

/**
 * One area of a scenario that holds several side by side (docs/model.md section 9): a place with
 * its own population, services, prices and budget programme, written as the scenario's own place
 * (its shared defaults), scaled and changed.
 *
 * @param id a short id, used in output files and folders
 * @param label a name for people (default: the id)
 * @param population the people living in the area, for the comparison per 100,000 population
 * @param scale multiplies the shared place's head counts, referrals, posts, beds, contracts' fixed
 *     parts, the roll-out's market size and the planners (default 1: the shared place as written);
 *     prices, rates and the set-up are not scaled
 * @param set the area's own changes, each written as {@code path=value} as {@code --set} takes it,
 *     applied after the scaling (default none)
 */
public record AreaSpec(
    String id,
    @Optional String label,
    double population,
    @Optional Double scale,
    @Optional List<String> set) {
  public AreaSpec {
    label = label == null ? id : label;
    scale = scale == null ? 1.0 : scale;
    set = Lists.copyOf(set);
  }
}
