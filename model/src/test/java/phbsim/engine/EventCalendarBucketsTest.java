package phbsim.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Edge cases of the calendar's buckets (see the design notes in {@link EventCalendar}): piles of
 * events on one day, far-future events, days on bucket boundaries and the rebuilds that follow a
 * growing population. Each test checks the full (day, priority, sequence) order against a sort.
 */
class EventCalendarBucketsTest {

  /** One scheduled event as the reference sees it. */
  private record Scheduled(double day, int priority, long sequence, int key) {}

  private static final Comparator<Scheduled> ORDER =
      Comparator.comparingDouble(Scheduled::day)
          .thenComparingInt(Scheduled::priority)
          .thenComparingLong(Scheduled::sequence);

  /** Schedules one event per key on the given days and checks they all come out in order. */
  private static void assertDrainsInOrder(double[] days, EventPriority[] priorities) {
    EventCalendar calendar = new EventCalendar(days.length);
    List<Scheduled> expected = new ArrayList<>();
    for (int key = 0; key < days.length; key++) {
      EventPriority priority = priorities[key % priorities.length];
      calendar.schedule(key, days[key], priority, key & 127);
      expected.add(new Scheduled(days[key], priority.ordinal(), key, key));
    }
    expected.sort(ORDER);
    assertThat(calendar.size()).isEqualTo(days.length);
    for (Scheduled e : expected) {
      assertThat(calendar.peekDay()).isEqualTo(e.day());
      assertThat(calendar.next()).isEqualTo(e.key());
      assertThat(calendar.now()).isEqualTo(e.day());
      assertThat(calendar.lastKind()).isEqualTo(e.key() & 127);
    }
    assertThat(calendar.isEmpty()).isTrue();
  }

  @Test
  @DisplayName("a hundred thousand events on one day come out by priority, then first in")
  void manyEventsOnOneDay() {
    double[] days = new double[100_000];
    java.util.Arrays.fill(days, 42.0);
    assertDrainsInOrder(days, EventPriority.values());
  }

  @Test
  @DisplayName("a pile on one day among spread-out events keeps the order")
  void pileAmongSpreadEvents() {
    SplittableRandom random = new SplittableRandom(7);
    double[] days = new double[50_000];
    for (int i = 0; i < days.length; i++) {
      days[i] = i % 3 == 0 ? 365.0 : random.nextDouble() * 3650.0;
    }
    assertDrainsInOrder(days, EventPriority.values());
  }

  @Test
  @DisplayName("far-future and infinite days come out last, in order")
  void farFutureEvents() {
    SplittableRandom random = new SplittableRandom(11);
    double[] days = new double[20_000];
    for (int i = 0; i < days.length; i++) {
      switch (i % 5) {
        case 0 -> days[i] = 1e12 + random.nextInt(10);
        case 1 -> days[i] = Double.POSITIVE_INFINITY;
        case 2 -> days[i] = Double.MAX_VALUE;
        default -> days[i] = random.nextDouble() * 10.0;
      }
    }
    assertDrainsInOrder(days, new EventPriority[] {EventPriority.MONTH_END, EventPriority.RELEASE});
  }

  @Test
  @DisplayName("days on exact multiples of many widths (bucket boundaries) keep the order")
  void bucketBoundaries() {
    // Whole, half and quarter days and their neighbours one ulp either side fall exactly on, just
    // before and just after the edges of buckets of most widths the calendar can choose.
    double[] days = new double[30_000];
    for (int i = 0; i < days.length; i++) {
      double edge = (i / 3) * 0.25;
      days[i] =
          switch (i % 3) {
            case 0 -> edge;
            case 1 -> Math.nextDown(edge + 0.25);
            default -> Math.nextUp(edge);
          };
    }
    assertDrainsInOrder(days, EventPriority.values());
  }

  @Test
  @DisplayName("events scheduled at now, between buckets, while the calendar runs keep the order")
  void holdWithRescheduleCancelAndGrowth() {
    // A hold loop whose population grows tenfold and shrinks again, so that the calendar
    // rebuilds and changes its width, checked against a sorted reference at every step.
    SplittableRandom random = new SplittableRandom(2026);
    EventCalendar calendar = new EventCalendar(16);
    java.util.TreeSet<Scheduled> reference = new java.util.TreeSet<>(ORDER);
    java.util.Map<Integer, Scheduled> pending = new java.util.HashMap<>();
    long sequence = 0;
    int keys = 1_000;
    for (int step = 0; step < 200_000; step++) {
      if (step == 50_000) {
        keys = 10_000;
      } else if (step == 150_000) {
        keys = 500;
      }
      int action = random.nextInt(10);
      if (action < 6 || reference.isEmpty()) {
        int key = random.nextInt(keys);
        double delay = action == 0 ? 0.0 : -Math.log(1 - random.nextDouble()) * 30.0;
        if (action == 1) {
          delay = Math.floor(delay);
        }
        double day = calendar.now() + delay;
        EventPriority priority = EventPriority.values()[random.nextInt(5)];
        calendar.schedule(key, day, priority, 1);
        Scheduled old = pending.remove(key);
        if (old != null) {
          reference.remove(old);
        }
        Scheduled e = new Scheduled(day, priority.ordinal(), sequence++, key);
        reference.add(e);
        pending.put(key, e);
      } else if (action < 7) {
        int key = random.nextInt(keys);
        Scheduled old = pending.remove(key);
        if (old != null) {
          reference.remove(old);
        }
        assertThat(calendar.cancel(key)).isEqualTo(old != null);
      } else {
        Scheduled e = reference.pollFirst();
        pending.remove(e.key());
        assertThat(calendar.next()).as("step %d", step).isEqualTo(e.key());
        assertThat(calendar.now()).isEqualTo(e.day());
      }
      assertThat(calendar.size()).isEqualTo(reference.size());
    }
    while (!reference.isEmpty()) {
      assertThat(calendar.next()).isEqualTo(reference.pollFirst().key());
    }
    assertThat(calendar.isEmpty()).isTrue();
  }

  @Test
  @DisplayName("a whole population scheduled before the first event (resizing) comes out in order")
  void growthBeforeFirstEvent() {
    SplittableRandom random = new SplittableRandom(3);
    double[] days = new double[300_000];
    for (int i = 0; i < days.length; i++) {
      days[i] = -Math.log(1 - random.nextDouble()) * (i % 2 == 0 ? 730.0 : 14.0);
    }
    assertDrainsInOrder(days, new EventPriority[] {EventPriority.TRANSITION});
  }
}
