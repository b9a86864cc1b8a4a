package phbsim.service;

import phbsim.money.Instalments;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.money.Money;

/**
 * One community team's block contract over a run: the posts in force, releases made after their
 * notice period, and the monthly instalments it posts to the ledger.
 */
public final class BlockContract {
  /*
   * Design notes (policy: docs/model.md section 4 "contract review", section 5)
   *
   * 1. Instalments. Each financial year the contract is paid in 12 instalments, M1 to M12, that
   *    add up exactly to that year's annual value (Instalments spreads the odd pennies). The fixed
   *    part and the staffed part are posted on separate lines.
   *
   * 2. Releases. A decision to take posts out, made in month d, takes effect in month d +
   *    noticeMonths. From then on the staffed instalment is still shown in full and the released
   *    posts appear as a negative line, POSTS_RELEASED, so a finance lead sees the saving as a
   *    line of its own. The team's caseload slots shrink from the same month.
   *
   * 3. Stranded costs. The fixed part (estates, management) does not shrink with the posts. The
   *    share of it that belonged to the released posts, released / original posts, is moved
   *    from BLOCK_CONTRACT_FIXED to STRANDED_FIXED_COSTS: the total paid is unchanged, but the
   *    cost that the release could not save is visible.
   *
   * 4. Each release on its own (issue 20, item 11). When a TeamReleases record is attached, each
   *    month's saving and stranded share are split between the releases in force by their posts,
   *    the last taking the remainder, so the releases add up to the two ledger lines exactly.
   */

  private final int service;
  private final double originalPosts;
  private final long fixedPerYear;
  private final long costPerPostPerYear;
  private final int noticeMonths;
  private final int[] effectiveMonth = new int[16];
  private final double[] releasedPosts = new double[16];
  private final int[] recordIndex = new int[16];
  private int releases;
  private phbsim.observe.TeamReleases record;

  /**
   * @param service the team's service index, for the ledger
   * @param posts posts in the contract at the start
   * @param fixedPerYear pence a year, at the start's prices
   * @param costPerPostPerYear pence a year, at the start's prices
   */
  public BlockContract(
      int service, double posts, long fixedPerYear, long costPerPostPerYear, int noticeMonths) {
    this.service = service;
    this.originalPosts = posts;
    this.fixedPerYear = fixedPerYear;
    this.costPerPostPerYear = costPerPostPerYear;
    this.noticeMonths = noticeMonths;
  }

  /** Records each release made from now on, and its months' figures, in {@code into}. */
  public void recordInto(phbsim.observe.TeamReleases into) {
    this.record = into;
  }

  public int service() {
    return service;
  }

  public int noticeMonths() {
    return noticeMonths;
  }

  public double originalPosts() {
    return originalPosts;
  }

  /**
   * Decides, in month {@code decisionMonth}, to take {@code posts} out; they go in month
   * decisionMonth + noticeMonths.
   *
   * @return the month from which the posts are out
   */
  public int release(double posts, int decisionMonth) {
    return release(posts, decisionMonth, phbsim.observe.TeamReleases.Source.PLANNED);
  }

  /** As {@link #release(double, int)}, saying why, for the record of each release. */
  public int release(double posts, int decisionMonth, phbsim.observe.TeamReleases.Source why) {
    if (!(posts > 0) || posts > postsInForce(Integer.MAX_VALUE) + 1e-9) {
      throw new IllegalArgumentException(
          "cannot release " + posts + " posts of " + postsInForce(Integer.MAX_VALUE));
    }
    if (releases == effectiveMonth.length) {
      throw new IllegalStateException("more than " + effectiveMonth.length + " releases");
    }
    effectiveMonth[releases] = decisionMonth + noticeMonths;
    releasedPosts[releases] = posts;
    if (record != null) {
      recordIndex[releases] =
          record.add(service, why, decisionMonth, decisionMonth + noticeMonths, posts);
    }
    releases++;
    return decisionMonth + noticeMonths;
  }

  /** Posts released (or due to be) with effect at or before {@code month}. */
  public double releasedBy(int month) {
    double sum = 0;
    for (int i = 0; i < releases; i++) {
      if (effectiveMonth[i] <= month) {
        sum += releasedPosts[i];
      }
    }
    return sum;
  }

  /** Posts in force in {@code month}: the original posts less those released by then. */
  public double postsInForce(int month) {
    return originalPosts - releasedBy(month);
  }

  /** Posts whose release has been decided, whether or not it has taken effect. */
  public double releasesDecided() {
    return releasedBy(Integer.MAX_VALUE);
  }

  /**
   * Posts this month's instalments.
   *
   * @param month accounting month index
   * @param period 1 (April) to 12 (March)
   * @param uplift price factor for this financial year (1 in real terms)
   * @return the net amount posted for the team this month, in pence
   */
  public long postInstalments(Ledger ledger, double day, int month, int period, double uplift) {
    long fixedYear = Money.times(fixedPerYear, uplift);
    long staffYear = Money.times(Money.times(costPerPostPerYear, originalPosts), uplift);
    long fixed = Instalments.instalment(fixedYear, 12, period - 1);
    long staff = Instalments.instalment(staffYear, 12, period - 1);
    double released = releasedBy(month);
    long stranded = 0;
    long saving = 0;
    if (released > 0) {
      stranded = Money.times(fixed, released / originalPosts);
      long releasedYear = Money.times(Money.times(costPerPostPerYear, released), uplift);
      saving = Instalments.instalment(releasedYear, 12, period - 1);
      if (record != null) {
        recordEach(month, released, saving, stranded);
      }
    }
    ledger.post(
        day, month, LedgerLine.BLOCK_CONTRACT_FIXED, service, Ledger.NONE, fixed - stranded);
    ledger.post(day, month, LedgerLine.STRANDED_FIXED_COSTS, service, Ledger.NONE, stranded);
    ledger.post(day, month, LedgerLine.BLOCK_CONTRACT_STAFF, service, Ledger.NONE, staff);
    ledger.post(day, month, LedgerLine.POSTS_RELEASED, service, Ledger.NONE, -saving);
    return fixed + staff - saving;
  }

  /** Splits a month's saving and stranded cost between the releases in force, by their posts. */
  private void recordEach(int month, double released, long saving, long stranded) {
    int last = -1;
    for (int i = 0; i < releases; i++) {
      if (effectiveMonth[i] <= month) {
        last = i;
      }
    }
    long savingLeft = saving;
    long strandedLeft = stranded;
    for (int i = 0; i < last; i++) {
      if (effectiveMonth[i] <= month) {
        long s = Money.times(saving, releasedPosts[i] / released);
        long f = Money.times(stranded, releasedPosts[i] / released);
        record.post(recordIndex[i], month, s, f);
        savingLeft -= s;
        strandedLeft -= f;
      }
    }
    record.post(recordIndex[last], month, savingLeft, strandedLeft);
  }

  /** The staffed instalment net of released posts in a month: the cost of the posts in force. */
  public long staffInForce(int month, int period, double uplift) {
    long year = Money.times(Money.times(costPerPostPerYear, postsInForce(month)), uplift);
    return Instalments.instalment(year, 12, period - 1);
  }

  /** The annual value of the contract as let, at the given uplift: fixed plus all posts. */
  public long annualValue(double uplift) {
    return Money.times(fixedPerYear, uplift)
        + Money.times(Money.times(costPerPostPerYear, originalPosts), uplift);
  }
}
