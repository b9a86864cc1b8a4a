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
  private final int[] yearOfMonth;

  public ExperimentResult(
      CompiledScenario compiled, RunSpec run, List<ReplicationResult> replications) {
    this.compiled = compiled;
    this.run = run;
    this.replications = List.copyOf(replications);
    this.years = compiled.calendar().financialYears();
    int months = compiled.calendar().monthCount();
    this.yearOfMonth = new int[months];
    for (int m = 0; m < months; m++) {
      yearOfMonth[m] = years.indexOf(compiled.calendar().month(m).financialYear());
    }
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
    double sum = 0;
    int last = -1;
    for (int month = 0; month < yearOfMonth.length; month++) {
      if (yearOfMonth[month] == year) {
        sum += value(m, month, segment, measure);
        last = month;
      }
    }
    return measure.kind() == Measure.Kind.STOCK ? value(m, last, segment, measure) : sum;
  }

  /** Mean and 95% interval over replications of a month's value. */
  public Summary monthly(int month, int segment, Measure measure) {
    double[] values = new double[replications.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = value(replications.get(r).metrics(), month, segment, measure);
    }
    return Summary.of(values);
  }

  /** Mean and 95% interval over replications of a financial year's value. */
  public Summary annual(int year, int segment, Measure measure) {
    double[] values = new double[replications.size()];
    for (int r = 0; r < values.length; r++) {
      values[r] = annualValue(replications.get(r).metrics(), year, segment, measure);
    }
    return Summary.of(values);
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
