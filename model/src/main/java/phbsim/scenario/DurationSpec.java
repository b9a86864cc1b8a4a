package phbsim.scenario;

/**
 * A distribution of durations in days, given by its mean and standard deviation (the figures
 * published for lengths of stay), whatever its family.
 *
 * @param sdDays required for LOGNORMAL and GAMMA; ignored otherwise (default 0)
 */
public record DurationSpec(DurationFamily family, double meanDays, @Optional Double sdDays) {
  public DurationSpec {
    sdDays = sdDays == null ? 0.0 : sdDays;
  }
}
