package phbsim.population;

import java.util.List;
import java.util.Map;
import phbsim.scenario.SegmentSpec;
import phbsim.service.ServiceNetwork;

/**
 * A scenario's segments compiled for the event loop: rates converted from per year to per day, team
 * and exit services resolved to indices. Immutable; shared by all replications.
 */
public final class Segments {
  /** Days in a year for converting annual rates: the mean Gregorian year. */
  public static final double DAYS_PER_YEAR = 365.2425;

  private final List<SegmentSpec> specs;
  private final int[] team;
  private final double[] referralsPerDay;
  private final double[] crisesPerDay;
  private final double[] frailtyVariance;
  private final double[] exitsPerDay;
  private final double[][] exitCumulative;
  private final int[][] exitTarget;

  public Segments(List<SegmentSpec> specs, ServiceNetwork services) {
    this.specs = List.copyOf(specs);
    int n = specs.size();
    team = new int[n];
    referralsPerDay = new double[n];
    crisesPerDay = new double[n];
    frailtyVariance = new double[n];
    exitsPerDay = new double[n];
    exitCumulative = new double[n][];
    exitTarget = new int[n][];
    for (int g = 0; g < n; g++) {
      SegmentSpec s = specs.get(g);
      team[g] = services.indexOf(s.team());
      referralsPerDay[g] = s.referralsPerYear() / DAYS_PER_YEAR;
      crisesPerDay[g] = s.crisesPerYear() / DAYS_PER_YEAR;
      frailtyVariance[g] = s.frailtyVariance();
      double total = 0;
      for (double r : s.exitsPerYear().values()) {
        total += r;
      }
      exitsPerDay[g] = total / DAYS_PER_YEAR;
      int k = 0;
      exitCumulative[g] = new double[s.exitsPerYear().size()];
      exitTarget[g] = new int[s.exitsPerYear().size()];
      double sum = 0;
      for (Map.Entry<String, Double> e : s.exitsPerYear().entrySet()) {
        sum += e.getValue();
        exitCumulative[g][k] = total > 0 ? sum / total : 1.0;
        exitTarget[g][k] = services.indexOf(e.getKey());
        k++;
      }
      if (k > 0) {
        exitCumulative[g][k - 1] = 1.0;
      }
    }
  }

  public int size() {
    return specs.size();
  }

  public SegmentSpec spec(int segment) {
    return specs.get(segment);
  }

  public String id(int segment) {
    return specs.get(segment).id();
  }

  /** The COMMUNITY team of the segment, as a service index. */
  public int team(int segment) {
    return team[segment];
  }

  public double referralsPerDay(int segment) {
    return referralsPerDay[segment];
  }

  /** Crisis hazard per day of a person of frailty 1. */
  public double crisesPerDay(int segment) {
    return crisesPerDay[segment];
  }

  public double frailtyVariance(int segment) {
    return frailtyVariance[segment];
  }

  /** Total exit hazard per day, over all exits. */
  public double exitsPerDay(int segment) {
    return exitsPerDay[segment];
  }

  /** The exit service chosen by a uniform {@code u} in [0, 1), in proportion to the exit rates. */
  public int exitFor(int segment, double u) {
    double[] cum = exitCumulative[segment];
    for (int k = 0; k < cum.length - 1; k++) {
      if (u < cum[k]) {
        return exitTarget[segment][k];
      }
    }
    return exitTarget[segment][cum.length - 1];
  }
}
