package phbsim.world;

import java.util.Arrays;

/**
 * Everyone who has been part of one replication, by person number (0, 1, 2, ... in order of
 * arrival; numbers are never reused, so a person's random streams stay theirs). Package-level
 * arrays are read and written directly by the world's handlers: this class is storage, the rules
 * live in the handlers.
 */
final class People {
  /** On a team's caseload (with a slot), whether at home or away in crisis care or a bed. */
  static final byte ON_CASELOAD = 0;

  /** Referred, waiting for a slot on the team's caseload. */
  static final byte WAITING = 1;

  /** Left secondary care (recovered, died, moved away). */
  static final byte EXITED = 2;

  /** Holding a personal health budget instead of a place on the team's caseload. */
  static final byte ON_BUDGET = 3;

  private int count;

  /** Segment index. */
  byte[] segment;

  /** {@link #ON_CASELOAD}, {@link #WAITING}, {@link #ON_BUDGET} or {@link #EXITED}. */
  byte[] status;

  /** The service the person is in now: their team while at home. */
  short[] location;

  /** Whether the person's current bed is an out-of-area placement. */
  boolean[] outOfArea;

  /** Gamma frailty (mean 1) multiplying the crisis hazard. */
  float[] frailty;

  /** Crisis hazard still to accumulate before the next crisis (unit exponential scale). */
  double[] crisisClock;

  /** Exit hazard still to accumulate before leaving the caseload (unit exponential scale). */
  double[] exitClock;

  /** The day the clocks were last brought up to date. */
  double[] clockDay;

  /** The day the person joined the waiting list (meaningful while WAITING). */
  double[] waitingSince;

  /** The day the person accepted a budget offer (meaningful while planning). */
  double[] offeredDay;

  /** Whether the person accepted an offer and awaits a signed-off plan. */
  boolean[] planning;

  /** Whether the person's budget is run in the restrictive way (the pilot's 18%). */
  boolean[] restrictive;

  /** Whether the person's budget never steps down at review (dependency). */
  boolean[] dependent;

  /**
   * Whether the person could manage a budget themselves (docs/model.md section 2): decides their
   * management option and, under one targeting rule, who is offered first.
   */
  boolean[] ableToManage;

  /**
   * Whether the person's current budget began by leaving a place on their team's caseload (false
   * for people who held a budget on day 0): their place counts towards double running.
   */
  boolean[] leftPlace;

  /** Whether the person's last budget offer was rushed, beyond the capacity for culture change. */
  boolean[] rushed;

  /** Whether the holder spends less on clinical care than their plan allows (ClinicalCareSpec). */
  boolean[] underspends;

  /** Whether the holder has had a crisis since their budget's last review (or its start). */
  boolean[] crisisSinceReview;

  /** The day the person came into secondary care (day 0 for the starting caseload). */
  double[] arrivedDay;

  /** The person's index in the cohort log, or -1 if the cohort view does not follow them. */
  int[] cohortIndex;

  public People(int expected) {
    int capacity = Math.max(16, expected);
    segment = new byte[capacity];
    status = new byte[capacity];
    location = new short[capacity];
    outOfArea = new boolean[capacity];
    frailty = new float[capacity];
    crisisClock = new double[capacity];
    exitClock = new double[capacity];
    clockDay = new double[capacity];
    waitingSince = new double[capacity];
    offeredDay = new double[capacity];
    planning = new boolean[capacity];
    restrictive = new boolean[capacity];
    dependent = new boolean[capacity];
    ableToManage = new boolean[capacity];
    leftPlace = new boolean[capacity];
    arrivedDay = new double[capacity];
    cohortIndex = new int[capacity];
    rushed = new boolean[capacity];
    underspends = new boolean[capacity];
    crisisSinceReview = new boolean[capacity];
  }

  /** Number of people ever present. */
  public int count() {
    return count;
  }

  /** Adds a person and returns their number. Their fields are then set by the caller. */
  public int add() {
    if (count == segment.length) {
      grow();
    }
    return count++;
  }

  private void grow() {
    int capacity = segment.length + (segment.length >> 1) + 16;
    segment = Arrays.copyOf(segment, capacity);
    status = Arrays.copyOf(status, capacity);
    location = Arrays.copyOf(location, capacity);
    outOfArea = Arrays.copyOf(outOfArea, capacity);
    frailty = Arrays.copyOf(frailty, capacity);
    crisisClock = Arrays.copyOf(crisisClock, capacity);
    exitClock = Arrays.copyOf(exitClock, capacity);
    clockDay = Arrays.copyOf(clockDay, capacity);
    waitingSince = Arrays.copyOf(waitingSince, capacity);
    offeredDay = Arrays.copyOf(offeredDay, capacity);
    planning = Arrays.copyOf(planning, capacity);
    restrictive = Arrays.copyOf(restrictive, capacity);
    dependent = Arrays.copyOf(dependent, capacity);
    ableToManage = Arrays.copyOf(ableToManage, capacity);
    leftPlace = Arrays.copyOf(leftPlace, capacity);
    arrivedDay = Arrays.copyOf(arrivedDay, capacity);
    cohortIndex = Arrays.copyOf(cohortIndex, capacity);
    rushed = Arrays.copyOf(rushed, capacity);
    underspends = Arrays.copyOf(underspends, capacity);
    crisisSinceReview = Arrays.copyOf(crisisSinceReview, capacity);
  }
}
