package phbsim.scenario;

import java.util.List;

/**
 * A community team's block contract: a fixed annual part (estates, management) and a cost per
 * caseload-carrying post, paid in 12 equal monthly instalments (docs/sources.md: the conventional
 * way block contracts are paid; no published source).
 *
 * @param fixedPerYear pounds a year that do not depend on the number of posts
 * @param costPerPostPerYear pounds a year per whole-time post
 * @param noticeMonths months between the decision to take posts out and the saving (default 6:
 *     docs/model.md section 4; at least 3 is good practice, docs/sources.md [nao-decommissioning])
 * @param releases planned decisions to take posts out (default none)
 * @param unbundling yearly contract reviews that release posts a low caseload leaves unused
 *     (default: none)
 * @param priceYear the financial year of the prices above, such as 2023/24 (default: money's
 *     priceYear)
 */
public record ContractSpec(
    @Price double fixedPerYear,
    @Price double costPerPostPerYear,
    @Optional Integer noticeMonths,
    @Optional List<ReleaseSpec> releases,
    @Optional UnbundlingSpec unbundling,
    @Optional String priceYear) {
  /** Default notice period, docs/model.md section 4. */
  public static final int DEFAULT_NOTICE_MONTHS = 6;

  public ContractSpec {
    noticeMonths = noticeMonths == null ? DEFAULT_NOTICE_MONTHS : noticeMonths;
    releases = Lists.copyOf(releases);
  }

  /** The same contract with other releases and unbundling (for the status quo). */
  public ContractSpec with(List<ReleaseSpec> newReleases, UnbundlingSpec newUnbundling) {
    return new ContractSpec(
        fixedPerYear, costPerPostPerYear, noticeMonths, newReleases, newUnbundling, priceYear);
  }
}
