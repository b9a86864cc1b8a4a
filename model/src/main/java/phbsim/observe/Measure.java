package phbsim.observe;

import java.util.Locale;

/**
 * The monthly measures recorded per segment. A STOCK is read at the month end; a FLOW counts what
 * happened during the month; a DURATION sums days (person-days, bed days) over the month.
 */
public enum Measure {
  /** People on the team's caseload (with a slot), at home or away in crisis care or a bed. */
  CASELOAD(Kind.STOCK),
  /** People referred and waiting for a caseload slot. */
  WAITING_LIST(Kind.STOCK),
  /** People holding a personal health budget (instead of a place on the caseload). */
  BUDGET_HOLDERS(Kind.STOCK),
  /** In-area beds occupied (acute wards, crisis houses, respite). */
  OCCUPIED_BEDS(Kind.STOCK),
  /** People in out-of-area placements. */
  OUT_OF_AREA_PLACEMENTS(Kind.STOCK),
  /** New people referred. */
  REFERRALS(Kind.FLOW),
  /** Crises (each starts a crisis pathway). */
  CRISES(Kind.FLOW),
  /** Arrivals at crisis services that count as A&amp;E attendances. */
  AE_ATTENDANCES(Kind.FLOW),
  /** Arrivals at crisis services that are not A&amp;E (crisis team, home treatment, triage). */
  CRISIS_TEAM_EPISODES(Kind.FLOW),
  /** Admissions to a bed, in area or out of area. */
  ADMISSIONS(Kind.FLOW),
  /** Admissions that found no bed in area and went out of area. */
  OUT_OF_AREA_ADMISSIONS(Kind.FLOW),
  /** Days spent in in-area beds. */
  BED_DAYS(Kind.DURATION),
  /** Days spent in out-of-area placements. */
  OUT_OF_AREA_DAYS(Kind.DURATION),
  /** People leaving secondary care (recovered, died, moved away). */
  EXITS(Kind.FLOW),
  /** Referrals that found the caseload full and joined the waiting list. */
  JOINED_WAITING_LIST(Kind.FLOW),
  /** People who got a caseload slot after waiting (including a wait of zero days). */
  SLOTS_ALLOCATED_FROM_WAITING_LIST(Kind.FLOW),
  /** Days waited by the people in SLOTS_ALLOCATED_FROM_WAITING_LIST, summed. */
  WAITING_DAYS_OF_THOSE_ALLOCATED(Kind.FLOW),
  /** Budget offers made. */
  BUDGET_OFFERS(Kind.FLOW),
  /** Offers accepted (each then waits for a support planner). */
  BUDGET_OFFERS_ACCEPTED(Kind.FLOW),
  /** People accepted and waiting for, or working with, a support planner. */
  PLANNING_QUEUE(Kind.STOCK),
  /** Plans signed off (each starts a budget). */
  PLANS_SIGNED_OFF(Kind.FLOW),
  /** Days from offer to signed-off plan, summed over the plans signed off. */
  DAYS_FROM_OFFER_TO_PLAN(Kind.FLOW),
  /** Budgets stepped down at review. */
  BUDGETS_STEPPED_DOWN(Kind.FLOW),
  /** Budgets ended at review because the person recovered (they leave secondary care). */
  BUDGETS_ENDED_RECOVERED(Kind.FLOW),
  /** Budgets stopped at review; the person returns to their team. */
  BUDGETS_STOPPED(Kind.FLOW),
  /** Budgets that ran out before the year end; the person falls back on their team. */
  BUDGETS_FALLEN_BACK(Kind.FLOW);

  /** How a measure accumulates over a month. */
  public enum Kind {
    STOCK,
    FLOW,
    DURATION
  }

  private final Kind kind;

  Measure(Kind kind) {
    this.kind = kind;
  }

  public Kind kind() {
    return kind;
  }

  /** The name used in output files: lower case with underscores, e.g. {@code bed_days}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
