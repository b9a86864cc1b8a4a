package phbsim.world;

/**
 * People in a place (a ward, a crisis service, out-of-area placements) by service and segment, and
 * the person-days they spend there, accrued exactly in continuous time: every change first adds
 * count x elapsed time to the current month's days.
 */
final class Occupancy {
  private final int segments;
  private final int[] count;
  private final double[] days;
  private final double[] since;

  Occupancy(int services, int segments) {
    this.segments = segments;
    this.count = new int[services * segments];
    this.days = new double[services * segments];
    this.since = new double[services * segments];
  }

  void change(int service, int segment, int delta, double now) {
    int i = service * segments + segment;
    accrue(i, now);
    count[i] += delta;
    if (count[i] < 0) {
      throw new IllegalStateException("occupancy below zero in service " + service);
    }
  }

  int count(int service, int segment) {
    return count[service * segments + segment];
  }

  /** The person-days since the last call, up to {@code now}; starts counting afresh. */
  double takeDays(int service, int segment, double now) {
    int i = service * segments + segment;
    accrue(i, now);
    double d = days[i];
    days[i] = 0;
    return d;
  }

  private void accrue(int i, double now) {
    days[i] += count[i] * (now - since[i]);
    since[i] = now;
  }
}
