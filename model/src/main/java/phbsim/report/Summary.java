package phbsim.report;

import java.util.Arrays;

/**
 * A measure across replications: the mean, and the interval that holds the middle 95% of the
 * replications' values (the 2.5th and 97.5th percentiles, linearly interpolated between order
 * statistics). The interval describes the spread of outcomes a commissioner should plan for; it is
 * not a confidence interval of the mean, which would be narrower by about the square root of the
 * number of replications.
 */
public record Summary(double mean, double lower, double upper, int replications) {
  /** Summarises values given in replication order (the order matters only for the mean's bits). */
  public static Summary of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to summarise");
    }
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return new Summary(
        sum / values.length, percentile(sorted, 0.025), percentile(sorted, 0.975), values.length);
  }

  private static double percentile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    double fraction = position - below;
    return sorted[below] + fraction * (sorted[above] - sorted[below]);
  }
}
