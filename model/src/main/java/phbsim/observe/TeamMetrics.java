package phbsim.observe;

import java.util.Arrays;

/** The monthly record of every community team of one replication: (month, team, measure). */
public final class TeamMetrics implements java.io.Serializable {
  // Serializable so that a distributed job (the spark module) can send a replication's record
  // back from where it ran; plain arrays of numbers, nothing else.
  private static final long serialVersionUID = 1L;

  private static final TeamMeasure[] MEASURES = TeamMeasure.values();

  private final int months;
  private final int teams;
  private final double[] values;
  private final TeamReleases releases;

  /**
   * @param teams the number of services (teams are indexed by service number)
   */
  public TeamMetrics(int months, int teams) {
    this.months = months;
    this.teams = teams;
    this.values = new double[months * teams * MEASURES.length];
    this.releases = new TeamReleases(months);
  }

  /** Each post release of the teams, with its months' saving and stranded cost. */
  public TeamReleases releases() {
    return releases;
  }

  /** Teams recorded (indexed by service number; services that are not teams stay 0). */
  public int teams() {
    return teams;
  }

  public int months() {
    return months;
  }

  public double get(int month, int team, TeamMeasure measure) {
    return values[at(month, team, measure)];
  }

  public void set(int month, int team, TeamMeasure measure, double value) {
    values[at(month, team, measure)] = value;
  }

  public double[] toArray() {
    return Arrays.copyOf(values, values.length);
  }

  private int at(int month, int team, TeamMeasure measure) {
    return (month * teams + team) * MEASURES.length + measure.ordinal();
  }
}
