package phbsim.budget;

/**
 * Offers along a Bass adoption curve (docs/model.md section 6): the expected cumulative number of
 * offers after {@code k} months is {@link BassDiffusion#cumulative(double) m F(k / 12)}, with time
 * in years and {@code p} (innovation) and {@code q} (imitation) per year. The offers in each month
 * are the whole-number steps of the floor of that curve (the carry rule of {@link Rollout}).
 *
 * @param p innovation rate per year, > 0
 * @param q imitation rate per year, >= 0
 * @param marketSize the number of offers made in the end, >= 0
 */
public record BassRollout(double p, double q, double marketSize) implements Rollout {

  /** Months in a year: the curve's time unit is the year, the roll-out's step the month. */
  private static final double MONTHS_PER_YEAR = 12.0;

  /**
   * @throws IllegalArgumentException naming the field that is out of range or not finite
   */
  public BassRollout {
    BassDiffusion.check(p, q, marketSize);
  }

  /** The curve this roll-out follows. */
  public BassDiffusion diffusion() {
    return new BassDiffusion(p, q, marketSize);
  }

  @Override
  public long cumulativeOffers(int months) {
    if (months <= 0) {
      return 0;
    }
    return (long) Math.floor(BassDiffusion.cumulative(p, q, marketSize, months / MONTHS_PER_YEAR));
  }
}
