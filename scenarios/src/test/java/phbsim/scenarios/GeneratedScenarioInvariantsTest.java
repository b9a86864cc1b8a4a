package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tag;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.money.CashFlow;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.report.AppraisalResult;
import phbsim.report.ExperimentResult;
import phbsim.report.ReplicationResult;
import phbsim.report.Summary;
import phbsim.scenario.Scenario;

/**
 * Invariants over many generated scenarios: shipped scenarios with up to four of their declared
 * values scaled by 0.2 to 5 (seeded), each run as an appraisal of three replications; then, from
 * the outside, in every arm and replication: people are conserved month to month (the change in
 * those on a caseload, waiting or on a budget is referrals minus exits); budget holders are the
 * restrictive plus the flexible; no measure is negative or infinite; the cash flow adds up the same
 * by month and by line; and every mean lies within its own confidence interval. A failure names the
 * changes, the seed, the arm and the replication that reproduce it. (The world also checks
 * conservation, counts, the clock and the horizon as it runs, and fails loudly.)
 */
class GeneratedScenarioInvariantsTest {
  private static final List<String> BASES = List.of("default", "national-pilot", "crisis-house");

  /** A generated scenario: a shipped one, its changes, and the seed it runs with. */
  record Generated(String base, List<String> changes, long seed) {
    @Override
    public String toString() {
      return base + " " + changes + " seed " + seed;
    }
  }

  @Provide
  Arbitrary<Generated> scenarios() {
    return Arbitraries.of(BASES)
        .flatMap(
            base -> {
              Scenario s = BuiltInScenarios.load(base);
              List<String> paths = new ArrayList<>();
              for (Explain.Assumption a :
                  Explain.assumptions(base, BuiltInScenarios.text(base), s)) {
                paths.add(a.path());
              }
              Arbitrary<String> change =
                  Combinators.combine(Arbitraries.of(paths), Arbitraries.doubles().between(0.2, 5))
                      .as((p, f) -> scaled(s, p, f));
              return Combinators.combine(
                      change.list().ofMinSize(1).ofMaxSize(4),
                      Arbitraries.longs().between(1, 1_000_000))
                  .as((c, seed) -> new Generated(base, c, seed));
            });
  }

  /** PATH=VALUE with the value scaled by f (whole numbers kept whole), or a no-op for text. */
  private static String scaled(Scenario s, String path, double f) {
    double v;
    try {
      v = ScenarioLoader.editor().number(s, path);
    } catch (RuntimeException notANumber) {
      return "years=" + s.years();
    }
    double x = v * f;
    String value =
        v == Math.rint(v) ? Long.toString(Math.round(x)) : String.format(Locale.ROOT, "%.6g", x);
    return path + "=" + value;
  }

  @Property(tries = 60, seed = "20261204")
  void invariantsHold(@ForAll("scenarios") Generated g) {
    check(g);
  }

  @Property(tries = 600, seed = "20261205")
  @Tag("slow")
  void invariantsHoldOverMany(@ForAll("scenarios") Generated g) {
    check(g);
  }

  private static void check(Generated g) {
    List<String> changes = new ArrayList<>(g.changes());
    changes.add("years=2"); // short horizons: many scenarios, not long ones
    Scenario s;
    try {
      s = BuiltInScenarios.load(g.base(), changes);
      phbsim.validation.ScenarioChecks.requireValid(s);
    } catch (ScenarioLoadException | phbsim.scenario.ScenarioException refused) {
      Assume.that(false); // a value out of its range: refused cleanly, the fuzz test's business
      return;
    }
    AppraisalResult result =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(3, g.seed(), 1));
    List<ExperimentResult> arms = new ArrayList<>();
    arms.add(result.statusQuo());
    result.options().forEach(c -> arms.add(c.option()));
    for (int a = 0; a < arms.size(); a++) {
      ExperimentResult arm = arms.get(a);
      for (ReplicationResult r : arm.replications()) {
        String where = g + ", arm " + a + ", replication " + r.replication();
        people(r.metrics(), where);
        cash(r.cashFlow(), where);
      }
      means(arm, g + ", arm " + a);
    }
  }

  private static double stock(MonthlyMetrics m, int month, int g) {
    return m.get(month, g, Measure.CASELOAD)
        + m.get(month, g, Measure.WAITING_LIST)
        + m.get(month, g, Measure.BUDGET_HOLDERS);
  }

  private static void people(MonthlyMetrics m, String where) {
    for (int g = 0; g < m.segments(); g++) {
      for (int month = 0; month < m.months(); month++) {
        String at = where + ", segment " + g + ", month " + month;
        for (Measure measure : Measure.values()) {
          double v = m.get(month, g, measure);
          assertThat(Double.isFinite(v) && v >= 0).as(at + ", " + measure + " = " + v).isTrue();
        }
        assertThat(m.get(month, g, Measure.BUDGET_HOLDERS))
            .as(at + ": holders = restrictive + flexible")
            .isEqualTo(
                m.get(month, g, Measure.BUDGET_HOLDERS_RESTRICTIVE)
                    + m.get(month, g, Measure.BUDGET_HOLDERS_FLEXIBLE));
        if (month > 0) {
          assertThat(stock(m, month, g) - stock(m, month - 1, g))
              .as(at + ": change in people = referrals - exits")
              .isEqualTo(m.get(month, g, Measure.REFERRALS) - m.get(month, g, Measure.EXITS));
        }
      }
    }
  }

  private static void cash(CashFlow c, String where) {
    long byMonth = 0;
    for (int month = 0; month < c.months(); month++) {
      long lines = 0;
      for (LedgerLine line : LedgerLine.values()) {
        lines += c.amount(month, line);
      }
      assertThat(lines)
          .as(where + ", month " + month + ": lines add to the month")
          .isEqualTo(c.total(month));
      byMonth += c.total(month);
    }
    long byLine = 0;
    for (LedgerLine line : LedgerLine.values()) {
      byLine += c.lineTotal(line);
    }
    assertThat(byMonth).as(where + ": months add to the total").isEqualTo(c.total());
    assertThat(byLine).as(where + ": lines add to the total").isEqualTo(c.total());
  }

  private static void means(ExperimentResult arm, String where) {
    int months = arm.replications().get(0).metrics().months();
    int segments = arm.replications().get(0).metrics().segments();
    for (int month = 0; month < months; month++) {
      for (int g = 0; g < segments; g++) {
        for (Measure measure : Measure.values()) {
          Summary s = arm.monthly(month, g, measure);
          assertThat(s.ciLow() <= s.mean() && s.mean() <= s.ciHigh())
              .as(where + ", month " + month + ", segment " + g + ", " + measure + ": " + s)
              .isTrue();
        }
      }
    }
  }
}
