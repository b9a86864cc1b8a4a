package phbsim.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EventCalendarTest {

  /** Takes every pending event off the calendar and returns the keys in the order they came. */
  private static List<Integer> drain(EventCalendar calendar) {
    List<Integer> keys = new ArrayList<>();
    while (!calendar.isEmpty()) {
      keys.add(calendar.next());
    }
    return keys;
  }

  @Test
  @DisplayName("events come out in order of day, whatever order they were scheduled in")
  void ordersByDay() {
    EventCalendar calendar = new EventCalendar(8);
    calendar.schedule(0, 5.0, EventPriority.TRANSITION, 0);
    calendar.schedule(1, 1.5, EventPriority.TRANSITION, 0);
    calendar.schedule(2, 3.25, EventPriority.TRANSITION, 0);
    calendar.schedule(3, 0.0, EventPriority.TRANSITION, 0);
    calendar.schedule(4, 4.0, EventPriority.TRANSITION, 0);

    assertThat(calendar.size()).isEqualTo(5);
    assertThat(calendar.peekDay()).isEqualTo(0.0);
    List<Double> days = new ArrayList<>();
    List<Integer> keys = new ArrayList<>();
    while (!calendar.isEmpty()) {
      keys.add(calendar.next());
      days.add(calendar.now());
    }
    assertThat(keys).containsExactly(3, 1, 2, 4, 0);
    assertThat(days).containsExactly(0.0, 1.5, 3.25, 4.0, 5.0);
  }

  @Test
  @DisplayName("events on the same day come out in the order of EventPriority")
  void equalDaysByPriority() {
    EventCalendar calendar = new EventCalendar(8);
    calendar.schedule(0, 2.0, EventPriority.MONTH_END, 0);
    calendar.schedule(1, 2.0, EventPriority.ARRIVAL, 0);
    calendar.schedule(2, 2.0, EventPriority.RELEASE, 0);
    calendar.schedule(3, 2.0, EventPriority.POLICY, 0);
    calendar.schedule(4, 2.0, EventPriority.TRANSITION, 0);

    assertThat(drain(calendar)).containsExactly(2, 4, 1, 3, 0);
  }

  @Test
  @DisplayName("events on the same day with the same priority come out first scheduled, first out")
  void equalDayAndPriorityFifo() {
    EventCalendar calendar = new EventCalendar(64);
    int[] order = {17, 3, 40, 0, 25, 9, 33, 1, 12, 50, 7, 44, 2};
    for (int key : order) {
      calendar.schedule(key, 10.0, EventPriority.ARRIVAL, 0);
    }

    assertThat(drain(calendar)).containsExactly(17, 3, 40, 0, 25, 9, 33, 1, 12, 50, 7, 44, 2);
  }

  @Test
  @DisplayName("day beats priority: an earlier MONTH_END comes before a later RELEASE")
  void dayBeatsPriority() {
    EventCalendar calendar = new EventCalendar(4);
    calendar.schedule(0, 3.0, EventPriority.RELEASE, 0);
    calendar.schedule(1, 2.999, EventPriority.MONTH_END, 0);

    assertThat(drain(calendar)).containsExactly(1, 0);
  }

  @Test
  @DisplayName("rescheduling a pending key to an earlier day moves its event forward")
  void rescheduleEarlier() {
    EventCalendar calendar = new EventCalendar(8);
    for (int key = 0; key < 6; key++) {
      calendar.schedule(key, 10.0 + key, EventPriority.TRANSITION, 1);
    }
    calendar.schedule(5, 1.0, EventPriority.TRANSITION, 2);

    assertThat(calendar.size()).isEqualTo(6);
    assertThat(calendar.dayOf(5)).isEqualTo(1.0);
    assertThat(calendar.kindOf(5)).isEqualTo(2);
    assertThat(calendar.next()).isEqualTo(5);
    assertThat(calendar.lastKind()).isEqualTo(2);
    assertThat(drain(calendar)).containsExactly(0, 1, 2, 3, 4);
  }

  @Test
  @DisplayName("rescheduling a pending key to a later day moves its event back")
  void rescheduleLater() {
    EventCalendar calendar = new EventCalendar(8);
    for (int key = 0; key < 6; key++) {
      calendar.schedule(key, 10.0 + key, EventPriority.TRANSITION, 0);
    }
    calendar.schedule(0, 12.5, EventPriority.TRANSITION, 0);

    assertThat(calendar.size()).isEqualTo(6);
    assertThat(drain(calendar)).containsExactly(1, 2, 0, 3, 4, 5);
  }

  @Test
  @DisplayName("a rescheduled key counts as newly scheduled when it ties on day and priority")
  void rescheduleCountsAsNewInsertion() {
    EventCalendar calendar = new EventCalendar(8);
    calendar.schedule(0, 5.0, EventPriority.ARRIVAL, 0);
    calendar.schedule(1, 5.0, EventPriority.ARRIVAL, 0);
    calendar.schedule(2, 5.0, EventPriority.ARRIVAL, 0);
    // Key 0 moves to the same day: it now ties with 1 and 2 and was scheduled after them.
    calendar.schedule(0, 5.0, EventPriority.ARRIVAL, 0);

    assertThat(drain(calendar)).containsExactly(1, 2, 0);
  }

  @Test
  @DisplayName("a key rescheduled to the same day goes behind its equals, wherever it sits")
  void rescheduleSameDayFromEveryPosition() {
    // Whatever heap slot the key occupies (root, inner node or leaf), a reschedule to the same
    // day and priority must put it last among its equals.
    int n = 30;
    for (int moved = 0; moved < n; moved++) {
      EventCalendar calendar = new EventCalendar(n);
      for (int key = 0; key < n; key++) {
        calendar.schedule(key, 7.0, EventPriority.TRANSITION, 0);
      }
      calendar.schedule(moved, 7.0, EventPriority.TRANSITION, 0);

      List<Integer> expected = new ArrayList<>();
      for (int key = 0; key < n; key++) {
        if (key != moved) {
          expected.add(key);
        }
      }
      expected.add(moved);
      assertThat(drain(calendar)).as("key %d rescheduled", moved).isEqualTo(expected);
    }
  }

  @Test
  @DisplayName("rescheduling to the same day with an earlier priority moves the event forward")
  void rescheduleToEarlierPriority() {
    EventCalendar calendar = new EventCalendar(8);
    calendar.schedule(0, 5.0, EventPriority.ARRIVAL, 0);
    calendar.schedule(1, 5.0, EventPriority.ARRIVAL, 0);
    calendar.schedule(2, 5.0, EventPriority.ARRIVAL, 0);
    calendar.schedule(2, 5.0, EventPriority.RELEASE, 0);

    assertThat(drain(calendar)).containsExactly(2, 0, 1);
  }

  @Test
  @DisplayName("cancelling a key that has no pending event does nothing and returns false")
  void cancelNotPending() {
    EventCalendar calendar = new EventCalendar(4);
    calendar.schedule(0, 1.0, EventPriority.ARRIVAL, 0);

    assertThat(calendar.cancel(1)).isFalse();
    assertThat(calendar.cancel(1_000)).isFalse();
    assertThat(calendar.cancel(0)).isTrue();
    assertThat(calendar.cancel(0)).isFalse();
    assertThat(calendar.isEmpty()).isTrue();
  }

  @Test
  @DisplayName("cancelling the earliest event (the root) keeps the rest in order")
  void cancelRoot() {
    EventCalendar calendar = new EventCalendar(16);
    for (int key = 0; key < 12; key++) {
      calendar.schedule(key, 12 - key, EventPriority.TRANSITION, 0);
    }
    assertThat(calendar.cancel(11)).isTrue();

    assertThat(calendar.isPending(11)).isFalse();
    assertThat(calendar.peekDay()).isEqualTo(2.0);
    assertThat(drain(calendar)).containsExactly(10, 9, 8, 7, 6, 5, 4, 3, 2, 1, 0);
  }

  @Test
  @DisplayName("cancelling the last element of the heap keeps the rest in order")
  void cancelLastElement() {
    EventCalendar calendar = new EventCalendar(16);
    for (int key = 0; key < 12; key++) {
      calendar.schedule(key, key, EventPriority.TRANSITION, 0);
    }
    // Scheduled in increasing order, each key is appended as the heap's last element.
    assertThat(calendar.cancel(11)).isTrue();

    assertThat(drain(calendar)).containsExactly(0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
  }

  @Test
  @DisplayName("cancelling an event in the middle keeps the rest in order")
  void cancelMiddle() {
    EventCalendar calendar = new EventCalendar(32);
    for (int key = 0; key < 30; key++) {
      calendar.schedule(key, (key * 7) % 30, EventPriority.TRANSITION, 0);
    }
    // Cancel keys whose moved-in replacement must go up and keys whose replacement must go down.
    for (int key : new int[] {1, 4, 13, 22, 29}) {
      assertThat(calendar.cancel(key)).isTrue();
    }

    List<Double> days = new ArrayList<>();
    while (!calendar.isEmpty()) {
      calendar.next();
      days.add(calendar.now());
    }
    assertThat(days).hasSize(25).isSorted();
    assertThat(days).doesNotContain(7.0, 28.0, 1.0, 4.0, 23.0);
  }

  @Test
  @DisplayName("cancelling where the replacement must move up towards the root keeps the order")
  void cancelWhereReplacementSiftsUp() {
    // In this 4-ary heap key k sits in slot k: the root (day 0) has children in slots 1..4, slot 1
    // (day 10) has children 5..8 and slot 2 (day 2) has child 9 (day 3), the last element.
    // Cancelling key 5 moves key 9 under key 1, above which it must rise.
    EventCalendar calendar = new EventCalendar(16);
    double[] days = {0, 10, 2, 30, 40, 11, 12, 13, 14, 3};
    for (int key = 0; key < days.length; key++) {
      calendar.schedule(key, days[key], EventPriority.TRANSITION, 0);
    }
    assertThat(calendar.cancel(5)).isTrue();

    assertThat(drain(calendar)).containsExactly(0, 2, 9, 1, 6, 7, 8, 3, 4);
  }

  @Test
  @DisplayName("taking the next event from an empty calendar throws")
  void nextOnEmptyThrows() {
    EventCalendar calendar = new EventCalendar(4);
    assertThatThrownBy(calendar::next)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no pending events");

    calendar.schedule(0, 1.0, EventPriority.ARRIVAL, 0);
    calendar.next();
    assertThatThrownBy(calendar::next).isInstanceOf(IllegalStateException.class);
    assertThat(calendar.peekDay()).isEqualTo(Double.POSITIVE_INFINITY);
  }

  @Test
  @DisplayName("scheduling before now, or on a day that is not a number, throws")
  void schedulingBeforeNowThrows() {
    EventCalendar calendar = new EventCalendar(4);
    calendar.schedule(0, 3.0, EventPriority.ARRIVAL, 0);
    calendar.next();
    assertThat(calendar.now()).isEqualTo(3.0);

    assertThatThrownBy(() -> calendar.schedule(1, 2.999, EventPriority.ARRIVAL, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("before now");
    assertThatThrownBy(() -> calendar.schedule(1, Double.NaN, EventPriority.ARRIVAL, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(calendar.isEmpty()).isTrue();

    calendar.schedule(1, 3.0, EventPriority.ARRIVAL, 0);
    assertThat(calendar.isPending(1)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(ints = {-1, 128})
  @DisplayName("a kind outside 0..127 is refused")
  void kindOutOfRange(int kind) {
    EventCalendar calendar = new EventCalendar(4);
    assertThatThrownBy(() -> calendar.schedule(0, 1.0, EventPriority.ARRIVAL, kind))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("kind");
  }

  @Test
  @DisplayName("keys far beyond the initial capacity grow the calendar")
  void keysBeyondCapacityGrow() {
    EventCalendar calendar = new EventCalendar(1);
    calendar.schedule(100_000, 5.0, EventPriority.ARRIVAL, 3);
    calendar.schedule(17, 4.0, EventPriority.ARRIVAL, 4);
    for (int key = 200; key < 400; key++) {
      calendar.schedule(key, 6.0 + key, EventPriority.ARRIVAL, 5);
    }

    assertThat(calendar.size()).isEqualTo(202);
    assertThat(calendar.isPending(100_000)).isTrue();
    assertThat(calendar.isPending(99_999)).isFalse();
    assertThat(calendar.isPending(1_000_000)).isFalse();
    assertThat(calendar.dayOf(100_000)).isEqualTo(5.0);
    assertThat(calendar.kindOf(100_000)).isEqualTo(3);
    assertThat(calendar.next()).isEqualTo(17);
    assertThat(calendar.next()).isEqualTo(100_000);
    assertThat(calendar.lastKind()).isEqualTo(3);
    List<Integer> rest = drain(calendar);
    assertThat(rest).hasSize(200).isSorted();
  }

  @Test
  @DisplayName("a key's tag is 0 until set, survives its events and grows the calendar if needed")
  void tags() {
    EventCalendar calendar = new EventCalendar(2);
    assertThat(calendar.tag(1)).isZero();
    assertThat(calendar.tag(5_000)).isZero();
    calendar.setTag(1, -1);
    calendar.setTag(5_000, Integer.MIN_VALUE);
    calendar.schedule(1, 2.0, EventPriority.ARRIVAL, 9);
    calendar.schedule(5_000, 1.0, EventPriority.ARRIVAL, 8);
    assertThat(calendar.isPending(4_999)).isFalse();
    assertThat(calendar.next()).isEqualTo(5_000);
    assertThat(calendar.tag(5_000)).isEqualTo(Integer.MIN_VALUE);
    assertThat(calendar.tag(1)).isEqualTo(-1);
    calendar.setTag(1, 0x7FFF_FFFF);
    assertThat(calendar.dayOf(1)).isEqualTo(2.0);
    assertThat(calendar.cancel(1)).isTrue();
    assertThat(calendar.tag(1)).isEqualTo(0x7FFF_FFFF);
    assertThat(calendar.isPending(1)).isFalse();
    assertThatThrownBy(() -> calendar.tag(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.setTag(-1, 0)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("asking for the day or kind of a key with nothing pending throws")
  void dayOfNotPendingThrows() {
    EventCalendar calendar = new EventCalendar(4);
    assertThatThrownBy(() -> calendar.dayOf(2)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> calendar.kindOf(2_000)).isInstanceOf(IllegalArgumentException.class);
  }

  /** A plain, obviously correct calendar to compare the heap against. */
  private static final class ReferenceCalendar {
    private record Entry(double day, int priority, long sequence, int key, int kind) {}

    private static final Comparator<Entry> ORDER =
        Comparator.comparingDouble(Entry::day)
            .thenComparingInt(Entry::priority)
            .thenComparingLong(Entry::sequence);

    private final TreeSet<Entry> queue = new TreeSet<>(ORDER);
    private final Map<Integer, Entry> pending = new HashMap<>();
    private long sequence;
    private double now;
    private int lastKind;

    void schedule(int key, double day, EventPriority priority, int kind) {
      cancel(key);
      Entry e = new Entry(day, priority.ordinal(), sequence++, key, kind);
      queue.add(e);
      pending.put(key, e);
    }

    boolean cancel(int key) {
      Entry e = pending.remove(key);
      return e != null && queue.remove(e);
    }

    int next() {
      Entry e = queue.pollFirst();
      pending.remove(e.key());
      now = e.day();
      lastKind = e.kind();
      return e.key();
    }

    int size() {
      return queue.size();
    }

    double peekDay() {
      return queue.isEmpty() ? Double.POSITIVE_INFINITY : queue.first().day();
    }
  }

  @Test
  @DisplayName("thousands of random schedules, cancels and takes match a simple reference")
  void randomizedDifferential() {
    SplittableRandom random = new SplittableRandom(20260401L);
    EventPriority[] priorities = EventPriority.values();
    int keys = 300;
    EventCalendar calendar = new EventCalendar(16);
    ReferenceCalendar reference = new ReferenceCalendar();
    List<Integer> taken = new ArrayList<>();
    List<Integer> expected = new ArrayList<>();
    // Tags share a word with the calendar's own index: set them to anything (negative numbers
    // included) at any time, and neither they nor the order may be disturbed.
    int[] tags = new int[keys];
    double lastNow = 0;
    for (int op = 0; op < 60_000; op++) {
      int action = random.nextInt(10);
      int key = random.nextInt(keys);
      if (random.nextInt(4) == 0) {
        tags[key] = random.nextInt();
        calendar.setTag(key, tags[key]);
      }
      if (action < 5) {
        // Coarse days (whole and half days ahead of now) so that ties are frequent.
        double day = calendar.now() + random.nextInt(20) * 0.5;
        EventPriority priority = priorities[random.nextInt(priorities.length)];
        int kind = random.nextInt(128);
        calendar.schedule(key, day, priority, kind);
        reference.schedule(key, day, priority, kind);
      } else if (action < 7) {
        assertThat(calendar.cancel(key)).isEqualTo(reference.cancel(key));
      } else if (reference.size() > 0) {
        expected.add(reference.next());
        taken.add(calendar.next());
        assertThat(taken.get(taken.size() - 1))
            .as("key taken by operation %d", op)
            .isEqualTo(expected.get(expected.size() - 1));
        assertThat(calendar.now()).isEqualTo(reference.now).isGreaterThanOrEqualTo(lastNow);
        assertThat(calendar.lastKind()).isEqualTo(reference.lastKind);
        lastNow = calendar.now();
      }
      assertThat(calendar.size()).as("size after operation %d", op).isEqualTo(reference.size());
      assertThat(calendar.peekDay())
          .as("peekDay after operation %d", op)
          .isEqualTo(reference.peekDay());
      assertThat(calendar.isPending(key)).isEqualTo(reference.pending.containsKey(key));
      assertThat(calendar.tag(key)).as("tag after operation %d", op).isEqualTo(tags[key]);
      if (calendar.isPending(key)) {
        assertThat(calendar.dayOf(key)).isEqualTo(reference.pending.get(key).day());
        assertThat(calendar.kindOf(key)).isEqualTo(reference.pending.get(key).kind());
      }
    }
    while (reference.size() > 0) {
      expected.add(reference.next());
      taken.add(calendar.next());
    }
    assertThat(calendar.isEmpty()).isTrue();
    assertThat(expected).hasSizeGreaterThan(10_000);
    assertThat(taken).isEqualTo(expected);
  }
}
