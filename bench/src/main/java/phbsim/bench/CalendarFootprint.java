package phbsim.bench;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Locale;
import java.util.SplittableRandom;
import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;

/**
 * Bytes the calendar retains per pending key after a long hold run (every key pending, exponential
 * delays with a mean of two years, as for the DISCHARGED people of the population-flow workload),
 * counted from its arrays (16-byte array headers, compressed references). The population-flow
 * workload keeps a person's state and draw counter in the key's tag, so this is its storage per
 * person too (plus its waiting line, which is empty at capacity 0.25).
 *
 * <p>Usage: {@code java -cp benchmarks.jar phbsim.bench.CalendarFootprint 10000 1000000}
 */
public final class CalendarFootprint {
  private CalendarFootprint() {}

  public static void main(String[] args) throws IllegalAccessException {
    for (String arg : args) {
      int n = Integer.parseInt(arg);
      SplittableRandom random = new SplittableRandom(1);
      EventCalendar calendar = new EventCalendar(n);
      for (int k = 0; k < n; k++) {
        calendar.schedule(k, delay(random), EventPriority.TRANSITION, 0);
      }
      for (long i = 0; i < 12L * n; i++) {
        int key = calendar.next();
        calendar.schedule(key, calendar.now() + delay(random), EventPriority.TRANSITION, 0);
      }
      System.out.printf(
          Locale.ROOT, "%d keys: %.1f bytes per key%n", n, bytes(calendar) / (double) n);
    }
  }

  private static double delay(SplittableRandom random) {
    return -Math.log(1 - random.nextDouble()) * 730.5;
  }

  private static long bytes(Object o) throws IllegalAccessException {
    long sum = 0;
    for (Field f : o.getClass().getDeclaredFields()) {
      if (Modifier.isStatic(f.getModifiers())) {
        continue;
      }
      f.setAccessible(true);
      Object v = f.get(o);
      if (v instanceof long[] a) {
        sum += 16 + 8L * a.length;
      } else if (v instanceof double[] a) {
        sum += 16 + 8L * a.length;
      } else if (v instanceof int[] a) {
        sum += 16 + 4L * a.length;
      } else if (v instanceof byte[] a) {
        sum += 16 + a.length;
      } else if (v instanceof int[][] a) {
        sum += 16 + 4L * a.length;
        for (int[] b : a) {
          sum += b == null ? 0 : 16 + 4L * b.length;
        }
      }
    }
    return sum;
  }
}
