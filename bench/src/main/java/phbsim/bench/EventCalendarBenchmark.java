package phbsim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;

/**
 * The calendar on its own, holding a steady number of pending events (one per key, as for people):
 * the hold model of event-list studies (take the earliest event, schedule it again a random time
 * later), and moving an arbitrary pending event (cancel and reschedule, as a competing hazard
 * does). The random increments are drawn beforehand so that only the calendar is timed.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class EventCalendarBenchmark {
  private static final int INCREMENTS = 1 << 16;

  @Param({"10000", "1000000"})
  int pending;

  private EventCalendar calendar;
  private double[] increments;
  private int[] keys;
  private int cursor;

  @Setup
  public void setUp() {
    SplittableRandom random = new SplittableRandom(42);
    calendar = new EventCalendar(pending);
    for (int k = 0; k < pending; k++) {
      calendar.schedule(k, -Math.log(1 - random.nextDouble()) * 365.0, EventPriority.TRANSITION, 0);
    }
    increments = new double[INCREMENTS];
    keys = new int[INCREMENTS];
    for (int i = 0; i < INCREMENTS; i++) {
      increments[i] = -Math.log(1 - random.nextDouble()) * 365.0;
      keys[i] = random.nextInt(pending);
    }
  }

  /** Take the earliest event and schedule the same key again (one event of a simulation). */
  @Benchmark
  public int scheduleAndPop() {
    int key = calendar.next();
    calendar.schedule(
        key, calendar.now() + increments[cursor++ & (INCREMENTS - 1)], EventPriority.TRANSITION, 0);
    return key;
  }

  /** Cancel the event of an arbitrary pending key and schedule it again. */
  @Benchmark
  public boolean cancelAndReschedule() {
    int i = cursor++ & (INCREMENTS - 1);
    int key = keys[i];
    boolean was = calendar.cancel(key);
    calendar.schedule(key, calendar.now() + increments[i], EventPriority.TRANSITION, 0);
    return was;
  }
}
