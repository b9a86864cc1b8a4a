package phbsim.money;

import java.util.Locale;

/**
 * The lines of the commissioner's cash flow (MODEL.md section 5). Positive amounts are paid out;
 * negative amounts are money coming back or a saving.
 */
public enum LedgerLine {
  /** Block contract instalments, the fixed part (estates, management): 1/12 a month. */
  BLOCK_CONTRACT_FIXED("Block contracts: fixed part", Group.BLOCK),
  /** Block contract instalments, the staffed part (caseload-carrying posts): 1/12 a month. */
  BLOCK_CONTRACT_STAFF("Block contracts: staff posts", Group.BLOCK),
  /** Posts taken out of a block contract after the notice period: a saving (negative). */
  POSTS_RELEASED("Posts released from block contracts", Group.BLOCK),
  /**
   * The share of a contract's fixed part that belonged to released posts but cannot be released
   * with them (estates, management): shown separately so the saving is not overstated. It is moved
   * out of BLOCK_CONTRACT_FIXED, never added on top.
   */
  STRANDED_FIXED_COSTS("Stranded fixed costs", Group.BLOCK),
  /** Occupied in-area bed days (acute wards, respite). */
  BED_DAYS("In-patient bed days", Group.ACTIVITY),
  /** Out-of-area placement days, at the higher day rate. */
  OUT_OF_AREA_PLACEMENTS("Out-of-area placements", Group.ACTIVITY),
  /** Nights in a crisis house. */
  CRISIS_HOUSE_NIGHTS("Crisis house nights", Group.ACTIVITY),
  /** A&amp;E attendances. */
  AE_ATTENDANCES("A&E attendances", Group.ACTIVITY),
  /** Crisis team and home treatment episodes, per episode-day. */
  CRISIS_TEAM_EPISODES("Crisis team episodes", Group.ACTIVITY),
  /** Direct payments, paid monthly in advance to the person. */
  PHB_DIRECT_PAYMENTS("PHB direct payments", Group.BUDGETS),
  /** Unspent direct payment balances reclaimed at review: money back (negative). */
  PHB_DIRECT_PAYMENTS_RECLAIMED("PHB direct payments reclaimed", Group.BUDGETS),
  /** Third-party budgets, paid monthly to the managing organisation. */
  PHB_THIRD_PARTY("PHB third-party budgets", Group.BUDGETS),
  /** The third-party organisation's management fee. */
  PHB_THIRD_PARTY_FEES("PHB third-party fees", Group.BUDGETS),
  /** Notional budgets, charged as spent. */
  PHB_NOTIONAL("PHB notional budgets", Group.BUDGETS),
  /** PHB set-up costs, by the scenario's schedule. */
  PHB_SET_UP("PHB set-up", Group.INFRASTRUCTURE),
  /** Support planning, per plan signed off. */
  PHB_SUPPORT_PLANNING("PHB support planning", Group.INFRASTRUCTURE),
  /** Brokerage and monitoring, per active budget per month. */
  PHB_BROKERAGE_AND_MONITORING("PHB brokerage and monitoring", Group.INFRASTRUCTURE);

  /** Groups of lines for subtotals. */
  public enum Group {
    BLOCK,
    ACTIVITY,
    BUDGETS,
    INFRASTRUCTURE
  }

  private final String title;
  private final Group group;

  LedgerLine(String title, Group group) {
    this.title = title;
    this.group = group;
  }

  /** A name for people, as in a board paper. */
  public String title() {
    return title;
  }

  public Group group() {
    return group;
  }

  /** The name used in output files, e.g. {@code bed_days}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
