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

  /** How many replications the arm ran. */
  public int replicationCount() {
    return replications.size();
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
    // Every measure is a count or a number of days: its interval stays at or above 0.
    return rounded(Summary.protectedOf(values, below()).nonNegative());
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
    return rounded(Summary.protectedOf(values, below()).nonNegative());
  }

  /** A count as published: rounded to the nearest 5 under the NHS convention (NhsRounding). */
  private Summary rounded(Summary s) {
    return withheld != null && withheld.rounds() ? NhsRounding.count(s) : s;
  }

  /**
   * The length of a budget, in years, allowing for the budgets still running at the horizon
   * (censored): in each replication, the Kaplan-Meier estimate from every budget held during the
   * run (a budget held on day 0 counted from day 0; observe.BudgetSpells), and from it
   *
   * <ul>
   *   <li>the median, given only if it is reached within the horizon in every replication that had
   *       a budget (a mean over the replications that reach it would be biased short); otherwise
   *       {@link Summary#UNDEFINED}, and {@code medianReached} says in how many it was;
   *   <li>the restricted mean up to the horizon: the mean length if every budget were stopped at
   *       the horizon, so never more than the horizon.
   * </ul>
   *
   * Both are summarised over the same replications (those with at least one budget), their
   * intervals kept within 0 to the horizon.
   */
  public BudgetLength budgetLength() {
    double horizonYears =
        compiled.calendar().horizonDays() / phbsim.population.Segments.DAYS_PER_YEAR;
    int n = replications.size();
    double[] median = new double[n];
    double[] restricted = new double[n];
    int withBudgets = 0;
    int reached = 0;
    for (int r = 0; r < n; r++) {
      phbsim.observe.BudgetSpells spells = replications.get(r).budgetSpells();
      if (spells == null || spells.count() == 0) {
        median[r] = Double.NaN;
        restricted[r] = Double.NaN;
        continue;
      }
      double[] years = new double[spells.count()];
      boolean[] censored = new boolean[spells.count()];
      for (int i = 0; i < years.length; i++) {
        years[i] = spells.days(i) / phbsim.population.Segments.DAYS_PER_YEAR;
        censored[i] = spells.censored(i);
      }
      KaplanMeier km = KaplanMeier.of(years, censored, years.length);
      withBudgets++;
      median[r] = km.median();
      restricted[r] = km.restrictedMean(horizonYears);
      if (!Double.isNaN(median[r])) {
        reached++;
      }
    }
    Summary medianSummary =
        reached == withBudgets && withBudgets > 0
            ? Summary.protectedOf(median, below()).within(0, horizonYears)
            : Summary.UNDEFINED;
    return new BudgetLength(
        medianSummary,
        reached,
        withBudgets,
        Summary.protectedOf(restricted, below()).within(0, horizonYears),
        horizonYears);
  }

  /**
   * The length of a budget (ExperimentResult.budgetLength), in years.
   *
   * @param median the Kaplan-Meier median; undefined unless reached in every replication with a
   *     budget
   * @param medianReached the replications in which the median was reached within the horizon
   * @param replications the replications with at least one budget, behind both figures
   * @param restrictedMean the Kaplan-Meier restricted mean up to the horizon
   * @param horizonYears the horizon the restricted mean is restricted to
   */
  public record BudgetLength(
      Summary median,
      int medianReached,
      int replications,
      Summary restrictedMean,
      double horizonYears) {}

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
