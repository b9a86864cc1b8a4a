package phbsim.world;

import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import phbsim.money.Instalments;
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
 * (docs/model.md sections 3, 4 and 7). Arrays are indexed by service number; other kinds of service
 * have empty entries.
 *
 * <p>The World decides who joins and leaves; this class keeps the counts and the money of the teams
 * consistent with those decisions.
 */
final class Teams {
  /*
   * Design notes (policy: docs/model.md sections 4, 5 and 7)
   *
   * 1. Contract review (unbundling). At each team's yearly review, if its caseload has stayed at
   *    or below threshold x capacity at each of the last heldMonths month ends, the whole posts
   *    the highest of those caseloads does not need (at that threshold) are released after the
   *    notice period, never below the minimum viable posts. BlockContract shows the saving and
   *    the fixed cost left stranded.
   *
   * 2. Places. A team's capacity is its posts in force x caseload per post. Budget holders'
   *    remaining team contact uses part of a place (holderLoad), so a place is free when caseload
   *    + holder load + 1 fits in the capacity.
   *
   * 3. Double running (docs/model.md section 5). A person who leaves the caseload for a budget
   *    frees 1 - teamContactShare of a place (freed). The places freed and not since released
   *    from the contract are paid for in the block while their former occupants' budgets are paid
   *    too: at the contract's cost per place (the month's instalment as let / places as let),
   *    capped by what was paid this month on the budgets of the holders whose places are still
   *    unreleased (their payments x unreleased / freed, places being interchangeable). Whether a freed place was refilled
   *    from the waiting list or stands empty is reported beside it (empty places are counted
   *    first against the team's vacant places); it does not change the cash.
   *
   * 4. Waits. The days waited by each person given a place from the waiting list are kept for the
   *    month; the median and 90th centile are read off them at the month end (undefined, NaN,
   *    when nobody was given a place from the list that month).
   */

  private final ServiceNetwork services;
  private final FinancialCalendar calendar;

  final int[] caseload;
  final int[] slots;
  final WaitingList[] waitingList;
  final BlockContract[] contracts;
  final double[] holderLoad;

  /** Places left by people now holding a budget they took up from this team's caseload. */
  final double[] freed;

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
    freed = new double[n];
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
        contracts[i].recordInto(record.releases());
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

  /** Whether someone arriving now gets a place at once: one is free and nobody is waiting. */
  boolean placeForNewcomer(int team) {
    return hasFreePlace(team) && waitingList[team].nobodyWaiting();
  }

  void join(int team, double frailty) {
    caseload[team]++;
    frailtyOnCaseload[team] += frailty;
  }

  void leave(int team, double frailty) {
    caseload[team]--;
    frailtyOnCaseload[team] -= frailty;
  }

  /** Someone was given a place after waiting {@code days}. */
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
          c.release(release.posts(), month, phbsim.observe.TeamReleases.Source.PLANNED);
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
        c.release(release, month, phbsim.observe.TeamReleases.Source.REVIEW);
      }
    }
  }

  /**
   * A place on the team's caseload, in pounds a day: the contract's annual value as let over its
   * places (the cohort view's unit cost of a caseload place).
   */
  double placeCostPerDay(int team, double uplift) {
    BlockContract c = contracts[team];
    int places = services.slots(team);
    return c == null || places == 0
        ? 0
        : c.annualValue(uplift) / 100.0 / places / phbsim.population.Segments.DAYS_PER_YEAR;
  }

  /**
   * Records each team's month end.
   *
   * @param paidOnLeavers pence paid this month on the budgets of people who left each team's
   *     caseload for them (by service number)
   * @return double running this month over all teams, in pence
   */
  long recordMonth(int month, double uplift, long[] paidOnLeavers) {
    long doubleRunning = 0;
    int period = calendar.month(month).period();
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
          slots[team] > 0 ? (caseload[team] + holderLoad[team]) / slots[team] : Double.NaN);
      record.set(month, team, TeamMeasure.WAITING_LIST, waitingList[team].waiting());
      double[] sorted = Arrays.copyOf(waits[team], waitsCount[team]);
      Arrays.sort(sorted);
      record.set(month, team, TeamMeasure.WAIT_MEDIAN_DAYS, centile(sorted, 0.5));
      record.set(month, team, TeamMeasure.WAIT_P90_DAYS, centile(sorted, 0.9));
      waitsCount[team] = 0;
      record.set(
          month,
          team,
          TeamMeasure.COST_PER_PERSON,
          caseload[team] > 0 ? blockPaidThisMonth[team] / 100.0 / caseload[team] : Double.NaN);
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
          caseload[team] > 0 ? frailtyOnCaseload[team] / caseload[team] : Double.NaN);

      double released = (c.originalPosts() - c.postsInForce(month)) * perPost;
      double unreleased = Math.max(0, freed[team] - released);
      double vacant = Math.max(0, slots[team] - caseload[team] - holderLoad[team]);
      double empty = Math.min(unreleased, vacant);
      int placesAsLet = services.slots(team);
      long cost =
          placesAsLet > 0
              ? Money.times(
                  Instalments.instalment(c.annualValue(uplift), 12, period - 1),
                  unreleased / placesAsLet)
              : 0;
      // The cap counts only the budgets of holders whose places are still unreleased (docs/model.md
      // section 5.4): places are interchangeable, so each leaver's payments (net of direct-payment
      // reclaims, which Budgets.pay posts as negative) count by the share of the team's freed
      // places not yet released.
      double unreleasedShare = freed[team] > 1e-9 ? Math.min(1, unreleased / freed[team]) : 0;
      long cap = Money.times(Math.max(0, paidOnLeavers[team]), unreleasedShare);
      long running = Math.min(cost, cap);
      doubleRunning += running;
      record.set(month, team, TeamMeasure.FREED_PLACES, unreleased);
      record.set(month, team, TeamMeasure.FREED_PLACES_REFILLED, unreleased - empty);
      record.set(month, team, TeamMeasure.FREED_PLACES_EMPTY, empty);
      record.set(month, team, TeamMeasure.DOUBLE_RUNNING, running / 100.0);
      record.set(month, team, TeamMeasure.DOUBLE_RUNNING_CAPPED, running > 0 && cost > cap ? 1 : 0);
    }
    return doubleRunning;
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

  /**
   * The q-th centile of sorted values, by linear interpolation between order statistics (the
   * spreadsheet PERCENTILE.INC rule); NaN if there are none.
   */
  static double centile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
