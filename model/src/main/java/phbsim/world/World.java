package phbsim.world;

import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.money.Money;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.observe.TeamMetrics;
import phbsim.population.Segments;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.scenario.ServiceKind;
import phbsim.service.ServiceNetwork;
import phbsim.time.FinancialCalendar;

/**
 * All mutable state of one replication, and the loop that runs it from day 0 to the horizon.
 *
 * <p>Guarantees, checked as the run goes and failing it loudly if broken: people are conserved in
 * every segment at every month end (present at the start + referrals - exits = present at the end);
 * nobody joins a caseload without a free place, no caseload exceeds the places its contract was let
 * with (after posts are released it drains to the new capacity; nobody is discharged to make room)
 * and no ward exceeds its beds; no count goes below zero; the ledger balances; the clock never goes
 * backwards and nothing happens after the horizon.
 */
public final class World {
  /*
   * Design notes
   *
   * 1. Competing hazards without redrawing. A person at home has two hazards: a crisis (rate =
   *    segment rate x frailty) and leaving the caseload (the sum of the exit rates). Each is a
   *    "clock" holding the hazard still to accumulate before it fires, drawn once as a unit
   *    exponential from the person's own stream (Purpose.CRISIS, Purpose.EXIT). The earliest of
   *    the two firing times is the person's one event in the calendar. When something changes
   *    (the person goes into hospital, gets a caseload slot, later a budget that changes the
   *    rate), the clocks are run down by rate x elapsed time and the event is moved; they are not
   *    redrawn. This is the modified next-reaction method (Anderson, J. Chem. Phys. 127, 2007).
   *    For common random numbers it means that a person whose hazard is not touched by a policy
   *    has exactly the same crises and exits in both arms.
   *
   * 2. Where a person is. location is their team while at home, otherwise the crisis service or
   *    ward they are in. A person keeps their caseload slot while away in crisis care or a bed
   *    (care coordination continues during an admission: ASSUMPTION), and the hazards pause
   *    while they are away. A person waiting for a slot can have crises (their crisis clock runs)
   *    but does not leave: exits are discharges from a caseload (ASSUMPTION; it makes a team an
   *    M/M/c queue when crises are switched off, which the tests check against Erlang C).
   *
   * 3. Beds. An admission takes a bed in the ward the pathway names, or in the ward its whenFull
   *    names (and so on), or else goes out of area for its whole stay (ASSUMPTION: no
   *    repatriation when a bed frees). Bed days are the time integral of occupied beds.
   *
   * 4. Keys. Calendar key g (0 <= g < segments) is segment g's referral process; key
   *    `segments` is the month end; the next `planners` keys are the support planners (one
   *    plan each at a time); person p has key segments + 1 + planners + p.
   *
   * 5. Money. Every payment goes through the one Ledger. Payments in advance (block contract
   *    instalments, direct payments, third-party budgets, set-up) are posted at the start of
   *    their month; activity is costed as it happens (arrivals at crisis services) or, for
   *    days spent in a place, from the exact time integral at each month end (bed days,
   *    out-of-area days, crisis episode days). Prices are uplifted each April by the scenario's
   *    inflation (none by default: real terms).
   *
   * 7. Roll-out, planning, reviews and fallback are BudgetPolicy's; the community teams'
   *    places, contracts and contract reviews are Teams'. World keeps the people and the loop.
   *
   * 6. Budget holders (MODEL.md section 6). A person holding a personal health budget is not on
   *    the team's caseload: their budget and its plan replace the team's care, so their place
   *    is free for someone else, and this is how budgets change what a team is left with. They
   *    keep their crisis and exit hazards; a crisis takes them along the team's crisis pathway.
   */

  static final int REFERRAL = 0;
  static final int MONTH_END = 1;
  static final int CRISIS = 2;
  static final int EXIT = 3;
  static final int LEAVE = 4;
  static final int PLAN_DONE = 5;

  private final CompiledScenario compiled;
  final ServiceNetwork services;
  final Segments segments;
  final FinancialCalendar financialCalendar;
  final EventCalendar calendar;
  final People people;
  final MonthlyMetrics metrics;

  private final RandomStreams.Family referralStream;
  private final RandomStreams.Family frailtyStream;
  private final RandomStreams.Family crisisStream;
  private final RandomStreams.Family exitStream;
  private final RandomStreams.Family branchStream;
  private final RandomStreams.Family stayStream;
  private final SharedStateContinuousSampler[] frailtySampler;
  private final RandomStreams.Family.View frailtyView;

  private final int monthEndKey;
  private final int firstPersonKey;
  private final double horizon;

  final RandomStreams.Family optionStream;

  private final int firstPlannerKey;
  private final BudgetPolicy policy;

  final double[][] spendingWeights;

  private final int[] bedsUsed;
  private final Teams teams;

  private final int[] present;
  private final int[] presentAtMonthStart;
  private final int[] onCaseload;
  private final int[] waiting;
  private final int[] onBudget;
  private final int[] inBed;
  private final int[] outOfArea;
  private final Occupancy inArea;
  private final Occupancy outOfAreaPlaces;

  final Ledger ledger;
  final Budgets budgets;
  private final BudgetsSpec budgetsSpec;
  private final double[] uplift;
  private final long[] vacantCapacityCost;

  int month;
  private boolean finished;

  /** True while the month end acts on reviews: the month's spending is already charged. */
  boolean closingMonth;

  private long events;

  /** A world at day 0 with the scenario's starting population in place; ledger totals only. */
  public World(CompiledScenario compiled, RandomStreams streams) {
    this(compiled, streams, false);
  }

  /**
   * A world at day 0 with the scenario's starting population in place.
   *
   * @param keepLedgerEntries keep every ledger entry (for audit and tests), not only the totals
   */
  public World(CompiledScenario compiled, RandomStreams streams, boolean keepLedgerEntries) {
    this.compiled = compiled;
    this.services = compiled.services();
    this.segments = compiled.segments();
    this.financialCalendar = compiled.calendar();
    int s = segments.size();
    int expected = compiled.startingPeople() + expectedReferrals();
    this.people = new People(expected);
    this.monthEndKey = s;
    BudgetsSpec budgetsOn =
        compiled.scenario().budgetsEnabled() ? compiled.scenario().budgets() : null;
    int plannerCount = BudgetPolicy.plannersOf(budgetsOn);
    this.firstPlannerKey = s + 1;
    this.firstPersonKey = s + 1 + plannerCount;
    this.calendar = new EventCalendar(firstPersonKey + expected);
    this.metrics = new MonthlyMetrics(financialCalendar.monthCount(), s);
    this.horizon = financialCalendar.horizonDays();

    this.referralStream = streams.family(Purpose.REFERRAL, s);
    this.frailtyStream = streams.family(Purpose.FRAILTY, expected);
    this.crisisStream = streams.family(Purpose.CRISIS, expected);
    this.exitStream = streams.family(Purpose.EXIT, expected);
    this.branchStream = streams.family(Purpose.CRISIS_BRANCH, expected);
    this.stayStream = streams.family(Purpose.LENGTH_OF_STAY, expected);
    this.optionStream = streams.family(Purpose.BUDGET_OPTION, expected);
    this.frailtyView = frailtyStream.view();
    this.frailtySampler = new SharedStateContinuousSampler[s];
    for (int g = 0; g < s; g++) {
      double v = segments.frailtyVariance(g);
      // Gamma with mean 1 and variance v: shape 1/v, scale v (MODEL.md section 2).
      frailtySampler[g] =
          v > 0 ? AhrensDieterMarsagliaTsangGammaSampler.of(frailtyView, 1 / v, v) : null;
    }

    int n = services.size();
    int months = financialCalendar.monthCount();
    this.bedsUsed = new int[n];
    this.teams = new Teams(services, financialCalendar);
    this.present = new int[s];
    this.presentAtMonthStart = new int[s];
    this.onCaseload = new int[s];
    this.waiting = new int[s];
    this.onBudget = new int[s];
    this.inBed = new int[s];
    this.outOfArea = new int[s];
    this.inArea = new Occupancy(n, s);
    this.outOfAreaPlaces = new Occupancy(n, s);

    this.ledger = new Ledger(months, keepLedgerEntries);
    this.budgetsSpec = compiled.scenario().budgetsEnabled() ? compiled.scenario().budgets() : null;
    this.budgets = new Budgets(budgetsSpec);
    this.uplift = new double[months];
    double inflation = compiled.scenario().money().inflationPercent() / 100.0;
    var years = financialCalendar.financialYears();
    for (int m = 0; m < months; m++) {
      uplift[m] =
          Math.pow(1 + inflation, years.indexOf(financialCalendar.month(m).financialYear()));
    }
    this.vacantCapacityCost = new long[months];
    this.spendingWeights = new double[s][];
    for (int g = 0; g < s; g++) {
      var b = segments.spec(g).budget();
      spendingWeights[g] = b == null ? Budgets.EVEN : b.monthlyWeights();
    }
    this.policy = new BudgetPolicy(this, budgetsSpec, streams, expected, firstPlannerKey);

    for (int g = 0; g < s; g++) {
      SegmentBudgetSpec b = segments.spec(g).budget();
      int holders = budgetsSpec != null && b != null ? b.startingHolders() : 0;
      for (int i = 0; i < segments.spec(g).startingCaseload(); i++) {
        int p = arrive(g, i < holders);
        if (i < holders) {
          policy.startBudget(p, 0);
        }
      }
    }
    System.arraycopy(present, 0, presentAtMonthStart, 0, s);
    for (int g = 0; g < s; g++) {
      scheduleReferral(g);
    }
    calendar.schedule(monthEndKey, financialCalendar.monthStart(1), EventPriority.MONTH_END, 0);
    monthStart();
  }

  /** Runs to the horizon. Returns this world, whose record is then complete. */
  public World run() {
    while (!finished) {
      int key = calendar.next();
      events++;
      if (key >= firstPersonKey) {
        int p = key - firstPersonKey;
        switch (calendar.lastKind()) {
          case CRISIS -> crisis(p);
          case EXIT -> exitFromCaseload(p);
          case LEAVE -> leave(p);
          default -> throw new IllegalStateException("unknown event kind " + calendar.lastKind());
        }
      } else if (key == monthEndKey) {
        monthEnd();
      } else if (key >= firstPlannerKey) {
        policy.planDone(key - firstPlannerKey);
      } else {
        referral(key);
      }
    }
    checkFinalState();
    return this;
  }

  /** The monthly record. Complete once {@link #run()} has returned. */
  public MonthlyMetrics metrics() {
    return metrics;
  }

  /** The monthly record of each community team (indexed by service number). */
  public TeamMetrics teamMetrics() {
    return teams.record();
  }

  /** The ledger of every payment. Complete once {@link #run()} has returned. */
  public Ledger ledger() {
    return ledger;
  }

  /**
   * The cost, per month, of the community teams' staffed capacity that stood empty at the month end
   * (vacant slots' share of the staffed instalment), in pence: with the ledger's budget lines it
   * measures double running.
   */
  public long[] vacantCapacityCost() {
    return vacantCapacityCost.clone();
  }

  /** Events processed so far. */
  public long events() {
    return events;
  }

  /** Everyone who has been part of the run, including those who left. */
  public int peopleEver() {
    return people.count();
  }

  public CompiledScenario compiled() {
    return compiled;
  }

  // ---------------------------------------------------------------- arrivals

  private int expectedReferrals() {
    double perDay = 0;
    for (int g = 0; g < segments.size(); g++) {
      perDay += segments.referralsPerDay(g);
    }
    return (int) Math.min(Integer.MAX_VALUE / 4, perDay * financialCalendar.horizonDays() * 1.1);
  }

  private void scheduleReferral(int g) {
    double rate = segments.referralsPerDay(g);
    if (rate > 0) {
      double gap = -Math.log(referralStream.nextOpenDouble(g)) / rate;
      calendar.schedule(g, calendar.now() + gap, EventPriority.ARRIVAL, REFERRAL);
    }
  }

  private void referral(int g) {
    metrics.add(month, g, Measure.REFERRALS, 1);
    arrive(g, false);
    scheduleReferral(g);
  }

  byte chooseOption(int p) {
    double u = optionStream.nextDouble(p);
    var mix = budgetsSpec.options();
    if (u < mix.directPayment()) {
      return Budgets.DIRECT_PAYMENT;
    }
    return u < mix.directPayment() + mix.thirdParty() ? Budgets.THIRD_PARTY : Budgets.NOTIONAL;
  }

  /**
   * A new person of segment g: on a budget if {@code holdsBudget}, else joining their team, or its
   * waiting list. Returns their number.
   */
  private int arrive(int g, boolean holdsBudget) {
    int p = people.add();
    double now = calendar.now();
    people.segment[p] = (byte) g;
    people.frailty[p] = frailtySampler[g] == null ? 1f : (float) drawFrailty(g, p);
    people.crisisClock[p] = unitExponential(crisisStream, p);
    people.exitClock[p] = unitExponential(exitStream, p);
    people.clockDay[p] = now;
    int team = segments.team(g);
    people.location[p] = (short) team;
    present[g]++;
    if (holdsBudget) {
      holdBudget(p);
    } else if (teams.hasFreePlace(team) && teams.waitingList[team].isEmpty()) {
      joinCaseload(p, team);
    } else {
      people.status[p] = People.WAITING;
      people.waitingSince[p] = now;
      teams.waitingList[team].add(p);
      waiting[g]++;
      metrics.add(month, g, Measure.JOINED_WAITING_LIST, 1);
    }
    armHazards(p);
    return p;
  }

  private double drawFrailty(int g, int p) {
    frailtyView.at(p);
    return frailtySampler[g].sample();
  }

  // ---------------------------------------------------------------- hazards at home

  private double crisisRate(int p) {
    int g = people.segment[p];
    double rate = segments.crisesPerDay(g) * people.frailty[p];
    if (people.status[p] == People.ON_BUDGET) {
      var b = segments.spec(g).budget();
      rate *= people.restrictive[p] ? b.restrictiveCrisisEffect() : b.crisisEffect();
    }
    return rate;
  }

  private double exitRate(int p) {
    byte status = people.status[p];
    return status == People.ON_CASELOAD || status == People.ON_BUDGET
        ? segments.exitsPerDay(people.segment[p])
        : 0;
  }

  /** Runs the clocks of a person at home down to now. */
  void runDownClocks(int p) {
    double elapsed = calendar.now() - people.clockDay[p];
    if (elapsed > 0) {
      people.crisisClock[p] = Math.max(0, people.crisisClock[p] - crisisRate(p) * elapsed);
      people.exitClock[p] = Math.max(0, people.exitClock[p] - exitRate(p) * elapsed);
    }
    people.clockDay[p] = calendar.now();
  }

  /** Schedules the earlier of a person's crisis and exit, from their clocks. */
  void armHazards(int p) {
    double now = calendar.now();
    people.clockDay[p] = now;
    double crisisRate = crisisRate(p);
    double exitRate = exitRate(p);
    double crisisAt = crisisRate > 0 ? now + people.crisisClock[p] / crisisRate : Double.NaN;
    double exitAt = exitRate > 0 ? now + people.exitClock[p] / exitRate : Double.NaN;
    int key = firstPersonKey + p;
    if (crisisAt < horizon && !(exitAt < crisisAt)) {
      calendar.schedule(key, crisisAt, EventPriority.TRANSITION, CRISIS);
    } else if (exitAt < horizon) {
      calendar.schedule(key, exitAt, EventPriority.TRANSITION, EXIT);
    } else {
      // Neither fires within the horizon: keep the calendar small.
      calendar.cancel(key);
    }
  }

  private void crisis(int p) {
    runDownClocks(p);
    people.crisisClock[p] = unitExponential(crisisStream, p);
    int g = people.segment[p];
    metrics.add(month, g, Measure.CRISES, 1);
    int team = segments.team(g);
    moveTo(p, services.branch(team, branchStream.nextDouble(p)));
  }

  private void exitFromCaseload(int p) {
    runDownClocks(p);
    int g = people.segment[p];
    leaveSecondaryCare(p, segments.exitFor(g, exitStream.nextDouble(p)));
  }

  // ---------------------------------------------------------------- moving along the pathway

  private void moveTo(int p, int destination) {
    if (destination == ServiceNetwork.HOME) {
      goHome(p);
      return;
    }
    switch (services.kind(destination)) {
      case INPATIENT -> admit(p, destination);
      case CRISIS -> startCrisisEpisode(p, destination);
      case EXIT -> leaveSecondaryCare(p, destination);
      case COMMUNITY -> goHome(p);
    }
  }

  private void goHome(int p) {
    people.location[p] = (short) segments.team(people.segment[p]);
    armHazards(p);
  }

  private void startCrisisEpisode(int p, int service) {
    int g = people.segment[p];
    metrics.add(
        month,
        g,
        services.aeAttendance(service) ? Measure.AE_ATTENDANCES : Measure.CRISIS_TEAM_EPISODES,
        1);
    people.location[p] = (short) service;
    double now = calendar.now();
    ledger.post(
        now,
        month,
        services.aeAttendance(service)
            ? LedgerLine.AE_ATTENDANCES
            : LedgerLine.CRISIS_TEAM_EPISODES,
        service,
        g,
        Money.times(services.costPerArrival(service), uplift[month]));
    inArea.change(service, g, 1, now);
    double days = services.duration(service).days(stayStream.nextDouble(p));
    calendar.schedule(firstPersonKey + p, calendar.now() + days, EventPriority.RELEASE, LEAVE);
  }

  private void admit(int p, int requested) {
    int g = people.segment[p];
    double now = calendar.now();
    metrics.add(month, g, Measure.ADMISSIONS, 1);
    budgets.setPaused(p, true);
    // Try the ward asked for, then each ward its whenFull names; if all are full, the person is
    // placed out of area as an admission to the last ward tried (its day rate, its stays).
    int ward = requested;
    int lastTried = requested;
    while (ward != ServiceNetwork.OUT_OF_AREA && bedsUsed[ward] >= services.beds(ward)) {
      lastTried = ward;
      ward = services.overflow(ward);
    }
    if (ward == ServiceNetwork.OUT_OF_AREA) {
      ward = lastTried;
      people.location[p] = (short) ward;
      people.outOfArea[p] = true;
      outOfArea[g]++;
      outOfAreaPlaces.change(ward, g, 1, now);
      metrics.add(month, g, Measure.OUT_OF_AREA_ADMISSIONS, 1);
    } else {
      people.location[p] = (short) ward;
      people.outOfArea[p] = false;
      bedsUsed[ward]++;
      inBed[g]++;
      inArea.change(ward, g, 1, now);
    }
    double days = services.duration(ward).days(stayStream.nextDouble(p));
    calendar.schedule(firstPersonKey + p, calendar.now() + days, EventPriority.RELEASE, LEAVE);
  }

  /** End of a stay in a bed, or of a crisis episode: free the place and follow the pathway. */
  private void leave(int p) {
    int service = people.location[p];
    int g = people.segment[p];
    double now = calendar.now();
    if (services.kind(service) == ServiceKind.INPATIENT) {
      if (people.outOfArea[p]) {
        people.outOfArea[p] = false;
        outOfArea[g]--;
        outOfAreaPlaces.change(service, g, -1, now);
      } else {
        bedsUsed[service]--;
        inBed[g]--;
        inArea.change(service, g, -1, now);
      }
      budgets.setPaused(p, false);
    } else {
      inArea.change(service, g, -1, now);
    }
    moveTo(p, services.branch(service, branchStream.nextDouble(p)));
  }

  void leaveSecondaryCare(int p, int exitService) {
    int g = people.segment[p];
    int team = segments.team(g);
    policy.leftSecondaryCare(p, g);
    if (people.status[p] == People.ON_CASELOAD) {
      leaveCaseload(p, team);
    } else if (people.status[p] == People.ON_BUDGET) {
      releaseBudget(p);
      budgets.end(ledger, calendar.now(), month, uplift[month], p, shareOfMonthHeld());
    } else {
      // Left while waiting (a crisis pathway ending in an exit): removed from the line lazily.
      waiting[g]--;
    }
    people.status[p] = People.EXITED;
    people.location[p] = (short) exitService;
    present[g]--;
    metrics.add(month, g, Measure.EXITS, 1);
    calendar.cancel(firstPersonKey + p);
    allocateFreeSlots(team);
  }

  /** Gives free caseload slots to the people at the front of the team's waiting list. */
  void allocateFreeSlots(int team) {
    WaitingList line = teams.waitingList[team];
    while (teams.hasFreePlace(team) && !line.isEmpty()) {
      int q = line.poll();
      if (people.status[q] != People.WAITING) {
        continue;
      }
      int g = people.segment[q];
      boolean atHome = people.location[q] == team;
      if (atHome) {
        runDownClocks(q);
      }
      people.status[q] = People.ON_CASELOAD;
      teams.caseload[team]++;
      onCaseload[g]++;
      waiting[g]--;
      metrics.add(month, g, Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST, 1);
      metrics.add(
          month,
          g,
          Measure.WAITING_DAYS_OF_THOSE_ALLOCATED,
          calendar.now() - people.waitingSince[q]);
      if (atHome) {
        armHazards(q);
      }
    }
  }

  // ---------------------------------------------------------------- caseloads

  /** Person p now holds a budget: their remaining team contact uses part of a place. */
  void holdBudget(int p) {
    int g = people.segment[p];
    people.status[p] = People.ON_BUDGET;
    onBudget[g]++;
    teams.holderLoad[segments.team(g)] += contactShare(g);
  }

  /** Person p no longer holds a budget. */
  private void releaseBudget(int p) {
    int g = people.segment[p];
    onBudget[g]--;
    teams.holderLoad[segments.team(g)] -= contactShare(g);
  }

  private double contactShare(int g) {
    var b = segments.spec(g).budget();
    return b == null ? 0 : b.teamContactShare();
  }

  private void joinCaseload(int p, int team) {
    int g = people.segment[p];
    people.status[p] = People.ON_CASELOAD;
    teams.join(team, people.frailty[p]);
    onCaseload[g]++;
    policy.joinedCaseload(p, g);
  }

  void leaveCaseload(int p, int team) {
    teams.leave(team, people.frailty[p]);
    onCaseload[people.segment[p]]--;
    policy.leftCaseload(p);
  }

  /** The share of this month's budget spending still to charge when a budget ends now. */
  private double shareOfMonthHeld() {
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
      runDownClocks(p);
    }
    double now = calendar.now();
    budgets.end(ledger, now, month, uplift[month], p, shareOfMonthHeld());
    releaseBudget(p);
    if (teams.hasFreePlace(team) && teams.waitingList[team].isEmpty()) {
      joinCaseload(p, team);
    } else {
      people.status[p] = People.WAITING;
      people.waitingSince[p] = now;
      teams.waitingList[team].add(p);
      waiting[g]++;
      metrics.add(month, g, Measure.JOINED_WAITING_LIST, 1);
    }
    if (atHome) {
      armHazards(p);
    }
  }

  // ---------------------------------------------------------------- month end

  /** Closes the month's books and records its metrics, then opens the next month. */
  private void monthEnd() {
    double now = calendar.now();
    double price = uplift[month];
    budgets.monthEnd(ledger, now, month, price);
    policy.reviewBudgets();
    for (int g = 0; g < segments.size(); g++) {
      double bedDays = 0;
      double outOfAreaDays = 0;
      for (int svc = 0; svc < services.size(); svc++) {
        ServiceKind kind = services.kind(svc);
        if (kind == ServiceKind.INPATIENT) {
          double inDays = inArea.takeDays(svc, g, now);
          double outDays = outOfAreaPlaces.takeDays(svc, g, now);
          bedDays += inDays;
          outOfAreaDays += outDays;
          LedgerLine line =
              services.crisisHouse(svc) ? LedgerLine.CRISIS_HOUSE_NIGHTS : LedgerLine.BED_DAYS;
          long dayPrice = Money.times(services.costPerBedDay(svc), price);
          ledger.post(now, month, line, svc, g, Money.times(dayPrice, inDays));
          long outPrice = Money.times(services.outOfAreaCostPerDay(svc), price);
          ledger.post(
              now,
              month,
              LedgerLine.OUT_OF_AREA_PLACEMENTS,
              svc,
              g,
              Money.times(outPrice, outDays));
        } else if (kind == ServiceKind.CRISIS) {
          double episodeDays = inArea.takeDays(svc, g, now);
          LedgerLine line =
              services.aeAttendance(svc)
                  ? LedgerLine.AE_ATTENDANCES
                  : LedgerLine.CRISIS_TEAM_EPISODES;
          long dayPrice = Money.times(services.costPerDay(svc), price);
          ledger.post(now, month, line, svc, g, Money.times(dayPrice, episodeDays));
        }
      }
      metrics.add(month, g, Measure.BED_DAYS, bedDays);
      metrics.add(month, g, Measure.OUT_OF_AREA_DAYS, outOfAreaDays);
      metrics.set(month, g, Measure.CASELOAD, onCaseload[g]);
      metrics.set(month, g, Measure.WAITING_LIST, waiting[g]);
      metrics.set(month, g, Measure.BUDGET_HOLDERS, onBudget[g]);
      metrics.set(month, g, Measure.PLANNING_QUEUE, policy.inPlanning(g));
      metrics.set(month, g, Measure.OCCUPIED_BEDS, inBed[g]);
      metrics.set(month, g, Measure.OUT_OF_AREA_PLACEMENTS, outOfArea[g]);
      checkConservation(g);
      presentAtMonthStart[g] = present[g];
    }
    teams.recordMonth(month);
    vacantCapacityCost[month] = teams.vacantCapacityCost(month, uplift[month]);
    month++;
    if (month == financialCalendar.monthCount()) {
      finished = true;
    } else {
      calendar.schedule(
          monthEndKey, financialCalendar.monthStart(month + 1), EventPriority.MONTH_END, 0);
      monthStart();
    }
  }

  /** Opens month {@code month}: teams' slots as their contracts now stand, advance payments. */
  private void monthStart() {
    double day = financialCalendar.monthStart(month);
    teams.monthStart(ledger, month, uplift[month]);
    budgets.monthStart(ledger, day, month, uplift[month]);
    policy.makeOffers();
  }

  // ---------------------------------------------------------------- invariants

  private void checkConservation(int g) {
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
    if (onCaseload[g] < 0 || waiting[g] < 0 || inBed[g] < 0 || outOfArea[g] < 0) {
      throw new IllegalStateException("a count fell below zero in segment " + segments.id(g));
    }
  }

  private void checkFinalState() {
    ledger.checkBalanced();
    checkContractInstalments();
    for (int i = 0; i < services.size(); i++) {
      if (teams.caseload[i] > services.slots(i) && services.kind(i) == ServiceKind.COMMUNITY) {
        throw new IllegalStateException("caseload above slots in " + services.id(i));
      }
      if (bedsUsed[i] > services.beds(i)) {
        throw new IllegalStateException("beds over-occupied in " + services.id(i));
      }
    }
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

  /**
   * Block instalments (fixed, stranded and staff lines together) add up, in every financial year
   * the horizon covers in full, to the value of the contracts as let, uplifted to that year.
   */
  private void checkContractInstalments() {
    var years = financialCalendar.financialYears();
    for (int y = 0; y < years.size(); y++) {
      long paid = 0;
      int monthsInYear = 0;
      int anyMonth = -1;
      for (int m = 0; m < financialCalendar.monthCount(); m++) {
        if (financialCalendar.month(m).financialYear().equals(years.get(y))
            && financialCalendar.monthLength(m)
                == financialCalendar.month(m).month().lengthOfMonth()) {
          monthsInYear++;
          anyMonth = m;
          paid +=
              ledger.amount(m, LedgerLine.BLOCK_CONTRACT_FIXED)
                  + ledger.amount(m, LedgerLine.STRANDED_FIXED_COSTS)
                  + ledger.amount(m, LedgerLine.BLOCK_CONTRACT_STAFF);
        }
      }
      if (monthsInYear != 12) {
        continue;
      }
      long value = teams.annualValue(uplift[anyMonth]);
      if (paid != value) {
        throw new IllegalStateException(
            "block instalments in "
                + years.get(y).label()
                + " add up to "
                + paid
                + "p, but the contracts are worth "
                + value
                + "p");
      }
    }
  }

  private static double unitExponential(RandomStreams.Family stream, int p) {
    return -Math.log(stream.nextOpenDouble(p));
  }
}
