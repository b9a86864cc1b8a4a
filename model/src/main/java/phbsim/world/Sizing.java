package phbsim.world;

import phbsim.population.Segments;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentSpec;
import phbsim.time.FinancialCalendar;

/**
 * How many people a replication's arrays are sized for: the starting caseloads and 1.1 times the
 * referrals expected over the horizon (the headroom makes a regrowth of the arrays rare). One rule,
 * read by the world when it allocates and by the run service when it estimates, before anything is
 * allocated, whether a run fits in memory: an estimate that copied the rule would drift from it.
 */
public final class Sizing {
  /** The referrals a replication is sized for, as a multiple of those expected. */
  public static final double REFERRAL_HEADROOM = 1.1;

  private Sizing() {}

  /** The referrals expected over {@code horizonDays} at {@code perDay}, with the headroom. */
  static int referrals(double perDay, int horizonDays) {
    return (int) Math.min(Integer.MAX_VALUE / 4, perDay * horizonDays * REFERRAL_HEADROOM);
  }

  /** The people one replication of {@code s} is sized for, as {@link World} sizes them. */
  public static long people(Scenario s) {
    int days = new FinancialCalendar(s.startDate(), s.years()).horizonDays();
    double perDay = 0;
    long starting = 0;
    for (SegmentSpec seg : s.segments()) {
      perDay += seg.referralsPerYear() / Segments.DAYS_PER_YEAR;
      starting += seg.startingCaseload();
    }
    return starting + referrals(perDay, days);
  }
}
