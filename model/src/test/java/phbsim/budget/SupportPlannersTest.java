package phbsim.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.random.Draw;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;

class SupportPlannersTest {

  @Test
  @DisplayName("people are planned for in the order they arrived")
  void firstComeFirstServed() {
    SupportPlanners planners = new SupportPlanners(2);
    assertThat(planners.arrive(10)).isZero();
    assertThat(planners.arrive(11)).isEqualTo(1);
    assertThat(planners.arrive(12)).isEqualTo(-1);
    assertThat(planners.arrive(13)).isEqualTo(-1);
    assertThat(planners.arrive(14)).isEqualTo(-1);
    assertThat(planners.queueLength()).isEqualTo(3);

    assertThat(planners.complete(1)).isEqualTo(12);
    assertThat(planners.personAt(1)).isEqualTo(12);
    assertThat(planners.complete(0)).isEqualTo(13);
    assertThat(planners.complete(0)).isEqualTo(14);
    assertThat(planners.queueLength()).isZero();
    assertThat(planners.started()).isEqualTo(5);
  }

  @Test
  @DisplayName("a withdrawn person is skipped and never planned for")
  void withdrawSkips() {
    SupportPlanners planners = new SupportPlanners(1);
    planners.arrive(1);
    planners.arrive(2);
    planners.arrive(3);
    planners.arrive(4);
    assertThat(planners.withdraw(3)).isTrue();
    assertThat(planners.withdraw(3)).isFalse();
    assertThat(planners.isQueued(3)).isFalse();
    assertThat(planners.queueLength()).isEqualTo(2);

    assertThat(planners.complete(0)).isEqualTo(2);
    assertThat(planners.complete(0)).isEqualTo(4);
    assertThat(planners.complete(0)).isEqualTo(-1);
    assertThat(planners.started()).isEqualTo(3);
  }

  @Test
  @DisplayName("only queued people can be withdrawn: not those being planned for, nor strangers")
  void withdrawOnlyQueued() {
    SupportPlanners planners = new SupportPlanners(1);
    planners.arrive(5);
    assertThat(planners.withdraw(5)).isFalse();
    assertThat(planners.withdraw(6)).isFalse();
    assertThat(planners.withdraw(1_000_000)).isFalse();
    assertThat(planners.withdraw(-1)).isFalse();
    assertThat(planners.personAt(0)).isEqualTo(5);
  }

  @Test
  @DisplayName("someone withdrawn who comes back joins the back of the queue")
  void withdrawThenReturn() {
    SupportPlanners planners = new SupportPlanners(1);
    planners.arrive(0);
    planners.arrive(1);
    planners.arrive(2);
    planners.withdraw(1);
    planners.arrive(3);
    planners.arrive(1);
    assertThat(planners.queueLength()).isEqualTo(3);
    assertThat(planners.complete(0)).isEqualTo(2);
    assertThat(planners.complete(0)).isEqualTo(3);
    assertThat(planners.complete(0)).isEqualTo(1);
    assertThat(planners.complete(0)).isEqualTo(-1);
  }

  @Test
  @DisplayName("a planner with nobody waiting becomes idle, and the next arrival goes to them")
  void idleWhenQueueEmpty() {
    SupportPlanners planners = new SupportPlanners(3);
    planners.arrive(7);
    planners.arrive(8);
    planners.arrive(9);
    assertThat(planners.busy()).isEqualTo(3);
    assertThat(planners.complete(1)).isEqualTo(-1);
    assertThat(planners.personAt(1)).isEqualTo(-1);
    assertThat(planners.busy()).isEqualTo(2);
    assertThat(planners.arrive(20)).isEqualTo(1);
    assertThat(planners.complete(0)).isEqualTo(-1);
    assertThat(planners.complete(2)).isEqualTo(-1);
    assertThat(planners.arrive(21)).as("the lowest-numbered idle planner").isZero();
    assertThat(planners.busy()).isEqualTo(2);
    assertThat(planners.planners()).isEqualTo(3);
  }

  @Test
  @DisplayName("with no planners everyone waits")
  void noPlanners() {
    SupportPlanners planners = new SupportPlanners(0);
    assertThat(planners.arrive(1)).isEqualTo(-1);
    assertThat(planners.arrive(2)).isEqualTo(-1);
    assertThat(planners.queueLength()).isEqualTo(2);
    assertThat(planners.busy()).isZero();
    assertThat(planners.started()).isZero();
  }

  @Test
  @DisplayName("misuse is refused: negative sizes, idle or unknown planners, queueing twice")
  void misuse() {
    assertThatThrownBy(() -> new SupportPlanners(-1)).hasMessageStartingWith("planners ");
    SupportPlanners planners = new SupportPlanners(1);
    assertThatThrownBy(() -> planners.complete(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> planners.complete(1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> planners.personAt(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> planners.arrive(-3)).hasMessageStartingWith("person ");
    planners.arrive(0);
    planners.arrive(1);
    assertThatThrownBy(() -> planners.arrive(1)).isInstanceOf(IllegalStateException.class);
  }

  static LongStream seeds() {
    return LongStream.range(0, 200);
  }

  /**
   * Random arrivals, completions and withdrawals against a plain reference (an ArrayDeque with
   * eager removal): the same planner, the same person, the same counts after every step. Small
   * person numbers make re-arrivals after withdrawal, and long runs make the ring grow and squeeze.
   */
  @ParameterizedTest(name = "seed {0}")
  @MethodSource("seeds")
  @DisplayName("lazy withdrawal behaves exactly like removing the person from the queue at once")
  void matchesEagerReference(long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int c = random.nextInt(0, 5);
    int people = random.nextInt(5, 60);
    SupportPlanners planners = new SupportPlanners(c);
    int[] serving = new int[c];
    Arrays.fill(serving, -1);
    ArrayDeque<Integer> queue = new ArrayDeque<>();
    boolean[] inSystem = new boolean[people];
    long started = 0;
    for (int step = 0; step < 3000; step++) {
      int action = random.nextInt(10);
      if (action < 4) {
        int person = random.nextInt(people);
        if (inSystem[person]) {
          continue;
        }
        inSystem[person] = true;
        int expected = -1;
        for (int p = 0; p < c; p++) {
          if (serving[p] == -1) {
            expected = p;
            break;
          }
        }
        if (expected >= 0) {
          serving[expected] = person;
          started++;
        } else {
          queue.addLast(person);
        }
        assertThat(planners.arrive(person)).isEqualTo(expected);
      } else if (action < 7 && c > 0) {
        int planner = random.nextInt(c);
        if (serving[planner] == -1) {
          continue;
        }
        inSystem[serving[planner]] = false;
        Integer next = queue.pollFirst();
        serving[planner] = next == null ? -1 : next;
        if (next != null) {
          started++;
        }
        assertThat(planners.complete(planner)).isEqualTo(serving[planner]);
      } else {
        int person = random.nextInt(people);
        boolean wasQueued = queue.remove(person);
        if (wasQueued) {
          inSystem[person] = false;
        }
        assertThat(planners.withdraw(person)).isEqualTo(wasQueued);
      }
      assertThat(planners.queueLength()).isEqualTo(queue.size());
      assertThat(planners.started()).isEqualTo(started);
      int busy = 0;
      for (int p = 0; p < c; p++) {
        assertThat(planners.personAt(p)).isEqualTo(serving[p]);
        busy += serving[p] == -1 ? 0 : 1;
      }
      assertThat(planners.busy()).isEqualTo(busy);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Analytical validation: the planning queue as an M/M/c queue (docs/architecture.md section 7).

  /** Calendar key of the arrival process; planner i's plan completion is key 1 + i. */
  private static final int ARRIVALS = 0;

  private static final int ARRIVAL = 0;
  private static final int PLAN_DONE = 1;

  /**
   * Erlang's C formula: the probability that an arrival to an M/M/c queue with offered load {@code
   * a = lambda / mu} (a < c) has to wait.
   *
   * <pre>{@code
   * C(c, a) = (a^c / c!) (c / (c - a)) / (sum_{k<c} a^k / k! + (a^c / c!) (c / (c - a)))
   * }</pre>
   */
  static double erlangC(int c, double a) {
    double term = 1.0; // a^k / k!
    double sum = 0.0;
    for (int k = 0; k < c; k++) {
      sum += term;
      term *= a / (k + 1);
    }
    double waiting = term * c / (c - a);
    return waiting / (sum + waiting);
  }

  /** What one replication of the queue measured, over the arrivals after the warm-up. */
  private record Measured(double shareWaiting, double meanWait) {}

  /**
   * One replication: Poisson arrivals at rate {@code lambda}, exponential plan times at rate {@code
   * mu}, {@code c} planners, driven by the engine's calendar and keyed random streams. The first
   * {@code warmUp} arrivals are not measured (the queue starts empty); the next {@code measured}
   * are.
   */
  private static Measured simulate(
      int c, double lambda, double mu, int warmUp, int measured, int replication) {
    int total = warmUp + measured;
    RandomStreams streams = new RandomStreams(20260401L, replication);
    RandomStreams.Family arrivalGaps = streams.family(Purpose.REFERRAL, 1);
    RandomStreams.Family planTimes = streams.family(Purpose.PLANNING, total);
    EventCalendar calendar = new EventCalendar(1 + c);
    SupportPlanners planners = new SupportPlanners(c);
    double[] arrivedOn = new double[total];
    int arrived = 0;
    int waited = 0;
    double waitSum = 0;

    calendar.schedule(
        ARRIVALS,
        Draw.exponential(lambda, arrivalGaps.nextOpenDouble(0)),
        EventPriority.ARRIVAL,
        ARRIVAL);
    while (!calendar.isEmpty()) {
      int key = calendar.next();
      double now = calendar.now();
      if (calendar.lastKind() == ARRIVAL) {
        int person = arrived++;
        arrivedOn[person] = now;
        int planner = planners.arrive(person);
        if (planner >= 0) {
          schedulePlan(calendar, planTimes, mu, planner, person, now);
        } else if (person >= warmUp) {
          waited++;
        }
        if (arrived < total) {
          calendar.schedule(
              ARRIVALS,
              now + Draw.exponential(lambda, arrivalGaps.nextOpenDouble(0)),
              EventPriority.ARRIVAL,
              ARRIVAL);
        }
      } else {
        int planner = key - 1;
        int next = planners.complete(planner);
        if (next >= 0) {
          if (next >= warmUp) {
            waitSum += now - arrivedOn[next];
          }
          schedulePlan(calendar, planTimes, mu, planner, next, now);
        }
      }
    }
    assertThat(planners.started()).isEqualTo(total);
    assertThat(planners.queueLength()).isZero();
    return new Measured((double) waited / measured, waitSum / measured);
  }

  private static void schedulePlan(
      EventCalendar calendar,
      RandomStreams.Family planTimes,
      double mu,
      int planner,
      int person,
      double now) {
    double planTime = Draw.exponential(mu, planTimes.nextOpenDouble(person));
    calendar.schedule(1 + planner, now + planTime, EventPriority.RELEASE, PLAN_DONE);
  }

  /**
   * Replicates the queue and checks the share of arrivals who wait against Erlang C and the mean
   * wait against {@code Wq = C / (c mu - lambda)}, each within 4 standard errors of the replication
   * means; the standard errors must be small enough for the check to mean something.
   */
  private static void checkAgainstErlangC(
      int c, double lambda, double mu, int warmUp, int measured, int replications) {
    double[] shares = new double[replications];
    double[] waits = new double[replications];
    for (int r = 0; r < replications; r++) {
      Measured m = simulate(c, lambda, mu, warmUp, measured, r);
      shares[r] = m.shareWaiting();
      waits[r] = m.meanWait();
    }
    double probabilityOfWait = erlangC(c, lambda / mu);
    double meanWait = probabilityOfWait / (c * mu - lambda);

    double shareSe = standardError(shares);
    double waitSe = standardError(waits);
    assertThat(4 * shareSe).as("4 SE of the share waiting").isLessThan(0.03);
    assertThat(4 * waitSe).as("4 SE of the mean wait").isLessThan(0.1 * meanWait);
    assertThat(mean(shares))
        .as("share waiting vs Erlang C = %f", probabilityOfWait)
        .isCloseTo(probabilityOfWait, within(4 * shareSe));
    assertThat(mean(waits))
        .as("mean wait vs Wq = %f", meanWait)
        .isCloseTo(meanWait, within(4 * waitSe));
  }

  private static double mean(double[] values) {
    double sum = 0;
    for (double v : values) {
      sum += v;
    }
    return sum / values.length;
  }

  private static double standardError(double[] values) {
    double mean = mean(values);
    double squares = 0;
    for (double v : values) {
      squares += (v - mean) * (v - mean);
    }
    return Math.sqrt(squares / (values.length - 1) / values.length);
  }

  @Test
  @DisplayName("Erlang C gives the hand-worked values C(1, 0.5) = 0.5 and C(3, 2) = 4/9")
  void erlangCFormula() {
    // M/M/1: C = rho = 0.5. M/M/3 with a = 2: (8/6)(3/1) = 4; 4 / (1 + 2 + 2 + 4) = 4/9.
    assertThat(erlangC(1, 0.5)).isCloseTo(0.5, within(1e-15));
    assertThat(erlangC(3, 2.0)).isCloseTo(4.0 / 9.0, within(1e-15));
  }

  static Stream<Arguments> queues() {
    return Stream.of(
        Arguments.of(1, 0.5, 1.0), Arguments.of(3, 2.0, 1.0), Arguments.of(6, 3.6, 0.8));
  }

  @ParameterizedTest(name = "c={0}, lambda={1}, mu={2}")
  @MethodSource("queues")
  @DisplayName("the planning queue waits as an M/M/c queue should (Erlang C)")
  void agreesWithErlangC(int c, double lambda, double mu) {
    checkAgainstErlangC(c, lambda, mu, 1_000, 20_000, 30);
  }

  @Test
  @Tag("slow")
  @DisplayName("under heavy load (90 per cent busy) the planning queue still agrees with Erlang C")
  void agreesWithErlangCUnderHeavyLoad() {
    checkAgainstErlangC(5, 4.5, 1.0, 20_000, 400_000, 40);
  }
}
