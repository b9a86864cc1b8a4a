package phbsim.observe;

import java.util.Arrays;

/**
 * The monthly record of one replication: a value for every (month, segment, measure), in one
 * primitive array. Flows and durations are added during the month they occur in; stocks are set at
 * the month end.
 */
public final class MonthlyMetrics implements java.io.Serializable {
  // Serializable so that a distributed job (the spark module) can send a replication's record
  // back from where it ran; plain arrays of numbers, nothing else.
  private static final long serialVersionUID = 1L;

  private static final Measure[] MEASURES = Measure.values();

  private final int months;
  private final int segments;
  private final double[] values;

  public MonthlyMetrics(int months, int segments) {
    this.months = months;
    this.segments = segments;
    this.values = new double[months * segments * MEASURES.length];
  }

  public int months() {
    return months;
  }

  public int segments() {
    return segments;
  }

  public double get(int month, int segment, Measure measure) {
    return values[at(month, segment, measure)];
  }

  /** Sum over segments. */
  public double total(int month, Measure measure) {
    double sum = 0;
    for (int g = 0; g < segments; g++) {
      sum += values[at(month, g, measure)];
    }
    return sum;
  }

  public void add(int month, int segment, Measure measure, double amount) {
    values[at(month, segment, measure)] += amount;
  }

  public void set(int month, int segment, Measure measure, double value) {
    values[at(month, segment, measure)] = value;
  }

  /** A copy of all values, month-major then segment then measure; for hashing and comparison. */
  public double[] toArray() {
    return Arrays.copyOf(values, values.length);
  }

  private int at(int month, int segment, Measure measure) {
    return (month * segments + segment) * MEASURES.length + measure.ordinal();
  }
}
