package phbsim.bench;

import java.util.Locale;
import java.util.SplittableRandom;
import org.openjdk.jol.info.GraphLayout;
import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.experiment.RunSpec;
import phbsim.random.RandomStreams;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.world.CompiledScenario;
import phbsim.world.World;

/**
 * Retained bytes of the whole model, counted by JOL from the running JVM's own object layout
 * (headers, alignment, compressed references as this JVM has them), not estimated by hand:
 *
 * <ul>
 *   <li>per pending event in the calendar: an {@link EventCalendar} after a long hold run (every
 *       key pending, exponential delays with a mean of two years) at n and at 2n keys; the
 *       difference over n is what one more pending event costs, the fixed parts cancelling;
 *   <li>per person of the whole model: the object graph of a {@link World} of each scenario named,
 *       at day 0 (its starting population in place) and after its run to the horizon (the monthly
 *       record, the cohort log and the ledger's totals included), divided by the people it holds;
 *       and between the first two scenarios, the difference in bytes over the difference in people,
 *       which leaves out what does not grow with the people.
 * </ul>
 *
 * <p>Usage: {@code java -Xmx6g -cp benchmarks.jar phbsim.bench.Footprint 1000000 default england}
 * (the first argument is n for the calendar; then scenario names; the first replication of each).
 */
public final class Footprint {
  private Footprint() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
    long one = calendarBytes(n);
    long two = calendarBytes(2 * n);
    System.out.printf(
        Locale.ROOT,
        "calendar, %d pending: %d bytes (%.1f a key); %d pending: %d bytes;"
            + " one more pending event: %.1f bytes%n",
        n,
        one,
        one / (double) n,
        2 * n,
        two,
        (two - one) / (double) n);
    long[] firstBytes = null;
    int[] firstPeople = null;
    for (int i = 1; i < args.length; i++) {
      CompiledScenario compiled = new CompiledScenario(BuiltInScenarios.load(args[i]));
      World world = new World(compiled, RandomStreams.forCell(RunSpec.DEFAULT_SEED, 0, 0, 0));
      int people = world.peopleEver();
      long start = GraphLayout.parseInstance(world).totalSize();
      long startCompiled = GraphLayout.parseInstance(compiled).totalSize();
      world.run();
      long end = GraphLayout.parseInstance(world).totalSize();
      int peopleEnd = world.peopleEver();
      // The compiled scenario is shared by every replication of a run: counted apart.
      System.out.printf(
          Locale.ROOT,
          "%s: %d people at day 0, %d by the horizon, %d events; world %d bytes at day 0 (%.1f a"
              + " person), %d after the run (%.1f a person ever), of which the shared compiled"
              + " scenario %d%n",
          args[i],
          people,
          peopleEnd,
          world.events(),
          start,
          start / (double) people,
          end,
          end / (double) peopleEnd,
          startCompiled);
      if (firstBytes == null) {
        firstBytes = new long[] {start, end};
        firstPeople = new int[] {people, peopleEnd};
      } else {
        System.out.printf(
            Locale.ROOT,
            "  against %s: %.1f bytes a person more at day 0, %.1f after the run%n",
            args[1],
            (start - firstBytes[0]) / (double) (people - firstPeople[0]),
            (end - firstBytes[1]) / (double) (peopleEnd - firstPeople[1]));
      }
    }
  }

  private static long calendarBytes(int n) {
    SplittableRandom random = new SplittableRandom(1);
    EventCalendar calendar = new EventCalendar(n);
    for (int k = 0; k < n; k++) {
      calendar.schedule(k, delay(random), EventPriority.TRANSITION, 0);
    }
    for (long i = 0; i < 12L * n; i++) {
      int key = calendar.next();
      calendar.schedule(key, calendar.now() + delay(random), EventPriority.TRANSITION, 0);
    }
    return GraphLayout.parseInstance(calendar).totalSize();
  }

  private static double delay(SplittableRandom random) {
    return -Math.log(1 - random.nextDouble()) * 730.5;
  }
}
