package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import phbsim.experiment.Experiment;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioException;
import phbsim.world.CompiledScenario;

/**
 * The loader and --set under random and mutated input (jqwik): every attempt ends in a scenario
 * that passes the model's checks or in a ScenarioLoadException (a clean message), never another
 * exception or a hang; and a mutated scenario the loader accepts runs a replication without failing
 * (validate and run agree). Bounded in the default run; the slow suite tries many more.
 */
class ScenarioFuzzTest {
  private static final List<String> BASES = List.of("tiny", "default", "national-pilot");

  /** A mutation of a shipped scenario's text, seeded by jqwik. */
  record Mutation(String base, int kind, int line, int column, String value) {
    String apply() {
      String text = BuiltInScenarios.text(base);
      String[] lines = text.split("\n", -1);
      int at = Math.floorMod(line, lines.length);
      String l = lines[at];
      switch (Math.floorMod(kind, 7)) {
        case 0 -> lines[at] = ""; // a line deleted
        case 1 -> lines[at] = l + "\n" + l; // a line duplicated
        case 2 -> lines[at] = l.replaceFirst(":\\s+[^#\\s]+", ": " + value); // a value replaced
        case 3 ->
            lines[at] = l.isEmpty() ? l : l.substring(0, Math.floorMod(column, l.length())); // cut
        case 4 -> lines[at] = " ".repeat(Math.floorMod(column, 4)) + l; // indentation shifted
        case 5 -> lines[at] = l + value; // junk appended
        default -> {
          return text.substring(0, Math.floorMod(column * 97 + line, text.length())); // truncated
        }
      }
      return String.join("\n", lines);
    }
  }

  @Provide
  Arbitrary<String> values() {
    return Arbitraries.oneOf(
        Arbitraries.of(
            "0",
            "-1",
            "1e308",
            "-1e308",
            "1e17",
            ".nan",
            ".inf",
            "010",
            "0x1F",
            "true",
            "null",
            "~",
            "[]",
            "{}",
            "\"text\"",
            "*alias",
            "&anchor 1",
            "!!java.net.URL [x]",
            "2026-02-30",
            "9999-12-31",
            "1.0000000001",
            "2147483648",
            "-2147483649",
            "\t",
            "'",
            "\"",
            ":",
            "- x"),
        Arbitraries.doubles().between(-1e6, 1e9).map(d -> Double.toString(d)),
        Arbitraries.strings().ofMaxLength(12));
  }

  @Provide
  Arbitrary<Mutation> mutations() {
    return Combinators.combine(
            Arbitraries.of(BASES),
            Arbitraries.integers(),
            Arbitraries.integers(),
            Arbitraries.integers(),
            values())
        .as(Mutation::new);
  }

  /** Runs {@code task} with a time limit: a hang fails the property instead of the build. */
  private static <T> T within(Duration limit, java.util.concurrent.Callable<T> task)
      throws Exception {
    ExecutorService one = Executors.newSingleThreadExecutor();
    try {
      Future<T> f = one.submit(task);
      return f.get(limit.toMillis(), TimeUnit.MILLISECONDS);
    } finally {
      one.shutdownNow();
    }
  }

  private static Scenario loadOrNull(String text) throws Exception {
    return within(
        Duration.ofSeconds(10),
        () -> {
          try {
            return ScenarioLoader.parse("fuzz.yaml", text, List.of());
          } catch (ScenarioLoadException clean) {
            assertThat(clean.problems()).isNotEmpty();
            return null;
          }
        });
  }

  @Property(tries = 300, seed = "20261201")
  void mutatedFilesLoadOrFailCleanly(@ForAll("mutations") Mutation m) throws Exception {
    Scenario s = loadOrNull(m.apply());
    if (s == null) {
      return;
    }
    // Accepted: the model's checks agree, and a short replication runs (validate and run agree).
    phbsim.validation.ScenarioChecks.requireValid(s);
    Scenario small = s.withYears(1);
    if (people(small) <= 20_000) {
      for (var arm : ScenarioLoader.options(small)) {
        within(
            Duration.ofSeconds(30),
            () -> Experiment.replicate(new CompiledScenario(arm.scenario()), 1, 0));
        within(
            Duration.ofSeconds(30),
            () -> Experiment.replicate(new CompiledScenario(arm.scenario().statusQuo()), 1, 0));
      }
    }
  }

  private static double people(Scenario s) {
    double n = 0;
    for (var seg : s.segments()) {
      n += seg.startingCaseload() + seg.referralsPerYear() * s.years();
    }
    return n;
  }

  @Provide
  Arbitrary<List<String>> overrides() {
    List<String> paths = new ArrayList<>();
    Scenario tiny = BuiltInScenarios.load("default");
    for (Explain.Assumption a :
        Explain.assumptions("default", BuiltInScenarios.text("default"), tiny)) {
      paths.add(a.path());
    }
    paths.addAll(List.of("colour", "segments[99].x", "services[cmht]", "budgets", "years", ""));
    Arbitrary<String> one =
        Combinators.combine(Arbitraries.of(paths), values()).as((p, v) -> p + "=" + v);
    return one.list().ofMinSize(1).ofMaxSize(3);
  }

  @Property(tries = 300, seed = "20261202")
  void overridesApplyOrFailCleanly(@ForAll("overrides") List<String> sets) throws Exception {
    Scenario s =
        within(
            Duration.ofSeconds(10),
            () -> {
              try {
                return BuiltInScenarios.load("default", sets);
              } catch (ScenarioLoadException clean) {
                assertThat(clean.problems()).isNotEmpty();
                return null;
              }
            });
    if (s != null) {
      try {
        phbsim.validation.ScenarioChecks.requireValid(s);
      } catch (ScenarioException e) {
        throw new AssertionError("loaded but fails the model's checks: " + e.getMessage(), e);
      }
    }
  }

  @Property(tries = 3000, seed = "20261203")
  @Tag("slow")
  void manyMutatedFilesLoadOrFailCleanly(@ForAll("mutations") Mutation m) throws Exception {
    mutatedFilesLoadOrFailCleanly(m);
  }
}
