package phbsim.money;

import java.util.Locale;

/**
 * The lines of the commissioner's cash flow (docs/model.md section 5). Positive amounts are paid
 * out; negative amounts are money coming back or a saving.
 *
 * <p>Each line says whether its money is <em>cash</em> (paid or not paid: block instalments,
 * released posts, out-of-area placements, cost-per-case services, budgets and their infrastructure)
 * or <em>capacity</em> (activity inside a block-funded service, valued at its unit cost: a bed day
 * avoided in a block-funded ward frees a bed, not cash). The cash position counts the cash lines
 * only; the economic position counts every line.
 */
public enum LedgerLine {
  /** Block contract instalments, the fixed part (estates, management): 1/12 a month. */
  BLOCK_CONTRACT_FIXED("Block contracts: fixed part", Group.BLOCK, true),
  /** Block contract instalments, the staffed part (caseload-carrying posts): 1/12 a month. */
  BLOCK_CONTRACT_STAFF("Block contracts: staff posts", Group.BLOCK, true),
  /** Posts taken out of a block contract after the notice period: a saving (negative). */
  POSTS_RELEASED("Posts released from block contracts", Group.BLOCK, true),
  /**
   * The share of a contract's fixed part that belonged to released posts but cannot be released
   * with them (estates, management): shown separately so the saving is not overstated. It is moved
   * out of BLOCK_CONTRACT_FIXED, never added on top.
   */
  STRANDED_FIXED_COSTS("Stranded fixed costs", Group.BLOCK, true),
  /** Occupied ward bed days in area, paid per day. */
  BED_DAYS("In-patient bed days, paid per day", Group.ACTIVITY, true),
  /** Occupied ward bed days in area in block-funded wards, valued at the day rate. */
  BED_DAYS_BLOCK("In-patient bed days in block-funded wards", Group.ACTIVITY, false),
  /** Out-of-area placement days, at the higher day rate: always paid per day. */
  OUT_OF_AREA_PLACEMENTS("Out-of-area placements", Group.ACTIVITY, true),
  /** Nights in a crisis house paid per night. */
  CRISIS_HOUSE_NIGHTS("Crisis-house nights, paid per night", Group.ACTIVITY, true),
  /** Nights in a block-funded crisis house, valued at the night rate. */
  CRISIS_HOUSE_NIGHTS_BLOCK("Crisis-house nights, block-funded", Group.ACTIVITY, false),
  /**
   * A bed-based service's standing cost (a manager, a lease, staff on shift on empty nights), paid
   * to its provider in 12 monthly instalments a year whatever the occupancy.
   */
  SERVICE_STANDING_COSTS("Bed-based services: standing cost", Group.ACTIVITY, true),
  /**
   * A new bed-based service's set-up, paid once in the run's first month by the arm it opens in.
   */
  SERVICE_SET_UP("Bed-based services: set-up", Group.ACTIVITY, true),
  /** A&amp;E attendances paid per attendance. */
  AE_ATTENDANCES("A&E attendances, paid per attendance", Group.ACTIVITY, true),
  /** A&amp;E attendances in a block-funded department, valued at the unit cost. */
  AE_ATTENDANCES_BLOCK("A&E attendances, block-funded", Group.ACTIVITY, false),
  /** Crisis team and home treatment episodes paid per episode and per day. */
  CRISIS_TEAM_EPISODES("Crisis team episodes, paid per episode", Group.ACTIVITY, true),
  /** Episodes of a block-funded crisis team, valued at the unit costs. */
  CRISIS_TEAM_EPISODES_BLOCK("Crisis team episodes, block-funded", Group.ACTIVITY, false),
  /** GP consultations paid per consultation. */
  GP_CONSULTATIONS("GP consultations, paid per consultation", Group.ACTIVITY, true),
  /**
   * GP consultations where practices are paid per registered patient (the usual case), valued at
   * the unit cost: a consultation avoided frees a GP's time, not cash.
   */
  GP_CONSULTATIONS_BLOCK("GP consultations, within practices' funding", Group.ACTIVITY, false),
  /**
   * Community team places that stood empty, valued at the contract's cost per place (the year's
   * value as let over its places) and entered as a credit (negative): capacity the block pays for
   * and nobody used. Capacity, not cash. A holder who gives up part of a place frees it; while it
   * stands empty and unreleased the economic position counts it, as the cohort view counts the same
   * holder's lower team contact (docs/model.md section 5, "one economic position"); once the post
   * is released the saving is cash instead, and a place filled from the waiting list is used.
   */
  COMMUNITY_PLACES_EMPTY(
      "Community team places standing empty (at cost per place)", Group.ACTIVITY, false),
  /** Direct payments, paid monthly in advance to the person. */
  PHB_DIRECT_PAYMENTS("PHB direct payments", Group.BUDGETS, true),
  /** Unspent direct payment balances reclaimed at review: money back (negative). */
  PHB_DIRECT_PAYMENTS_RECLAIMED("PHB direct payments reclaimed", Group.BUDGETS, true),
  /** Third-party budgets, paid monthly to the managing organisation. */
  PHB_THIRD_PARTY("PHB third-party budgets", Group.BUDGETS, true),
  /** The third-party organisation's management fee. */
  PHB_THIRD_PARTY_FEES("PHB third-party fees", Group.BUDGETS, true),
  /** Notional budgets, charged as spent. */
  PHB_NOTIONAL("PHB notional budgets", Group.BUDGETS, true),
  /** PHB set-up costs, by the scenario's schedule. */
  PHB_SET_UP("PHB set-up", Group.INFRASTRUCTURE, true),
  /** Support planning, per plan signed off. */
  PHB_SUPPORT_PLANNING("PHB support planning", Group.INFRASTRUCTURE, true),
  /** Brokerage and monitoring, per active budget per month. */
  PHB_BROKERAGE_AND_MONITORING("PHB brokerage and monitoring", Group.INFRASTRUCTURE, true);

  /**
   * What a line's saving is (docs/model.md section 5.5): only a payment that stops releases cash.
   * Every output that marks a line says one of these, in these words.
   */
  public enum Release {
    /** Paid per use, or a post released: less activity stops a payment. */
    CASH_RELEASING("cash-releasing"),
    /**
     * Cash paid whatever the activity (a block contract as let, stranded costs, a standing cost).
     */
    FIXED("cash, fixed: does not fall with activity"),
    /** Cash the option spends: budgets, their infrastructure, a new service's set-up. */
    NEW_SPENDING("cash, new spending"),
    /** Activity inside a block, valued at unit cost: capacity, not cash. */
    CAPACITY("capacity, not cash");

    private final String label;

    Release(String label) {
      this.label = label;
    }

    /** The words used in every file, sheet and chart. */
    public String label() {
      return label;
    }
  }

  /** What a saving on this line is: cash-releasing, fixed cash, new spending or capacity. */
  public Release release() {
    if (!cash) {
      return Release.CAPACITY;
    }
    return switch (this) {
      case POSTS_RELEASED,
          BED_DAYS,
          OUT_OF_AREA_PLACEMENTS,
          CRISIS_HOUSE_NIGHTS,
          AE_ATTENDANCES,
          CRISIS_TEAM_EPISODES,
          GP_CONSULTATIONS ->
          Release.CASH_RELEASING;
      case BLOCK_CONTRACT_FIXED,
          BLOCK_CONTRACT_STAFF,
          STRANDED_FIXED_COSTS,
          SERVICE_STANDING_COSTS ->
          Release.FIXED;
      default -> Release.NEW_SPENDING;
    };
  }

  /**
   * Whether the line recurs from year to year (NHS budget-impact practice): every line but the
   * programme's set-up and a new service's set-up, which are spent once (non-recurrent).
   */
  public boolean recurrent() {
    return this != PHB_SET_UP && this != SERVICE_SET_UP;
  }

  /** Groups of lines for subtotals. */
  public enum Group {
    BLOCK,
    ACTIVITY,
    BUDGETS,
    INFRASTRUCTURE
  }

  private final String title;
  private final Group group;
  private final boolean cash;

  LedgerLine(String title, Group group, boolean cash) {
    this.title = title;
    this.group = group;
    this.cash = cash;
  }

  /** A name for people, as in a board paper. */
  public String title() {
    return title;
  }

  public Group group() {
    return group;
  }

  /**
   * Whether the line is cash: money paid, or no longer paid, when activity changes. False for
   * activity inside a block, which frees capacity rather than cash.
   */
  public boolean cash() {
    return cash;
  }

  /** "cash" or "capacity", as written in output files. */
  public String basis() {
    return cash ? "cash" : "capacity";
  }

  /** The name used in output files, e.g. {@code bed_days}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
