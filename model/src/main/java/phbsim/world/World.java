package phbsim.world;

import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.money.Ledger;
import phbsim.money.Prices;
import phbsim.observe.BudgetSpells;
import phbsim.observe.CohortLog;
import phbsim.observe.MonthlyMetrics;
import phbsim.observe.TeamMetrics;
import phbsim.population.Segments;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.PrimaryCareSpec;
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
   * 1. Rooms. The World wires one replication together and runs its loop; what happens is in
   *    rooms, each with its own design notes: Arrivals (referrals and new people), Hazards (the
   *    crisis and exit clocks of a person at home), Pathway (crises, crisis care and beds),
   *    Caseloads (a team's places, its waiting list, and budgets held instead), Teams (the
   *    places and their contracts), BudgetPolicy and Budgets (offers, plans, reviews and budget
   *    payments), and MonthEnd (closing and opening the books). Rooms call each other directly:
   *    the event loop dispatches to a room's handler with no lookup or allocation in between.
   *    BudgetPolicy reaches the rest only through BudgetMoves.
   *
   * 2. Where a person is. location is their team while at home, otherwise the crisis service or
   *    bed they are in. A person keeps their caseload place while away in crisis care or a bed
   *    (care coordination continues during an admission: ASSUMPTION), and the hazards pause
   *    while they are away (Hazards note 2).
   *
   * 3. Keys. Calendar key g (0 <= g < segments) is segment g's referral process; key
   *    `segments` is the month end; the next `planners` keys are the support planners (one
   *    plan each at a time); person p has key segments + 1 + planners + p. A person's key has
   *    one event at a time, its kind (CRISIS, EXIT, LEAVE) saying which room handles it.
   *
   * 4. Money. Every payment goes through the one Ledger, at the prices of the scenario's price
   *    base (Prices), uplifted each April by the scenario's inflation (none by default: real
   *    terms; OpenMonth). Activity is costed as it happens (Pathway), days in a place and GP
   *    consultations at each month end from exact time integrals, payments in advance at the
   *    start of their month (MonthEnd notes 1 and 2).
   *
   * 5. Determinism. Every draw is from a stream keyed by its purpose and the person (or segment,
   *    or month) it is for (RandomStreams), so splitting the work between rooms changes no
   *    number: a room owns the streams of its draws.
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
  final CohortLog cohort;

  /** Every budget's length and whether it ran to the horizon (for the Kaplan-Meier estimate). */
  final BudgetSpells spells;

  final Ledger ledger;
  final Budgets budgets;
  final BudgetsSpec budgetsSpec;
  final Prices prices;
  final OpenMonth open;

  private final int monthEndKey;
  private final int firstPlannerKey;
  private final int firstPersonKey;
  private final double horizon;

  private final Teams teams;
  private final Hazards hazards;
  private final BudgetPolicy policy;
  private final Caseloads caseloads;
  private final Pathway pathway;
  private final Arrivals arrivals;
  private final MonthEnd monthEnd;

  private boolean finished;
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
    this.budgetsSpec = compiled.scenario().budgetsEnabled() ? compiled.scenario().budgets() : null;
    int plannerCount = BudgetPolicy.plannersOf(budgetsSpec);
    this.firstPlannerKey = s + 1;
    this.firstPersonKey = s + 1 + plannerCount;
    this.calendar = new EventCalendar(firstPersonKey + expected);
    this.metrics = new MonthlyMetrics(financialCalendar.monthCount(), s);
    this.horizon = financialCalendar.horizonDays();
    this.prices = compiled.prices();
    this.cohort = new CohortLog(cohortSampling(compiled, expected));
    this.ledger = new Ledger(financialCalendar.monthCount(), keepLedgerEntries);
    this.budgets = new Budgets(budgetsSpec, s, prices);
    budgets.follow(cohort, this::followed);
    this.open = new OpenMonth(financialCalendar, compiled.scenario().money().inflationPercent());
    PrimaryCareSpec gp = compiled.scenario().primaryCare();
    long gpPricePence = gp == null ? 0 : prices.pence(gp.costPerConsultation(), gp.priceYear());

    // The rooms, each given what it uses; a room is built after the rooms it calls.
    this.teams = new Teams(services, financialCalendar);
    this.hazards =
        new Hazards(
            people,
            segments,
            calendar,
            budgetsSpec,
            streams.family(Purpose.CRISIS, expected),
            streams.family(Purpose.EXIT, expected),
            firstPersonKey,
            horizon);
    this.policy =
        new BudgetPolicy(
            new Moves(),
            compiled,
            budgetsSpec,
            streams,
            expected,
            firstPlannerKey,
            people,
            calendar,
            metrics,
            budgets,
            ledger);
    this.caseloads = new Caseloads(this, teams, hazards, policy, firstPersonKey, gpPricePence);
    this.pathway =
        new Pathway(
            this,
            hazards,
            caseloads,
            streams.family(Purpose.CRISIS_BRANCH, expected),
            streams.family(Purpose.LENGTH_OF_STAY, expected),
            firstPersonKey);
    this.arrivals = new Arrivals(this, streams, expected, hazards, caseloads, policy);
    this.monthEnd =
        new MonthEnd(this, teams, caseloads, pathway, policy, monthEndKey, gpPricePence);

    arrivals.startingPopulation();
    caseloads.countMonthStart();
    for (int g = 0; g < s; g++) {
      arrivals.scheduleReferral(g);
    }
    calendar.schedule(monthEndKey, financialCalendar.monthStart(1), EventPriority.MONTH_END, 0);
    monthEnd.monthStart();
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
          case CRISIS -> pathway.crisis(p);
          case EXIT -> caseloads.exit(p);
          case LEAVE -> pathway.leave(p);
          default -> throw new IllegalStateException("unknown event kind " + calendar.lastKind());
        }
      } else if (key == monthEndKey) {
        finished = !monthEnd.monthEnd();
      } else if (key >= firstPlannerKey) {
        policy.planDone(key - firstPlannerKey);
      } else {
        arrivals.referral(key);
      }
    }
    cohort.close(horizon);
    spells.close(horizon);
    monthEnd.checkFinalState();
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
    return monthEnd.doubleRunning();
  }

  /** What a test watches at each month end, after the month's record is complete. */
  @FunctionalInterface
  interface MonthEndProbe {
    void atMonthEnd(int month);
  }

  /** Watches every month end from now on (tests recount measures from the people themselves). */
  void probe(MonthEndProbe p) {
    monthEnd.probe(p);
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

  // ---------------------------------------------------------------- sizing

  private int expectedReferrals() {
    double perDay = 0;
    for (int g = 0; g < segments.size(); g++) {
      perDay += segments.referralsPerDay(g);
    }
    return Sizing.referrals(perDay, financialCalendar.horizonDays());
  }

  // ---------------------------------------------------------------- what BudgetPolicy asks

  /**
   * BudgetPolicy's narrow view of the world, kept out of World's public face. It is handed to the
   * policy before the rooms it calls exist, and called only once they do (the policy's own
   * construction calls nothing).
   */
  private final class Moves implements BudgetMoves {
    @Override
    public int month() {
      return open.month;
    }

    @Override
    public void takeUpBudget(int p) {
      caseloads.takeUpBudget(p);
    }

    @Override
    public void returnToTeam(int p) {
      caseloads.returnToTeam(p);
    }

    @Override
    public boolean inWardBed(int p) {
      return pathway.inWardBed(p);
    }
  }
}
