package phbsim.observe;

import java.util.Locale;

/**
 * Monthly measures of each community team: the resilience of the teams that stay behind as people
 * take up budgets (docs/model.md section 7). All are read at the month end unless stated. A measure
 * that is undefined in a month (a wait centile when nobody got a place from the waiting list, a
 * mean over an empty caseload) is NaN, and left out of summaries across replications.
 */
public enum TeamMeasure {
  /** Posts in the block contract in force this month. */
  POSTS("Posts in force"),
  /** Caseload places: posts x caseload per post. */
  CAPACITY("Caseload places"),
  /** People on the caseload. */
  CASELOAD("People on the caseload"),
  /**
   * Places in use, as a share of places: (people on the caseload + the share of a place each budget
   * holder's remaining team contact uses) / places. Counts holders, in part; compare
   * COST_PER_PERSON, which does not.
   */
  UTILISATION(
      "Places in use: people on the caseload plus budget holders' share of a place (their"
          + " remaining team contact), over places"),
  /** People waiting for a place. */
  WAITING_LIST("People waiting"),
  /** Median days waited by the people given a place from the waiting list this month. */
  WAIT_MEDIAN_DAYS("Median wait of those given a place, days"),
  /** 90th centile of the days waited by the people given a place this month. */
  WAIT_P90_DAYS("90th centile wait of those given a place, days"),
  /**
   * This month's block contract payments for the team, in pounds, per person on its caseload:
   * budget holders are not counted, though their remaining contact uses part of a place
   * (UTILISATION counts that share).
   */
  COST_PER_PERSON("Block cost per person on the caseload (budget holders not counted), £ a month"),
  /** 1 if the caseload is below the team's minimum viable size (minimum posts' places), else 0. */
  BELOW_MINIMUM_VIABLE_SIZE("Below minimum viable size (1 = yes)"),
  /** Mean frailty of the people on the caseload: the "left behind" index (1 = average). */
  MEAN_FRAILTY_ON_CASELOAD("Mean frailty on the caseload (left-behind index)"),
  /**
   * Places left by people who took up a budget and still hold it, less the places released from the
   * contract since (never below 0): places paid for in the block while their former occupants'
   * budgets are paid too.
   */
  FREED_PLACES("Places freed by budget holders, not released"),
  /** Of the freed places, those taken by someone else (refilled from the waiting list). */
  FREED_PLACES_REFILLED("Freed places refilled"),
  /** Of the freed places, those standing empty at the month end. */
  FREED_PLACES_EMPTY("Freed places standing empty"),
  /**
   * Double running in pounds: the freed places at the contract's cost per place, capped by this
   * month's payments on the budgets of the people who left them.
   */
  DOUBLE_RUNNING("Double running, £ a month"),
  /**
   * 1 if this month has double running and it is capped: the freed places cost more in the block
   * than was paid on the budgets of the holders whose places are still unreleased, so double
   * running is every pound of those budgets, paid twice; else 0.
   */
  DOUBLE_RUNNING_CAPPED("Double running capped at the holders' budgets (1 = yes)");

  private final String title;

  TeamMeasure(String title) {
    this.title = title;
  }

  /** A name for people, as printed. */
  public String title() {
    return title;
  }

  /** The name used in output files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
