package phbsim.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * The roll-out of offers. Offers go to people on eligible segments' caseloads, in the order the
 * targeting rule gives.
 *
 * @param kind NONE, TARGET or BASS
 * @param start the first month offers are made (default: the scenario's start date)
 * @param offersPerQuarter for TARGET: offers in each quarter from the start; the last repeats
 * @param p for BASS: coefficient of innovation, per year
 * @param q for BASS: coefficient of imitation, per year (the seeds' "culture change")
 * @param marketSize for BASS: the offers the curve tends to
 * @param targeting who is offered first (default RANDOM)
 */
public record RolloutSpec(
    RolloutKind kind,
    @Optional LocalDate start,
    @Optional List<Integer> offersPerQuarter,
    @Optional Double p,
    @Optional Double q,
    @Optional Double marketSize,
    @Optional Targeting targeting) {
  public RolloutSpec {
    offersPerQuarter = Lists.copyOf(offersPerQuarter);
    targeting = targeting == null ? Targeting.RANDOM : targeting;
  }

  /** No offers: the roll-out of the status quo. */
  public static RolloutSpec none() {
    return new RolloutSpec(RolloutKind.NONE, null, null, null, null, null, null);
  }
}
