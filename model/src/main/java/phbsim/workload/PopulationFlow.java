package phbsim.workload;

import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.random.Draw;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;

/**
 * The reference workload of docs/benchmark.md, run on phbsim's engine: N people move between the
 * five {@link FlowState}s for a number of years; CMHT has {@code round(capacityShare × N)} slots
 * and a FIFO waiting line.
 *
 * <p>Units: the calendar runs in <b>days</b> (the engine's unit; a year is {@value #DAYS_PER_YEAR}
 * days), the settings and the result speak in <b>years</b>. Rates are per year.
 *
 * <p>One event is one state change (a person leaving a state, including a move into the waiting
 * line), or one start of a CMHT stay after a wait. Creating the people and scheduling their first
 * events is part of {@link #run(Settings)}, but is not an event. Events after the horizon are not
 * processed.
 *
 * <p>Randomness: every draw for person {@code i} comes from the keyed stream (seed, replication,
 * {@link Purpose#WORKLOAD}, i), replication 0 unless {@link #run(Settings, int)} says otherwise, in
 * the order: the exponential time in the first state, then at each state change one uniform for the
 * next state and (unless the person joins the waiting line) one for the exponential time in it; a
 * CMHT stay that starts after a wait draws its time when it starts. A person's numbers therefore do
 * not depend on what anyone else does.
 *
 * <p>Not thread-safe; each call to {@link #run(Settings)} uses its own storage.
 */
public final class PopulationFlow {
  /*
   * Design notes
   *
   * 1. People are not objects. A person is a key of the calendar, and its state (3 bits) and
   *    the number of draws taken from its stream (29 bits) are the key's tag, which the calendar
   *    keeps in the same record as the key's event (EventCalendar, note 5). About 36 bytes a
   *    person in all (measured: docs/performance.md), where a Person object with an event object
   *    would cost 60 to 100 bytes and a pointer chase per event. Keeping the state and the draw
   *    counter in arrays of their own (as until 2026) cost two more cache misses per event at a
   *    million people, and 40 % of the speed.
   *
   * 2. One pending event per person. A person's only hazard is leaving the current state, so the
   *    calendar is keyed by person and the event of a person is simply rescheduled; a person in
   *    the waiting line has no pending event at all.
   *
   * 3. The waiting line is a ring buffer of person indices with, alongside, the day each joined
   *    (two primitive arrays that grow by doubling up to N). It stays small when capacity is
   *    ample (0.25) and only grows when the CMHT is overloaded (0.03).
   *
   * 4. A start of a CMHT stay after a wait happens at the instant a CMHT slot is freed, so it is
   *    processed straight away in the handler that frees the slot rather than scheduled on the
   *    calendar: scheduling it at "now" would give the same order (no other event can fall on
   *    exactly that instant, times being continuous) at the cost of a heap round trip. It is still
   *    counted as an event, as docs/benchmark.md asks.
   *
   * 5. Nothing is allocated per event: the loop touches only the calendar and the waiting line,
   *    and the calendar allocates nothing in steady state.
   */

  /** Days in a year: the calendar runs in days. */
  public static final double DAYS_PER_YEAR = 365.25;

  private static final byte CMHT = 0;
  private static final byte WAITING = 5;
  private static final int STATES = 5;
  private static final int KIND_LEAVE = 0;

  /** A person's tag: the state in the low bits, the draws taken so far above them. */
  private static final int STATE_BITS = 3;

  private static final int STATE_MASK = (1 << STATE_BITS) - 1;

  /** The most draws a person's tag can count; far beyond 10 years at the workload's rates. */
  private static final int MAX_DRAWS = (1 << (32 - STATE_BITS)) - 1;

  /** docs/benchmark.md: row = from, columns CMHT, INPATIENT, CRISIS, PHB, DISCHARGED. */
  private static final double[][] TRANSITIONS = {
    {0, 0.10, 0.15, 0.15, 0.60},
    {0.60, 0, 0.10, 0.05, 0.25},
    {0.45, 0.25, 0, 0.05, 0.25},
    {0.30, 0.05, 0.10, 0, 0.55},
    {0.55, 0.05, 0.35, 0.05, 0},
  };

  /** docs/benchmark.md: initial shares by person index, in state order (the rest is DISCHARGED). */
  private static final double[] INITIAL_CUMULATIVE_SHARE = {0.03, 0.04, 0.05, 0.10};

  private static final double[][] CUMULATIVE = cumulative(TRANSITIONS);
  private static final double[] RATE_PER_DAY = ratesPerDay();

  /**
   * What to run.
   *
   * @param people the number of people N, at least 1
   * @param capacityShare CMHT slots as a share of N, in (0, 1]; the slots are {@code
   *     round(capacityShare × N)}
   * @param years the simulated horizon in years, finite and positive (docs/benchmark.md: 10)
   * @param seed the master seed of the random streams
   */
  public record Settings(int people, double capacityShare, double years, long seed) {
    /** The horizon docs/benchmark.md uses. */
    public static final double DEFAULT_YEARS = 10;

    public Settings {
      if (people <= 0) {
        throw new IllegalArgumentException("people must be > 0, was " + people);
      }
      if (!(capacityShare > 0 && capacityShare <= 1)) {
        throw new IllegalArgumentException("capacityShare must be in (0, 1], was " + capacityShare);
      }
      if (!(years > 0) || Double.isInfinite(years)) {
        throw new IllegalArgumentException("years must be finite and > 0, was " + years);
      }
    }

    /** Settings over the default horizon of {@value #DEFAULT_YEARS} years. */
    public Settings(int people, double capacityShare, long seed) {
      this(people, capacityShare, DEFAULT_YEARS, seed);
    }

    /** The number of CMHT slots, {@code round(capacityShare × people)}. */
    public int slots() {
      return (int) Math.round(capacityShare * people);
    }
  }

  /**
   * What happened. Counts are of people at the horizon.
   *
   * @param people N
   * @param events events processed (state changes and starts of CMHT stays after a wait)
   * @param meanCmhtWaitYears mean wait, in years, of the people who waited and then started a CMHT
   *     stay before the horizon (0 if none did); people still waiting at the horizon are not in it
   * @param waits how many such waits ended (the number averaged in {@code meanCmhtWaitYears})
   * @param largestWaitingLine the longest the waiting line ever was
   * @param cmht people in CMHT (holding a slot) at the horizon
   * @param inpatient people in INPATIENT at the horizon
   * @param crisis people in CRISIS at the horizon
   * @param phb people in PHB at the horizon
   * @param discharged people in DISCHARGED at the horizon
   * @param waiting people in the CMHT waiting line at the horizon
   */
  public record Result(
      int people,
      long events,
      double meanCmhtWaitYears,
      long waits,
      int largestWaitingLine,
      int cmht,
      int inpatient,
      int crisis,
      int phb,
      int discharged,
      int waiting) {

    /** The number of people in {@code state} at the horizon. */
    public int count(FlowState state) {
      return switch (state) {
        case CMHT -> cmht;
        case INPATIENT -> inpatient;
        case CRISIS -> crisis;
        case PHB -> phb;
        case DISCHARGED -> discharged;
      };
    }

    /** The share of the N people in {@code state} at the horizon. */
    public double share(FlowState state) {
      return count(state) / (double) people;
    }

    /** The share of the N people in the waiting line at the horizon. */
    public double waitingShare() {
      return waiting / (double) people;
    }
  }

  private final int people;
  private final int slots;
  private final double horizonDay;
  private final EventCalendar calendar;
  private final RandomStreams.Family draws;
  private final int[] counts = new int[STATES + 1];

  private int[] line;
  private double[] lineJoinedDay;
  private int lineHead;
  private int lineSize;
  private int largestLine;

  private int busySlots;
  private long events;
  private long waits;
  private double totalWaitDays;

  private PopulationFlow(Settings settings, int replication) {
    this.people = settings.people();
    this.slots = settings.slots();
    this.horizonDay = settings.years() * DAYS_PER_YEAR;
    this.calendar = new EventCalendar(people);
    this.draws = new RandomStreams(settings.seed(), replication).family(Purpose.WORKLOAD, 0);
    int initialLine = Math.min(people, 1024);
    this.line = new int[initialLine];
    this.lineJoinedDay = new double[initialLine];
  }

  /**
   * Runs the workload: creates the N people, schedules their first events and processes every event
   * up to the horizon.
   */
  public static Result run(Settings settings) {
    return run(settings, 0);
  }

  /**
   * Runs replication {@code replication} of the workload: the same as {@link #run(Settings)} with
   * the streams of that replication (seed, replication, {@link Purpose#WORKLOAD}, person).
   */
  public static Result run(Settings settings, int replication) {
    return new PopulationFlow(settings, replication).simulate();
  }

  private Result simulate() {
    createPeople();
    final EventCalendar cal = calendar;
    final double horizon = horizonDay;
    while (cal.peekDay() <= horizon) {
      leave(cal.next(), cal.now());
    }
    return new Result(
        people,
        events,
        waits == 0 ? 0 : totalWaitDays / waits / DAYS_PER_YEAR,
        waits,
        largestLine,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        counts[WAITING]);
  }

  private void createPeople() {
    int[] boundary = new int[INITIAL_CUMULATIVE_SHARE.length];
    for (int s = 0; s < boundary.length; s++) {
      boundary[s] = (int) Math.round(INITIAL_CUMULATIVE_SHARE[s] * people);
    }
    int s = 0;
    for (int i = 0; i < people; i++) {
      while (s < boundary.length && i >= boundary[s]) {
        s++;
      }
      if (s == CMHT) {
        if (busySlots < slots) {
          startCmht(i, 0, 0);
        } else {
          joinLine(i, 0, 0);
        }
      } else {
        enter(i, s, 0, 0);
      }
    }
  }

  /** Person {@code p} leaves its state on {@code day}: one event. */
  private void leave(int p, double day) {
    int tag = calendar.tag(p);
    int from = tag & STATE_MASK;
    int drawn = (tag >>> STATE_BITS) + 1;
    counts[from]--;
    events++;
    int to = Draw.branch(CUMULATIVE[from], draws.doubleAt(p, drawn));
    if (to == CMHT) {
      if (busySlots < slots) {
        startCmht(p, day, drawn);
      } else {
        joinLine(p, day, drawn);
      }
    } else {
      enter(p, to, day, drawn);
    }
    if (from == CMHT) {
      busySlots--;
      if (lineSize > 0) {
        // The slot just freed goes to the head of the line: a second event at the same instant.
        int q = line[lineHead];
        totalWaitDays += day - lineJoinedDay[lineHead];
        lineHead = lineHead + 1 == line.length ? 0 : lineHead + 1;
        lineSize--;
        counts[WAITING]--;
        waits++;
        events++;
        startCmht(q, day, calendar.tag(q) >>> STATE_BITS);
      }
    }
  }

  private void startCmht(int p, double day, int drawn) {
    busySlots++;
    enter(p, CMHT, day, drawn);
  }

  /** Person {@code p}, having taken {@code drawn} draws, enters state {@code s} on {@code day}. */
  private void enter(int p, int s, double day, int drawn) {
    if (drawn >= MAX_DRAWS) {
      throw new IllegalStateException("person " + p + " has taken " + drawn + " draws");
    }
    counts[s]++;
    double stay = Draw.exponential(RATE_PER_DAY[s], draws.openDoubleAt(p, drawn + 1));
    calendar.setTag(p, ((drawn + 1) << STATE_BITS) | s);
    calendar.schedule(p, day + stay, EventPriority.TRANSITION, KIND_LEAVE);
  }

  private void joinLine(int p, double day, int drawn) {
    calendar.setTag(p, (drawn << STATE_BITS) | WAITING);
    counts[WAITING]++;
    if (lineSize == line.length) {
      growLine();
    }
    int tail = lineHead + lineSize;
    if (tail >= line.length) {
      tail -= line.length;
    }
    line[tail] = p;
    lineJoinedDay[tail] = day;
    lineSize++;
    if (lineSize > largestLine) {
      largestLine = lineSize;
    }
  }

  private void growLine() {
    // Unroll the ring so that the head is at 0, then double (never beyond N: everyone at most
    // once).
    int capacity = (int) Math.min(people, 2L * line.length);
    int[] newLine = new int[capacity];
    double[] newJoined = new double[capacity];
    int firstPart = line.length - lineHead;
    System.arraycopy(line, lineHead, newLine, 0, firstPart);
    System.arraycopy(line, 0, newLine, firstPart, lineHead);
    System.arraycopy(lineJoinedDay, lineHead, newJoined, 0, firstPart);
    System.arraycopy(lineJoinedDay, 0, newJoined, firstPart, lineHead);
    line = newLine;
    lineJoinedDay = newJoined;
    lineHead = 0;
  }

  private static double[][] cumulative(double[][] matrix) {
    double[][] result = new double[matrix.length][];
    for (int i = 0; i < matrix.length; i++) {
      result[i] = new double[matrix[i].length];
      double sum = 0;
      for (int j = 0; j < matrix[i].length; j++) {
        sum += matrix[i][j];
        result[i][j] = sum;
      }
      // Guard against rounding: the last column closes the row exactly.
      result[i][matrix[i].length - 1] = 1.0;
    }
    return result;
  }

  private static double[] ratesPerDay() {
    FlowState[] states = FlowState.values();
    double[] rates = new double[states.length];
    for (int s = 0; s < states.length; s++) {
      rates[s] = states[s].exitRatePerYear() / DAYS_PER_YEAR;
    }
    return rates;
  }
}
