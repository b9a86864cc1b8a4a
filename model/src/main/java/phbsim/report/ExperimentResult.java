package phbsim.report;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import phbsim.experiment.RunSpec;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.time.FinancialYear;
import phbsim.world.CompiledScenario;

/**
 * All replications of one scenario, and their summaries per month and per financial year.
 *
 * <p>A segment index of {@link #ALL_SEGMENTS} means the sum over segments. A financial year's value
 * of a FLOW or DURATION measure is the sum of its months; of a STOCK, the value at its last month
 * end (the year-end position).
 */
public final class ExperimentResult {
  /** Segment index meaning "all segments together". */
  public static final int ALL_SEGMENTS = -1;

  private final CompiledScenario compiled;
  private final RunSpec run;
  private final List<ReplicationResult> replications;
  private final List<FinancialYear> years;

  /** The months of each financial year, in increasing order. */
  private final int[][] monthsOfYear;

  public ExperimentResult(
      CompiledScenario compiled, RunSpec run, List<ReplicationResult> replications) {
    this.compiled = compiled;
    this.run = run;
    this.replications = List.copyOf(replications);
    this.years = compiled.calendar().financialYears();
    this.monthsOfYear = monthsOfYear(compiled.calendar());
  }

  /** For each financial year of the calendar, its months in increasing order. */
  static int[][] monthsOfYear(phbsim.time.FinancialCalendar calendar) {
    List<FinancialYear> years = calendar.financialYears();
    int[] yearOfMonth = new int[calendar.monthCount()];
    for (int m = 0; m < yearOfMonth.length; m++) {
      yearOfMonth[m] = years.indexOf(calendar.month(m).financialYear());
    }
    return monthsOfYear(yearOfMonth, years.size());
  }

  /** For each year 0..years-1, its months in increasing order. */
  private static int[][] monthsOfYear(int[] yearOfMonth, int years) {
    int[] count = new int[years];
    for (int y : yearOfMonth) {
      if (y >= 0) {
        count[y]++;
      }
    }
    int[][] months = new int[years][];
    for (int y = 0; y < years; y++) {
      months[y] = new int[count[y]];
      count[y] = 0;
    }
    for (int m = 0; m < yearOfMonth.length; m++) {
      int y = yearOfMonth[m];
      if (y >= 0) {
        months[y][count[y]++] = m;
      }
    }
    return months;
  }

  private Disclosure.Withheld withheld;

  /** Marks what small-number suppression withholds of this arm (Disclosure). */
  void withhold(Disclosure.Withheld w) {
    this.withheld = w;
  }

  /** The threshold of small-number suppression of this arm, 0 if nothing is withheld. */
  int below() {
    return withheld == null ? 0 : withheld.below();
  }

  /** What small-number suppression withholds of this arm, or null if nothing is. */
  public Disclosure.Withheld withheld() {
    return withheld;
  }

  /** The months (indices) of a financial year. */
  int[] monthsOfYear(int year) {
    return monthsOfYear[year];
  }

  public CompiledScenario compiled() {
    return compiled;
  }

  public RunSpec run() {
    return run;
  }

  public List<ReplicationResult> replications() {
    return replications;
  }

  public List<FinancialYear> financialYears() {
    return years;
  }

  /** The value of one replication in one month, for a segment or {@link #ALL_SEGMENTS}. */
  public static double value(MonthlyMetrics m, int month, int segment, Measure measure) {
    return segment == ALL_SEGMENTS ? m.total(month, measure) : m.get(month, segment, measure);
  }

  /** One replication's value for a financial year (index into {@link #financialYears()}). */
  public double annualValue(MonthlyMetrics m, int year, int segment, Measure measure) {
    return annualValue(m, monthsOfYear[year], segment, measure);
  }

  /** One replication's value over the months of a financial year, as above. */
  static double annualValue(MonthlyMetrics m, int[] months, int segment, Measure measure) {
    if (measure.kind() == Measure.Kind.STOCK) {
      return value(m, months.length == 0 ? -1 : months[months.length - 1], segment, measure);
    }
    double sum = 0;
    for (int month : months) {
      sum += value(m, month, segment, measure);
    }
    return sum;
  }

  /** Mean and 95% interval over replications of a month's value. */
  public Summary monthly(int month, int segment, Measure measure) {
    if (withheld != null && withheld.monthly(month, segment, measure)) {
      return Summary.WITHHELD;
    }
    double[] values = new double[replications.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = value(replications.get(r).metrics(), month, segment, measure);
    }
    return Summary.protectedOf(values, below());
  }

  /** Mean and 95% interval over replications of a financial year's value. */
  public Summary annual(int year, int segment, Measure measure) {
    if (withheld != null && withheld.annual(year, segment, measure)) {
      return Summary.WITHHELD;
    }
    double[] values = new double[replications.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = annualValue(replications.get(r).metrics(), year, segment, measure);
    }
    return Summary.protectedOf(values, below());
  }

  /**
   * The mean length of a budget, in years: budget-years held over the horizon / budgets ended, per
   * replication (the exposure estimate, which allows for budgets still running at the horizon when
   * the chance of ending is steady); undefined in a replication where none ended.
   */
  public Summary meanBudgetDurationYears() {
    double[] v = new double[replications.size()];
    for (int r = 0; r < v.length; r++) {
      MonthlyMetrics m = replications.get(r).metrics();
      double days = 0;
      double ended = 0;
      for (int month = 0; month < m.months(); month++) {
        days += m.total(month, Measure.BUDGET_DAYS);
        ended += m.total(month, Measure.BUDGETS_ENDED);
      }
      v[r] = ended > 0 ? days / ended / phbsim.population.Segments.DAYS_PER_YEAR : Double.NaN;
    }
    return Summary.protectedOf(v, below());
  }

  /** Total events over all replications. */
  public long events() {
    long sum = 0;
    for (ReplicationResult r : replications) {
      sum += r.events();
    }
    return sum;
  }

  /**
   * A SHA-256 of every value of every replication, in replication order: equal digests mean
   * bit-identical results.
   */
  public String digest() {
    try {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      ByteBuffer buffer = ByteBuffer.allocate(Long.BYTES);
      for (ReplicationResult r : replications) {
        List<Double> head = new ArrayList<>(List.of((double) r.events(), (double) r.peopleEver()));
        for (double v : head) {
          sha.update(buffer.clear().putLong(Double.doubleToLongBits(v)).array());
        }
        for (double v : r.metrics().toArray()) {
          sha.update(buffer.clear().putLong(Double.doubleToLongBits(v)).array());
        }
        for (double v : r.teams().toArray()) {
          sha.update(buffer.clear().putLong(Double.doubleToLongBits(v)).array());
        }
        for (long v : r.cashFlow().toArray()) {
          sha.update(buffer.clear().putLong(v).array());
        }
      }
      return HexFormat.of().formatHex(sha.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every Java platform", e);
    }
  }
}
