package phbsim.money;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import phbsim.time.FinancialYear;

/**
 * An index of NHS costs from year to year, used to bring every price to one price base
 * (docs/model.md section 5). Each figure is the annual percentage change into a financial year: the
 * figure for 2016/17 is how much dearer 2016/17 was than 2015/16. A price of year A is worth, in
 * year B after A, the price times the product of (1 + change) over the years A+1 to B.
 *
 * <p>Immutable. The built-in figures and their sources are listed in docs/sources.md
 * ([nhs-cost-index], [hchs-index]); a scenario may replace any year's figure.
 */
public final class PriceIndex {
  /*
   * Design note. The built-in table is kept here, not in a scenario, because every scenario needs
   * the same published series; docs/sources.md gives each figure's source, and a test checks that
   * the two agree. Years beyond the published series carry an assumed long-run rate, labelled so
   * in docs/sources.md; a scenario that prices in cash for those years can set its own.
   */

  private static final Map<Integer, Double> BUILT_IN = builtInTable();

  private final TreeMap<Integer, Double> percent;

  private PriceIndex(TreeMap<Integer, Double> percent) {
    this.percent = percent;
  }

  /** phbsim's built-in index (docs/sources.md). */
  public static PriceIndex builtIn() {
    return new PriceIndex(new TreeMap<>(BUILT_IN));
  }

  /** This index with some years' percentage changes replaced or added. */
  public PriceIndex with(Map<FinancialYear, Double> changes) {
    TreeMap<Integer, Double> copy = new TreeMap<>(percent);
    for (Map.Entry<FinancialYear, Double> e : changes.entrySet()) {
      copy.put(e.getKey().startYear(), e.getValue());
    }
    return new PriceIndex(copy);
  }

  /** The percentage change into a year, if the index has one. */
  public OptionalDouble percent(FinancialYear year) {
    Double p = percent.get(year.startYear());
    return p == null ? OptionalDouble.empty() : OptionalDouble.of(p);
  }

  /** The years from the first to the last the index covers, with their percentage changes. */
  public Map<FinancialYear, Double> table() {
    Map<FinancialYear, Double> t = new java.util.LinkedHashMap<>();
    percent.forEach((y, p) -> t.put(new FinancialYear(y), p));
    return Collections.unmodifiableMap(t);
  }

  /**
   * The years whose change is needed to convert between {@code a} and {@code b} but missing from
   * the index; empty when the conversion can be made.
   */
  public List<FinancialYear> missing(FinancialYear a, FinancialYear b) {
    List<FinancialYear> gaps = new ArrayList<>();
    int from = Math.min(a.startYear(), b.startYear());
    int to = Math.max(a.startYear(), b.startYear());
    for (int y = from + 1; y <= to; y++) {
      if (!percent.containsKey(y)) {
        gaps.add(new FinancialYear(y));
      }
    }
    return gaps;
  }

  /**
   * What one pound of year {@code from} is worth in year {@code to}.
   *
   * @throws IllegalArgumentException naming the first year the index lacks
   */
  public double factor(FinancialYear from, FinancialYear to) {
    List<FinancialYear> gaps = missing(from, to);
    if (!gaps.isEmpty()) {
      throw new IllegalArgumentException(
          "the cost index has no figure for " + gaps.get(0).label() + "; expected one");
    }
    double f = 1;
    int lo = Math.min(from.startYear(), to.startYear());
    int hi = Math.max(from.startYear(), to.startYear());
    for (int y = lo + 1; y <= hi; y++) {
      f *= 1 + percent.get(y) / 100.0;
    }
    return from.startYear() <= to.startYear() ? f : 1 / f;
  }

  private static Map<Integer, Double> builtInTable() {
    Map<Integer, Double> t = new TreeMap<>();
    // [hchs-index]: the HCHS pay and prices index, the series PSSRU published before 2015/16.
    t.put(2010, 3.0);
    t.put(2011, 2.1);
    t.put(2012, 1.7);
    t.put(2013, 1.1);
    t.put(2014, 0.9);
    // [nhs-cost-index]: the NHS cost inflation index, PSSRU Unit Costs of Health and Social Care
    // (2024 edition to 2022/23; the 2025 edition revised 2023/24 and gave 2024/25, provisional).
    t.put(2015, 0.40);
    t.put(2016, 2.09);
    t.put(2017, 1.24);
    t.put(2018, 1.60);
    t.put(2019, 2.14);
    t.put(2020, 2.49);
    t.put(2021, 2.58);
    t.put(2022, 7.32);
    t.put(2023, 2.47);
    t.put(2024, 4.02);
    // [nhsps-2025-26]: the NHS Payment Scheme's cost uplift factor for 2025/26, a forecast.
    t.put(2025, 4.83);
    // ASSUMPTION (docs/sources.md, "price index"): 2.5 % a year from 2026/27, close to the
    // index's ten-year average and a little above the 2 % inflation target.
    for (int y = 2026; y <= 2080; y++) {
      t.put(y, 2.5);
    }
    return Collections.unmodifiableMap(t);
  }
}
