package phbsim.world;

import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.money.Money;
import phbsim.money.Prices;
import phbsim.observe.BudgetSpells;
import phbsim.observe.CohortLog;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.observe.TeamMetrics;
import phbsim.population.Segments;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.Payment;
import phbsim.scenario.PrimaryCareSpec;
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
   *    bed they are in. A person keeps their caseload place while away in crisis care or a bed
   *    (care coordination continues during an admission: ASSUMPTION), and the hazards pause
   *    while they are away.
   *
   * 3. The waiting list, one code path. Everyone who comes to a team (a referral, a budget holder
   *    whose budget ended) goes through goToTeam: a place if one is free and nobody is waiting,
   *    else the back of the line. Everyone who gets a place, from wherever, goes through
   *    joinCaseload, which keeps the team's count and frailty total and the eligibility for an
   *    offer together; the wait of someone placed from the line is recorded there. People
   *    waiting can have crises (their crisis clock runs) and leave secondary care at their
   *    segment's waitingExitsPerYear (default: the caseload's rates); with no leaving and no
   *    crises a team is an M/M/c queue, which the tests check against Erlang C and the M/M/c
   *    wait distribution, and with leaving an M/M/c+M queue (its exact mean queue length).
   *
   * 4. Beds. An admission takes a bed in the service the pathway names, or in the one its
   *    whenFull names (and so on), or else goes out of area for its whole stay (ASSUMPTION: no
   *    repatriation when a bed frees). Bed days are the time integral of occupied beds. A
   *    crisis-house stay is not an admission: it has its own measures, and a budget carries on
   *    through it, while a ward admission pauses the budget.
   *
   * 5. Keys. Calendar key g (0 <= g < segments) is segment g's referral process; key
   *    `segments` is the month end; the next `planners` keys are the support planners (one
   *    plan each at a time); person p has key segments + 1 + planners + p.
   *
   * 6. Money. Every payment goes through the one Ledger, at the prices of the scenario's price
   *    base (Prices). Payments in advance (block contract instalments, direct payments,
   *    third-party budgets, set-up) are posted at the start of their month; activity is costed as
   *    it happens (arrivals at crisis services) or, for days spent in a place, from the exact time
   *    integral at each month end (bed days, out-of-area days, crisis episode days), on the cash
   *    or the capacity line as the service is paid. Prices are uplifted each April by the
   *    scenario's inflation (none by default: real terms).
   *
   * 7. Budget holders (docs/model.md section 6). A person holding a personal health budget is
   *    not on the team's caseload: their budget and its plan replace the team's care, so their
   *    place is free for someone else, and this is how budgets change what a team is left with.
   *    They keep their crisis and exit hazards (recovery included: the one recovery mechanism);
   *    a crisis takes them along the team's crisis pathway. The places they left, not since
   *    released, are what double running counts (Teams note 3).
   *
   * 8. Roll-out, planning, reviews and fallback are BudgetPolicy's; the community teams'
   *    places, contracts and contract reviews are Teams'. World keeps the people and the loop.
   *
   * 9. Needs that change with time (SegmentSpec.needsTrendPerYear). With a trend b a person's
   *    crisis hazard is r exp(b (t - a)), a the day they came in: the clock runs down by the
   *    integral r (exp(b (t2 - a)) - exp(b (t1 - a))) / b, and the crisis falls where that
   *    integral reaches the clock, t = a + ln(exp(b (now - a)) + b clock / r) / b (never, if the
   *    logarithm's argument is not positive: a falling hazard that never accumulates enough). No
   *    redrawing, so common random numbers hold as in note 1. With b = 0 (the default) the
   *    constant-rate path runs unchanged.
   *
   * 10. GP consultations (docs/model.md section 5) are costed at their expected number, the
   *    segment's rate x the person-days present (a holder's x the budget's gpEffect), at each
   *    month end from exact time integrals, like bed days: nothing in the model depends on when a
   *    consultation happens, so drawing them one by one would only add noise and events.
   *
   * 11. The cohort view (CohortLog). Each followed person's costs are written as they are
   *    incurred, valued at unit cost: beds and crisis episodes when they start (their length is
   *    drawn then), arrivals, budget payments, and the open rates of a caseload place and of GP
   *    use, restated whenever the person's status changes (restate).
   *
   * 12. A person-level starting population (StartingPopulationSpec) replaces each segment's head
   *    count with its people, in the file's order, and each person's frailty is drawn from its
   *    distribution given their crisis contacts last year rather than from the segment's: a
   *    person with many crises is likely frail, but one year's count is noisy, so the draw is
   *    from the posterior, not a point estimate. Referrals draw from the fitted distribution.
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
  private final RandomStreams.Family capacityStream;
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
  private final int[] onRestrictiveBudget;
  private final int[] inBed;
  private final int[] outOfArea;
  private final Occupancy inArea;
  private final Occupancy outOfAreaPlaces;
  private final Occupancy budgetTime;

  /** Person-days on a team's caseload, by segment: the places in use, with holders' shares. */
  private final Occupancy caseloadTime;

  /** Place-days in use this month by team (service number), holders' shares included. */
  private final double[] placeDaysInUse;

  private final Occupancy presentTime;
  private final long gpPricePence;
  private final LedgerLine gpLine;
  final CohortLog cohort;

  /** Every budget's length and whether it ran to the horizon (for the Kaplan-Meier estimate). */
  private final BudgetSpells spells;

  final Ledger ledger;
  final Budgets budgets;
  private final BudgetsSpec budgetsSpec;
  private final double[] uplift;
  private final long[] doubleRunning;
  final Prices prices;
  private MonthEndProbe probe;

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
    this.spells = new BudgetSpells(expected);
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
    this.capacityStream = streams.family(Purpose.CAPACITY, expected);
    this.optionStream = streams.family(Purpose.BUDGET_OPTION, expected);
    this.frailtyView = frailtyStream.view();
    this.frailtySampler = new SharedStateContinuousSampler[s];
    for (int g = 0; g < s; g++) {
      double v = segments.frailtyVariance(g);
      // Gamma with mean 1 and variance v: shape 1/v, scale v (docs/model.md section 2).
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
    this.onRestrictiveBudget = new int[s];
    this.inBed = new int[s];
    this.outOfArea = new int[s];
    this.inArea = new Occupancy(n, s);
    this.outOfAreaPlaces = new Occupancy(n, s);
    this.budgetTime = new Occupancy(1, s);
    this.caseloadTime = new Occupancy(1, s);
    this.placeDaysInUse = new double[services.size()];
    this.presentTime = new Occupancy(1, s);
    this.prices = compiled.prices();
    PrimaryCareSpec gp = compiled.scenario().primaryCare();
    this.gpPricePence = gp == null ? 0 : prices.pence(gp.costPerConsultation(), gp.priceYear());
    this.gpLine =
        gp != null && gp.payment() == Payment.COST_PER_CASE
            ? LedgerLine.GP_CONSULTATIONS
            : LedgerLine.GP_CONSULTATIONS_BLOCK;
    this.cohort = new CohortLog(cohortSampling(compiled, expected));

    this.ledger = new Ledger(months, keepLedgerEntries);
    this.budgetsSpec = compiled.scenario().budgetsEnabled() ? compiled.scenario().budgets() : null;
    this.budgets = new Budgets(budgetsSpec, s, prices);
    budgets.follow(cohort, this::followed);
    this.uplift = new double[months];
    double inflation = compiled.scenario().money().inflationPercent() / 100.0;
    var years = financialCalendar.financialYears();
    for (int m = 0; m < months; m++) {
      uplift[m] =
          Math.pow(1 + inflation, years.indexOf(financialCalendar.month(m).financialYear()));
    }
    this.doubleRunning = new long[months];
    this.spendingWeights = new double[s][];
    for (int g = 0; g < s; g++) {
      var b = segments.spec(g).budget();
      spendingWeights[g] = b == null ? Budgets.EVEN : b.monthlyWeights();
    }
    this.policy = new BudgetPolicy(this, budgetsSpec, streams, expected, firstPlannerKey);

    var caseload = compiled.caseload();
    for (int g = 0; g < s; g++) {
      SegmentBudgetSpec b = segments.spec(g).budget();
      int holders = budgetsSpec != null && b != null ? b.startingHolders() : 0;
      if (caseload == null) {
        for (int i = 0; i < segments.spec(g).startingCaseload(); i++) {
          arrive(g, i < holders, -1);
        }
      } else {
        // A person-level starting population: the segment's people in the file's order, each
        // with the frailty their crisis history points to (note 12).
        int[] crises = caseload.crisisContactsOf(segments.id(g));
        for (int i = 0; i < crises.length; i++) {
          arrive(g, i < holders, crises[i]);
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

  /**
   * One person in how many the cohort view follows: everyone in a place; in a large population a
   * fixed sample of about 50,000 of the people who can be offered a budget, so that the log stays
   * small (CohortLog).
   */
  private static int cohortSampling(CompiledScenario compiled, int expectedPeople) {
    long eligible = 0;
    long all = 0;
    var segs = compiled.segments();
    double days = compiled.calendar().horizonDays();
    for (int g = 0; g < segs.size(); g++) {
      long n = segs.spec(g).startingCaseload() + Math.round(segs.referralsPerDay(g) * days);
      all += n;
      var b = segs.spec(g).budget();
      if (b != null && b.eligible()) {
        eligible += n;
      }
    }
    if (eligible == 0 || all == 0) {
      return 1;
    }
    // Person numbers run over every segment, so the step is set by all the people arriving.
    return (int)
        Math.max(1, Math.ceil(eligible / 50_000.0) * Math.max(1.0, (double) all / eligible));
  }

  /** The cohort log's index of person p, or -1 if they are not followed. */
  int followed(int p) {
    return people.cohortIndex[p];
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
          case EXIT -> exit(p);
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
    cohort.close(horizon);
    spells.close(horizon);
    checkFinalState();
    return this;
  }

  /** The cohort view's record of this replication (CohortLog). */
  public CohortLog cohort() {
    return cohort;
  }

  /** The monthly record. Complete once {@link #run()} has returned. */
  public MonthlyMetrics metrics() {
    return metrics;
  }

  /** Every budget's spell: its length and whether it ran to the horizon. Complete after run(). */
  public BudgetSpells budgetSpells() {
    return spells;
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
   * Double running per month, in pence (docs/model.md section 5): the block-contract cost of the
   * places budget holders left and that have not been released, capped by what was paid on those
   * budgets. Each team's share is in {@link #teamMetrics()}.
   */
  public long[] doubleRunning() {
    return doubleRunning.clone();
  }

  /** What a test watches at each month end, after the month's record is complete. */
  @FunctionalInterface
  interface MonthEndProbe {
    void atMonthEnd(int month);
  }

  /** Watches every month end from now on (tests recount measures from the people themselves). */
  void probe(MonthEndProbe p) {
    this.probe = p;
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
    return Sizing.referrals(perDay, financialCalendar.horizonDays());
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
    arrive(g, false, -1);
    scheduleReferral(g);
  }

  /**
   * The management option of p's budget (BudgetPolicy note 2): a direct payment for someone able to
   * manage it; otherwise third-party or notional, in the proportions of the scenario's mix.
   */
  byte chooseOption(int p) {
    if (people.ableToManage[p]) {
      return Budgets.DIRECT_PAYMENT;
    }
    var mix = budgetsSpec.options();
    double others = 1 - mix.directPayment();
    double u = optionStream.nextDouble(p);
    return others > 0 && u * others < mix.thirdParty() ? Budgets.THIRD_PARTY : Budgets.NOTIONAL;
  }

  /**
   * A new person of segment g: on a budget if {@code holdsBudget} (people holding one on day 0),
   * else going to their team. {@code crisesLastYear}: their crisis contacts in the year before day
   * 0, from a person-level starting population, or -1 if not known. Returns their number.
   */
  private int arrive(int g, boolean holdsBudget, int crisesLastYear) {
    int p = people.add();
    double now = calendar.now();
    people.segment[p] = (byte) g;
    people.arrivedDay[p] = now;
    var eligibleBudget = segments.spec(g).budget();
    people.cohortIndex[p] =
        budgetsSpec != null
                && eligibleBudget != null
                && eligibleBudget.eligible()
                && cohort.samples(p)
            ? cohort.follow(p, now)
            : -1;
    people.frailty[p] =
        crisesLastYear >= 0
            ? (float) drawFrailtyGiven(g, p, crisesLastYear)
            : frailtySampler[g] == null ? 1f : (float) drawFrailty(g, p);
    people.crisisClock[p] = unitExponential(crisisStream, p);
    people.exitClock[p] = unitExponential(exitStream, p);
    people.clockDay[p] = now;
    if (budgetsSpec != null) {
      // The capacity to manage a budget may fall with need (TakeUpSpec): drawn once, on arrival.
      people.ableToManage[p] =
          capacityStream.nextDouble(p)
              < phbsim.scenario.TakeUpSpec.byNeed(
                  budgetsSpec.options().directPayment(),
                  people.frailty[p],
                  budgetsSpec.takeUp().capacityByNeed());
    }
    people.location[p] = (short) segments.team(g);
    present[g]++;
    presentTime.change(0, g, 1, now);
    if (holdsBudget) {
      // Restrictive or flexible is settled before the hazards are armed, so that it acts from
      // day 0 (BudgetPolicy note 4).
      policy.startBudget(p, 0, true);
      holdBudget(p, false);
    } else {
      goToTeam(p);
    }
    armHazards(p);
    restate(p);
    return p;
  }

  private double drawFrailty(int g, int p) {
    frailtyView.at(p);
    return frailtySampler[g].sample();
  }

  /** Samplers of the frailty given a crisis history, by segment and crises (note 12). */
  private final java.util.Map<Long, SharedStateContinuousSampler> givenHistory =
      new java.util.HashMap<>();

  /**
   * A frailty drawn from its distribution given the person's crises last year (FrailtyEstimate):
   * gamma with shape k + crises and rate k + the segment's mean crises, on the person's own stream,
   * so that the people of the file, taken together, have the segment's fitted frailty distribution
   * and the riskier among them are known to be.
   */
  private double drawFrailtyGiven(int g, int p, int crises) {
    var estimate = compiled.frailty(g);
    if (estimate.variance() == 0 || estimate.meanCount() == 0) {
      return 1;
    }
    var sampler =
        givenHistory.computeIfAbsent(
            ((long) g << 32) | crises,
            key ->
                AhrensDieterMarsagliaTsangGammaSampler.of(
                    frailtyView, estimate.posteriorShape(crises), 1 / estimate.posteriorRate()));
    frailtyView.at(p);
    return sampler.sample();
  }

  // ---------------------------------------------------------------- hazards at home

  private double crisisRate(int p) {
    int g = people.segment[p];
    double rate = segments.crisesPerDay(g) * people.frailty[p];
    if (people.status[p] == People.ON_BUDGET) {
      var b = segments.spec(g).budget();
      rate *= people.restrictive[p] ? b.restrictiveCrisisEffect() : b.crisisEffect();
      if (people.underspends[p]) {
        rate *= budgetsSpec.clinicalCare().underspendCrisisEffect();
      }
    }
    return rate;
  }

  private double exitRate(int p) {
    byte status = people.status[p];
    int g = people.segment[p];
    if (status == People.ON_CASELOAD || status == People.ON_BUDGET) {
      return segments.exitsPerDay(g);
    }
    return status == People.WAITING ? segments.waitingExitsPerDay(g) : 0;
  }

  /** Runs the clocks of a person at home down to now, at the rates of their current status. */
  void runDownClocks(int p) {
    double now = calendar.now();
    double elapsed = now - people.clockDay[p];
    if (elapsed > 0) {
      double trend = segments.needsTrendPerDay(people.segment[p]);
      double used =
          trend == 0
              ? crisisRate(p) * elapsed
              : crisisRate(p)
                  * (Math.exp(trend * (now - people.arrivedDay[p]))
                      - Math.exp(trend * (people.clockDay[p] - people.arrivedDay[p])))
                  / trend;
      people.crisisClock[p] = Math.max(0, people.crisisClock[p] - used);
      people.exitClock[p] = Math.max(0, people.exitClock[p] - exitRate(p) * elapsed);
    }
    people.clockDay[p] = now;
  }

  /** When p's crisis clock runs out, from now, at rate r (design note 9); NaN for never. */
  private double crisisTime(int p, double r, double now) {
    if (!(r > 0)) {
      return Double.NaN;
    }
    double trend = segments.needsTrendPerDay(people.segment[p]);
    if (trend == 0) {
      return now + people.crisisClock[p] / r;
    }
    double a = people.arrivedDay[p];
    double x = Math.exp(trend * (now - a)) + trend * people.crisisClock[p] / r;
    return x > 0 ? a + Math.log(x) / trend : Double.NaN;
  }

  /** Schedules the earlier of a person's crisis and exit, from their clocks. */
  void armHazards(int p) {
    double now = calendar.now();
    people.clockDay[p] = now;
    double crisisRate = crisisRate(p);
    double exitRate = exitRate(p);
    double crisisAt = crisisTime(p, crisisRate, now);
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
    if (people.status[p] == People.ON_BUDGET) {
      // A relapse on a budget: its next review may stop it (ReviewSpec.stopAfterCrisis).
      people.crisisSinceReview[p] = true;
    }
    if (people.cohortIndex[p] >= 0) {
      cohort.crisis(p, calendar.now());
    }
    int team = segments.team(g);
    moveTo(p, services.branch(team, branchStream.nextDouble(p)));
  }

  /** Leaving secondary care from home: from a place, a budget or the waiting list. */
  private void exit(int p) {
    runDownClocks(p);
    int g = people.segment[p];
    double u = exitStream.nextDouble(p);
    leaveSecondaryCare(
        p,
        people.status[p] == People.WAITING
            ? segments.waitingExitFor(g, u)
            : segments.exitFor(g, u));
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
    boolean ae = services.aeAttendance(service);
    metrics.add(month, g, ae ? Measure.AE_ATTENDANCES : Measure.CRISIS_TEAM_EPISODES, 1);
    people.location[p] = (short) service;
    double now = calendar.now();
    ledger.post(
        now,
        month,
        crisisLine(service),
        service,
        g,
        Money.times(services.costPerArrival(service), uplift[month]));
    inArea.change(service, g, 1, now);
    double days = services.duration(service).days(stayStream.nextDouble(p));
    if (people.cohortIndex[p] >= 0) {
      cohort.point(
          p,
          now,
          CohortLog.Component.CRISIS,
          services.costPerArrival(service) * uplift[month] / 100);
      cohort.interval(
          p,
          now,
          now + days,
          CohortLog.Component.CRISIS,
          services.costPerDay(service) * uplift[month] / 100);
    }
    calendar.schedule(firstPersonKey + p, calendar.now() + days, EventPriority.RELEASE, LEAVE);
  }

  /** The ledger line of a crisis service's costs: A&amp;E or crisis team, cash or capacity. */
  private LedgerLine crisisLine(int service) {
    boolean block = services.blockFunded(service);
    if (services.aeAttendance(service)) {
      return block ? LedgerLine.AE_ATTENDANCES_BLOCK : LedgerLine.AE_ATTENDANCES;
    }
    return block ? LedgerLine.CRISIS_TEAM_EPISODES_BLOCK : LedgerLine.CRISIS_TEAM_EPISODES;
  }

  /** The ledger line of in-area days in an in-patient service. */
  private LedgerLine bedLine(int service) {
    boolean block = services.blockFunded(service);
    if (services.crisisHouse(service)) {
      return block ? LedgerLine.CRISIS_HOUSE_NIGHTS_BLOCK : LedgerLine.CRISIS_HOUSE_NIGHTS;
    }
    return block ? LedgerLine.BED_DAYS_BLOCK : LedgerLine.BED_DAYS;
  }

  /** Whether p is in a ward bed (in area or out of area), not a crisis house. */
  boolean inWardBed(int p) {
    int at = people.location[p];
    return services.kind(at) == ServiceKind.INPATIENT && !services.crisisHouse(at);
  }

  private void admit(int p, int requested) {
    int g = people.segment[p];
    double now = calendar.now();
    // Try the service asked for, then each service its whenFull names; if all are full, the
    // person is placed out of area in place of the last one tried (its day rate, its stays).
    int ward = requested;
    int lastTried = requested;
    while (ward != ServiceNetwork.OUT_OF_AREA && bedsUsed[ward] >= services.beds(ward)) {
      lastTried = ward;
      ward = services.overflow(ward);
    }
    boolean placedOut = ward == ServiceNetwork.OUT_OF_AREA;
    if (placedOut) {
      ward = lastTried;
    }
    // A crisis-house stay is an alternative to admission, not an admission (docs/model.md section
    // 7), and a budget carries on through it; a ward admission pauses the budget (section 4).
    boolean house = services.crisisHouse(ward);
    metrics.add(month, g, house ? Measure.CRISIS_HOUSE_STAYS : Measure.ADMISSIONS, 1);
    people.location[p] = (short) ward;
    people.outOfArea[p] = placedOut;
    if (placedOut) {
      outOfArea[g]++;
      outOfAreaPlaces.change(ward, g, 1, now);
      if (!house) {
        metrics.add(month, g, Measure.OUT_OF_AREA_ADMISSIONS, 1);
      }
    } else {
      bedsUsed[ward]++;
      if (!house) {
        inBed[g]++;
      }
      inArea.change(ward, g, 1, now);
    }
    if (!house) {
      budgets.setPaused(p, true);
    }
    double days = services.duration(ward).days(stayStream.nextDouble(p));
    if (people.cohortIndex[p] >= 0) {
      long perDay = placedOut ? services.outOfAreaCostPerDay(ward) : services.costPerBedDay(ward);
      cohort.interval(
          p,
          now,
          now + days,
          house ? CohortLog.Component.CRISIS : CohortLog.Component.INPATIENT,
          perDay * uplift[month] / 100);
    }
    calendar.schedule(firstPersonKey + p, calendar.now() + days, EventPriority.RELEASE, LEAVE);
  }

  /** End of a stay in a bed, or of a crisis episode: free the place and follow the pathway. */
  private void leave(int p) {
    int service = people.location[p];
    int g = people.segment[p];
    double now = calendar.now();
    if (services.kind(service) == ServiceKind.INPATIENT) {
      boolean house = services.crisisHouse(service);
      if (people.outOfArea[p]) {
        people.outOfArea[p] = false;
        outOfArea[g]--;
        outOfAreaPlaces.change(service, g, -1, now);
      } else {
        bedsUsed[service]--;
        if (!house) {
          inBed[g]--;
        }
        inArea.change(service, g, -1, now);
      }
      if (!house) {
        budgets.setPaused(p, false);
      }
    } else {
      inArea.change(service, g, -1, now);
    }
    moveTo(p, services.branch(service, branchStream.nextDouble(p)));
  }

  void leaveSecondaryCare(int p, int exitService) {
    int g = people.segment[p];
    int team = segments.team(g);
    policy.leftSecondaryCare(p, g);
    switch (people.status[p]) {
      case People.ON_CASELOAD -> leaveCaseload(p, team);
      case People.ON_BUDGET -> {
        budgets.end(ledger, calendar.now(), month, uplift[month], p, shareOfMonthHeld());
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
  private void goToTeam(int p) {
    int g = people.segment[p];
    int team = segments.team(g);
    if (teams.placeForNewcomer(team)) {
      joinCaseload(p, team);
    } else {
      people.status[p] = People.WAITING;
      people.waitingSince[p] = calendar.now();
      teams.waitingList[team].add(p);
      waiting[g]++;
      metrics.add(month, g, Measure.JOINED_WAITING_LIST, 1);
      restate(p);
    }
  }

  /** Gives free places to the people at the front of the team's waiting list. */
  void allocateFreeSlots(int team) {
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
      metrics.add(month, g, Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST, 1);
      metrics.add(month, g, Measure.WAITING_DAYS_OF_THOSE_ALLOCATED, waited);
      teams.recordWait(team, waited);
      boolean atHome = people.location[q] == team;
      if (atHome) {
        runDownClocks(q); // at the waiting list's rates, up to now
      }
      joinCaseload(q, team);
      if (atHome) {
        armHazards(q);
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
  void leaveCaseload(int p, int team) {
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
      runDownClocks(p);
    }
    leaveCaseload(p, team);
    policy.startBudget(p, month + 1, false);
    if (people.cohortIndex[p] >= 0) {
      var b = segments.spec(g).budget();
      cohort.started(
          p,
          calendar.now(),
          people.restrictive[p],
          prices.pence(b.annualAllocation(), b.priceYear(), budgetsSpec.priceYear())
              * uplift[month]
              / 100);
    }
    holdBudget(p, true);
    allocateFreeSlots(team);
    if (atHome) {
      armHazards(p);
    }
  }

  /**
   * Person p now holds a budget (already set up): their remaining team contact uses part of a
   * place, and if they left a place for it, the rest of that place counts as freed (double
   * running).
   */
  private void holdBudget(int p, boolean leftPlace) {
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
   * Restates the open costs of followed person p after their status changed (design note 11): a
   * caseload place at the team's block cost per place, a holder's share of one, nothing while
   * waiting or gone; GP consultations at the segment's rate while present, a holder's x gpEffect.
   */
  private void restate(int p) {
    int k = people.cohortIndex[p];
    if (k < 0) {
      return;
    }
    int g = people.segment[p];
    int team = segments.team(g);
    double now = calendar.now();
    byte status = people.status[p];
    double placePerDay = teams.placeCostPerDay(team, uplift[month]);
    double community =
        status == People.ON_CASELOAD
            ? placePerDay
            : status == People.ON_BUDGET ? contactShare(g) * placePerDay : 0;
    double gp = 0;
    if (status != People.EXITED) {
      var b = segments.spec(g).budget();
      double effect = status == People.ON_BUDGET && b != null ? b.gpEffect() : 1;
      gp = segments.gpPerDay(g) * effect * gpPricePence * uplift[month] / 100;
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
    metrics.add(month, g, Measure.BUDGETS_ENDED, 1);
  }

  /** Adds segment g's community team places in use this month (place-days) to its team's. */
  private void addPlacesInUse(int g, double placeDays) {
    placeDaysInUse[segments.team(g)] += placeDays;
  }

  /**
   * Values each team's places that stood empty this month (docs/model.md section 5, "one economic
   * position"): capacity the block pays for and nobody used, at the contract's cost per place, the
   * same rate that {@link #restate} puts on a cohort member's place. Posted as a credit (negative)
   * on a capacity line, so the economic position counts a place a holder gave up while it stands
   * empty, and stops counting it once the post is released (the saving is then cash) or someone
   * from the waiting list fills it (the benefit is theirs, a shorter wait).
   */
  private void postEmptyPlaces(double now) {
    double days = financialCalendar.monthLength(month);
    for (int team = 0; team < placeDaysInUse.length; team++) {
      double inUse = placeDaysInUse[team];
      placeDaysInUse[team] = 0;
      double pencePerDay = teams.placeCostPerDay(team, uplift[month]) * 100;
      if (pencePerDay == 0) {
        continue;
      }
      double empty = Math.max(0, teams.slots[team] * days - inUse);
      ledger.post(
          now,
          month,
          LedgerLine.COMMUNITY_PLACES_EMPTY,
          team,
          Ledger.NONE,
          -Math.round(pencePerDay * empty));
    }
  }

  private double contactShare(int g) {
    var b = segments.spec(g).budget();
    return b == null ? 0 : b.teamContactShare();
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
    budgets.end(ledger, calendar.now(), month, uplift[month], p, shareOfMonthHeld());
    releaseBudget(p);
    goToTeam(p);
    // The contact their budget kept may have been what held the place of someone waiting.
    allocateFreeSlots(team);
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
      double houseNights = 0;
      double outOfAreaDays = 0;
      for (int svc = 0; svc < services.size(); svc++) {
        ServiceKind kind = services.kind(svc);
        if (kind == ServiceKind.INPATIENT) {
          double inDays = inArea.takeDays(svc, g, now);
          double outDays = outOfAreaPlaces.takeDays(svc, g, now);
          if (services.crisisHouse(svc)) {
            houseNights += inDays;
          } else {
            bedDays += inDays;
          }
          outOfAreaDays += outDays;
          long dayPrice = Money.times(services.costPerBedDay(svc), price);
          ledger.post(now, month, bedLine(svc), svc, g, Money.times(dayPrice, inDays));
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
          long dayPrice = Money.times(services.costPerDay(svc), price);
          ledger.post(now, month, crisisLine(svc), svc, g, Money.times(dayPrice, episodeDays));
        }
      }
      metrics.add(month, g, Measure.BED_DAYS, bedDays);
      metrics.add(month, g, Measure.CRISIS_HOUSE_NIGHTS, houseNights);
      metrics.add(month, g, Measure.OUT_OF_AREA_DAYS, outOfAreaDays);
      double budgetDays = budgetTime.takeDays(0, g, now);
      metrics.add(month, g, Measure.BUDGET_DAYS, budgetDays);
      addPlacesInUse(g, caseloadTime.takeDays(0, g, now) + contactShare(g) * budgetDays);
      double presentDays = presentTime.takeDays(0, g, now);
      if (segments.gpPerDay(g) > 0) {
        var b = segments.spec(g).budget();
        double effect = b == null ? 1 : b.gpEffect();
        double consultations = segments.gpPerDay(g) * (presentDays - (1 - effect) * budgetDays);
        metrics.add(month, g, Measure.GP_CONSULTATIONS, consultations);
        ledger.post(
            now,
            month,
            gpLine,
            Ledger.NONE,
            g,
            Money.times(Money.times(gpPricePence, price), consultations));
      }
      metrics.set(month, g, Measure.CASELOAD, onCaseload[g]);
      metrics.set(month, g, Measure.WAITING_LIST, waiting[g]);
      metrics.set(month, g, Measure.BUDGET_HOLDERS, onBudget[g]);
      metrics.set(month, g, Measure.BUDGET_HOLDERS_RESTRICTIVE, onRestrictiveBudget[g]);
      metrics.set(month, g, Measure.BUDGET_HOLDERS_FLEXIBLE, onBudget[g] - onRestrictiveBudget[g]);
      metrics.set(month, g, Measure.PLANNING_QUEUE, policy.inPlanning(g));
      metrics.set(month, g, Measure.OCCUPIED_BEDS, inBed[g]);
      metrics.set(month, g, Measure.OUT_OF_AREA_PLACEMENTS, outOfArea[g]);
      checkConservation(g);
      presentAtMonthStart[g] = present[g];
    }
    postEmptyPlaces(now);
    long[] paidBySegment = budgets.takePaidOnLeavers();
    long[] paidByTeam = new long[services.size()];
    for (int g = 0; g < segments.size(); g++) {
      paidByTeam[segments.team(g)] += paidBySegment[g];
    }
    doubleRunning[month] = teams.recordMonth(month, uplift[month], paidByTeam);
    if (probe != null) {
      probe.atMonthEnd(month);
    }
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
    services.postStandingCosts(
        ledger, day, month, financialCalendar.month(month).period(), uplift[month]);
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
