package phbsim.scenario;

/**
 * What happens at a budget review (3 months after it starts, then yearly; MODEL.md section 4).
 *
 * @param stepDown probability the budget steps down as the person recovers
 * @param endRecovered probability the budget ends because the person has recovered (they leave
 *     secondary care)
 * @param stop probability the budget is stopped and the person returns to their team (the Croydon
 *     case in seed 003)
 * @param stepDownShare how much a step down takes off the allocation
 * @param dependentShare share of budgets that never step down or end (dependency; default 0)
 */
public record ReviewSpec(
    double stepDown,
    double endRecovered,
    double stop,
    double stepDownShare,
    @Optional Double dependentShare) {
  public ReviewSpec {
    dependentShare = dependentShare == null ? 0.0 : dependentShare;
  }
}
