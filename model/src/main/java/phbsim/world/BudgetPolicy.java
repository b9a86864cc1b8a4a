package phbsim.world;

import java.time.temporal.ChronoUnit;
import phbsim.budget.BassRollout;
import phbsim.budget.LearningCurve;
import phbsim.budget.NoRollout;
import phbsim.budget.ReviewOutcome;
import phbsim.budget.ReviewPolicy;
import phbsim.budget.Rollout;
import phbsim.budget.SupportPlanners;
import phbsim.budget.TargetRollout;
import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.money.Ledger;
import phbsim.money.Prices;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.population.Segments;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.CultureSpec;
import phbsim.scenario.RolloutSpec;
import phbsim.scenario.Targeting;
import phbsim.time.FinancialCalendar;

/**
 * The behaviour of personal health budgets in one replication (docs/model.md sections 4 and 6): the
 * roll-out of offers, acceptance, the support planners' queue, signing off plans, setting a budget
 * up, and acting on reviews and run-outs (on the month end's call, with the month's spending
 * already charged). It reads and writes the people's budget fields, and moves a person between
 * their team and a budget only through {@link BudgetMoves}, which keeps the world's counts and
 * hazards together.
 */
final class BudgetPolicy {
  /*
   * Design notes (policy: docs/model.md sections 4 and 6)
   *
   * 1. Roll-out. Each month the roll-out says how many offers to make; each goes to the person the
   *    targeting rule picks from the eligible segments' caseloads (EligiblePool). An accepted
   *    offer joins the support planners' queue; a plan's time and cost fall along the learning
   *    curve with the number of plans made. When the plan is signed off the person leaves the
   *    caseload for their budget, freeing their place for the waiting list. Offers, acceptance,
   *    planning times, reviews and run-outs each draw from their own keyed streams, so the status
   *    quo (no new offers) and an option share every other random number.
   *
   * 2. Management option (docs/model.md section 2). Whether a person could manage a budget
   *    themselves is drawn once, when they arrive, with probability equal to the scenario's
   *    direct-payment share; able people take a direct payment, the others a third-party or
   *    notional budget in the proportions of the scenario's mix. Offered at random, budgets
   *    therefore follow the mix; offered to the able first, more are direct payments. ASSUMPTION:
   *    being able to manage is independent of crisis risk (no source links the two).
   *
   * 3. Reviews and fallback. At each review (3 months after a budget starts, then yearly) the
   *    budget steps down, continues, or stops and the person returns to their team (the Croydon
   *    case). A budget may run out before the year end (runOutShare); its holder falls back on
   *    their team and their crisis hazard returns to the segment's. A person in a bed at their
   *    review continues until their next one (a step down still applies). There is no "ended,
   *    recovered" outcome: holders recover by their segment's exit rates, as everyone does.
   *
   * 4. Budgets held on day 0 began before the run, at dates nobody records. ASSUMPTION: they are
   *    on the yearly review cycle, and their next review falls in a month drawn evenly from the
   *    coming 12 (their anniversaries spread evenly over the year). Their restrictive or flexible
   *    way of running, and its effect on their crisis hazard, applies from day 0.
   *
   * 5. Culture change (BudgetsSpec.culture, the hare and the tortoise). In a month of n offers and
   *    a capacity of c = offersPerMonth + growthPerPlan x plans signed off so far, each offer is
   *    rushed with probability 1 - min(1, c / n), decided by the person's own draw (Purpose
   *    CULTURE) so that no other random number moves. A rushed offer is accepted with the
   *    segment's acceptance x rushedAcceptance, and a budget started from one is run the
   *    restrictive way. A slow roll-out stays within the capacity and grows it; a fast one
   *    outruns it.
   */

  private final BudgetMoves moves;
  private final People people;
  private final Segments segments;
  private final EventCalendar calendar;
  private final MonthlyMetrics metrics;
  private final Budgets budgets;
  private final Ledger ledger;
  private final Prices prices;
  private final BudgetsSpec spec;
  private final RandomStreams.Family optionStream;
  private final RandomStreams.Family rolloutStream;
  private final RandomStreams.Family acceptanceStream;
  private final RandomStreams.Family clinicalStream;
  private final RandomStreams.Family planningStream;
  private final RandomStreams.Family reviewStream;
  private final RandomStreams.Family cultureStream;
  private final Rollout rollout;
  private final int rolloutStartMonth;
  private final SupportPlanners planners;
  private final LearningCurve planTime;
  private final LearningCurve planCost;
  private final ReviewPolicy reviewPolicy;
  private final ReviewPolicy reviewAfterCrisis;
  private final int firstPlannerKey;
  private final EligiblePool pool;
  private final int[] inPlanning;

  /** Each segment's budget spending by month of the budget year (Budgets.EVEN if none given). */
  private final double[][] spendingWeights;

  /**
   * @param moves the moves between a team and a budget, made by the world
   * @param spec the scenario's budgets, or null when budgets are switched off
   * @param firstPlannerKey the calendar key of planner 0 (planner k has key firstPlannerKey + k)
   */
  BudgetPolicy(
      BudgetMoves moves,
      CompiledScenario compiled,
      BudgetsSpec spec,
      RandomStreams streams,
      int expected,
      int firstPlannerKey,
      People people,
      EventCalendar calendar,
      MonthlyMetrics metrics,
      Budgets budgets,
      Ledger ledger) {
    this.moves = moves;
    this.people = people;
    this.segments = compiled.segments();
    this.calendar = calendar;
    this.metrics = metrics;
    this.budgets = budgets;
    this.ledger = ledger;
    this.prices = compiled.prices();
    this.spec = spec;
    this.firstPlannerKey = firstPlannerKey;
    FinancialCalendar financialCalendar = compiled.calendar();
    int months = financialCalendar.monthCount();
    this.optionStream = streams.family(Purpose.BUDGET_OPTION, expected);
    this.rolloutStream = streams.family(Purpose.ROLLOUT, months);
    this.acceptanceStream = streams.family(Purpose.ACCEPTANCE, expected);
    this.planningStream = streams.family(Purpose.PLANNING, expected);
    this.reviewStream = streams.family(Purpose.REVIEW, expected);
    this.cultureStream = streams.family(Purpose.CULTURE, expected);
    this.rollout = rolloutOf(spec);
    this.pool = new EligiblePool(spec == null ? Targeting.RANDOM : spec.rollout().targeting());
    this.rolloutStartMonth =
        spec == null || spec.rollout().start() == null
            ? 0
            : financialCalendar.monthIndexOf(
                ChronoUnit.DAYS.between(financialCalendar.startDate(), spec.rollout().start()));
    int count = plannersOf(spec);
    this.planners = count > 0 ? new SupportPlanners(count) : null;
    this.planTime =
        count > 0
            ? new LearningCurve(spec.planning().firstPlanDays(), spec.planning().progressRatio())
            : null;
    this.planCost =
        new LearningCurve(
            spec == null ? 0 : prices.pence(spec.supportPlanningPerPlan(), spec.priceYear()),
            spec == null || spec.planning() == null ? 1.0 : spec.planning().progressRatio());
    var r = spec == null ? null : spec.review();
    this.reviewPolicy =
        r == null
            ? new ReviewPolicy(0, 0, 0)
            : new ReviewPolicy(r.stepDown(), r.stop(), r.stepDownShare());
    // The review of a holder who relapsed since the last one: the same thresholds, its stop band
    // as wide as stopAfterCrisis (ReviewPolicy note 1: one uniform, so the arms stay in step).
    this.reviewAfterCrisis =
        r == null
            ? reviewPolicy
            : new ReviewPolicy(r.stepDown(), r.stopOnRelapse(), r.stepDownShare());
    this.clinicalStream = streams.family(Purpose.CLINICAL_CARE, expected);
    this.inPlanning = new int[segments.size()];
    this.spendingWeights = new double[segments.size()][];
    for (int g = 0; g < segments.size(); g++) {
      var b = segments.spec(g).budget();
      spendingWeights[g] = b == null ? Budgets.EVEN : b.monthlyWeights();
    }
  }

  /** The number of support planners (each has a calendar key). */
  static int plannersOf(BudgetsSpec spec) {
    return spec != null && spec.planning() != null ? spec.planning().planners() : 0;
  }

  /** People of segment g accepted and waiting for, or working with, a planner. */
  int inPlanning(int g) {
    return inPlanning[g];
  }

  /** Person p joined a caseload: they may now be offered a budget. */
  void joinedCaseload(int p, int g) {
    if (eligible(g) && !people.planning[p]) {
      pool.add(p, segments.crisesPerDay(g) * people.frailty[p], people.ableToManage[p]);
    }
  }

  /** Person p left a caseload. */
  void leftCaseload(int p) {
    pool.remove(p);
  }

  /** Person p left secondary care: they are no longer waiting for a plan. */
  void leftSecondaryCare(int p, int g) {
    if (people.planning[p]) {
      people.planning[p] = false;
      inPlanning[g]--;
      if (planners != null) {
        planners.withdraw(p);
      }
    }
  }

  private boolean eligible(int g) {
    var b = segments.spec(g).budget();
    return spec != null && b != null && b.eligible() && !(rollout instanceof NoRollout);
  }

  private static Rollout rolloutOf(BudgetsSpec b) {
    if (b == null) {
      return Rollout.none();
    }
    RolloutSpec r = b.rollout();
    return switch (r.kind()) {
      case NONE -> Rollout.none();
      case TARGET ->
          new TargetRollout(r.offersPerQuarter().stream().mapToInt(Integer::intValue).toArray());
      case BASS -> new BassRollout(r.p(), r.q(), r.marketSize());
    };
  }

  /** This month's offers, each to the person the targeting rule picks. */
  void makeOffers() {
    int month = moves.month();
    if (month < rolloutStartMonth || spec == null) {
      return;
    }
    int offers = rollout.offersInMonth(month - rolloutStartMonth);
    double wellMade = wellMadeShare(Math.min(offers, pool.size()));
    for (int k = 0; k < offers && !pool.isEmpty(); k++) {
      int q = pool.pick(rolloutStream.nextDouble(month));
      int g = people.segment[q];
      metrics.add(month, g, Measure.BUDGET_OFFERS, 1);
      // Offered once: whether they accept or not, they leave the pool of people to offer.
      pool.remove(q);
      boolean rushed = wellMade < 1 && cultureStream.nextDouble(q) >= wellMade;
      people.rushed[q] = rushed;
      // Acceptance may fall (or rise) with need (TakeUpSpec): who leaves for a budget, and so who
      // is left behind on the team.
      double acceptance =
          phbsim.scenario.TakeUpSpec.byNeed(
              segments.spec(g).budget().acceptance(),
              people.frailty[q],
              spec.takeUp().acceptanceByNeed());
      if (rushed) {
        metrics.add(month, g, Measure.BUDGET_OFFERS_RUSHED, 1);
        acceptance *= spec.culture().rushedAcceptance();
      }
      if (acceptanceStream.nextDouble(q) < acceptance) {
        metrics.add(month, g, Measure.BUDGET_OFFERS_ACCEPTED, 1);
        people.planning[q] = true;
        inPlanning[g]++;
        people.offeredDay[q] = calendar.now();
        if (planners == null) {
          signOff(q);
        } else {
          int planner = planners.arrive(q);
          if (planner >= 0) {
            startPlan(planner, q);
          }
        }
      }
    }
  }

  /**
   * The share of this month's {@code offers} the capacity for culture change can make well (note
   * 5): 1 with no culture setting.
   */
  private double wellMadeShare(int offers) {
    CultureSpec culture = spec.culture();
    if (culture == null || offers == 0) {
      return 1;
    }
    double capacity = culture.offersPerMonth() + culture.growthPerPlan() * budgets.plansSignedOff();
    return Math.min(1, capacity / offers);
  }

  private void startPlan(int planner, int q) {
    double meanDays = planTime.value(Math.max(1, planners.started()));
    double days = -Math.log(planningStream.nextOpenDouble(q)) * meanDays;
    calendar.schedule(
        firstPlannerKey + planner,
        calendar.now() + days,
        EventPriority.TRANSITION,
        World.PLAN_DONE);
  }

  /** Planner {@code planner} has finished a plan. */
  void planDone(int planner) {
    int q = planners.personAt(planner);
    int next = planners.complete(planner);
    if (next >= 0) {
      startPlan(planner, next);
    }
    if (people.planning[q] && people.status[q] != People.EXITED) {
      signOff(q);
    }
  }

  private void signOff(int q) {
    int g = people.segment[q];
    int month = moves.month();
    double now = calendar.now();
    people.planning[q] = false;
    inPlanning[g]--;
    long cost = Math.round(planCost.value(budgets.plansSignedOff() + 1));
    budgets.planSignedOff(ledger, now, month, g, cost);
    metrics.add(month, g, Measure.PLANS_SIGNED_OFF, 1);
    metrics.add(month, g, Measure.DAYS_FROM_OFFER_TO_PLAN, now - people.offeredDay[q]);
    if (people.status[q] == People.ON_CASELOAD) {
      moves.takeUpBudget(q);
    }
  }

  /**
   * Sets up person p's budget (they already have status ON_BUDGET), paid from firstPaidMonth. A
   * budget held on day 0 ({@code heldOnDayZero}) is put on the yearly review cycle (note 4).
   */
  void startBudget(int p, int firstPaidMonth, boolean heldOnDayZero) {
    int g = people.segment[p];
    var b = segments.spec(g).budget();
    // A budget from a rushed offer is run the restrictive way (note 5); the draw is taken either
    // way, so that the stream stays in step.
    boolean drawn = optionStream.nextDouble(p) < spec.restrictiveShare();
    people.restrictive[p] = drawn || (!heldOnDayZero && people.rushed[p]);
    people.dependent[p] = reviewStream.nextDouble(p) < spec.review().dependentShare();
    // Spending less on clinical care than the plan allows: drawn on its own stream, and only when
    // the scenario has any, so that no other draw moves (ClinicalCareSpec).
    double underspend = spec.clinicalCare().underspendShare();
    people.underspends[p] = underspend > 0 && clinicalStream.nextDouble(p) < underspend;
    people.crisisSinceReview[p] = false;
    int alreadyHeld = 0;
    if (heldOnDayZero) {
      // The next review after k months, k = 1..12: held so far is 15 - k, since reviews fall due
      // when the months held reach 3, 15, 27...
      int k = 1 + (int) (reviewStream.nextDouble(p) * 12);
      alreadyHeld = 15 - k;
    }
    budgets.start(
        p,
        g,
        chooseOption(p),
        prices.pence(b.annualAllocation(), b.priceYear(), spec.priceYear()),
        b.spentShare(),
        firstPaidMonth,
        spendingWeights[g],
        !heldOnDayZero,
        alreadyHeld);
    maybeRunOut(p);
    if (moves.inWardBed(p)) {
      budgets.setPaused(p, true);
    }
  }

  /**
   * The management option of p's budget (note 2): a direct payment for someone able to manage it;
   * otherwise third-party or notional, in the proportions of the scenario's mix.
   */
  private byte chooseOption(int p) {
    if (people.ableToManage[p]) {
      return Budgets.DIRECT_PAYMENT;
    }
    var mix = spec.options();
    double others = 1 - mix.directPayment();
    double u = optionStream.nextDouble(p);
    return others > 0 && u * others < mix.thirdParty() ? Budgets.THIRD_PARTY : Budgets.NOTIONAL;
  }

  /** With the segment's runOutShare, the coming budget-year runs out in one of months 1 to 11. */
  private void maybeRunOut(int p) {
    double share = segments.spec(people.segment[p]).budget().runOutShare();
    if (share > 0 && !budgets.runOutPending(p) && reviewStream.nextDouble(p) < share) {
      budgets.runOutAfter(p, 1 + (int) (reviewStream.nextDouble(p) * 11));
    }
  }

  /** Acts on the reviews and run-outs that fell due at this month end. */
  void reviewBudgets() {
    int month = moves.month();
    for (int k = 0; k < budgets.runOuts(); k++) {
      int p = budgets.ranOut(k);
      metrics.add(month, people.segment[p], Measure.BUDGETS_FALLEN_BACK, 1);
      moves.returnToTeam(p);
    }
    for (int k = 0; k < budgets.reviewsDue(); k++) {
      int p = budgets.dueForReview(k);
      if (people.status[p] != People.ON_BUDGET) {
        continue;
      }
      int g = people.segment[p];
      boolean atHome = people.location[p] == segments.team(g);
      ReviewPolicy policy = people.crisisSinceReview[p] ? reviewAfterCrisis : reviewPolicy;
      people.crisisSinceReview[p] = false;
      ReviewOutcome outcome = policy.outcome(reviewStream.nextDouble(p), people.dependent[p]);
      if (!atHome && outcome == ReviewOutcome.STOP) {
        outcome = ReviewOutcome.CONTINUE;
      }
      switch (outcome) {
        case STEP_DOWN -> {
          metrics.add(month, g, Measure.BUDGETS_STEPPED_DOWN, 1);
          budgets.stepDown(p, reviewPolicy.steppedDown(budgets.annualAllocation(p)));
          maybeRunOut(p);
        }
        case STOP -> {
          metrics.add(month, g, Measure.BUDGETS_STOPPED, 1);
          moves.returnToTeam(p);
        }
        case CONTINUE -> maybeRunOut(p);
      }
    }
  }
}
