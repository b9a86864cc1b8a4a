package phbsim.scenario;

/**
 * How the commissioner pays for a service's activity (docs/model.md section 5, "cash-releasing or
 * not").
 */
public enum Payment {
  /**
   * Paid as a block, whatever the activity: a bed day or an episode avoided frees capacity inside
   * the block, not cash. Activity is still valued at its unit cost, as an economic (opportunity)
   * cost.
   */
  BLOCK,
  /**
   * Paid for each use (a spot-purchased bed, a cost per attendance): activity avoided is cash the
   * commissioner stops paying.
   */
  COST_PER_CASE
}
