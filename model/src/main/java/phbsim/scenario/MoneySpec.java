package phbsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How money is reported, and the prices' years (docs/model.md section 5, "price base").
 *
 * @param inflationPercent price uplift each April, per cent (default 0: real terms, docs/model.md
 *     section 1). With inflation, NPV discounts at the matching nominal rate
 * @param discountRatePercent the real discount rate for NPV, per cent a year (default 3.5: HM
 *     Treasury Green Book, docs/sources.md [green-book])
 * @param priceYear the financial year of the prices in the file, such as 2023/24, unless a section
 *     gives its own (default: the price base)
 * @param priceBase the financial year whose prices the outputs are in (default: the financial year
 *     of the start date)
 * @param costIndex annual percentage changes of the NHS cost index by financial year, such as
 *     {@code 2024/25: 2.5}; they replace phbsim's built-in figures for those years (docs/sources.md
 *     [nhs-cost-index])
 */
public record MoneySpec(
    @Optional Double inflationPercent,
    @Optional Double discountRatePercent,
    @Optional String priceYear,
    @Optional String priceBase,
    @Optional Map<String, Double> costIndex) {
  public MoneySpec {
    inflationPercent = inflationPercent == null ? 0.0 : inflationPercent;
    discountRatePercent = discountRatePercent == null ? 3.5 : discountRatePercent;
    costIndex =
        costIndex == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(costIndex));
  }

  /** Real terms at the Green Book rate, prices at the start's financial year. */
  public static MoneySpec defaults() {
    return new MoneySpec(null, null, null, null, null);
  }
}
