package phbsim.scenario;

/**
 * Personal health budgets in one segment.
 *
 * @param startingHolders people of the starting caseload who hold a budget on day 0 (instead of a
 *     place on the team's caseload)
 * @param annualAllocation pounds a year per budget (CALIBRATION.md A: the pilot's mental health
 *     average was 3,602)
 * @param spentShare share of the allocation actually spent; a direct payment's unspent part is
 *     reclaimed at review
 */
public record SegmentBudgetSpec(int startingHolders, double annualAllocation, double spentShare) {}
