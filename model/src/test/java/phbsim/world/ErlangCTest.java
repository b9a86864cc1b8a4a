package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import phbsim.experiment.Experiment;
import phbsim.experiment.RunSpec;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.report.ExperimentResult;
import phbsim.report.ReplicationResult;
import phbsim.scenario.Scenario;
import phbsim.testing.TestScenarios;

/**
 * A community team with Poisson referrals, exponential times on the caseload, no crises and no
 * exits while waiting is an M/M/c queue (c = slots); the share of referrals who wait and the mean
 * wait must match Erlang C.
 */
class ErlangCTest {

  /** Erlang C: the probability that an arrival waits, for c servers and offered load a. */
  static double erlangC(int c, double a) {
    double term = 1;
    double sum = 1;
    for (int k = 1; k < c; k++) {
      term *= a / k;
      sum += term;
    }
    double last = term * a / c * c / (c - a);
    return last / (sum + last);
  }

  @ParameterizedTest(name = "c = {0}, load = {1}")
  @CsvSource({"20, 16", "5, 3"})
  @DisplayName("waiting probability and mean wait match Erlang C")
  void matchesErlangC(int slots, double load) {
    check(slots, load, 20, 30);
  }

  @ParameterizedTest(name = "c = {0}, load = {1}")
  @CsvSource({"50, 45", "1, 0.7"})
  @Tag("slow")
  @DisplayName("waiting probability and mean wait match Erlang C (long runs, heavy load)")
  void matchesErlangCHeavyLoad(int slots, double load) {
    check(slots, load, 40, 30);
  }

  private static void check(int slots, double load, int replications, int years) {
    double exitsPerYear = 52; // a mean time on the caseload of one week: many arrivals, cheap runs
    double referralsPerYear = load * exitsPerYear;
    Scenario s =
        TestScenarios.builder()
            .years(years)
            .slots(slots)
            .startingCaseload((int) Math.round(load))
            .referralsPerYear(referralsPerYear)
            .exitsPerYear(exitsPerYear)
            .waitingExitsPerYear(0) // nobody leaves the line but by getting a place
            .crisesPerYear(0)
            .build();
    ExperimentResult result = Experiment.run(s, RunSpec.of(replications, 99));
    SummaryStatistics waitShare = new SummaryStatistics();
    SummaryStatistics meanWaitYears = new SummaryStatistics();
    for (ReplicationResult r : result.replications()) {
      MonthlyMetrics m = r.metrics();
      double referrals = 0;
      double waited = 0;
      double waitDays = 0;
      for (int month = 12; month < m.months(); month++) { // first year is warm-up
        referrals += m.get(month, 0, Measure.REFERRALS);
        waited += m.get(month, 0, Measure.JOINED_WAITING_LIST);
        waitDays += m.get(month, 0, Measure.WAITING_DAYS_OF_THOSE_ALLOCATED);
      }
      waitShare.addValue(waited / referrals);
      meanWaitYears.addValue(waitDays / referrals / phbsim.population.Segments.DAYS_PER_YEAR);
    }
    double c = erlangC(slots, load);
    double wq = c / (slots * exitsPerYear - referralsPerYear);
    double seShare = waitShare.getStandardDeviation() / Math.sqrt(replications);
    double seWait = meanWaitYears.getStandardDeviation() / Math.sqrt(replications);
    // Tolerance: 4 standard errors estimated from the replications, and never loose: at most 3
    // percentage points of waiting probability and 15% of the mean wait.
    assertThat(4 * seShare).isLessThan(0.03);
    assertThat(4 * seWait).isLessThan(0.15 * wq);
    assertThat(waitShare.getMean()).isCloseTo(c, within(4 * seShare));
    assertThat(meanWaitYears.getMean()).isCloseTo(wq, within(4 * seWait));
  }
}
