package phbsim.scenario;

/**
 * Contract reviews that take posts out of a team's block contract when its caseload has stayed low
 * (docs/model.md section 4, "contract review").
 *
 * @param reviewPeriod the accounting period of the yearly review, 1 (April) to 12 (default 1)
 * @param threshold the share of the team's slots the caseload must have stayed at or below
 * @param heldMonths the month ends over which it must have stayed there
 * @param minimumPosts the smallest viable team: posts never go below this
 * @param happensAnyway true if these reviews happen whatever the commissioner decides about
 *     budgets, so they are part of the status quo too (default false: the unbundling rule belongs
 *     to the option)
 */
public record UnbundlingSpec(
    @Optional Integer reviewPeriod,
    double threshold,
    int heldMonths,
    double minimumPosts,
    @Optional Boolean happensAnyway) {
  public UnbundlingSpec {
    reviewPeriod = reviewPeriod == null ? 1 : reviewPeriod;
    happensAnyway = happensAnyway != null && happensAnyway;
  }
}
