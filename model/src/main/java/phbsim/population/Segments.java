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
  private final double[] gpPerDay;
  private final double[] needsTrendPerDay;
  private final Exits[] exits;
  private final Exits[] waitingExits;

  /** One set of exit hazards, compiled: their total per day, and a choice among them. */
  private record Exits(double perDay, double[] cumulative, int[] target) {
    static Exits of(Map<String, Double> perYear, ServiceNetwork services) {
      double total = 0;
      for (double r : perYear.values()) {
        total += r;
      }
      double[] cumulative = new double[perYear.size()];
      int[] target = new int[perYear.size()];
      int k = 0;
      double sum = 0;
      for (Map.Entry<String, Double> e : perYear.entrySet()) {
        sum += e.getValue();
        cumulative[k] = total > 0 ? sum / total : 1.0;
        target[k] = services.indexOf(e.getKey());
        k++;
      }
      if (k > 0) {
        cumulative[k - 1] = 1.0;
      }
      return new Exits(total / DAYS_PER_YEAR, cumulative, target);
    }

    int choose(double u) {
      for (int k = 0; k < cumulative.length - 1; k++) {
        if (u < cumulative[k]) {
          return target[k];
        }
      }
      return target[cumulative.length - 1];
    }
  }

  public Segments(List<SegmentSpec> specs, ServiceNetwork services) {
    this(specs, services, null);
  }

  /**
   * As above, with each segment's frailty variance replaced by {@code frailtyVariances[g]} where
   * that is not null: the variance estimated from a person-level starting population.
   */
  public Segments(List<SegmentSpec> specs, ServiceNetwork services, double[] frailtyVariances) {
    this.specs = List.copyOf(specs);
    int n = specs.size();
    team = new int[n];
    referralsPerDay = new double[n];
    crisesPerDay = new double[n];
    frailtyVariance = new double[n];
    gpPerDay = new double[n];
    needsTrendPerDay = new double[n];
    exits = new Exits[n];
    waitingExits = new Exits[n];
    for (int g = 0; g < n; g++) {
      SegmentSpec s = specs.get(g);
      team[g] = services.indexOf(s.team());
      referralsPerDay[g] = s.referralsPerYear() / DAYS_PER_YEAR;
      crisesPerDay[g] = s.crisesPerYear() / DAYS_PER_YEAR;
      frailtyVariance[g] = frailtyVariances == null ? s.frailtyVariance() : frailtyVariances[g];
      gpPerDay[g] = s.gpConsultationsPerYear() / DAYS_PER_YEAR;
      needsTrendPerDay[g] = s.needsTrendPerYear() / DAYS_PER_YEAR;
      exits[g] = Exits.of(s.exitsPerYear(), services);
      waitingExits[g] = Exits.of(s.waitingExitsPerYear(), services);
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

  /** GP consultations per day of a person in secondary care (not holding a budget). */
  public double gpPerDay(int segment) {
    return gpPerDay[segment];
  }

  /**
   * The growth rate per day of a person's crisis hazard with their time in secondary care: the
   * hazard is multiplied by exp(this x days since they came in). 0 for constant needs.
   */
  public double needsTrendPerDay(int segment) {
    return needsTrendPerDay[segment];
  }

  /** Total exit hazard per day, over all exits, of a person with a place or a budget. */
  public double exitsPerDay(int segment) {
    return exits[segment].perDay();
  }

  /** The exit service chosen by a uniform {@code u} in [0, 1), in proportion to the exit rates. */
  public int exitFor(int segment, double u) {
    return exits[segment].choose(u);
  }

  /** Total exit hazard per day of a person waiting for a place. */
  public double waitingExitsPerDay(int segment) {
    return waitingExits[segment].perDay();
  }

  /** The exit service of a person leaving while waiting, chosen by a uniform {@code u}. */
  public int waitingExitFor(int segment, double u) {
    return waitingExits[segment].choose(u);
  }
}
