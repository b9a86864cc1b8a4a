package phbsim.scenario;

/** Who is offered a budget first (docs/model.md section 6, "targeting"). */
public enum Targeting {
  /** Each offer goes to someone chosen at random among the eligible. */
  RANDOM,
  /**
   * The eligible person with the highest crisis risk (their segment's crisis rate times their
   * frailty) is offered first; an idealisation of clinicians ranking people by need.
   */
  HIGHEST_RISK,
  /**
   * People able to manage a budget themselves are offered first (at random among them), then the
   * rest at random.
   */
  ABLE_TO_MANAGE_FIRST
}
