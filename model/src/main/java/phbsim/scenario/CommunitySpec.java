package phbsim.scenario;

/**
 * The capacity of a community team and its contract: caseload slots = posts x caseload per post. A
 * referral that finds the caseload full joins the team's waiting list (first come, first served).
 *
 * @param posts staff posts carrying a caseload (whole-time equivalents; fractions allowed)
 * @param caseloadPerPost people per full-time post
 * @param contract how the team is paid
 */
public record CommunitySpec(double posts, int caseloadPerPost, ContractSpec contract) {
  /** Caseload slots, rounded down to whole people. */
  public int slots() {
    return (int) Math.floor(posts * caseloadPerPost + 1e-9);
  }
}
