package phbsim.budget;

import java.util.Arrays;

/**
 * A team of {@code c} support planners and the first-come-first-served queue of people waiting for
 * one (docs/model.md sections 4 and 6: "an accepted offer waits for a support planner"). People are
 * integer numbers ({@code >= 0}) chosen by the caller; planners are numbered {@code 0 .. c-1}.
 *
 * <p>This class has no clock: the caller decides when a plan ends (for example by scheduling an
 * event on its {@link phbsim.engine.EventCalendar} when {@link #arrive(int)} or {@link
 * #complete(int)} starts a plan) and tells the planners with {@link #complete(int)}. Contract:
 *
 * <ul>
 *   <li>a person who arrives while a planner is idle starts at once, with the lowest-numbered idle
 *       planner; otherwise they join the back of the queue;
 *   <li>a planner who completes a plan starts at once on the person at the front of the queue, or
 *       becomes idle if there is none, so nobody waits while a planner is idle;
 *   <li>a person withdrawn from the queue is never started (unless they arrive again, when they
 *       join the back);
 *   <li>{@link #started()} counts every plan started, the {@code n} of the {@link LearningCurve}.
 * </ul>
 *
 * <p>Not thread-safe: it belongs to one replication.
 */
public final class SupportPlanners {
  /*
   * Design notes
   *
   * 1. Storage. The queue is a ring buffer of person numbers (int[]), and each planner's current
   *    person is an int[] slot, so that arrive, complete and withdraw allocate nothing once the
   *    arrays have grown to the largest queue and person number seen.
   *
   * 2. Lazy withdrawal. Removing someone from the middle of a ring is O(n). Instead, withdraw(p)
   *    clears queued[p] and counts one more stale entry of p in stale[p]; the entry stays in the
   *    ring and is skipped when it reaches the front. A person can be withdrawn and then queue
   *    again: their entries in the ring are then all stale except the last one (the ring is FIFO
   *    and the live entry is always the newest), so at the front, "stale[p] > 0" means "this entry
   *    is stale". When the ring is full, stale entries are squeezed out before it is made larger,
   *    so its size is bounded by about twice the longest live queue.
   *
   * 3. Which planner. The lowest-numbered idle planner takes an arrival: a fixed rule, so that
   *    runs are reproducible, and a simple one to test. Planner teams are small (tens), so the
   *    scan costs less than maintaining a heap of idle planners.
   *
   * 4. Validation. With Poisson arrivals and exponential plan times this is the M/M/c queue, whose
   *    probability of waiting is Erlang's C formula [1], C(c, a) with a = lambda / mu, and whose
   *    mean wait is C / (c mu - lambda) [2]. SupportPlannersTest drives this class on the engine's
   *    calendar and checks both (issue 4, item 9; docs/architecture.md section 7, analytical validation).
   *
   * References
   *   [1] Erlang, A. K. (1917). Solution of some problems in the theory of probabilities of
   *       significance in automatic telephone exchanges. Post Office Electrical Engineers'
   *       Journal 10, 189-197.
   *   [2] Kleinrock, L. (1975). Queueing Systems, Volume 1: Theory. Wiley. Section 3.5.
   */

  private static final int IDLE = -1;
  private static final int INITIAL_QUEUE = 16;
  private static final int INITIAL_PEOPLE = 64;

  private final int[] serving;
  private int busy;
  private long started;

  private int[] ring;
  private int head;
  private int entries;
  private int live;

  private boolean[] queued;
  private int[] stale;

  /**
   * A team of {@code planners >= 0} idle planners with an empty queue. With no planners, everyone
   * who arrives waits.
   *
   * @throws IllegalArgumentException if {@code planners} is negative
   */
  public SupportPlanners(int planners) {
    if (planners < 0) {
      throw new IllegalArgumentException("planners must be >= 0, was " + planners);
    }
    this.serving = new int[planners];
    Arrays.fill(serving, IDLE);
    this.ring = new int[INITIAL_QUEUE];
    this.queued = new boolean[INITIAL_PEOPLE];
    this.stale = new int[INITIAL_PEOPLE];
  }

  /**
   * A person's offer has been accepted and they need a plan. Returns the planner who starts on them
   * now, or -1 if every planner is busy and they join the back of the queue.
   *
   * @throws IllegalArgumentException if {@code person} is negative
   * @throws IllegalStateException if {@code person} is already in the queue
   */
  public int arrive(int person) {
    if (person < 0) {
      throw new IllegalArgumentException("person must be >= 0, was " + person);
    }
    ensurePerson(person);
    if (queued[person]) {
      throw new IllegalStateException("person " + person + " is already in the queue");
    }
    if (busy < serving.length) {
      for (int planner = 0; planner < serving.length; planner++) {
        if (serving[planner] == IDLE) {
          start(planner, person);
          return planner;
        }
      }
    }
    enqueue(person);
    return IDLE;
  }

  /**
   * Planner {@code planner} has finished their plan. Returns the person they start on next, taken
   * from the front of the queue, or -1 if the queue is empty and the planner becomes idle.
   *
   * @throws IllegalArgumentException if there is no such planner
   * @throws IllegalStateException if the planner is idle
   */
  public int complete(int planner) {
    checkPlanner(planner);
    if (serving[planner] == IDLE) {
      throw new IllegalStateException("planner " + planner + " is idle: no plan to complete");
    }
    serving[planner] = IDLE;
    busy--;
    int next = dequeue();
    if (next != IDLE) {
      start(planner, next);
    }
    return next;
  }

  /**
   * Removes {@code person} from the queue (they moved away, died, or declined after all). Returns
   * whether they were in the queue; a person who is being planned for, or unknown, is untouched.
   */
  public boolean withdraw(int person) {
    if (person < 0 || person >= queued.length || !queued[person]) {
      return false;
    }
    queued[person] = false;
    stale[person]++;
    live--;
    return true;
  }

  /** Whether {@code person} is waiting in the queue. */
  public boolean isQueued(int person) {
    return person >= 0 && person < queued.length && queued[person];
  }

  /** The person planner {@code planner} is working with, or -1 if idle. */
  public int personAt(int planner) {
    checkPlanner(planner);
    return serving[planner];
  }

  /** The number of planners working on a plan. */
  public int busy() {
    return busy;
  }

  /** The number of people waiting (withdrawn people are not counted). */
  public int queueLength() {
    return live;
  }

  /** The number of planners, busy or idle. */
  public int planners() {
    return serving.length;
  }

  /** The number of plans started so far: the {@code n} of the {@link LearningCurve}. */
  public long started() {
    return started;
  }

  private void start(int planner, int person) {
    serving[planner] = person;
    busy++;
    started++;
  }

  private void enqueue(int person) {
    if (entries == ring.length) {
      makeRoom();
    }
    ring[(head + entries) % ring.length] = person;
    entries++;
    live++;
    queued[person] = true;
  }

  /** The next live person from the front of the queue, skipping withdrawn entries; -1 if none. */
  private int dequeue() {
    while (entries > 0) {
      int person = ring[head];
      head = (head + 1) % ring.length;
      entries--;
      if (stale[person] > 0) {
        stale[person]--;
        continue;
      }
      queued[person] = false;
      live--;
      return person;
    }
    return IDLE;
  }

  /** Squeezes out stale entries, in order; then doubles the ring if it is still over half full. */
  private void makeRoom() {
    int capacity = live * 2 >= ring.length ? ring.length * 2 : ring.length;
    int[] fresh = new int[capacity];
    int kept = 0;
    for (int i = 0; i < entries; i++) {
      int person = ring[(head + i) % ring.length];
      if (stale[person] > 0) {
        stale[person]--;
      } else {
        fresh[kept++] = person;
      }
    }
    ring = fresh;
    head = 0;
    entries = kept;
  }

  private void ensurePerson(int person) {
    if (person >= queued.length) {
      int size = Math.max(person + 1, queued.length * 3 / 2);
      queued = Arrays.copyOf(queued, size);
      stale = Arrays.copyOf(stale, size);
    }
  }

  private void checkPlanner(int planner) {
    if (planner < 0 || planner >= serving.length) {
      throw new IllegalArgumentException(
          "planner must be in 0.." + (serving.length - 1) + ", was " + planner);
    }
  }
}
