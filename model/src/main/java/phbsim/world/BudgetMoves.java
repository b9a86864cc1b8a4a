package phbsim.world;

/**
 * What the budget policy asks of the rest of the replication: the open month, and the two moves
 * between a team and a budget that only the world can make, keeping its counts and hazards
 * together. The policy reads and writes the people's budget fields itself (People) and nothing else
 * of the world's.
 */
interface BudgetMoves {
  /** The month the books are open for. */
  int month();

  /** Person p, on a caseload, takes up the budget whose plan was just signed off. */
  void takeUpBudget(int p);

  /** A holder whose budget stops or runs out goes back to their team, or its waiting list. */
  void returnToTeam(int p);

  /** Whether p is in a ward bed (in area or out of area), not a crisis house. */
  boolean inWardBed(int p);
}
