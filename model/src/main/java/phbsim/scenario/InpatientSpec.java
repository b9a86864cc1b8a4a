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
 * @param setUpCost pounds paid once, in the run's first month, by an arm in which the service opens
 *     (recruitment, training, furnishing before the first night); only for a service the options
 *     bring in ({@code inStatusQuo: false}): a service running today has paid its set-up (default
 *     0)
 * @param fixedPerYear pounds a year that the provider is paid for keeping the service open whatever
 *     its occupancy (a manager, a lease, staff on shift on empty nights), in 12 monthly
 *     instalments; cash, paid in every arm the service runs in (default 0)
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
    @Optional String priceYear,
    @Optional @Price Double setUpCost,
    @Optional @Price Double fixedPerYear) {
  /** The value of {@code whenFull} that means an out-of-area placement. */
  public static final String OUT_OF_AREA = "out-of-area";

  public InpatientSpec {
    whenFull = whenFull == null ? OUT_OF_AREA : whenFull;
    crisisHouse = crisisHouse != null && crisisHouse;
    payment = payment == null ? Payment.COST_PER_CASE : payment;
    inStatusQuo = inStatusQuo == null || inStatusQuo;
    setUpCost = setUpCost == null ? 0.0 : setUpCost;
    fixedPerYear = fixedPerYear == null ? 0.0 : fixedPerYear;
  }

  /** A service with no set-up or standing cost (the fields written before they existed). */
  public InpatientSpec(
      int beds,
      DurationSpec lengthOfStay,
      String whenFull,
      double costPerBedDay,
      double outOfAreaCostPerDay,
      Boolean crisisHouse,
      Payment payment,
      Boolean inStatusQuo,
      String priceYear) {
    this(
        beds,
        lengthOfStay,
        whenFull,
        costPerBedDay,
        outOfAreaCostPerDay,
        crisisHouse,
        payment,
        inStatusQuo,
        priceYear,
        null,
        null);
  }

  public boolean overflowsOutOfArea() {
    return OUT_OF_AREA.equals(whenFull);
  }

  /**
   * The same service as it is in the status quo: with no beds, no set-up and no standing cost if
   * the options bring it in.
   */
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
            priceYear,
            0.0,
            0.0);
  }
}
