package phbsim.workload;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.PriorityQueue;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.random.Draw;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;
import phbsim.workload.PopulationFlow.Result;
import phbsim.workload.PopulationFlow.Settings;

class PopulationFlowTest {
  // Copied by hand from docs/benchmark.md (not from PopulationFlow), so that a typo in either shows
  // up.
  private static final double[] RATES = {2.0, 12.0, 26.0, 1.5, 0.5};
  private static final double[][] MATRIX = {
    {0, 0.10, 0.15, 0.15, 0.60},
    {0.60, 0, 0.10, 0.05, 0.25},
    {0.45, 0.25, 0, 0.05, 0.25},
    {0.30, 0.05, 0.10, 0, 0.55},
    {0.55, 0.05, 0.35, 0.05, 0},
  };
  private static final double[] INITIAL = {0.03, 0.01, 0.01, 0.05, 0.90};

  @Test
  @DisplayName("the same seed gives the same result, a different seed a different one")
  void reproducible() {
    Result a = PopulationFlow.run(new Settings(20_000, 0.25, 7));
    Result b = PopulationFlow.run(new Settings(20_000, 0.25, 7));
    Result c = PopulationFlow.run(new Settings(20_000, 0.25, 8));
    assertThat(b).isEqualTo(a);
    assertThat(c).isNotEqualTo(a);
    assertThat(c.events()).isNotEqualTo(a.events());
    // Replications: 0 is the default; another index draws other numbers from the same seed.
    assertThat(PopulationFlow.run(new Settings(20_000, 0.25, 7), 0)).isEqualTo(a);
    Result d = PopulationFlow.run(new Settings(20_000, 0.25, 7), 1);
    assertThat(d.events()).isNotEqualTo(a.events());
    assertThat(PopulationFlow.run(new Settings(20_000, 0.25, 7), 1)).isEqualTo(d);
  }

  @Test
  @DisplayName("people are conserved: the final counts and the waiting line add up to N")
  void peopleConserved() {
    for (double capacity : new double[] {0.25, 0.03, 0.001, 1.0}) {
      Result r = PopulationFlow.run(new Settings(12_345, capacity, 3, 11));
      int total = r.waiting();
      for (FlowState s : FlowState.values()) {
        total += r.count(s);
      }
      assertThat(total).as("capacity %s", capacity).isEqualTo(12_345);
      assertThat(r.cmht()).isLessThanOrEqualTo(new Settings(12_345, capacity, 11).slots());
    }
  }

  @Test
  @DisplayName(
      "events are counted as docs/benchmark.md defines them (checked against a plain reference)")
  void eventsCountedAsDefined() {
    for (double capacity : new double[] {0.25, 0.03}) {
      Settings settings = new Settings(3_000, capacity, 4, 5);
      Reference reference = new Reference(settings);
      reference.run();
      Result r = PopulationFlow.run(settings);
      assertThat(r.events())
          .as("capacity %s", capacity)
          .isEqualTo(reference.stateChanges + reference.startsAfterWait);
      assertThat(r.waits()).isEqualTo(reference.startsAfterWait);
      assertThat(r.largestWaitingLine()).isEqualTo(reference.largestLine);
      assertThat(r.meanCmhtWaitYears()).isEqualTo(reference.meanWaitYears());
      FlowState[] states = FlowState.values();
      for (int s = 0; s < states.length; s++) {
        assertThat(r.count(states[s])).isEqualTo(reference.count(s));
      }
      assertThat(r.waiting()).isEqualTo(reference.line.size());
    }
  }

  @Test
  @DisplayName("with ample capacity, events per person match the chain's expected number of jumps")
  void eventsPerPersonMatchTheChain() {
    // Capacity 1 means nobody ever waits, so events are exactly the jumps of the chain.
    int n = 200_000;
    Result r = PopulationFlow.run(new Settings(n, 1.0, 21));
    double expected = expectedJumpsPerPerson(10);
    assertThat(expected).isCloseTo(11.46, within(0.01)); // docs/benchmark.md: "about 11.5"
    // A person's jump count over 10 years has a standard deviation of a few jumps (crises come in
    // bursts), so the mean over 200,000 people has a standard error near 0.01; allow 0.1.
    assertThat(r.events() / (double) n).isCloseTo(expected, within(0.1));
    assertThat(r.waits()).isZero();
    assertThat(r.largestWaitingLine()).isZero();
  }

  @Test
  @DisplayName("at capacity 0.25 the final shares match the chain's long-run shares")
  void finalSharesAreTheStationaryDistribution() {
    int n = 200_000;
    double[] pi = stationaryDistribution();
    assertThat(pi[0]).isCloseTo(0.19, within(0.01)); // docs/benchmark.md: "about 19 % CMHT"
    assertThat(pi[4]).isCloseTo(0.73, within(0.01)); // "73 % DISCHARGED"
    Result r = PopulationFlow.run(new Settings(n, 0.25, 2024));
    FlowState[] states = FlowState.values();
    for (int i = 0; i < states.length; i++) {
      FlowState s = states[i];
      double p = pi[i];
      // People are independent while nobody waits (CMHT is at 19 % of N against 25 % of slots,
      // more than 200 standard deviations away), so each count is binomial(n, p(10 years)), and
      // p(10 years) differs from the long-run share by less than 1e-7 (the slowest mode decays as
      // exp(-1.43 t)). Five standard errors: a false alarm about once in 3.5 million runs.
      double tolerance = 5 * Math.sqrt(p * (1 - p) / n);
      assertThat(r.share(s)).as(s.name()).isCloseTo(p, within(tolerance));
    }
    assertThat(r.waiting()).isZero();
  }

  @Test
  @DisplayName("at capacity 0.03 most people end up waiting, and waits are positive")
  void overloadedCmht() {
    Result r = PopulationFlow.run(new Settings(20_000, 0.03, 9));
    assertThat(r.waitingShare()).isGreaterThan(0.5);
    assertThat(r.cmht()).isEqualTo(600);
    assertThat(r.waits()).isPositive();
    assertThat(r.meanCmhtWaitYears()).isPositive();
    assertThat(r.largestWaitingLine()).isGreaterThanOrEqualTo(r.waiting());
  }

  @Test
  @DisplayName("a run allocates its storage once: four times the events, the same bytes")
  void nothingAllocatedPerEvent() {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
    Settings shortRun = new Settings(20_000, 0.25, 10, 5);
    Settings longRun = new Settings(20_000, 0.25, 40, 5);
    long[] bytes = new long[2];
    long[] events = new long[2];
    // The last of three rounds, once the JIT has settled: a compiled method allocates only what
    // the code asks for.
    for (int round = 0; round < 3; round++) {
      for (int i = 0; i < 2; i++) {
        long before = threads.getCurrentThreadAllocatedBytes();
        events[i] = PopulationFlow.run(i == 0 ? shortRun : longRun).events();
        bytes[i] = threads.getCurrentThreadAllocatedBytes() - before;
      }
    }
    assertThat(events[1] - events[0]).isGreaterThan(600_000);
    // Storage is about 35 bytes a person; the longer run may grow a bucket array or two.
    assertThat(bytes[0]).isBetween(20L * 20_000, 60L * 20_000);
    assertThat(bytes[1] - bytes[0]).isLessThan((events[1] - events[0]) / 100);
  }

  @Test
  @DisplayName("settings reject impossible values")
  void settingsValidated() {
    assertThatThrownBy(() -> new Settings(0, 0.25, 1)).hasMessageContaining("people");
    assertThatThrownBy(() -> new Settings(10, 0, 1)).hasMessageContaining("capacityShare");
    assertThatThrownBy(() -> new Settings(10, 1.5, 1)).hasMessageContaining("capacityShare");
    assertThatThrownBy(() -> new Settings(10, Double.NaN, 1)).hasMessageContaining("capacity");
    assertThatThrownBy(() -> new Settings(10, 0.2, -1, 1)).hasMessageContaining("years");
    assertThat(new Settings(1_000_000, 0.25, 1).slots()).isEqualTo(250_000);
    assertThat(new Settings(10, 0.25, 1).years()).isEqualTo(10.0);
  }

  /** Solves pi Q = 0, sum(pi) = 1 for the generator Q = diag(rates) (P - I). */
  private static double[] stationaryDistribution() {
    int k = RATES.length;
    RealMatrix a = new Array2DRowRealMatrix(k, k);
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        double q = RATES[i] * (MATRIX[i][j] - (i == j ? 1 : 0));
        a.setEntry(j, i, q); // transpose: (Q^T pi^T = 0)
      }
    }
    for (int i = 0; i < k; i++) {
      a.setEntry(k - 1, i, 1.0); // replace the last (redundant) balance equation by sum = 1
    }
    RealVector b = new ArrayRealVector(k);
    b.setEntry(k - 1, 1.0);
    return new LUDecomposition(a).getSolver().solve(b).toArray();
  }

  /**
   * Expected number of jumps per person in [0, years] from the initial shares, by uniformisation:
   * with L the largest rate, jumps of the uniformised chain are Poisson(L t), and step m is a real
   * jump with probability sum_i p_m(i) rate_i / L.
   */
  private static double expectedJumpsPerPerson(double years) {
    int k = RATES.length;
    double big = 26.0;
    double lt = big * years;
    double[] p = INITIAL.clone();
    double expected = 0;
    double poissonPmf = Math.exp(-lt); // P(Poisson = 0)
    double tail = 1 - poissonPmf; // P(Poisson >= m + 1), m = 0
    for (int m = 0; m < 2_000 && tail > 1e-15; m++) {
      double jump = 0;
      for (int i = 0; i < k; i++) {
        jump += p[i] * RATES[i] / big;
      }
      expected += tail * jump;
      double[] next = new double[k];
      for (int i = 0; i < k; i++) {
        double stay = 1 - RATES[i] / big;
        next[i] += p[i] * stay;
        for (int j = 0; j < k; j++) {
          next[j] += p[i] * RATES[i] / big * MATRIX[i][j];
        }
      }
      p = next;
      poissonPmf *= lt / (m + 1);
      tail -= poissonPmf;
    }
    return expected;
  }

  /**
   * A plain, object-per-event implementation of docs/benchmark.md with the same streams and draw
   * order, that counts state changes and starts after a wait separately.
   */
  private static final class Reference {
    private record Pending(double day, long sequence, int person) implements Comparable<Pending> {
      @Override
      public int compareTo(Pending o) {
        int c = Double.compare(day, o.day);
        return c != 0 ? c : Long.compare(sequence, o.sequence);
      }
    }

    private final Settings settings;
    private final RandomStreams.Family draws;
    private final int[] state;
    private final double[] joinedDay;
    private final PriorityQueue<Pending> pending = new PriorityQueue<>();
    private final ArrayDeque<Integer> line = new ArrayDeque<>();
    private long sequence;
    private int inCmht;
    long stateChanges;
    long startsAfterWait;
    int largestLine;
    double totalWaitDays;

    Reference(Settings settings) {
      this.settings = settings;
      this.draws =
          new RandomStreams(settings.seed(), 0).family(Purpose.WORKLOAD, settings.people());
      this.state = new int[settings.people()];
      this.joinedDay = new double[settings.people()];
    }

    void run() {
      int n = settings.people();
      long[] bounds = {
        Math.round(0.03 * n), Math.round(0.04 * n), Math.round(0.05 * n), Math.round(0.10 * n)
      };
      for (int i = 0; i < n; i++) {
        int s = 4;
        for (int b = 3; b >= 0; b--) {
          if (i < bounds[b]) {
            s = b;
          }
        }
        moveTo(i, s, 0);
      }
      double horizon = settings.years() * 365.25;
      while (!pending.isEmpty() && pending.peek().day() <= horizon) {
        Pending e = pending.poll();
        int p = e.person();
        int from = state[p];
        stateChanges++;
        double u = draws.nextDouble(p);
        double[] row = MATRIX[from];
        double[] cumulative = new double[5];
        double sum = 0;
        for (int j = 0; j < 5; j++) {
          sum += row[j];
          cumulative[j] = sum;
        }
        cumulative[4] = 1;
        if (from == 0) {
          inCmht--;
        }
        moveTo(p, Draw.branch(cumulative, u), e.day());
        if (from == 0 && !line.isEmpty()) {
          int q = line.poll();
          startsAfterWait++;
          totalWaitDays += e.day() - joinedDay[q];
          moveTo(q, 0, e.day());
        }
      }
    }

    private void moveTo(int p, int s, double day) {
      if (s == 0 && inCmht >= settings.slots()) {
        state[p] = 5;
        joinedDay[p] = day;
        line.add(p);
        largestLine = Math.max(largestLine, line.size());
        return;
      }
      if (s == 0) {
        inCmht++;
      }
      state[p] = s;
      double stay = Draw.exponential(RATES[s] / 365.25, draws.nextOpenDouble(p));
      pending.add(new Pending(day + stay, sequence++, p));
    }

    double meanWaitYears() {
      return startsAfterWait == 0 ? 0 : totalWaitDays / startsAfterWait / 365.25;
    }

    int count(int s) {
      int c = 0;
      for (int x : state) {
        if (x == s) {
          c++;
        }
      }
      return c;
    }
  }
}
