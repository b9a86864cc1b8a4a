package phbsim.budget;

/** What a personal health budget review decides (MODEL.md section 4, event 5). */
public enum ReviewOutcome {
  /** The budget carries on at the same allocation. */
  CONTINUE,
  /** The person is recovering: the budget carries on, reduced (see {@link ReviewPolicy}). */
  STEP_DOWN,
  /** The budget ends because the person has recovered. */
  END_RECOVERED,
  /** The budget stops and the person returns to the community team (the Croydon case, seed 003). */
  STOP
}
