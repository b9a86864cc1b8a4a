package phbsim.scenario;

/**
 * Beds and length of stay.
 *
 * @param beds beds commissioned in area
 * @param lengthOfStay days from admission to discharge
 * @param whenFull where an admission goes when every bed is taken: {@code out-of-area} (the
 *     default: a placement elsewhere at a higher day rate) or the id of another INPATIENT service
 */
public record InpatientSpec(int beds, DurationSpec lengthOfStay, @Optional String whenFull) {
  /** The value of {@code whenFull} that means an out-of-area placement. */
  public static final String OUT_OF_AREA = "out-of-area";

  public InpatientSpec {
    whenFull = whenFull == null ? OUT_OF_AREA : whenFull;
  }

  public boolean overflowsOutOfArea() {
    return OUT_OF_AREA.equals(whenFull);
  }
}
