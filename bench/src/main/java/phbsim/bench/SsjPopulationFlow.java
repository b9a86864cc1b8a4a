package phbsim.bench;

import java.util.ArrayDeque;
import phbsim.workload.PopulationFlow;
import umontreal.ssj.probdist.ExponentialDist;
import umontreal.ssj.rng.MRG32k3a;
import umontreal.ssj.rng.RandomStream;
import umontreal.ssj.simevents.Event;
import umontreal.ssj.simevents.Simulator;
import umontreal.ssj.simevents.eventlist.Henriksen;
import umontreal.ssj.stat.Tally;

/**
 * The reference workload of docs/benchmark.md written the way an SSJ 3.3.2 user would write it, to
 * compare engines on the same work: one {@link Event} object per person, rescheduled at each state
 * change, on a {@link Simulator} with SSJ's Henriksen event list (its fastest here); an {@link
 * ArrayDeque} of people as the CMHT waiting line; a {@link Tally} of waits; and SSJ's MRG32k3a
 * streams, one for lengths of stay and one for routing (the usual SSJ practice of one stream per
 * source of randomness).
 *
 * <p>Time is in <b>years</b>. It gives the same kind of {@link PopulationFlow.Result} as phbsim's
 * {@link PopulationFlow}, with the same definition of an event; the numbers are of course different
 * draws, so only their distributions agree.
 */
final class SsjPopulationFlow {
  private static final double[] RATE_PER_YEAR = {2.0, 12.0, 26.0, 1.5, 0.5};
  private static final double[][] CUMULATIVE = {
    {0, 0.10, 0.25, 0.40, 1.0},
    {0.60, 0.60, 0.70, 0.75, 1.0},
    {0.45, 0.70, 0.70, 0.75, 1.0},
    {0.30, 0.35, 0.45, 0.45, 1.0},
    {0.55, 0.60, 0.95, 1.0, 1.0},
  };
  private static final int CMHT = 0;
  private static final int WAITING = 5;

  private final Simulator simulator = new Simulator(new Henriksen());
  private final RandomStream stayStream;
  private final RandomStream routeStream;
  private final ArrayDeque<Person> line = new ArrayDeque<>();
  private final Tally waits = new Tally("CMHT wait (years)");
  private final int[] counts = new int[6];
  private final int people;
  private final int slots;
  private final double years;
  private int busySlots;
  private long events;
  private int largestLine;

  private SsjPopulationFlow(PopulationFlow.Settings settings) {
    this.people = settings.people();
    this.slots = settings.slots();
    this.years = settings.years();
    this.stayStream = seeded(settings.seed(), 1);
    this.routeStream = seeded(settings.seed(), 2);
  }

  /** Runs the workload on SSJ. */
  static PopulationFlow.Result run(PopulationFlow.Settings settings) {
    return new SsjPopulationFlow(settings).simulate();
  }

  /**
   * An MRG32k3a stream whose seed comes from ours, so that runs do not depend on SSJ's global
   * package seed (which every {@code new MRG32k3a()} advances).
   */
  private static RandomStream seeded(long seed, int which) {
    MRG32k3a stream = new MRG32k3a();
    long[] s = new long[6];
    long z = seed * 0x9E3779B97F4A7C15L + which;
    for (int i = 0; i < 6; i++) {
      z += 0x9E3779B97F4A7C15L;
      long m = i < 3 ? 4294967087L : 4294944443L;
      s[i] = 1 + Long.remainderUnsigned(phbsim.random.SeedMixer.mix64(z), m - 1);
    }
    stream.setSeed(s);
    return stream;
  }

  private PopulationFlow.Result simulate() {
    simulator.init();
    waits.init();
    new Event(simulator) {
      @Override
      public void actions() {
        simulator.stop();
      }
    }.schedule(years);
    long[] bounds = {
      Math.round(0.03 * people),
      Math.round(0.04 * people),
      Math.round(0.05 * people),
      Math.round(0.10 * people)
    };
    int s = 0;
    for (int i = 0; i < people; i++) {
      while (s < bounds.length && i >= bounds[s]) {
        s++;
      }
      new Person(simulator).moveTo(s);
    }
    simulator.start();
    return new PopulationFlow.Result(
        people,
        events,
        waits.numberObs() == 0 ? 0 : waits.average(),
        waits.numberObs(),
        largestLine,
        counts[0],
        counts[1],
        counts[2],
        counts[3],
        counts[4],
        counts[WAITING]);
  }

  /** A person is its own (single) pending event: leaving the current state. */
  private final class Person extends Event {
    int state;
    double joined;

    Person(Simulator simulator) {
      super(simulator);
    }

    void moveTo(int s) {
      if (s == CMHT && busySlots >= slots) {
        state = WAITING;
        counts[WAITING]++;
        joined = simulator().time();
        line.addLast(this);
        largestLine = Math.max(largestLine, line.size());
        return;
      }
      if (s == CMHT) {
        busySlots++;
      }
      state = s;
      counts[s]++;
      schedule(ExponentialDist.inverseF(RATE_PER_YEAR[s], stayStream.nextDouble()));
    }

    @Override
    public void actions() {
      events++;
      int from = state;
      counts[from]--;
      double u = routeStream.nextDouble();
      double[] row = CUMULATIVE[from];
      int to = 0;
      while (to < row.length - 1 && u >= row[to]) {
        to++;
      }
      if (from == CMHT) {
        busySlots--;
      }
      moveTo(to);
      if (from == CMHT && !line.isEmpty()) {
        Person next = line.pollFirst();
        counts[WAITING]--;
        waits.add(simulator().time() - next.joined);
        events++;
        next.moveTo(CMHT);
      }
    }
  }
}
