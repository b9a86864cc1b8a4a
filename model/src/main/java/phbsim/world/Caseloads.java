package phbsim.world;

import phbsim.engine.EventCalendar;
import phbsim.money.Ledger;
import phbsim.money.Prices;
import phbsim.observe.BudgetSpells;
import phbsim.observe.CohortLog;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.population.Segments;
import phbsim.scenario.BudgetsSpec;
import phbsim.time.FinancialCalendar;

/**
 * Where people stand with their community team: a place on its caseload, its waiting list, or a
 * personal health budget instead; every move between these, leaving secondary care, and the
 * segment's head counts that the month end records and checks. Teams keeps the places themselves.
 */
final class Caseloads {
  /*
   * Design notes
   *
   * 1. The waiting list, one code path. Everyone who comes to a team (a referral, a budget holder
   *    whose budget ended) goes through goToTeam: a place if one is free and nobody is waiting,
   *    else the back of the line. Everyone who gets a place, from wherever, goes through
   *    joinCaseload, which keeps the team's count and frailty total and the eligibility for an
   *    offer together; the wait of someone placed from the line is recorded there. People
   *    waiting can have crises (their crisis clock runs) and leave secondary care at their
   *    segment's waitingExitsPerYear (default: the caseload's rates); with no leaving and no
   *    crises a team is an M/M/c queue, which the tests check against Erlang C and the M/M/c
   *    wait distribution, and with leaving an M/M/c+M queue (its exact mean queue length).
   *
   * 2. Budget holders (docs/model.md section 6). A person holding a personal health budget is
   *    not on the team's caseload: their budget and its plan replace the team's care, so their
   *    place is free for someone else, and this is how budgets change what a team is left with.
   *    They keep their crisis and exit hazards (recovery included: the one recovery mechanism);
   *    a crisis takes them along the team's crisis pathway. The places they left, not since
   *    released, are what double running counts (Teams note 3).
   *
   * 3. A person at home whose status changes has their clocks run down at the old status's rates
   *    first and re-armed at the new ones after (Hazards note 1); someone away in a bed or crisis
   *    care is re-armed when they come home.
   *
   * 4. The cohort view (CohortLog). The open rates of a followed person's caseload place and of
   *    their GP use are restated whenever their status changes (restate).
   */

  private final People people;
  private final Segments segments;
  private final FinancialCalendar financialCalendar;
  private final EventCalendar calendar;
  private final MonthlyMetrics metrics;
  private final Ledger ledger;
  private final CohortLog cohort;
  private final Budgets budgets;
  private final BudgetsSpec budgetsSpec;
  private final BudgetSpells spells;
  private final Prices prices;
  private final Teams teams;
  private final OpenMonth open;
  private final Hazards hazards;
  private final BudgetPolicy policy;
  private final int firstPersonKey;
  private final long gpPricePence;

  private final int[] present;
  private final int[] presentAtMonthStart;
  private final int[] onCaseload;
  private final int[] waiting;
  private final int[] onBudget;
  private final int[] onRestrictiveBudget;
  private final Occupancy presentTime;
  private final Occupancy budgetTime;

  /** Person-days on a team's caseload, by segment: the places in use, with holders' shares. */
  private final Occupancy caseloadTime;

  /** True while the month end acts on reviews: the month's spending is already charged. */
  private boolean closingMonth;

  /**
   * @param gpPricePence the price of a GP consultation at the scenario's price base
   */
  Caseloads(
      World w,
      Teams teams,
      Hazards hazards,
      BudgetPolicy policy,
      int firstPersonKey,
      long gpPricePence) {
    this.people = w.people;
    this.segments = w.segments;
    this.financialCalendar = w.financialCalendar;
    this.calendar = w.calendar;
    this.metrics = w.metrics;
    this.ledger = w.ledger;
    this.cohort = w.cohort;
    this.budgets = w.budgets;
    this.budgetsSpec = w.budgetsSpec;
    this.spells = w.spells;
    this.prices = w.prices;
    this.open = w.open;
    this.teams = teams;
    this.hazards = hazards;
    this.policy = policy;
    this.firstPersonKey = firstPersonKey;
    this.gpPricePence = gpPricePence;
    int s = segments.size();
    this.present = new int[s];
    this.presentAtMonthStart = new int[s];
    this.onCaseload = new int[s];
    this.waiting = new int[s];
    this.onBudget = new int[s];
    this.onRestrictiveBudget = new int[s];
    this.presentTime = new Occupancy(1, s);
    this.budgetTime = new Occupancy(1, s);
    this.caseloadTime = new Occupancy(1, s);
  }

  // ---------------------------------------------------------------- coming and going

  /** A new person of segment g is present from now (they then go to their team or a budget). */
  void cameIn(int g) {
    present[g]++;
    presentTime.change(0, g, 1, calendar.now());
  }

  /** Leaving secondary care from home: from a place, a budget or the waiting list. */
  void exit(int p) {
    hazards.runDownClocks(p);
    int g = people.segment[p];
    double u = hazards.exitDraw(p);
    leaveSecondaryCare(
        p,
        people.status[p] == People.WAITING
            ? segments.waitingExitFor(g, u)
            : segments.exitFor(g, u));
  }

  void leaveSecondaryCare(int p, int exitService) {
    int g = people.segment[p];
    int team = segments.team(g);
    int month = open.month;
    policy.leftSecondaryCare(p, g);
    switch (people.status[p]) {
      case People.ON_CASELOAD -> leaveCaseload(p, team);
      case People.ON_BUDGET -> {
        budgets.end(ledger, calendar.now(), month, open.uplift(), p, shareOfMonthHeld());
        releaseBudget(p);
        metrics.add(month, g, Measure.BUDGET_HOLDERS_LEFT_CARE, 1);
      }
      case People.WAITING -> {
        // Their entry in the line is skipped when it reaches the front (WaitingList).
        teams.waitingList[team].left();
        waiting[g]--;
        metrics.add(month, g, Measure.EXITS_WHILE_WAITING, 1);
      }
      default -> throw new IllegalStateException("person " + p + " has already left");
    }
    people.status[p] = People.EXITED;
    people.location[p] = (short) exitService;
    present[g]--;
    presentTime.change(0, g, -1, calendar.now());
    restate(p);
    if (people.cohortIndex[p] >= 0) {
      cohort.left(people.cohortIndex[p], calendar.now());
    }
    metrics.add(month, g, Measure.EXITS, 1);
    calendar.cancel(firstPersonKey + p);
    allocateFreeSlots(team);
  }

  // ---------------------------------------------------------------- the team: places and the line

  /**
   * Person p (just referred, or back from a budget) goes to their team: into a place if one is free
   * and nobody is waiting, else to the back of the waiting list.
   */
  void goToTeam(int p) {
    int g = people.segment[p];
    int team = segments.team(g);
    if (teams.placeForNewcomer(team)) {
      joinCaseload(p, team);
    } else {
      people.status[p] = People.WAITING;
      people.waitingSince[p] = calendar.now();
      teams.waitingList[team].add(p);
      waiting[g]++;
      metrics.add(open.month, g, Measure.JOINED_WAITING_LIST, 1);
      restate(p);
    }
  }

  /** Gives free places to the people at the front of the team's waiting list. */
  private void allocateFreeSlots(int team) {
    WaitingList line = teams.waitingList[team];
    while (teams.hasFreePlace(team) && !line.nobodyWaiting()) {
      int q = line.pollEntry();
      if (people.status[q] != People.WAITING) {
        continue; // left while waiting; already taken off the count
      }
      line.placed();
      int g = people.segment[q];
      waiting[g]--;
      double waited = calendar.now() - people.waitingSince[q];
      metrics.add(open.month, g, Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST, 1);
      metrics.add(open.month, g, Measure.WAITING_DAYS_OF_THOSE_ALLOCATED, waited);
      teams.recordWait(team, waited);
      boolean atHome = people.location[q] == team;
      if (atHome) {
        hazards.runDownClocks(q); // at the waiting list's rates, up to now
      }
      joinCaseload(q, team);
      if (atHome) {
        hazards.armHazards(q);
      }
    }
  }

  /**
   * The one way onto a caseload, whoever joins and from wherever (a referral, the waiting list, a
   * budget that ended): the team's count and frailty total, the segment's count, and eligibility
   * for a budget offer all change together here.
   */
  private void joinCaseload(int p, int team) {
    int g = people.segment[p];
    people.status[p] = People.ON_CASELOAD;
    teams.join(team, people.frailty[p]);
    onCaseload[g]++;
    caseloadTime.change(0, g, 1, calendar.now());
    policy.joinedCaseload(p, g);
    restate(p);
  }

  /** The one way off a caseload (to a budget or out of secondary care). */
  private void leaveCaseload(int p, int team) {
    teams.leave(team, people.frailty[p]);
    onCaseload[people.segment[p]]--;
    caseloadTime.change(0, people.segment[p], -1, calendar.now());
    policy.leftCaseload(p);
  }

  // ---------------------------------------------------------------- budgets

  /** Person p, on a caseload, takes up the budget whose plan was just signed off. */
  void takeUpBudget(int p) {
    int g = people.segment[p];
    int team = segments.team(g);
    boolean atHome = people.location[p] == team;
    if (atHome) {
      hazards.runDownClocks(p);
    }
    leaveCaseload(p, team);
    policy.startBudget(p, open.month + 1, false);
    if (people.cohortIndex[p] >= 0) {
      var b = segments.spec(g).budget();
      cohort.started(
          p,
          calendar.now(),
          people.restrictive[p],
          prices.pence(b.annualAllocation(), b.priceYear(), budgetsSpec.priceYear())
              * open.uplift()
              / 100);
    }
    holdBudget(p, true);
    allocateFreeSlots(team);
    if (atHome) {
      hazards.armHazards(p);
    }
  }

  /**
   * Person p now holds a budget (already set up): their remaining team contact uses part of a
   * place, and if they left a place for it, the rest of that place counts as freed (double
   * running).
   */
  void holdBudget(int p, boolean leftPlace) {
    int g = people.segment[p];
    int team = segments.team(g);
    people.status[p] = People.ON_BUDGET;
    onBudget[g]++;
    if (people.restrictive[p]) {
      onRestrictiveBudget[g]++;
    }
    budgetTime.change(0, g, 1, calendar.now());
    spells.start(p, calendar.now());
    double share = contactShare(g);
    teams.holderLoad[team] += share;
    people.leftPlace[p] = leftPlace;
    if (leftPlace) {
      teams.freed[team] += 1 - share;
    }
    restate(p);
  }

  /**
   * Restates the open costs of followed person p after their status changed (note 4): a caseload
   * place at the team's block cost per place, a holder's share of one, nothing while waiting or
   * gone; GP consultations at the segment's rate while present, a holder's x gpEffect.
   */
  void restate(int p) {
    int k = people.cohortIndex[p];
    if (k < 0) {
      return;
    }
    int g = people.segment[p];
    int team = segments.team(g);
    double now = calendar.now();
    byte status = people.status[p];
    double uplift = open.uplift();
    double placePerDay = teams.placeCostPerDay(team, uplift);
    double community =
        status == People.ON_CASELOAD
            ? placePerDay
            : status == People.ON_BUDGET ? contactShare(g) * placePerDay : 0;
    double gp = 0;
    if (status != People.EXITED) {
      var b = segments.spec(g).budget();
      double effect = status == People.ON_BUDGET && b != null ? b.gpEffect() : 1;
      gp = segments.gpPerDay(g) * effect * gpPricePence * uplift / 100;
    }
    cohort.rate(k, CohortLog.Component.COMMUNITY, now, community);
    cohort.rate(k, CohortLog.Component.GP, now, gp);
  }

  /** Person p no longer holds a budget. */
  private void releaseBudget(int p) {
    int g = people.segment[p];
    int team = segments.team(g);
    onBudget[g]--;
    if (people.restrictive[p]) {
      onRestrictiveBudget[g]--;
    }
    budgetTime.change(0, g, -1, calendar.now());
    spells.end(p, calendar.now());
    double share = contactShare(g);
    teams.holderLoad[team] -= share;
    if (people.leftPlace[p]) {
      teams.freed[team] -= 1 - share;
      people.leftPlace[p] = false;
    }
    metrics.add(open.month, g, Measure.BUDGETS_ENDED, 1);
  }

  /** The share of a place a holder of segment g still uses (their remaining team contact). */
  double contactShare(int g) {
    var b = segments.spec(g).budget();
    return b == null ? 0 : b.teamContactShare();
  }

  /** While true, the month's budget spending is already charged (the month end's reviews). */
  void closingMonth(boolean closing) {
    this.closingMonth = closing;
  }

  /** The share of this month's budget spending still to charge when a budget ends now. */
  private double shareOfMonthHeld() {
    int month = open.month;
    return closingMonth
        ? 0
        : (calendar.now() - financialCalendar.monthStart(month))
            / financialCalendar.monthLength(month);
  }

  /** A holder whose budget stops or runs out goes back to their team, or its waiting list. */
  void returnToTeam(int p) {
    int g = people.segment[p];
    int team = segments.team(g);
    boolean atHome = people.location[p] == team;
    if (atHome) {
      hazards.runDownClocks(p);
    }
    budgets.end(ledger, calendar.now(), open.month, open.uplift(), p, shareOfMonthHeld());
    releaseBudget(p);
    goToTeam(p);
    // The contact their budget kept may have been what held the place of someone waiting.
    allocateFreeSlots(team);
    if (atHome) {
      hazards.armHazards(p);
    }
  }

  // ---------------------------------------------------------------- the month end's counts

  /** Segment g's person-days on a budget since the last call. */
  double takeBudgetDays(int g, double now) {
    return budgetTime.takeDays(0, g, now);
  }

  /** Segment g's person-days on a caseload since the last call. */
  double takeCaseloadDays(int g, double now) {
    return caseloadTime.takeDays(0, g, now);
  }

  /** Segment g's person-days present since the last call. */
  double takePresentDays(int g, double now) {
    return presentTime.takeDays(0, g, now);
  }

  /** Records segment g's head counts as they stand at the end of the open month. */
  void recordCounts(int g) {
    int month = open.month;
    metrics.set(month, g, Measure.CASELOAD, onCaseload[g]);
    metrics.set(month, g, Measure.WAITING_LIST, waiting[g]);
    metrics.set(month, g, Measure.BUDGET_HOLDERS, onBudget[g]);
    metrics.set(month, g, Measure.BUDGET_HOLDERS_RESTRICTIVE, onRestrictiveBudget[g]);
    metrics.set(month, g, Measure.BUDGET_HOLDERS_FLEXIBLE, onBudget[g] - onRestrictiveBudget[g]);
  }

  /** Starts the people-conservation count of every segment from those present now (day 0). */
  void countMonthStart() {
    System.arraycopy(present, 0, presentAtMonthStart, 0, present.length);
  }

  /**
   * Fails unless segment g's people are conserved over the open month (present at its start +
   * referrals - exits = present at its end = on a caseload + waiting + on a budget); then starts
   * the next month's count. {@code pathwayBelowZero}: whether the pathway's counts fell below zero.
   */
  void checkConservation(int g, boolean pathwayBelowZero) {
    int month = open.month;
    long expected =
        presentAtMonthStart[g]
            + Math.round(metrics.get(month, g, Measure.REFERRALS))
            - Math.round(metrics.get(month, g, Measure.EXITS));
    if (present[g] != expected || present[g] != onCaseload[g] + waiting[g] + onBudget[g]) {
      throw new IllegalStateException(
          "people not conserved in segment "
              + segments.id(g)
              + " in month "
              + month
              + ": start "
              + presentAtMonthStart[g]
              + " + referrals - exits = "
              + expected
              + ", present "
              + present[g]
              + ", on caseload + waiting + on a budget "
              + (onCaseload[g] + waiting[g] + onBudget[g]));
    }
    if (onCaseload[g] < 0 || waiting[g] < 0 || pathwayBelowZero) {
      throw new IllegalStateException("a count fell below zero in segment " + segments.id(g));
    }
    presentAtMonthStart[g] = present[g];
  }

  /** Fails unless a recount of the people still present agrees with each segment's count. */
  void checkRecount() {
    int[] count = new int[segments.size()];
    for (int p = 0; p < people.count(); p++) {
      if (people.status[p] != People.EXITED) {
        count[people.segment[p]]++;
      }
    }
    for (int g = 0; g < segments.size(); g++) {
      if (count[g] != present[g]) {
        throw new IllegalStateException(
            "segment "
                + segments.id(g)
                + ": "
                + count[g]
                + " people present, counted "
                + present[g]);
      }
    }
  }
}
