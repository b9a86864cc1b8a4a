package phbsim.world;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import phbsim.money.Ledger;
import phbsim.money.Money;
import phbsim.observe.TeamMeasure;
import phbsim.observe.TeamMetrics;
import phbsim.scenario.ServiceKind;
import phbsim.scenario.UnbundlingSpec;
import phbsim.service.BlockContract;
import phbsim.service.ServiceNetwork;
import phbsim.time.FinancialCalendar;

/**
 * The community teams of one replication: their caseload places and waiting lists, their block
 * contracts with planned releases and yearly contract reviews, and the monthly record of each team
 * (MODEL.md sections 3, 4 and 7). Arrays are indexed by service number; other kinds of service have
 * empty entries.
 *
 * <p>The World decides who joins and leaves; this class keeps the counts and the money of the teams
 * consistent with those decisions.
 */
final class Teams {
  /*
   * Design notes (policy: MODEL.md section 4 "contract review")
   *
   * Contract review (unbundling). At each team's yearly review, if its caseload has stayed at or
   * below threshold x capacity at each of the last heldMonths month ends, the whole posts the
   * highest of those caseloads does not need (at that threshold) are released after the notice
   * period, never below the minimum viable posts. BlockContract shows the saving and the fixed
   * cost left stranded.
   *
   * Places. A team's capacity is its posts in force x caseload per post. Budget holders' remaining
   * team contact uses part of a place (holderLoad), so a place is free when caseload + holder load
   * + 1 fits in the capacity.
   */

  private final ServiceNetwork services;
  private final FinancialCalendar calendar;

  final int[] caseload;
  final int[] slots;
  final WaitingList[] waitingList;
  final BlockContract[] contracts;
  final double[] holderLoad;

  private final double[] frailtyOnCaseload;
  private final int[][] caseloadAtMonthEnd;
  private final double[][] waits;
  private final int[] waitsCount;
  private final long[] blockPaidThisMonth;
  private final TeamMetrics record;

  Teams(ServiceNetwork services, FinancialCalendar calendar) {
    this.services = services;
    this.calendar = calendar;
    int n = services.size();
    int months = calendar.monthCount();
    caseload = new int[n];
    slots = new int[n];
    waitingList = new WaitingList[n];
    contracts = new BlockContract[n];
    holderLoad = new double[n];
    frailtyOnCaseload = new double[n];
    caseloadAtMonthEnd = new int[n][months];
    waits = new double[n][];
    waitsCount = new int[n];
    blockPaidThisMonth = new long[n];
    record = new TeamMetrics(months, n);
    for (int i = 0; i < n; i++) {
      if (services.kind(i) == ServiceKind.COMMUNITY) {
        waitingList[i] = new WaitingList();
        contracts[i] = services.newContract(i);
        slots[i] = services.slots(i);
        waits[i] = new double[16];
      }
    }
  }

  TeamMetrics record() {
    return record;
  }

  /** Whether the team has a whole place free, counting the places holders' contact uses. */
  boolean hasFreePlace(int team) {
    return caseload[team] + holderLoad[team] + 1 <= slots[team] + 1e-9;
  }

  void join(int team, double frailty) {
    caseload[team]++;
    frailtyOnCaseload[team] += frailty;
  }

  void leave(int team, double frailty) {
    caseload[team]--;
    frailtyOnCaseload[team] -= frailty;
  }

  void recordWait(int team, double days) {
    if (waitsCount[team] == waits[team].length) {
      waits[team] = Arrays.copyOf(waits[team], waitsCount[team] * 2);
    }
    waits[team][waitsCount[team]++] = days;
  }

  /**
   * Opens a month: contract reviews and planned releases decided now, this month's instalments, and
   * each team's capacity as its contract now stands.
   */
  void monthStart(Ledger ledger, int month, double uplift) {
    double day = calendar.monthStart(month);
    int period = calendar.month(month).period();
    reviewContracts(month);
    for (int svc = 0; svc < services.size(); svc++) {
      BlockContract c = contracts[svc];
      if (c == null) {
        continue;
      }
      for (var release : services.spec(svc).community().contract().releases()) {
        long dayDecided = ChronoUnit.DAYS.between(calendar.startDate(), release.decided());
        if (calendar.monthIndexOf(dayDecided) == month) {
          c.release(release.posts(), month);
        }
      }
      blockPaidThisMonth[svc] = c.postInstalments(ledger, day, month, period, uplift);
      slots[svc] =
          (int)
              Math.floor(
                  c.postsInForce(month) * services.spec(svc).community().caseloadPerPost() + 1e-9);
    }
  }

  /** Yearly contract reviews: release posts a caseload that stayed low does not need. */
  private void reviewContracts(int month) {
    int period = calendar.month(month).period();
    for (int team = 0; team < services.size(); team++) {
      BlockContract c = contracts[team];
      if (c == null) {
        continue;
      }
      UnbundlingSpec u = services.spec(team).community().contract().unbundling();
      if (u == null || u.reviewPeriod() != period || month < u.heldMonths()) {
        continue;
      }
      int perPost = services.spec(team).community().caseloadPerPost();
      int highest = 0;
      boolean stayedLow = true;
      for (int m = month - u.heldMonths(); m < month; m++) {
        int capacity = (int) Math.floor(c.postsInForce(m) * perPost + 1e-9);
        highest = Math.max(highest, caseloadAtMonthEnd[team][m]);
        stayedLow &= caseloadAtMonthEnd[team][m] <= u.threshold() * capacity;
      }
      if (!stayedLow) {
        continue;
      }
      double needed = Math.max(u.minimumPosts(), Math.ceil(highest / (u.threshold() * perPost)));
      double release = Math.floor(c.originalPosts() - c.releasesDecided() - needed + 1e-9);
      if (release >= 1) {
        c.release(release, month);
      }
    }
  }

  /** Records each team's month end. */
  void recordMonth(int month) {
    for (int team = 0; team < services.size(); team++) {
      BlockContract c = contracts[team];
      if (c == null) {
        continue;
      }
      caseloadAtMonthEnd[team][month] = caseload[team];
      record.set(month, team, TeamMeasure.POSTS, c.postsInForce(month));
      record.set(month, team, TeamMeasure.CAPACITY, slots[team]);
      record.set(month, team, TeamMeasure.CASELOAD, caseload[team]);
      record.set(
          month,
          team,
          TeamMeasure.UTILISATION,
          slots[team] > 0 ? (caseload[team] + holderLoad[team]) / slots[team] : 0);
      record.set(month, team, TeamMeasure.WAITING_LIST, waitingList[team].size());
      double[] sorted = Arrays.copyOf(waits[team], waitsCount[team]);
      Arrays.sort(sorted);
      record.set(month, team, TeamMeasure.WAIT_MEDIAN_DAYS, centile(sorted, 0.5));
      record.set(month, team, TeamMeasure.WAIT_P90_DAYS, centile(sorted, 0.9));
      waitsCount[team] = 0;
      record.set(
          month,
          team,
          TeamMeasure.COST_PER_PERSON,
          caseload[team] > 0 ? blockPaidThisMonth[team] / 100.0 / caseload[team] : 0);
      UnbundlingSpec u = services.spec(team).community().contract().unbundling();
      double minimum = u == null ? 0 : u.minimumPosts();
      int perPost = services.spec(team).community().caseloadPerPost();
      record.set(
          month,
          team,
          TeamMeasure.BELOW_MINIMUM_VIABLE_SIZE,
          caseload[team] < minimum * perPost ? 1 : 0);
      record.set(
          month,
          team,
          TeamMeasure.MEAN_FRAILTY_ON_CASELOAD,
          caseload[team] > 0 ? frailtyOnCaseload[team] / caseload[team] : 0);
    }
  }

  /**
   * The staffed cost of the places standing empty at this month end, in pence: the measure of
   * capacity paid for twice when budgets run beside it (double running).
   */
  long vacantCapacityCost(int month, double uplift) {
    long sum = 0;
    int period = calendar.month(month).period();
    for (int svc = 0; svc < services.size(); svc++) {
      BlockContract c = contracts[svc];
      if (c != null && slots[svc] > 0) {
        double vacant = Math.max(0, slots[svc] - caseload[svc] - holderLoad[svc]);
        sum += Money.times(c.staffInForce(month, period, uplift), vacant / slots[svc]);
      }
    }
    return sum;
  }

  /** The contracts' value as let, at an uplift: what a full year's instalments add up to. */
  long annualValue(double uplift) {
    long value = 0;
    for (BlockContract c : contracts) {
      if (c != null) {
        value += c.annualValue(uplift);
      }
    }
    return value;
  }

  /** The q-th centile of sorted values, by linear interpolation; 0 if there are none. */
  static double centile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
