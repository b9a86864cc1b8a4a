package phbsim.scenario;

import java.util.List;

/**
 * A community team's block contract: a fixed annual part (estates, management) and a cost per
 * caseload-carrying post, paid in 12 equal monthly instalments (CALIBRATION.md C: the conventional
 * way block contracts are paid).
 *
 * @param fixedPerYear pounds a year that do not depend on the number of posts
 * @param costPerPostPerYear pounds a year per whole-time post
 * @param noticeMonths months between the decision to take posts out and the saving (default 6:
 *     MODEL.md section 4; CALIBRATION.md B gives at least 3 as good practice)
 * @param releases planned decisions to take posts out (default none)
 * @param unbundling yearly contract reviews that release posts a low caseload leaves unused
 *     (default: none)
 */
public record ContractSpec(
    double fixedPerYear,
    double costPerPostPerYear,
    @Optional Integer noticeMonths,
    @Optional List<ReleaseSpec> releases,
    @Optional UnbundlingSpec unbundling) {
  /** Default notice period, MODEL.md section 4. */
  public static final int DEFAULT_NOTICE_MONTHS = 6;

  public ContractSpec {
    noticeMonths = noticeMonths == null ? DEFAULT_NOTICE_MONTHS : noticeMonths;
    releases = Lists.copyOf(releases);
  }
}
