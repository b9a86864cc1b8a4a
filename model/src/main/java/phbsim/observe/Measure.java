package phbsim.observe;

import java.util.Locale;

/**
 * The monthly measures recorded per segment. A STOCK is read at the month end; a FLOW counts what
 * happened during the month; a DURATION sums days (person-days, bed days) over the month.
 */
public enum Measure {
  /** People on the team's caseload (with a place), at home or away in crisis care or a bed. */
  CASELOAD(Kind.STOCK, "People on the caseload"),
  /** People referred and waiting for a place on the caseload. */
  WAITING_LIST(Kind.STOCK, "People waiting for a place"),
  /** People holding a personal health budget (instead of a place on the caseload). */
  BUDGET_HOLDERS(Kind.STOCK, "Budget holders"),
  /** Budget holders whose budget is run in the restrictive way. */
  BUDGET_HOLDERS_RESTRICTIVE(Kind.STOCK, "Budget holders, restrictive budgets"),
  /** Budget holders whose budget is run flexibly. */
  BUDGET_HOLDERS_FLEXIBLE(Kind.STOCK, "Budget holders, flexible budgets"),
  /** Ward beds occupied in area (not crisis-house places). */
  OCCUPIED_BEDS(Kind.STOCK, "Ward beds occupied"),
  /** People in out-of-area placements. */
  OUT_OF_AREA_PLACEMENTS(Kind.STOCK, "People placed out of area"),
  /** New people referred. */
  REFERRALS(Kind.FLOW, "Referrals"),
  /** Crises (each starts a crisis pathway). */
  CRISES(Kind.FLOW, "Crises"),
  /** Arrivals at crisis services that count as A&amp;E attendances. */
  AE_ATTENDANCES(Kind.FLOW, "A&E attendances"),
  /** Arrivals at crisis services that are not A&amp;E (crisis team, home treatment, triage). */
  CRISIS_TEAM_EPISODES(Kind.FLOW, "Crisis team episodes"),
  /** Admissions to a ward, in area or out of area (crisis-house stays are not admissions). */
  ADMISSIONS(Kind.FLOW, "Admissions"),
  /** Admissions that found no ward bed in area and went out of area. */
  OUT_OF_AREA_ADMISSIONS(Kind.FLOW, "Admissions placed out of area"),
  /** Days spent in in-area ward beds. */
  BED_DAYS(Kind.DURATION, "Bed days in area"),
  /** Days spent in out-of-area placements. */
  OUT_OF_AREA_DAYS(Kind.DURATION, "Out-of-area days"),
  /** Stays in a crisis house (an alternative to admission, not an admission). */
  CRISIS_HOUSE_STAYS(Kind.FLOW, "Crisis-house stays"),
  /** Nights spent in crisis houses. */
  CRISIS_HOUSE_NIGHTS(Kind.DURATION, "Crisis-house nights"),
  /**
   * GP consultations of people in secondary care: their expected number (the segment's rate x the
   * time present, a holder's x the budget's gpEffect), not drawn one by one, since nothing else in
   * the model depends on them.
   */
  GP_CONSULTATIONS(Kind.DURATION, "GP consultations"),
  /** People leaving secondary care (recovered, died, moved away), waiting or not. */
  EXITS(Kind.FLOW, "Exits from secondary care"),
  /** People who left secondary care while waiting for a place. */
  EXITS_WHILE_WAITING(Kind.FLOW, "Exits while waiting for a place"),
  /** People who found the caseload full (or others waiting) and joined the waiting list. */
  JOINED_WAITING_LIST(Kind.FLOW, "Joined the waiting list"),
  /** People who got a place after waiting. */
  SLOTS_ALLOCATED_FROM_WAITING_LIST(Kind.FLOW, "Places given from the waiting list"),
  /** Days waited by the people in SLOTS_ALLOCATED_FROM_WAITING_LIST, summed. */
  WAITING_DAYS_OF_THOSE_ALLOCATED(Kind.FLOW, "Days waited by those given a place"),
  /** Budget offers made. */
  BUDGET_OFFERS(Kind.FLOW, "Budget offers"),
  /** Offers accepted (each then waits for a support planner). */
  BUDGET_OFFERS_ACCEPTED(Kind.FLOW, "Budget offers accepted"),
  /** Offers made beyond the capacity for culture change (BudgetsSpec.culture). */
  BUDGET_OFFERS_RUSHED(Kind.FLOW, "Budget offers rushed, beyond the capacity for culture change"),
  /** People accepted and waiting for, or working with, a support planner. */
  PLANNING_QUEUE(Kind.STOCK, "People in support planning"),
  /** Plans signed off (each starts a budget). */
  PLANS_SIGNED_OFF(Kind.FLOW, "Plans signed off (budgets started)"),
  /** Days from offer to signed-off plan, summed over the plans signed off. */
  DAYS_FROM_OFFER_TO_PLAN(Kind.FLOW, "Days from offer to plan, summed"),
  /** Budgets stepped down at review. */
  BUDGETS_STEPPED_DOWN(Kind.FLOW, "Budgets stepped down"),
  /** Budget holders who left secondary care (recovered, died, moved away): their budget ended. */
  BUDGET_HOLDERS_LEFT_CARE(Kind.FLOW, "Budgets ended: holder left secondary care"),
  /** Budgets stopped at review; the person returns to their team. */
  BUDGETS_STOPPED(Kind.FLOW, "Budgets stopped at review"),
  /** Budgets that ran out before the year end; the person falls back on their team. */
  BUDGETS_FALLEN_BACK(Kind.FLOW, "Budgets run out (fallback)"),
  /** Budgets ended for any reason: left care, stopped or fallen back. */
  BUDGETS_ENDED(Kind.FLOW, "Budgets ended"),
  /** Days budgets were held (the exposure from which the mean duration is estimated). */
  BUDGET_DAYS(Kind.DURATION, "Budget-days held");

  /** How a measure accumulates over a month. */
  public enum Kind {
    STOCK,
    FLOW,
    DURATION
  }

  private final Kind kind;
  private final String title;

  Measure(Kind kind, String title) {
    this.kind = kind;
    this.title = title;
  }

  public Kind kind() {
    return kind;
  }

  /** A name for people, as printed. */
  public String title() {
    return title;
  }

  /** The name used in output files: lower case with underscores, e.g. {@code bed_days}. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
