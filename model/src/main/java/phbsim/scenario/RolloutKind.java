package phbsim.scenario;

/** How personal health budget offers are rolled out (docs/model.md section 6). */
public enum RolloutKind {
  /** No new offers: only the people who start on a budget hold one. */
  NONE,
  /** Offers per quarter as the scenario lists them (the last repeats). */
  TARGET,
  /** Offers along a Bass adoption curve: innovation p, imitation q, market size m. */
  BASS
}
