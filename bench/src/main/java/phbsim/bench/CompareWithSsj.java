package phbsim.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import phbsim.workload.FlowState;
import phbsim.workload.PopulationFlow;
import phbsim.workload.PopulationFlow.Result;
import phbsim.workload.PopulationFlow.Settings;

/**
 * Runs the reference workload of docs/benchmark.md on phbsim and on SSJ 3.3.2 in the same JVM, at
 * the same sizes, and prints each engine's events per second and their ratio. It then checks that
 * the two engines end with the same state shares within sampling error, and exits with status 1
 * (after saying which share differs) if they do not: a fast engine that simulates the wrong thing
 * is wrong.
 *
 * <pre>{@code
 * java -cp bench/target/benchmarks.jar phbsim.bench.CompareWithSsj \
 *     --people 10000,100000,1000000 --capacity 0.25,0.03 --rounds 3
 * }</pre>
 *
 * <p>Timing: each round runs each engine (phbsim first, then SSJ) for at least half a second,
 * repeating small populations; the figure kept is the best round, after one untimed warm-up round.
 * Run with a large heap ({@code -Xmx3g}) so that GC does not dominate at a million people.
 */
public final class CompareWithSsj {
  private static final double MIN_SECONDS_PER_ROUND = 0.5;
  private static final double TOLERANCE_STANDARD_ERRORS = 5;

  private CompareWithSsj() {}

  public static void main(String[] args) {
    List<Integer> sizes = List.of(10_000, 100_000, 1_000_000);
    List<Double> capacities = List.of(0.25, 0.03);
    int rounds = 3;
    long seed = 1;
    for (int i = 0; i < args.length; i += 2) {
      if (i + 1 >= args.length) {
        usage("missing value after " + args[i]);
      }
      String value = args[i + 1];
      switch (args[i]) {
        case "--people" -> {
          sizes = new ArrayList<>();
          for (String s : value.split(",", -1)) {
            sizes.add(Integer.parseInt(s.trim()));
          }
        }
        case "--capacity" -> {
          capacities = new ArrayList<>();
          for (String s : value.split(",", -1)) {
            capacities.add(Double.parseDouble(s.trim()));
          }
        }
        case "--rounds" -> rounds = Integer.parseInt(value);
        case "--seed" -> seed = Long.parseLong(value);
        default -> usage("unknown option " + args[i]);
      }
    }
    PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
    out.printf(
        Locale.ROOT,
        "%-9s %8s %14s %14s %7s %10s %10s  %s%n",
        "people",
        "capacity",
        "phbsim ev/s",
        "ssj ev/s",
        "ratio",
        "phbsim e/p",
        "ssj e/p",
        "shares agree");
    boolean allAgree = true;
    for (double capacity : capacities) {
      for (int people : sizes) {
        Settings settings = new Settings(people, capacity, seed);
        Timing phbsim = new Timing();
        Timing ssj = new Timing();
        for (int round = 0; round <= rounds; round++) {
          boolean warmUp = round == 0;
          phbsim.round(() -> PopulationFlow.run(settings), warmUp);
          ssj.round(() -> SsjPopulationFlow.run(settings), warmUp);
        }
        String disagreement = disagreement(phbsim.last, ssj.last);
        allAgree &= disagreement.isEmpty();
        out.printf(
            Locale.ROOT,
            "%-9d %8.2f %14.0f %14.0f %7.2f %10.2f %10.2f  %s%n",
            people,
            capacity,
            phbsim.bestEventsPerSecond,
            ssj.bestEventsPerSecond,
            phbsim.bestEventsPerSecond / ssj.bestEventsPerSecond,
            phbsim.last.events() / (double) people,
            ssj.last.events() / (double) people,
            disagreement.isEmpty() ? "yes" : "NO: " + disagreement);
      }
    }
    if (!allAgree) {
      out.println("FAILED: phbsim and SSJ disagree on the final state shares (see above)");
      System.exit(1);
    }
  }

  /**
   * Empty if every final share (the five states and the waiting line) agrees within {@value
   * #TOLERANCE_STANDARD_ERRORS} standard errors of the difference of two independent binomial
   * shares; otherwise which ones differ.
   */
  static String disagreement(Result a, Result b) {
    StringBuilder problems = new StringBuilder();
    int n = a.people();
    for (FlowState s : FlowState.values()) {
      check(s.name(), a.count(s), b.count(s), n, problems);
    }
    check("WAITING", a.waiting(), b.waiting(), n, problems);
    return problems.toString();
  }

  private static void check(String name, int countA, int countB, int n, StringBuilder problems) {
    double pa = countA / (double) n;
    double pb = countB / (double) n;
    double p = (pa + pb) / 2;
    double standardError = Math.sqrt(2 * p * (1 - p) / n);
    if (Math.abs(pa - pb) > TOLERANCE_STANDARD_ERRORS * standardError + 1.0 / n) {
      problems.append(String.format(Locale.ROOT, "%s %.4f vs %.4f; ", name, pa, pb));
    }
  }

  private static void usage(String problem) {
    System.err.println(
        problem
            + "\nusage: CompareWithSsj [--people 10000,100000] [--capacity 0.25,0.03]"
            + " [--rounds 3] [--seed 1]");
    System.exit(2);
  }

  /** Best events per second over the timed rounds of one engine. */
  private static final class Timing {
    double bestEventsPerSecond;
    Result last;

    interface Run {
      Result run();
    }

    void round(Run run, boolean warmUp) {
      long events = 0;
      long start = System.nanoTime();
      double seconds;
      do {
        last = run.run();
        events += last.events();
        seconds = (System.nanoTime() - start) / 1e9;
      } while (seconds < MIN_SECONDS_PER_ROUND);
      if (!warmUp) {
        bestEventsPerSecond = Math.max(bestEventsPerSecond, events / seconds);
      }
    }
  }
}
