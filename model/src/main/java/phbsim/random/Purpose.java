package phbsim.random;

/**
 * What a random draw is for. Each purpose has its own family of streams, so that adding a draw for
 * one purpose never shifts the numbers of another (docs/architecture.md section 6).
 *
 * <p>The ordinal is part of the stream key: append new purposes at the end, never reorder.
 */
public enum Purpose {
  REFERRAL,
  FRAILTY,
  CRISIS,
  CRISIS_BRANCH,
  LENGTH_OF_STAY,
  EXIT,
  ACCEPTANCE,
  PLANNING,
  REVIEW,
  ROLLOUT,
  BUDGET_OPTION,
  SPENDING,
  CAPACITY,
  STARTING_POPULATION,
  WORKLOAD,
  /** Parameter draws of a probabilistic sensitivity analysis (entity: the parameter). */
  PARAMETER,
  /** Whether a budget offer is rushed, beyond the capacity for culture change (entity: person). */
  CULTURE,
  /** Whether a holder spends less on clinical care than their plan allows (entity: person). */
  CLINICAL_CARE
}
