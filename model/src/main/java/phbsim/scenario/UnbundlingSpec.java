package phbsim.scenario;

/**
 * Contract reviews that take posts out of a team's block contract when its caseload has stayed low
 * (MODEL.md section 4, "contract review").
 *
 * @param reviewPeriod the accounting period of the yearly review, 1 (April) to 12 (default 1)
 * @param threshold the share of the team's slots the caseload must have stayed at or below
 * @param heldMonths the month ends over which it must have stayed there
 * @param minimumPosts the smallest viable team: posts never go below this
 */
public record UnbundlingSpec(
    @Optional Integer reviewPeriod, double threshold, int heldMonths, double minimumPosts) {
  public UnbundlingSpec {
    reviewPeriod = reviewPeriod == null ? 1 : reviewPeriod;
  }
}
