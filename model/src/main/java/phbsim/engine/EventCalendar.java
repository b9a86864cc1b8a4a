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
   *    the earliest is scheduled (docs/model.md section 4; docs/architecture.md section 4, "competing hazards").
   *    Whenever the person's state changes, that one event is moved or removed. As in Gibson and
   *    Bruck's next-reaction method [1], the place of every key is known, so a move or a cancel
   *    leaves no garbage behind, unlike lazy cancellation, whose dead entries would make the
   *    structure grow with the number of events rather than with the number of people.
   *
   * 2. Why buckets and not one heap. Until 2026 this class was a single 4-ary indexed heap over
   *    all pending keys. At a million pending keys its arrays (25 MB) do not fit in a core's
   *    cache, every sift level is a dependent cache miss, and one hold operation (take the
   *    earliest, schedule it again) cost about 500 ns. Event lists built on buckets (the calendar
   *    queue [2], the ladder queue [3]) touch O(1) memory per operation instead. This calendar is
   *    a two-level bucketed structure, closest to one rung of a ladder queue:
   *
   *      heap      a small 4-ary indexed heap holding every event whose bucket number is at most
   *                `current`: the events to come out next, in exact order;
   *      ring      `buckets` unsorted lists of keys (note 7), bucket b holding the events whose
   *                bucket number is lapStart + b, for current < lapStart + b < limit;
   *      overflow  one unsorted array of keys, the events whose bucket number is at least limit.
   *
   *    The bucket number of a day is floor(day / width), a non-decreasing function of the day,
   *    so every event in the heap precedes every event in the ring, and every event in bucket b
   *    precedes every event in bucket b + 1 or in the overflow. Only the heap compares the full
   *    (day, priority, sequence) key; the order within a bucket does not matter, which is why a
   *    bucket can be an unsorted list. When the heap is empty, `current` moves to the next
   *    bucket and that bucket's keys are copied into the heap and heapified (Floyd, linear);
   *    these reads are independent of each other, so the CPU overlaps their cache misses,
   *    where a heap's sift chains them. When the ring is empty too, a new lap starts: the width
   *    is chosen again from the overflow's days and the overflow is dealt into the ring.
   *
   * 3. Where a key is. The bucket number of a pending key's day says where it is (heap, ring or
   *    overflow), and index(key) says where within it: its place in the bucket storage (note 7)
   *    or in the overflow, or its heap slot. Removing a key from a bucket or from the overflow
   *    moves the last key of that bucket or of the overflow into the hole (O(1)); from the heap,
   *    it is the usual indexed-heap removal. A reschedule is a removal and an insertion.
   *
   * 4. Width. At each lap the width is set from a sample of at most 1,024 pending days, so that
   *    the ring covers COVER = 2 times the distance from the earliest sampled day to the median
   *    one, with about PER_BUCKET events a bucket (n / PER_BUCKET buckets). For exponential delays
   *    the ring then holds about 75 % of the pending events. (Covering 3 or 4 times the median,
   *    or 24 or 96 events a bucket, was no faster: docs/performance.md.) The width only affects
   *    speed, never the order. Two things can make it wrong: the population can grow after the
   *    lap started (the initial scheduling of a whole population, say) or many events can fall
   *    on one day. When the heap or one bucket grows beyond `crowdLimit`, everything is put back
   *    in the overflow and a new lap starts (a rebuild, O(n)); the limit is then twice the
   *    largest bucket, so that a pile of events on one day, which no width can split, does not
   *    cause a rebuild after every schedule.
   *
   * 5. Layout and memory. Per key, one record of three longs: its day, its tie-breaker, and a
   *    word holding its index with the caller's tag (24 bytes). Everything the calendar reads or
   *    writes about a key is then in one cache line (two, for the quarter of records that
   *    straddle a line), and so is the tag: a caller that keeps its per-key state in the tag
   *    gets it in the line the calendar has just loaded. At a million keys, with the day, the
   *    index, the workload's state and its draw counters in four arrays, an event cost four
   *    cache misses; in one record it costs about one, taken while a bucket is loaded into the
   *    heap, where the misses of a bucket's keys overlap: the reference workload went from 2.6
   *    to about 4.3 M events a second (docs/performance.md). With exponential delays at a
   *    million keys the calendar retains about 34 bytes a key (24 per key, about 6 in bucket
   *    chunks, 4 in the overflow), tag included. The overflow has room for every key from the
   *    start (at the start of a lap it holds them all) and the chunk pool is reserved once per
   *    lap for every pending key, so a population is stored in a few allocations rather than
   *    step by step; nothing is allocated per event: chunks are reused, and the pool only grows
   *    to the largest ring it has held.
   *
   * 6. Total order. tie = priority << 60 | sequence << 7 | kind, where sequence counts schedule()
   *    calls. Sequences are unique, so the kind bits never decide; equal (day, priority)
   *    therefore means first scheduled, first out. The sequence cannot wrap: 2^53 calls is many
   *    thousands of years of events at the speeds this engine runs.
   *
   * 7. Bucket storage. Scheduling an event into the ring appends its key to a bucket chosen by
   *    its day, which at a million keys is a random one of about 20,000. When each bucket was an
   *    int[] of its own, an append had to load the array's header (its length) before it could
   *    store: a cache miss on the critical path of every event, and the largest single cost in
   *    a profile at a million keys. Buckets are now chains of 16-int chunks in one pool: an
   *    append reads the bucket's tail position from a small array (80 KB for 20,000 buckets,
   *    which stays in cache) and stores the key there, and only every fifteenth append of a
   *    bucket takes a new chunk from the free list. A chunk holds 15 keys and the number of the
   *    bucket's previous chunk; every chunk of a bucket but the last is full, so removing a key
   *    moves the bucket's last key into the hole and frees the last chunk when it empties. A
   *    bucket is read from its last chunk back; the order within a bucket does not matter.
   *    This made the reference workload about 18 % faster at a million people.
   *
   * [1] M. A. Gibson and J. Bruck, "Efficient exact stochastic simulation of chemical systems with
   *     many species and many channels", J. Phys. Chem. A 104 (2000) 1876-1889.
   * [2] R. Brown, "Calendar queues: a fast O(1) priority queue implementation for the simulation
   *     event set problem", Commun. ACM 31 (1988) 1220-1227.
   * [3] W. T. Tang, R. S. M. Goh and I. L.-J. Thng, "Ladder queue: an O(1) priority queue
   *     structure for large-scale discrete event simulation", ACM TOMACS 15 (2005) 175-204.
   */

  private static final int ARITY = 4;
  private static final int NOT_PENDING = -1;
  private static final int PRIORITY_SHIFT = 60;
  private static final int SEQUENCE_SHIFT = 7;
  private static final long KIND_MASK = 0x7F;
  private static final int STRIDE = 3;
  private static final long SLOT_MASK = 0xFFFF_FFFFL;
  private static final long TAG_MASK = ~SLOT_MASK;

  /** Events a bucket should hold on average. */
  static final int PER_BUCKET = 48;

  /** The ring covers COVER times the distance from the earliest to the median pending day. */
  private static final double COVER = 2.0;

  private static final int MIN_BUCKETS = 16;
  private static final int MAX_BUCKETS = 1 << 22;
  private static final long MAX_BUCKET_NUMBER = 1L << 61;
  private static final int SAMPLE = 1024;
  private static final int MIN_CROWD_LIMIT = 32 * PER_BUCKET;

  /** Ints in a chunk of bucket storage: CHUNK - 1 keys and a link (note 7). A power of two. */
  static final int CHUNK = 16;

  private static final int CHUNK_SHIFT = Integer.numberOfTrailingZeros(CHUNK);
  private static final int LINK = CHUNK - 1;
  private static final int NO_CHUNK = -1;

  /**
   * Per key, three longs side by side (note 5): [3k] the bits of its day, [3k + 1] its tie-breaker
   * with its kind (note 6), [3k + 2] the caller's tag in the high 32 bits and, in the low 32 bits,
   * one more than the key's place in the heap, its bucket or the overflow (0: not pending).
   */
  private long[] record;

  private double[] heapDay;
  private int[] heapKey;
  private int heapSize;

  /**
   * Bucket storage (note 7): chunks of CHUNK ints, each CHUNK - 1 keys and, in its last slot, the
   * number of the bucket's previous chunk (or NO_CHUNK); free chunks are linked through that slot.
   */
  private int[] pool;

  private int freeChunk = NO_CHUNK;
  private int freshChunks;

  /** Per bucket: the pool position of its next free key slot; NO_CHUNK if it has no chunk. */
  private int[] bucketTail;

  private int[] bucketSize;
  private int buckets;
  private int ringCount;

  private int[] overflow;
  private int overflowSize;

  private double inverseWidth = 1.0;
  private long lapStart;
  private long current;
  private long limit;
  private int crowdLimit = MIN_CROWD_LIMIT;
  private final double[] sample = new double[SAMPLE];

  private int size;
  private long sequence;
  private double now;
  private int lastKind;

  /** A calendar sized for keys {@code 0 .. expectedKeys-1}; it grows when larger keys are used. */
  public EventCalendar(int expectedKeys) {
    int capacity = Math.max(16, expectedKeys);
    record = new long[STRIDE * capacity];
    heapDay = new double[64];
    heapKey = new int[64];
    buckets = MIN_BUCKETS;
    bucketTail = new int[MIN_BUCKETS];
    Arrays.fill(bucketTail, NO_CHUNK);
    bucketSize = new int[MIN_BUCKETS];
    pool = new int[MIN_BUCKETS * CHUNK];
    // At the start of a lap every pending key is in the overflow: room for them all from the start
    // saves growing it step by step (and the garbage) while a population is first scheduled.
    overflow = new int[capacity];
    lapStart = 0;
    current = 0;
    limit = buckets;
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
    return key >= 0 && key < keyCapacity() && index(key) != NOT_PENDING;
  }

  /** The day of the pending event of {@code key}. */
  public double dayOf(int key) {
    checkPending(key);
    return day(key);
  }

  /** The kind of the pending event of {@code key}. */
  public int kindOf(int key) {
    checkPending(key);
    return (int) (record[STRIDE * key + 1] & KIND_MASK);
  }

  /**
   * The caller's tag of {@code key}: a 32-bit word the calendar keeps beside the key's event record
   * and never reads; 0 until set. It stays with the key whether or not an event is pending, so a
   * caller can keep a small per-key state there (the reference workload keeps a person's state and
   * draw counter): handling an event then touches one cache line for the event and the state.
   */
  public int tag(int key) {
    requireKey(key);
    return key < keyCapacity() ? (int) (record[STRIDE * key + 2] >>> 32) : 0;
  }

  /** Sets the caller's tag of {@code key} (see {@link #tag(int)}). */
  public void setTag(int key, int value) {
    requireKey(key);
    if (key >= keyCapacity()) {
      growKeys(key + 1);
    }
    int at = STRIDE * key + 2;
    record[at] = ((long) value << 32) | (record[at] & SLOT_MASK);
  }

  /** The day of the earliest pending event; {@link Double#POSITIVE_INFINITY} if none. */
  public double peekDay() {
    if (size == 0) {
      return Double.POSITIVE_INFINITY;
    }
    if (heapSize == 0) {
      advance();
    }
    return heapDay[0];
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
    if (key >= keyCapacity()) {
      growKeys(key + 1);
    }
    if (index(key) != NOT_PENDING) {
      remove(key);
    }
    record[STRIDE * key] = Double.doubleToRawLongBits(day);
    record[STRIDE * key + 1] =
        ((long) priority.ordinal() << PRIORITY_SHIFT) | (sequence++ << SEQUENCE_SHIFT) | kind;
    size++;
    long number = bucketNumber(day);
    if (number <= current) {
      if (heapSize == heapKey.length) {
        growHeap(heapSize + 1);
      }
      siftUp(heapSize++, day, key);
      if (heapSize > crowdLimit) {
        rebuild();
      }
    } else if (number < limit) {
      int b = (int) (number - lapStart);
      append(b, key);
      ringCount++;
      if (bucketSize[b] > crowdLimit) {
        rebuild();
      }
    } else {
      appendOverflow(key);
    }
  }

  /** Removes the pending event of {@code key}. Returns false if it had none. */
  public boolean cancel(int key) {
    if (!isPending(key)) {
      return false;
    }
    remove(key);
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
    if (heapSize == 0) {
      advance();
    }
    int key = heapKey[0];
    now = heapDay[0];
    lastKind = (int) (record[STRIDE * key + 1] & KIND_MASK);
    setIndex(key, NOT_PENDING);
    size--;
    int lastIndex = --heapSize;
    if (lastIndex > 0) {
      siftDown(0, heapDay[lastIndex], heapKey[lastIndex]);
    }
    return key;
  }

  private double day(int key) {
    return Double.longBitsToDouble(record[STRIDE * key]);
  }

  private long tie(int key) {
    return record[STRIDE * key + 1];
  }

  private static void requireKey(int key) {
    if (key < 0) {
      throw new IllegalArgumentException("key must be >= 0, was " + key);
    }
  }

  private int keyCapacity() {
    return record.length / STRIDE;
  }

  /** The key's place in the heap, its bucket or the overflow; NOT_PENDING if none. */
  private int index(int key) {
    return (int) record[STRIDE * key + 2] - 1;
  }

  private void setIndex(int key, int at) {
    int i = STRIDE * key + 2;
    record[i] = (record[i] & TAG_MASK) | (at + 1L);
  }

  /** floor(day / width), capped; non-decreasing in the day (days are never negative). */
  private long bucketNumber(double day) {
    long number = (long) (day * inverseWidth);
    return number < MAX_BUCKET_NUMBER ? number : MAX_BUCKET_NUMBER;
  }

  /** Takes the pending {@code key} out of wherever it is (note 3). */
  private void remove(int key) {
    int at = index(key);
    setIndex(key, NOT_PENDING);
    size--;
    long number = bucketNumber(day(key));
    if (number <= current) {
      removeFromHeap(at);
    } else if (number < limit) {
      int b = (int) (number - lapStart);
      removeFromBucket(b, at);
      ringCount--;
    } else {
      int last = --overflowSize;
      if (at != last) {
        int moved = overflow[last];
        overflow[at] = moved;
        setIndex(moved, at);
      }
    }
  }

  /** Fills the empty heap from the next non-empty bucket, starting a lap if the ring is empty. */
  private void advance() {
    while (heapSize == 0) {
      if (ringCount == 0) {
        startLap();
      } else {
        current++;
        loadBucket((int) (current - lapStart));
      }
    }
  }

  /**
   * Chooses the width from the overflow's days and deals the overflow into the ring. The heap and
   * the ring must be empty and the overflow not.
   */
  private void startLap() {
    int n = overflowSize;
    int s = Math.min(n, SAMPLE);
    for (int i = 0; i < s; i++) {
      sample[i] = day(overflow[(int) ((long) i * n / s)]);
    }
    Arrays.sort(sample, 0, s);
    double low = sample[0];
    double span = sample[s / 2] - low;
    if (!(span > 0 && span < Double.POSITIVE_INFINITY)) {
      span = sample[s - 1] - low;
    }
    int count =
        (int) Math.max(MIN_BUCKETS, Math.min(MAX_BUCKETS, (long) (COVER * n / (2.0 * PER_BUCKET))));
    double inverse = count / (COVER * span);
    inverseWidth = inverse > 0 && inverse < Double.POSITIVE_INFINITY ? inverse : 1.0;
    if (count > bucketTail.length) {
      int old = bucketTail.length;
      bucketTail = Arrays.copyOf(bucketTail, count);
      Arrays.fill(bucketTail, old, count, NO_CHUNK);
      bucketSize = Arrays.copyOf(bucketSize, count);
    }
    buckets = count;
    // Room for every pending key in the ring, in one allocation rather than step by step (the
    // ring rarely holds them all, but this lap's arrivals may join it).
    reservePool((long) count + (size + LINK - 1) / LINK);
    lapStart = bucketNumber(low);
    current = lapStart;
    limit = lapStart + count;
    int kept = 0;
    for (int i = 0; i < n; i++) {
      int key = overflow[i];
      long number = bucketNumber(day(key));
      if (number < limit) {
        append(number <= lapStart ? 0 : (int) (number - lapStart), key);
        ringCount++;
      } else {
        overflow[kept] = key;
        setIndex(key, kept++);
      }
    }
    overflowSize = kept;
    int largest = 0;
    for (int b = 0; b < count; b++) {
      largest = Math.max(largest, bucketSize[b]);
    }
    crowdLimit = (int) Math.min(Integer.MAX_VALUE, Math.max(MIN_CROWD_LIMIT, 2L * largest));
    loadBucket(0);
  }

  /** Puts every pending event back in the overflow and starts a new lap (note 4). */
  private void rebuild() {
    for (int i = 0; i < heapSize; i++) {
      appendOverflow(heapKey[i]);
    }
    heapSize = 0;
    for (int b = 0; b < buckets; b++) {
      int count = bucketSize[b];
      if (count > 0) {
        if (count > heapKey.length) {
          growHeap(count);
        }
        drainBucket(b, heapKey);
        for (int i = 0; i < count; i++) {
          appendOverflow(heapKey[i]);
        }
      }
    }
    ringCount = 0;
    startLap();
  }

  /** Moves bucket {@code b} into the empty heap. */
  private void loadBucket(int b) {
    int count = bucketSize[b];
    if (count == 0) {
      return;
    }
    if (count > heapKey.length) {
      growHeap(count);
    }
    final double[] days = heapDay;
    final int[] heap = heapKey;
    drainBucket(b, heap);
    for (int i = 0; i < count; i++) {
      int key = heap[i];
      days[i] = day(key);
      setIndex(key, i);
    }
    heapSize = count;
    ringCount -= count;
    for (int i = (count - 2) / ARITY; i >= 0; i--) {
      siftDown(i, days[i], heap[i]);
    }
  }

  /** Adds {@code key} to bucket {@code b}: a store at the bucket's tail (note 7). */
  private void append(int b, int key) {
    int at = bucketTail[b];
    if ((at & LINK) == LINK) {
      // No chunk yet (NO_CHUNK is all ones) or the last one is full.
      at = newChunk(at == NO_CHUNK ? NO_CHUNK : at >> CHUNK_SHIFT);
    }
    pool[at] = key;
    setIndex(key, at);
    bucketTail[b] = at + 1;
    bucketSize[b]++;
  }

  /**
   * Takes the key at pool position {@code at} out of bucket {@code b}: the bucket's last key fills
   * the hole, and a tail chunk left empty goes back to the free list.
   */
  private void removeFromBucket(int b, int at) {
    int last = bucketTail[b] - 1;
    if (at != last) {
      int moved = pool[last];
      pool[at] = moved;
      setIndex(moved, at);
    }
    bucketSize[b]--;
    // A tail chunk left empty goes; the bucket's tail is then the end of its previous chunk.
    bucketTail[b] = (last & LINK) == 0 ? releaseChunk(last) : last;
  }

  /** Copies the keys of bucket {@code b} to {@code into[0..]}, empties it and frees its chunks. */
  private void drainBucket(int b, int[] into) {
    final int[] chunks = pool;
    int n = 0;
    int end = bucketTail[b];
    while (end != NO_CHUNK) {
      int start = end & ~LINK;
      for (int at = start; at < end; at++) {
        into[n++] = chunks[at];
      }
      end = releaseChunk(start);
    }
    bucketTail[b] = NO_CHUNK;
    bucketSize[b] = 0;
  }

  /**
   * Frees the chunk that starts at pool position {@code start} and returns the end of the bucket's
   * previous chunk (which is full: every chunk of a bucket but the last is), or NO_CHUNK if there
   * is none.
   */
  private int releaseChunk(int start) {
    int previous = pool[start + LINK];
    freeChunk(start >> CHUNK_SHIFT);
    return previous == NO_CHUNK ? NO_CHUNK : (previous << CHUNK_SHIFT) + LINK;
  }

  /** A chunk linked to {@code previous}; returns the pool position of its first key slot. */
  private int newChunk(int previous) {
    int chunk = freeChunk;
    if (chunk != NO_CHUNK) {
      freeChunk = pool[(chunk << CHUNK_SHIFT) + LINK];
    } else {
      if ((long) (freshChunks + 1) << CHUNK_SHIFT > pool.length) {
        growPool();
      }
      chunk = freshChunks++;
    }
    int start = chunk << CHUNK_SHIFT;
    pool[start + LINK] = previous;
    return start;
  }

  private void freeChunk(int chunk) {
    pool[(chunk << CHUNK_SHIFT) + LINK] = freeChunk;
    freeChunk = chunk;
  }

  private void growPool() {
    reservePool((long) freshChunks + (freshChunks >> 1) + 1);
  }

  /** Makes room in the pool for at least {@code chunks} chunks. */
  private void reservePool(long chunks) {
    if (chunks << CHUNK_SHIFT <= pool.length) {
      return;
    }
    if (chunks << CHUNK_SHIFT > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many pending events in the ring: " + ringCount);
    }
    pool = Arrays.copyOf(pool, (int) (chunks << CHUNK_SHIFT));
  }

  private void appendOverflow(int key) {
    if (overflowSize == overflow.length) {
      // Grow by half, but never beyond the keys there are room for: the overflow cannot hold more
      // keys than can be pending. (Capping it at the pending count instead, as until 2026, made
      // it grow by a few slots at a time while a population was being scheduled: 178 bytes of
      // garbage a key at 100,000 keys.)
      long capacity = Math.min(overflowSize + (overflowSize >> 1) + 1L, keyCapacity());
      overflow = Arrays.copyOf(overflow, (int) Math.max(capacity, overflowSize + 1L));
    }
    overflow[overflowSize] = key;
    setIndex(key, overflowSize++);
  }

  private void removeFromHeap(int at) {
    int lastIndex = --heapSize;
    if (at != lastIndex) {
      double lastDay = heapDay[lastIndex];
      int lastKey = heapKey[lastIndex];
      if (at > 0 && precedes(lastDay, lastKey, heapDay[parent(at)], heapKey[parent(at)])) {
        siftUp(at, lastDay, lastKey);
      } else {
        siftDown(at, lastDay, lastKey);
      }
    }
  }

  private boolean precedes(double dayA, int keyA, double dayB, int keyB) {
    return dayA < dayB || (dayA == dayB && tie(keyA) < tie(keyB));
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
      setIndex(pk, hole);
      hole = p;
    }
    heapDay[hole] = day;
    heapKey[hole] = key;
    setIndex(key, hole);
  }

  private void siftDown(int hole, double day, int key) {
    final double[] days = heapDay;
    final int[] keys = heapKey;
    final int n = heapSize;
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
        if (cd < bestDay || (cd == bestDay && tie(keys[c]) < tie(keys[best]))) {
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
      setIndex(bestKey, hole);
      hole = best;
    }
    days[hole] = day;
    keys[hole] = key;
    setIndex(key, hole);
  }

  private void checkPending(int key) {
    if (!isPending(key)) {
      throw new IllegalArgumentException("key " + key + " has no pending event");
    }
  }

  private void growKeys(int minimum) {
    int old = keyCapacity();
    int capacity = Math.max(minimum, old + (old >> 1));
    if ((long) STRIDE * capacity > Integer.MAX_VALUE - 8) {
      throw new IllegalStateException("too many keys: " + capacity);
    }
    // New keys read as not pending with tag 0: the zeros Arrays.copyOf fills in.
    record = Arrays.copyOf(record, STRIDE * capacity);
  }

  private void growHeap(int minimum) {
    int capacity = Math.max(minimum, heapKey.length + (heapKey.length >> 1) + 1);
    heapDay = Arrays.copyOf(heapDay, capacity);
    heapKey = Arrays.copyOf(heapKey, capacity);
  }
}
