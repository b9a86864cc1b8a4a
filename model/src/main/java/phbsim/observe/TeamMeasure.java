package phbsim.observe;

import java.util.Locale;

/**
 * Monthly measures of each community team: the resilience of the teams that stay behind as people
 * take up budgets (MODEL.md section 7). All are read at the month end unless stated.
 */
public enum TeamMeasure {
  /** Posts in the block contract in force this month. */
  POSTS,
  /** Caseload slots: posts x caseload per post. */
  CAPACITY,
  /** People on the caseload. */
  CASELOAD,
  /** Caseload / capacity. */
  UTILISATION,
  /** People waiting for a slot. */
  WAITING_LIST,
  /** Median days waited by the people who got a slot this month (0 if none). */
  WAIT_MEDIAN_DAYS,
  /** 90th centile of the days waited by the people who got a slot this month (0 if none). */
  WAIT_P90_DAYS,
  /** This month's block contract payments for the team, in pounds, per person on its caseload. */
  COST_PER_PERSON,
  /** 1 if the caseload is below the team's minimum viable size (minimum posts' slots), else 0. */
  BELOW_MINIMUM_VIABLE_SIZE,
  /** Mean frailty of the people on the caseload: the "left behind" index (1 = average). */
  MEAN_FRAILTY_ON_CASELOAD;

  /** The name used in output files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
