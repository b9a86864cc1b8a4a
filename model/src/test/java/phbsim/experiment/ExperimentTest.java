package phbsim.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.report.ExperimentResult;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioException;
import phbsim.testing.TestScenarios;

class ExperimentTest {

  @Test
  @DisplayName("results are bit-identical whatever the number of threads")
  void threadCountDoesNotChangeResults() {
    Scenario s = TestScenarios.builder().years(2).build();
    String one = Experiment.run(s, new RunSpec(8, 5, 1)).digest();
    String two = Experiment.run(s, new RunSpec(8, 5, 2)).digest();
    String four = Experiment.run(s, new RunSpec(8, 5, 4)).digest();
    assertThat(two).isEqualTo(one);
    assertThat(four).isEqualTo(one);
  }

  @Test
  @DisplayName("replications are independent: replication i is the same alone or in a batch")
  void replicationDependsOnlyOnItsIndex() {
    Scenario s = TestScenarios.builder().years(1).build();
    ExperimentResult batch = Experiment.run(s, new RunSpec(4, 5, 2));
    var alone =
        Experiment.replicate(new phbsim.world.CompiledScenario(s), 5, 3).metrics().toArray();
    assertThat(batch.replications().get(3).metrics().toArray()).isEqualTo(alone);
    assertThat(batch.replications().get(2).metrics().toArray()).isNotEqualTo(alone);
  }

  @Test
  @DisplayName("a scenario with problems is refused with all of them")
  void invalidScenarioRefused() {
    Scenario bad = TestScenarios.builder().years(40).referralsPerYear(-1).build();
    assertThatThrownBy(() -> Experiment.run(bad, new RunSpec(1, 1, 1)))
        .isInstanceOf(ScenarioException.class)
        .satisfies(
            e -> {
              List<String> paths =
                  ((ScenarioException) e).problems().stream().map(p -> p.path()).toList();
              assertThat(paths).contains("years", "segments[0].referralsPerYear");
            });
  }

  @Test
  @DisplayName("the runner returns results in index order and propagates failures")
  void runnerOrdersAndPropagates() {
    assertThat(ReplicationRunner.run(50, 3, i -> i * i))
        .containsExactlyElementsOf(
            java.util.stream.IntStream.range(0, 50).map(i -> i * i).boxed().toList());
    assertThatThrownBy(
            () ->
                ReplicationRunner.run(
                    5,
                    2,
                    i -> {
                      if (i == 3) {
                        throw new IllegalStateException("boom " + i);
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("boom 3");
  }

  @Test
  @DisplayName("run settings reject impossible values")
  void runSpecChecks() {
    assertThatThrownBy(() -> new RunSpec(0, 1, 1)).hasMessageContaining("replications");
    assertThatThrownBy(() -> new RunSpec(1, 1, 0)).hasMessageContaining("threads");
  }

  @Test
  @DisplayName(
      "a comparison gives the same summaries whatever the threads, all at once or one by one")
  void comparisonSameWhateverTheThreads() {
    Scenario s = TestScenarios.builder().years(2).build();
    phbsim.report.ComparisonResult one = Comparison.run(s, new RunSpec(6, 11L, 1));
    phbsim.report.ComparisonResult two = Comparison.run(s, new RunSpec(6, 11L, 2));
    assertThat(two.option().digest()).isEqualTo(one.option().digest());
    assertThat(two.statusQuo().digest()).isEqualTo(one.statusQuo().digest());
    assertThat(one.option().digest()).isEqualTo(Experiment.run(s, new RunSpec(6, 11L, 1)).digest());
    phbsim.observe.Measure[] measures = phbsim.observe.Measure.values();
    for (int month = 0; month < 24; month += 5) {
      phbsim.report.Summary[][][] all = two.metricMonthlyAll(month);
      for (phbsim.report.Arm arm : phbsim.report.Arm.values()) {
        for (int g = -1; g < all[0].length - 1; g++) {
          for (phbsim.observe.Measure measure : measures) {
            assertThat(all[arm.ordinal()][g + 1][measure.ordinal()])
                .isEqualTo(one.metricMonthly(arm, month, g, measure));
          }
        }
      }
    }
    for (int year = 0; year < two.option().financialYears().size(); year++) {
      phbsim.report.Summary[][][] all = two.metricAnnualAll(year);
      for (phbsim.report.Arm arm : phbsim.report.Arm.values()) {
        for (int g = -1; g < all[0].length - 1; g++) {
          for (phbsim.observe.Measure measure : measures) {
            assertThat(all[arm.ordinal()][g + 1][measure.ordinal()])
                .isEqualTo(one.metricAnnual(arm, year, g, measure));
          }
        }
      }
    }
  }

  @Test
  @DisplayName(
      "on the model, the 95 % confidence interval covers a known mean in 93-97 % of 400 experiments")
  void confidenceIntervalCoversTheKnownMean() {
    // Referrals in a year are Poisson with mean 60 exactly. 400 independent experiments (seeds)
    // of 15 replications each; the interval of the mean must cover 60 in 93-97 % of them
    // (binomial(400, 0.95): sd 4.4 experiments, so the band is about 2.3 sd either side).
    Scenario s =
        TestScenarios.builder()
            .years(1)
            .startingCaseload(0)
            .referralsPerYear(60)
            .crisesPerYear(0)
            .slots(1000)
            .build();
    int covered = 0;
    for (int seed = 0; seed < 400; seed++) {
      phbsim.report.ExperimentResult r = Experiment.run(s, new RunSpec(15, 1_000L + seed, 1));
      phbsim.report.Summary referrals =
          r.annual(
              0, phbsim.report.ExperimentResult.ALL_SEGMENTS, phbsim.observe.Measure.REFERRALS);
      if (referrals.ciLow() <= 60 && 60 <= referrals.ciHigh()) {
        covered++;
      }
    }
    assertThat(covered).isBetween(372, 388);
  }
}
