package phbsim.world;

import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.population.Segments;
import phbsim.random.RandomStreams;
import phbsim.scenario.BudgetsSpec;

/**
 * The two hazards of a person at home, a crisis and leaving secondary care, as clocks that are run
 * down and re-armed but never redrawn: the one calendar event each person at home has.
 */
final class Hazards {
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
   * 2. The hazards pause while a person is away in crisis care or a bed (World note 2): their
   *    event is then the end of the stay, and the clocks are re-armed when they come home.
   *
   * 3. Needs that change with time (SegmentSpec.needsTrendPerYear). With a trend b a person's
   *    crisis hazard is r exp(b (t - a)), a the day they came in: the clock runs down by the
   *    integral r (exp(b (t2 - a)) - exp(b (t1 - a))) / b, and the crisis falls where that
   *    integral reaches the clock, t = a + ln(exp(b (now - a)) + b clock / r) / b (never, if the
   *    logarithm's argument is not positive: a falling hazard that never accumulates enough). No
   *    redrawing, so common random numbers hold as in note 1. With b = 0 (the default) the
   *    constant-rate path runs unchanged.
   */

  private final People people;
  private final Segments segments;
  private final EventCalendar calendar;
  private final BudgetsSpec budgetsSpec;
  private final RandomStreams.Family crisisStream;
  private final RandomStreams.Family exitStream;
  private final int firstPersonKey;
  private final double horizon;

  /**
   * @param budgetsSpec the scenario's budgets, or null when budgets are switched off
   * @param firstPersonKey the calendar key of person 0 (person p has firstPersonKey + p)
   */
  Hazards(
      People people,
      Segments segments,
      EventCalendar calendar,
      BudgetsSpec budgetsSpec,
      RandomStreams.Family crisisStream,
      RandomStreams.Family exitStream,
      int firstPersonKey,
      double horizon) {
    this.people = people;
    this.segments = segments;
    this.calendar = calendar;
    this.budgetsSpec = budgetsSpec;
    this.crisisStream = crisisStream;
    this.exitStream = exitStream;
    this.firstPersonKey = firstPersonKey;
    this.horizon = horizon;
  }

  /** Draws a new person's two clocks, from their own streams, as of now. */
  void drawClocks(int p) {
    people.crisisClock[p] = unitExponential(crisisStream, p);
    people.exitClock[p] = unitExponential(exitStream, p);
    people.clockDay[p] = calendar.now();
  }

  /** A fresh crisis clock after a crisis has fired (its clocks already run down to now). */
  void redrawCrisisClock(int p) {
    people.crisisClock[p] = unitExponential(crisisStream, p);
  }

  /** The uniform that picks which exit a person leaving from home takes. */
  double exitDraw(int p) {
    return exitStream.nextDouble(p);
  }

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

  /** When p's crisis clock runs out, from now, at rate r (design note 3); NaN for never. */
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
      calendar.schedule(key, crisisAt, EventPriority.TRANSITION, World.CRISIS);
    } else if (exitAt < horizon) {
      calendar.schedule(key, exitAt, EventPriority.TRANSITION, World.EXIT);
    } else {
      // Neither fires within the horizon: keep the calendar small.
      calendar.cancel(key);
    }
  }

  private static double unitExponential(RandomStreams.Family stream, int p) {
    return -Math.log(stream.nextOpenDouble(p));
  }
}
