package phbsim.scenario;

/** The family of a length-of-stay or episode-length distribution. */
public enum DurationFamily {
  /** Memoryless; only the mean is used. */
  EXPONENTIAL,
  /** Right-skewed, as observed lengths of stay are; mean and standard deviation. */
  LOGNORMAL,
  /** Mean and standard deviation; drawn by inverting the gamma distribution function. */
  GAMMA,
  /** Always exactly the mean. */
  FIXED
}
