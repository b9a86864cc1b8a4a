package phbsim.budget;

/** No roll-out: no personal health budget is ever offered (the baseline, or PHBs off). */
public record NoRollout() implements Rollout {

  @Override
  public int offersInMonth(int monthsSinceStart) {
    return 0;
  }

  @Override
  public long cumulativeOffers(int months) {
    return 0;
  }
}
