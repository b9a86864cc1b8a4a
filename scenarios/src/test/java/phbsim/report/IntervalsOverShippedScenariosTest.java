package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.observe.TeamMeasure;
import phbsim.observe.TeamMetrics;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;

/**
 * Every summary of every shipped scenario, at three replications: every mean lies inside its own
 * confidence interval; an arm's activity and team measures, which are counts, days, ratios of them
 * or payments, have no bound below 0, and "below the minimum viable size" none above 1; the paired
 * difference is the difference of the two arms' means, over the same replications; and the team
 * measures, recounted from each replication's team record over the replications in which both arms
 * define them, give the figures the comparison prints.
 */
class IntervalsOverShippedScenariosTest {

  /** The built-ins of the default test run (england's 1.5 million people: slow suite, below). */
  static Stream<String> placeSized() {
    return BuiltInScenarios.names().stream().filter(n -> !n.equals("england"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("placeSized")
  void everySummaryHoldsTogether(String name) {
    holdsTogether(name, BuiltInScenarios.load(name), 3);
  }

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.Tag("slow")
  void englandHoldsTogether() {
    holdsTogether("england", BuiltInScenarios.load("england", List.of("years=2")), 2);
  }

  private static void holdsTogether(String name, Scenario s, int replications) {
    AppraisalResult appraisal =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(replications, 11, 2));
    List<String> problems = new ArrayList<>();
    for (ComparisonResult c : appraisal.options()) {
      ComparisonTables.Shape shape = ComparisonTables.Shape.of(c.option().compiled());
      for (ComparisonTables.Block b : shape.blocks()) {
        check(c.id(), b, shape, c.summaries(b), problems);
      }
      recountTeams(c, problems);
      budgetLength(c.id(), c.option(), problems);
      budgetLength(c.id(), c.statusQuo(), problems);
      if (problems.size() > 20) {
        break;
      }
    }
    assertThat(problems).as(name).isEmpty();
  }

  private static void check(
      String option,
      ComparisonTables.Block b,
      ComparisonTables.Shape shape,
      Summary[] all,
      List<String> problems) {
    int width = shape.width(b.kind());
    boolean measure =
        b.kind() == ComparisonTables.Kind.MEASURES_MONTH
            || b.kind() == ComparisonTables.Kind.MEASURES_YEAR
            || b.kind() == ComparisonTables.Kind.TEAMS_MONTH;
    for (int i = 0; i < width; i++) {
      String where = option + " " + b + " column " + i;
      for (Arm arm : Arm.values()) {
        Summary x = all[arm.ordinal() * width + i];
        insideItsInterval(where + " " + arm, x, problems);
        if (measure && arm != Arm.DIFFERENCE && x.replications() > 0) {
          if (x.ciLow() < 0 || x.rangeLow() < 0) {
            problems.add(where + " " + arm + ": a bound below 0 " + x);
          }
          boolean below =
              b.kind() == ComparisonTables.Kind.TEAMS_MONTH
                  && i % TeamMeasure.values().length
                      == TeamMeasure.BELOW_MINIMUM_VIABLE_SIZE.ordinal();
          if (below && (x.ciHigh() > 1 || x.rangeHigh() > 1)) {
            problems.add(where + " " + arm + ": a share's bound above 1 " + x);
          }
        }
      }
      Summary o = all[Arm.OPTION.ordinal() * width + i];
      Summary q = all[Arm.STATUS_QUO.ordinal() * width + i];
      Summary d = all[Arm.DIFFERENCE.ordinal() * width + i];
      if (Double.isNaN(o.mean()) || Double.isNaN(q.mean())) {
        continue; // an arm on its own has no figure here (the share breaking even)
      }
      if (o.replications() != d.replications() || q.replications() != d.replications()) {
        problems.add(where + ": the arms and the difference over different replications");
      }
      double scale = Math.max(1, Math.max(Math.abs(o.mean()), Math.abs(q.mean())));
      if (Math.abs(d.mean() - (q.mean() - o.mean())) > 1e-9 * scale) {
        problems.add(where + ": difference " + d.mean() + " is not " + q.mean() + " - " + o.mean());
      }
    }
  }

  private static void insideItsInterval(String where, Summary x, List<String> problems) {
    if (x.withheld() || Double.isNaN(x.mean())) {
      return;
    }
    if (!Double.isNaN(x.ciLow()) && !(x.ciLow() <= x.mean() && x.mean() <= x.ciHigh())) {
      problems.add(where + ": mean outside its interval " + x);
    }
    if (!(x.rangeLow() <= x.rangeHigh())) {
      problems.add(where + ": range upside down " + x);
    }
  }

  /** Each team measure from the replications themselves, where both arms define it. */
  private static void recountTeams(ComparisonResult c, List<String> problems) {
    Resilience resilience = new Resilience(c);
    int n = c.option().replications().size();
    int months = c.option().compiled().calendar().monthCount();
    for (int team : resilience.teams()) {
      for (TeamMeasure k : TeamMeasure.values()) {
        for (int m = 0; m < months; m++) {
          double sumO = 0;
          double sumQ = 0;
          int both = 0;
          for (int r = 0; r < n; r++) {
            TeamMetrics to = c.option().replications().get(r).teams();
            TeamMetrics tq = c.statusQuo().replications().get(r).teams();
            double vo = to.get(m, team, k);
            double vq = tq.get(m, team, k);
            if (!Double.isNaN(vo) && !Double.isNaN(vq)) {
              sumO += vo;
              sumQ += vq;
              both++;
            }
          }
          Summary o = resilience.monthly(Arm.OPTION, m, team, k);
          Summary q = resilience.monthly(Arm.STATUS_QUO, m, team, k);
          Summary d = resilience.monthly(Arm.DIFFERENCE, m, team, k);
          if (o.withheld() || q.withheld() || d.withheld()) {
            continue;
          }
          String where = c.id() + " team " + team + " " + k + " month " + m;
          if (o.replications() != both || d.replications() != both) {
            problems.add(where + ": " + o.replications() + " replications, recounted " + both);
          } else if (both > 0) {
            double scale = Math.max(1, Math.abs(sumO / both) + Math.abs(sumQ / both));
            if (Math.abs(o.mean() - sumO / both) > 1e-9 * scale
                || Math.abs(q.mean() - sumQ / both) > 1e-9 * scale
                || Math.abs(d.mean() - (sumQ - sumO) / both) > 1e-9 * scale) {
              problems.add(where + ": means differ from the recount");
            }
          }
        }
      }
    }
  }

  private static void budgetLength(String option, ExperimentResult arm, List<String> problems) {
    ExperimentResult.BudgetLength length = arm.budgetLength();
    String where = option + " budget length";
    insideItsInterval(where + " median", length.median(), problems);
    insideItsInterval(where + " restricted mean", length.restrictedMean(), problems);
    // The median is given only when every replication with a budget reaches it.
    assertThat(Double.isNaN(length.median().mean()))
        .as(where + " median undefined")
        .isEqualTo(length.replications() == 0 || length.medianReached() < length.replications());
    if (length.replications() > 0) {
      Summary rm = length.restrictedMean();
      assertThat(rm.replications()).isEqualTo(length.replications());
      if (rm.ciLow() < 0 || rm.ciHigh() > length.horizonYears() + 1e-12) {
        problems.add(where + ": restricted mean's interval outside 0 to the horizon " + rm);
      }
      assertThat(rm.mean()).isBetween(0.0, length.horizonYears() + 1e-12);
    }
    assertThat(length.horizonYears())
        .isCloseTo(
            arm.compiled().calendar().horizonDays() / phbsim.population.Segments.DAYS_PER_YEAR,
            within(1e-12));
  }
}
