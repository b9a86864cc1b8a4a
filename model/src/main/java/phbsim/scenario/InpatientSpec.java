package phbsim.scenario;

/**
 * Beds, length of stay and prices.
 *
 * @param beds beds commissioned in area
 * @param lengthOfStay days from admission to discharge
 * @param whenFull where an admission goes when every bed is taken: {@code out-of-area} (the
 *     default: a placement elsewhere at a higher day rate) or the id of another INPATIENT service
 * @param costPerBedDay pounds per occupied in-area bed day
 * @param outOfAreaCostPerDay pounds per day of an out-of-area placement made for this service
 * @param crisisHouse whether its nights count as crisis-house nights rather than bed days (default
 *     false)
 */
public record InpatientSpec(
    int beds,
    DurationSpec lengthOfStay,
    @Optional String whenFull,
    double costPerBedDay,
    double outOfAreaCostPerDay,
    @Optional Boolean crisisHouse) {
  /** The value of {@code whenFull} that means an out-of-area placement. */
  public static final String OUT_OF_AREA = "out-of-area";

  public InpatientSpec {
    whenFull = whenFull == null ? OUT_OF_AREA : whenFull;
    crisisHouse = crisisHouse != null && crisisHouse;
  }

  public boolean overflowsOutOfArea() {
    return OUT_OF_AREA.equals(whenFull);
  }
}
