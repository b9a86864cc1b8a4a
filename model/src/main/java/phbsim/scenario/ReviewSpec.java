package phbsim.scenario;

/**
 * What happens at a budget review (3 months after it starts, then yearly; docs/model.md section 4).
 *
 * @param stepDown probability the budget steps down as the person recovers
 * @param stop probability the budget is stopped and the person returns to their team (the Croydon
 *     case, docs/sources.md [pilot-2016])
 * @param stepDownShare how much a step down takes off the allocation
 * @param dependentShare share of budgets that never step down (dependency; default 0)
 * @param stopAfterCrisis probability the budget is stopped at a review when its holder had a crisis
 *     since the last one (a relapse: the Croydon case, docs/sources.md [pilot-2016] Box 2); in
 *     place of stop for them (default: stop, so a relapse changes nothing)
 * @param endRecovered no longer used, and refused if given: a holder recovers by their segment's
 *     exitsPerYear, the one recovery mechanism (the checks say so with the path)
 */
public record ReviewSpec(
    double stepDown,
    double stop,
    double stepDownShare,
    @Optional Double dependentShare,
    @Optional Double stopAfterCrisis,
    @Optional Double endRecovered) {
  public ReviewSpec {
    dependentShare = dependentShare == null ? 0.0 : dependentShare;
  }

  /**
   * The chance a review stops the budget of a holder who had a crisis since the last one:
   * stopAfterCrisis, or stop when it is not given (kept unset rather than copied, so that an
   * override of stop moves it too).
   */
  public double stopOnRelapse() {
    return stopAfterCrisis == null ? stop : stopAfterCrisis;
  }

  /** A review with no stop after a crisis of its own (a relapse changes nothing). */
  public ReviewSpec(
      double stepDown,
      double stop,
      double stepDownShare,
      Double dependentShare,
      Double endRecovered) {
    this(stepDown, stop, stepDownShare, dependentShare, null, endRecovered);
  }
}
