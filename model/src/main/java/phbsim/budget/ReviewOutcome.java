package phbsim.budget;

/**
 * What a personal health budget review decides (docs/model.md section 4, event 5). There is no
 * "ended, recovered" outcome: a holder recovers by their segment's exit rates, as everyone does,
 * and their budget ends when they leave secondary care (one recovery mechanism).
 */
public enum ReviewOutcome {
  /** The budget carries on at the same allocation. */
  CONTINUE,
  /** The person is recovering: the budget carries on, reduced (see {@link ReviewPolicy}). */
  STEP_DOWN,
  /** The budget stops and the person returns to the community team (the Croydon case). */
  STOP
}
