package phbsim.scenario;

/**
 * General practice, where the scenario costs the GP consultations of people in secondary care
 * (docs/model.md section 5): the national pilot's "other NHS services" include them.
 *
 * @param costPerConsultation pounds per GP consultation (docs/sources.md [pssru-2024]: £45 for a
 *     consultation of about 10 minutes, 2023/24)
 * @param payment how practices are paid for them (default BLOCK: practices are paid a sum per
 *     registered patient, so a consultation avoided frees a GP's time, not the commissioner's
 *     cash); COST_PER_CASE counts them as cash
 * @param priceYear the financial year of the price (default: money.priceYear)
 */
public record PrimaryCareSpec(
    @Price double costPerConsultation, @Optional Payment payment, @Optional String priceYear) {
  public PrimaryCareSpec {
    payment = payment == null ? Payment.BLOCK : payment;
  }
}
