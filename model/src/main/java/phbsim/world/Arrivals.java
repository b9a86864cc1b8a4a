package phbsim.world;

import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.SharedStateContinuousSampler;
import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.observe.CohortLog;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.population.Segments;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.TakeUpSpec;

/**
 * People coming into secondary care: the starting population on day 0 and each segment's referrals
 * after it, each new person with their frailty, their capacity to manage a budget and their two
 * hazard clocks, drawn once on their own streams.
 */
final class Arrivals {
  /*
   * Design notes
   *
   * 1. Referrals. Segment g's referrals are a Poisson process at its referral rate, one calendar
   *    key per segment (World note 5), its gaps drawn from the segment's own stream.
   *
   * 2. Frailty. Gamma with mean 1 and the segment's variance (docs/model.md section 2), on the
   *    person's own stream. A person-level starting population (StartingPopulationSpec) replaces
   *    each segment's head count with its people, in the file's order, and each person's frailty
   *    is drawn from its distribution given their crisis contacts last year rather than from the
   *    segment's: a person with many crises is likely frail, but one year's count is noisy, so
   *    the draw is from the posterior, not a point estimate. Referrals draw from the fitted
   *    distribution.
   */

  private final CompiledScenario compiled;
  private final People people;
  private final Segments segments;
  private final EventCalendar calendar;
  private final MonthlyMetrics metrics;
  private final CohortLog cohort;
  private final BudgetsSpec budgetsSpec;
  private final OpenMonth open;
  private final Hazards hazards;
  private final Caseloads caseloads;
  private final BudgetPolicy policy;
  private final RandomStreams.Family referralStream;
  private final RandomStreams.Family capacityStream;
  private final RandomStreams.Family.View frailtyView;
  private final SharedStateContinuousSampler[] frailtySampler;

  /** Samplers of the frailty given a crisis history, by segment and crises (note 2). */
  private final java.util.Map<Long, SharedStateContinuousSampler> givenHistory =
      new java.util.HashMap<>();

  Arrivals(
      World w,
      RandomStreams streams,
      int expected,
      Hazards hazards,
      Caseloads caseloads,
      BudgetPolicy policy) {
    this.compiled = w.compiled();
    this.people = w.people;
    this.segments = w.segments;
    this.calendar = w.calendar;
    this.metrics = w.metrics;
    this.cohort = w.cohort;
    this.budgetsSpec = w.budgetsSpec;
    this.open = w.open;
    this.hazards = hazards;
    this.caseloads = caseloads;
    this.policy = policy;
    int s = segments.size();
    this.referralStream = streams.family(Purpose.REFERRAL, s);
    this.capacityStream = streams.family(Purpose.CAPACITY, expected);
    this.frailtyView = streams.family(Purpose.FRAILTY, expected).view();
    this.frailtySampler = new SharedStateContinuousSampler[s];
    for (int g = 0; g < s; g++) {
      double v = segments.frailtyVariance(g);
      // Gamma with mean 1 and variance v: shape 1/v, scale v (docs/model.md section 2).
      frailtySampler[g] =
          v > 0 ? AhrensDieterMarsagliaTsangGammaSampler.of(frailtyView, 1 / v, v) : null;
    }
  }

  /** The people on day 0: each segment's head count, or its people from a person-level file. */
  void startingPopulation() {
    var caseload = compiled.caseload();
    for (int g = 0; g < segments.size(); g++) {
      var b = segments.spec(g).budget();
      int holders = budgetsSpec != null && b != null ? b.startingHolders() : 0;
      if (caseload == null) {
        for (int i = 0; i < segments.spec(g).startingCaseload(); i++) {
          arrive(g, i < holders, -1);
        }
      } else {
        // A person-level starting population: the segment's people in the file's order, each
        // with the frailty their crisis history points to (note 2).
        int[] crises = caseload.crisisContactsOf(segments.id(g));
        for (int i = 0; i < crises.length; i++) {
          arrive(g, i < holders, crises[i]);
        }
      }
    }
  }

  /** Schedules segment g's next referral (none if it has no referrals). */
  void scheduleReferral(int g) {
    double rate = segments.referralsPerDay(g);
    if (rate > 0) {
      double gap = -Math.log(referralStream.nextOpenDouble(g)) / rate;
      calendar.schedule(g, calendar.now() + gap, EventPriority.ARRIVAL, World.REFERRAL);
    }
  }

  /** Segment g's referral is due: a new person goes to their team. */
  void referral(int g) {
    metrics.add(open.month, g, Measure.REFERRALS, 1);
    arrive(g, false, -1);
    scheduleReferral(g);
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
    hazards.drawClocks(p);
    if (budgetsSpec != null) {
      // The capacity to manage a budget may fall with need (TakeUpSpec): drawn once, on arrival.
      people.ableToManage[p] =
          capacityStream.nextDouble(p)
              < TakeUpSpec.byNeed(
                  budgetsSpec.options().directPayment(),
                  people.frailty[p],
                  budgetsSpec.takeUp().capacityByNeed());
    }
    people.location[p] = (short) segments.team(g);
    caseloads.cameIn(g);
    if (holdsBudget) {
      // Restrictive or flexible is settled before the hazards are armed, so that it acts from
      // day 0 (BudgetPolicy note 4).
      policy.startBudget(p, 0, true);
      caseloads.holdBudget(p, false);
    } else {
      caseloads.goToTeam(p);
    }
    hazards.armHazards(p);
    caseloads.restate(p);
    return p;
  }

  private double drawFrailty(int g, int p) {
    frailtyView.at(p);
    return frailtySampler[g].sample();
  }

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
}
