package phbsim.scenario;

/**
 * What happens at a budget review (3 months after it starts, then yearly; docs/model.md section 4).
 *
 * @param stepDown probability the budget steps down as the person recovers
 * @param stop probability the budget is stopped and the person returns to their team (the Croydon
 *     case, docs/sources.md [pilot-2016])
 * @param stepDownShare how much a step down takes off the allocation
 * @param dependentShare share of budgets that never step down (dependency; default 0)
 * @param endRecovered no longer used, and refused if given: a holder recovers by their segment's
 *     exitsPerYear, the one recovery mechanism (the checks say so with the path)
 */
public record ReviewSpec(
    double stepDown,
    double stop,
    double stepDownShare,
    @Optional Double dependentShare,
    @Optional Double endRecovered) {
  public ReviewSpec {
    dependentShare = dependentShare == null ? 0.0 : dependentShare;
  }
}
