package phbsim.scenario;

/**
 * Support planning capacity: accepted offers wait for one of {@code planners}; a plan takes an
 * exponentially distributed time whose mean, like its cost, falls along a learning curve with the
 * number of plans made (docs/model.md section 6).
 *
 * @param planners support planners working at once
 * @param firstPlanDays mean days from a planner starting to the plan being signed off, for the
 *     first plan
 * @param progressRatio time and cost of a plan multiply by this each time the number of plans made
 *     doubles (default 1: no learning)
 */
public record PlanningSpec(int planners, double firstPlanDays, @Optional Double progressRatio) {
  public PlanningSpec {
    progressRatio = progressRatio == null ? 1.0 : progressRatio;
  }
}
