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
 *     (always cash: a placement is paid for each day)
 * @param crisisHouse whether it is a crisis house: its stays and nights are measured and costed
 *     apart from ward admissions and bed days (default false)
 * @param payment how its beds are paid: BLOCK (a day avoided frees a bed, not cash) or
 *     COST_PER_CASE (default: COST_PER_CASE)
 * @param inStatusQuo false for a service the options bring in, such as a new crisis house: in the
 *     status quo it has no beds, so people go where {@code whenFull} sends them (default true)
 * @param priceYear the financial year of the prices above (default: money's priceYear)
 */
public record InpatientSpec(
    int beds,
    DurationSpec lengthOfStay,
    @Optional String whenFull,
    @Price double costPerBedDay,
    @Price double outOfAreaCostPerDay,
    @Optional Boolean crisisHouse,
    @Optional Payment payment,
    @Optional Boolean inStatusQuo,
    @Optional String priceYear) {
  /** The value of {@code whenFull} that means an out-of-area placement. */
  public static final String OUT_OF_AREA = "out-of-area";

  public InpatientSpec {
    whenFull = whenFull == null ? OUT_OF_AREA : whenFull;
    crisisHouse = crisisHouse != null && crisisHouse;
    payment = payment == null ? Payment.COST_PER_CASE : payment;
    inStatusQuo = inStatusQuo == null || inStatusQuo;
  }

  public boolean overflowsOutOfArea() {
    return OUT_OF_AREA.equals(whenFull);
  }

  /** The same service as it is in the status quo: with no beds if the options bring it in. */
  public InpatientSpec asInStatusQuo() {
    return inStatusQuo
        ? this
        : new InpatientSpec(
            0,
            lengthOfStay,
            whenFull,
            costPerBedDay,
            outOfAreaCostPerDay,
            crisisHouse,
            payment,
            false,
            priceYear);
  }
}
