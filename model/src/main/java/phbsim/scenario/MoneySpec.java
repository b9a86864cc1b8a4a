package phbsim.scenario;

/**
 * How money is reported.
 *
 * @param inflationPercent price uplift each April, per cent (default 0: real terms, MODEL.md
 *     section 1)
 * @param discountRatePercent for NPV, per cent a year (default 3.5: HM Treasury Green Book,
 *     CALIBRATION.md B)
 */
public record MoneySpec(@Optional Double inflationPercent, @Optional Double discountRatePercent) {
  public MoneySpec {
    inflationPercent = inflationPercent == null ? 0.0 : inflationPercent;
    discountRatePercent = discountRatePercent == null ? 3.5 : discountRatePercent;
  }

  /** Real terms at the Green Book rate. */
  public static MoneySpec defaults() {
    return new MoneySpec(null, null);
  }
}
