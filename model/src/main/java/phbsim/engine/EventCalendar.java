package phbsim.engine;

import java.util.Arrays;

/**
 * Pending events, ordered by day, then {@link EventPriority}, then insertion order. Two runs that
 * schedule the same events in the same order therefore process them in exactly the same order.
 *
 * <p>Every pending event belongs to an integer <em>key</em> chosen by the caller (a person, or a
 * process such as "referrals to segment 2"). A key has at most one pending event: scheduling a key
 * that is already pending moves its event, and {@link #cancel(int)} removes it. Each event carries
 * a small {@code kind} code that the caller uses to dispatch it.
 */
public final class EventCalendar {
  /*
   * Design notes
   *
   * 1. Why keys and not event objects. In phbsim a person has competing hazards, of which only
   *    the earliest is scheduled (MODEL.md section 4; STYLE.md section 4, "competing hazards").
   *    Whenever the person's state changes, that one event is moved or removed. This is the
   *    indexed priority queue of Gibson and Bruck's next-reaction method: the position of every
   *    key in the heap is known, so a move or a cancel is O(log n) and leaves no garbage behind,
   *    unlike lazy cancellation, whose dead entries would make the heap grow with the number of
   *    events rather than with the number of people.
   *
   * 2. Layout. Everything is held in primitive arrays, so that scheduling and popping allocate
   *    nothing. The heap holds days and keys side by side (heapDay, heapKey), since the sift loops
   *    compare days at every level; the tie-breaker (priority and sequence) lives with the key and
   *    is only read when two days are exactly equal. Per key this costs 8 + 4 bytes in the heap
   *    and 8 + 4 + 1 bytes with the key: 25 bytes for a population of keys that are all pending.
   *
   * 3. Arity. The heap is 4-ary: half the depth of a binary heap, and the four children of a node
   *    sit in one cache line of heapDay. Popping the minimum costs about 3 log4(n) comparisons.
   *
   * 4. Total order. tie = priority << 56 | sequence, where sequence counts schedule() calls. Equal
   *    (day, priority) therefore means first scheduled, first out. The sequence cannot wrap: 2^56
   *    calls is many thousands of years of events at the speeds this engine runs.
   */

  private static final int ARITY = 4;
  private static final int NOT_PENDING = -1;
  private static final int SEQUENCE_BITS = 56;

  private double[] heapDay;
  private int[] heapKey;
  private int size;

  private int[] position;
  private long[] tie;
  private byte[] kind;

  private long sequence;
  private double now;
  private int lastKind;

  /** A calendar sized for keys {@code 0 .. expectedKeys-1}; it grows when larger keys are used. */
  public EventCalendar(int expectedKeys) {
    int capacity = Math.max(16, expectedKeys);
    heapDay = new double[capacity];
    heapKey = new int[capacity];
    position = new int[capacity];
    Arrays.fill(position, NOT_PENDING);
    tie = new long[capacity];
    kind = new byte[capacity];
  }

  /** The day of the event most recently taken by {@link #next()}; 0 before the first. */
  public double now() {
    return now;
  }

  /** The kind of the event most recently taken by {@link #next()}. */
  public int lastKind() {
    return lastKind;
  }

  /** Number of pending events. */
  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  /** Whether {@code key} has a pending event. */
  public boolean isPending(int key) {
    return key < position.length && position[key] != NOT_PENDING;
  }

  /** The day of the pending event of {@code key}. */
  public double dayOf(int key) {
    checkPending(key);
    return heapDay[position[key]];
  }

  /** The kind of the pending event of {@code key}. */
  public int kindOf(int key) {
    checkPending(key);
    return kind[key];
  }

  /** The day of the earliest pending event; {@link Double#POSITIVE_INFINITY} if none. */
  public double peekDay() {
    return size == 0 ? Double.POSITIVE_INFINITY : heapDay[0];
  }

  /**
   * Schedules the event of {@code key} on {@code day}, replacing the key's pending event if it has
   * one (the replacement counts as newly scheduled for the insertion order).
   *
   * @param kind a caller's code for the event, 0 to 127
   * @throws IllegalArgumentException if {@code day} is before {@link #now()} or not a number
   */
  public void schedule(int key, double day, EventPriority priority, int kind) {
    if (!(day >= now)) {
      throw new IllegalArgumentException(
          "cannot schedule key " + key + " on day " + day + ", before now (" + now + ")");
    }
    if (kind < 0 || kind > Byte.MAX_VALUE) {
      throw new IllegalArgumentException("kind must be 0..127, was " + kind);
    }
    if (key >= position.length) {
      growKeys(key + 1);
    }
    long oldTie = this.tie[key];
    long newTie = ((long) priority.ordinal() << SEQUENCE_BITS) | sequence++;
    this.tie[key] = newTie;
    this.kind[key] = (byte) kind;
    int at = position[key];
    if (at == NOT_PENDING) {
      if (size == heapDay.length) {
        growHeap();
      }
      siftUp(size++, day, key);
    } else if (day < heapDay[at] || (day == heapDay[at] && newTie < oldTie)) {
      // Earlier than before: only the ancestors can now be later than this event.
      siftUp(at, day, key);
    } else {
      // Later than before (a same-day reschedule usually is, having a newer sequence): only the
      // descendants can now be earlier than this event.
      siftDown(at, day, key);
    }
  }

  /** Removes the pending event of {@code key}. Returns false if it had none. */
  public boolean cancel(int key) {
    if (!isPending(key)) {
      return false;
    }
    int at = position[key];
    position[key] = NOT_PENDING;
    int lastIndex = --size;
    if (at != lastIndex) {
      double lastDay = heapDay[lastIndex];
      int lastKey = heapKey[lastIndex];
      if (at > 0 && precedes(lastDay, lastKey, heapDay[parent(at)], heapKey[parent(at)])) {
        siftUp(at, lastDay, lastKey);
      } else {
        siftDown(at, lastDay, lastKey);
      }
    }
    return true;
  }

  /**
   * Takes the earliest event off the calendar, advances {@link #now()} to its day and returns its
   * key; its kind is then {@link #lastKind()}.
   *
   * @throws IllegalStateException if the calendar is empty
   */
  public int next() {
    if (size == 0) {
      throw new IllegalStateException("no pending events");
    }
    int key = heapKey[0];
    now = heapDay[0];
    lastKind = kind[key];
    position[key] = NOT_PENDING;
    int lastIndex = --size;
    if (lastIndex > 0) {
      siftDown(0, heapDay[lastIndex], heapKey[lastIndex]);
    }
    return key;
  }

  private boolean precedes(double dayA, int keyA, double dayB, int keyB) {
    return dayA < dayB || (dayA == dayB && tie[keyA] < tie[keyB]);
  }

  private static int parent(int i) {
    return (i - 1) >>> 2;
  }

  private void siftUp(int hole, double day, int key) {
    while (hole > 0) {
      int p = parent(hole);
      double pd = heapDay[p];
      int pk = heapKey[p];
      if (!precedes(day, key, pd, pk)) {
        break;
      }
      heapDay[hole] = pd;
      heapKey[hole] = pk;
      position[pk] = hole;
      hole = p;
    }
    heapDay[hole] = day;
    heapKey[hole] = key;
    position[key] = hole;
  }

  private void siftDown(int hole, double day, int key) {
    final double[] days = heapDay;
    final int[] keys = heapKey;
    final int n = size;
    while (true) {
      int first = hole * ARITY + 1;
      if (first >= n) {
        break;
      }
      int best = first;
      double bestDay = days[first];
      int end = Math.min(first + ARITY, n);
      for (int c = first + 1; c < end; c++) {
        double cd = days[c];
        if (cd < bestDay || (cd == bestDay && tie[keys[c]] < tie[keys[best]])) {
          best = c;
          bestDay = cd;
        }
      }
      int bestKey = keys[best];
      if (!precedes(bestDay, bestKey, day, key)) {
        break;
      }
      days[hole] = bestDay;
      keys[hole] = bestKey;
      position[bestKey] = hole;
      hole = best;
    }
    days[hole] = day;
    keys[hole] = key;
    position[key] = hole;
  }

  private void checkPending(int key) {
    if (!isPending(key)) {
      throw new IllegalArgumentException("key " + key + " has no pending event");
    }
  }

  private void growKeys(int minimum) {
    int capacity = Math.max(minimum, position.length + (position.length >> 1));
    int old = position.length;
    position = Arrays.copyOf(position, capacity);
    Arrays.fill(position, old, capacity, NOT_PENDING);
    tie = Arrays.copyOf(tie, capacity);
    kind = Arrays.copyOf(kind, capacity);
  }

  private void growHeap() {
    int capacity = heapDay.length + (heapDay.length >> 1) + 1;
    heapDay = Arrays.copyOf(heapDay, capacity);
    heapKey = Arrays.copyOf(heapKey, capacity);
  }
}
