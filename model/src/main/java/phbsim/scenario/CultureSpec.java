package phbsim.scenario;

/**
 * The capacity for culture change (docs/model.md section 6, the hare and the tortoise): how many
 * offers a month a place can make well, with staff won over and planners who know what a flexible
 * budget can be. Offers beyond it are rushed: they are accepted less often, and a budget that
 * starts from one is run the restrictive way.
 *
 * <p>ASSUMPTION, the mechanism: the seeds say that a fast push with little culture change gets more
 * restrictive implementation and worse outcomes, and that culture change "cannot be easily sped up"
 * (docs/sources.md [demonstrator-2018], [pilot-2016]); they give no rate. The capacity starts at
 * {@code offersPerMonth} and grows by {@code growthPerPlan} with each plan signed off (experience
 * spreads). In a month of n offers and capacity c, each offer is rushed with probability 1 - min(1,
 * c / n).
 *
 * @param offersPerMonth offers a month the place can make well at the start, more than 0
 * @param growthPerPlan offers a month added to that capacity by each plan signed off (default 0)
 * @param rushedAcceptance multiplies the acceptance of a rushed offer, 0 to 1 (default 0.5)
 */
public record CultureSpec(
    double offersPerMonth, @Optional Double growthPerPlan, @Optional Double rushedAcceptance) {
  public CultureSpec {
    growthPerPlan = growthPerPlan == null ? 0.0 : growthPerPlan;
    rushedAcceptance = rushedAcceptance == null ? 0.5 : rushedAcceptance;
  }
}
