package phbsim.money;

import java.util.LinkedHashMap;
import java.util.Map;
import phbsim.scenario.Scenario;
import phbsim.time.FinancialYear;

/**
 * Every price of a scenario at its price base (docs/model.md section 5, "price base"). A price
 * carries the year of the section it is written in, or failing that the file's {@code
 * money.priceYear}, or failing that the price base itself; it is converted to the price base with
 * the cost index ({@link PriceIndex}: phbsim's figures, with the scenario's own replacing any
 * year).
 *
 * <p>Immutable; built once per scenario and shared by every replication.
 */
public final class Prices {
  private final FinancialYear base;
  private final FinancialYear fileYear;
  private final PriceIndex index;

  /**
   * The prices of a scenario that has passed its checks (every year readable and covered by the
   * index).
   */
  public Prices(Scenario s) {
    var money = s.money();
    this.base =
        money.priceBase() == null
            ? FinancialYear.containing(s.startDate())
            : FinancialYear.parse(money.priceBase()).orElseThrow();
    this.fileYear =
        money.priceYear() == null ? base : FinancialYear.parse(money.priceYear()).orElseThrow();
    Map<FinancialYear, Double> own = new LinkedHashMap<>();
    money.costIndex().forEach((y, p) -> own.put(FinancialYear.parse(y).orElseThrow(), p));
    this.index = PriceIndex.builtIn().with(own);
  }

  private Prices(FinancialYear base, FinancialYear fileYear, PriceIndex index) {
    this.base = base;
    this.fileYear = fileYear;
    this.index = index;
  }

  /**
   * Prices taken at face value: a price with no year of its own is in the price base, 2026/27 (for
   * parts of the model used on their own, in tests).
   */
  public static Prices atFaceValue() {
    FinancialYear y = new FinancialYear(2026);
    return new Prices(y, y, PriceIndex.builtIn());
  }

  /** The financial year whose prices every output is in. */
  public FinancialYear base() {
    return base;
  }

  /** The cost index used. */
  public PriceIndex index() {
    return index;
  }

  /**
   * The price year of a value: the first of {@code sectionYears} that is given (innermost section
   * first), else the file's {@code money.priceYear}, else the price base.
   */
  public FinancialYear yearOf(String... sectionYears) {
    for (String y : sectionYears) {
      if (y != null) {
        return FinancialYear.parse(y).orElseThrow();
      }
    }
    return fileYear;
  }

  /** What one pound of that price year is worth at the price base. */
  public double factor(String... sectionYears) {
    return index.factor(yearOf(sectionYears), base);
  }

  /**
   * An amount in pounds of the given price year, in pence at the price base, rounded half-even
   * once.
   */
  public long pence(double pounds, String... sectionYears) {
    return Money.times(Money.toPence(pounds), factor(sectionYears));
  }
}
