package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import phbsim.experiment.Experiment;
import phbsim.experiment.RunSpec;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.random.RandomStreams;
import phbsim.report.ExperimentResult;
import phbsim.scenario.DurationFamily;
import phbsim.scenario.DurationSpec;
import phbsim.scenario.Scenario;
import phbsim.testing.TestScenarios;

class WorldTest {

  private static MonthlyMetrics run(Scenario scenario, long seed) {
    return new World(new CompiledScenario(scenario), new RandomStreams(seed, 0)).run().metrics();
  }

  @Test
  @DisplayName("the same seed gives identical results and another seed different ones")
  void sameSeedSameResult() {
    Scenario s = TestScenarios.builder().build();
    ExperimentResult a = Experiment.run(s, new RunSpec(3, 7, 1));
    ExperimentResult b = Experiment.run(s, new RunSpec(3, 7, 1));
    ExperimentResult c = Experiment.run(s, new RunSpec(3, 8, 1));
    assertThat(a.digest()).isEqualTo(b.digest());
    assertThat(a.digest()).isNotEqualTo(c.digest());
  }

  static Stream<Scenario> smallRandomScenarios() {
    java.util.SplittableRandom r = new java.util.SplittableRandom(2026);
    return IntStream.range(0, 60)
        .mapToObj(
            i ->
                TestScenarios.builder()
                    .years(1 + r.nextInt(3))
                    .startingCaseload(r.nextInt(300))
                    .referralsPerYear(r.nextDouble() * 400)
                    .crisesPerYear(r.nextDouble() * 3)
                    .frailtyVariance(r.nextDouble() * 2)
                    .exitsPerYear(r.nextDouble() * 2)
                    .slots(r.nextInt(200))
                    .beds(r.nextInt(20))
                    .crisisToWard(r.nextDouble())
                    .build());
  }

  @ParameterizedTest
  @MethodSource("smallRandomScenarios")
  @DisplayName("people are conserved at every month end: start + referrals - exits = present")
  void peopleConserved(Scenario scenario) {
    MonthlyMetrics m = run(scenario, 11);
    double present = scenario.segments().get(0).startingCaseload();
    for (int month = 0; month < m.months(); month++) {
      present += m.get(month, 0, Measure.REFERRALS) - m.get(month, 0, Measure.EXITS);
      double counted = m.get(month, 0, Measure.CASELOAD) + m.get(month, 0, Measure.WAITING_LIST);
      assertThat(counted).as("month %d", month).isEqualTo(present);
      assertThat(m.get(month, 0, Measure.CASELOAD)).isLessThanOrEqualTo(slotsOf(scenario));
      assertThat(m.get(month, 0, Measure.OCCUPIED_BEDS))
          .isLessThanOrEqualTo(scenario.services().get(1).inpatient().beds());
    }
  }

  private static double slotsOf(Scenario s) {
    return s.services().get(0).community().slots();
  }

  @Test
  @DisplayName("a closed cohort with only exits decays as N0 exp(-rate t)")
  void closedCohortDecaysExponentially() {
    int n0 = 20_000;
    double rate = 0.8;
    Scenario s =
        TestScenarios.builder()
            .years(3)
            .startingCaseload(n0)
            .slots(n0)
            .referralsPerYear(0)
            .crisesPerYear(0)
            .exitsPerYear(rate)
            .build();
    MonthlyMetrics m = run(s, 3);
    CompiledScenario c = new CompiledScenario(s);
    for (int month = 0; month < m.months(); month++) {
      double years = c.calendar().monthStart(month + 1) / phbsim.population.Segments.DAYS_PER_YEAR;
      double p = Math.exp(-rate * years);
      double expected = n0 * p;
      // Each person is still there independently with probability p: binomial, 4 sd.
      double tolerance = 4 * Math.sqrt(n0 * p * (1 - p));
      assertThat(m.get(month, 0, Measure.CASELOAD))
          .as("month %d", month)
          .isCloseTo(expected, within(tolerance));
    }
  }

  @Test
  @DisplayName("with ample beds, occupied beds follow Little's law: admissions per day x stay")
  void bedOccupancyFollowsLittlesLaw() {
    Scenario s =
        TestScenarios.builder()
            .years(5)
            .startingCaseload(5_000)
            .slots(5_000)
            .referralsPerYear(2_500)
            .exitsPerYear(0.5)
            .crisesPerYear(1.0)
            .crisisToWard(1.0)
            .beds(1_000)
            .lengthOfStay(new DurationSpec(DurationFamily.EXPONENTIAL, 20.0, null))
            .build();
    MonthlyMetrics m = run(s, 5);
    CompiledScenario c = new CompiledScenario(s);
    double admissions = 0;
    double bedDays = 0;
    double days = 0;
    for (int month = 12; month < m.months(); month++) {
      admissions += m.get(month, 0, Measure.ADMISSIONS);
      bedDays += m.get(month, 0, Measure.BED_DAYS);
      days += c.calendar().monthLength(month);
    }
    double meanOccupied = bedDays / days;
    double littles = admissions / days * 20.0;
    assertThat(meanOccupied).isCloseTo(littles, within(0.03 * littles));
    assertThat(m.get(59, 0, Measure.OUT_OF_AREA_ADMISSIONS)).isZero();
  }

  @Test
  @DisplayName("with no beds, every admission goes out of area for its whole stay")
  void noBedsMeansOutOfArea() {
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .startingCaseload(2_000)
            .slots(2_000)
            .crisesPerYear(1.0)
            .crisisToWard(1.0)
            .beds(0)
            .lengthOfStay(new DurationSpec(DurationFamily.FIXED, 10.0, null))
            .build();
    MonthlyMetrics m = run(s, 9);
    double admissions = 0;
    double outOfArea = 0;
    double outOfAreaDays = 0;
    for (int month = 0; month < m.months(); month++) {
      admissions += m.get(month, 0, Measure.ADMISSIONS);
      outOfArea += m.get(month, 0, Measure.OUT_OF_AREA_ADMISSIONS);
      outOfAreaDays += m.get(month, 0, Measure.OUT_OF_AREA_DAYS);
      assertThat(m.get(month, 0, Measure.BED_DAYS)).isZero();
    }
    assertThat(admissions).isGreaterThan(1_000);
    assertThat(outOfArea).isEqualTo(admissions);
    // Stays of exactly 10 days; those still out of area at the horizon are cut off there.
    double stillOut = m.get(m.months() - 1, 0, Measure.OUT_OF_AREA_PLACEMENTS);
    assertThat(outOfAreaDays).isBetween(10 * (admissions - stillOut), 10 * admissions);
  }

  @Test
  @DisplayName("crises per person-year match the segment rate, frailty having mean 1")
  void crisisRateMatchesSegmentRate() {
    double rate = 2.0;
    Scenario s =
        TestScenarios.builder()
            .years(3)
            .startingCaseload(5_000)
            .slots(5_000)
            .referralsPerYear(0)
            .exitsPerYear(0)
            .crisesPerYear(rate)
            .frailtyVariance(1.0)
            .crisisToWard(0)
            .episode(new DurationSpec(DurationFamily.FIXED, 0.01, null))
            .build();
    MonthlyMetrics m = run(s, 21);
    double crises = 0;
    for (int month = 0; month < m.months(); month++) {
      crises += m.get(month, 0, Measure.CRISES);
    }
    double personYears = 5_000 * 3 * 365.0 / phbsim.population.Segments.DAYS_PER_YEAR;
    double perPersonYear = crises / personYears;
    // Frailty variance 1 spreads the people's rates; the mean rate is still the segment's.
    // Crisis counts per person are Poisson-gamma: variance of the total is about
    // mu + v * mu^2 / n summed; 4 standard errors of that.
    double mu = rate * 3;
    double sd = Math.sqrt(5_000 * (mu + mu * mu)) / personYears;
    assertThat(perPersonYear).isCloseTo(rate, within(4 * sd));
    // Every crisis here is an A&E attendance.
    double ae = 0;
    for (int month = 0; month < m.months(); month++) {
      ae += m.get(month, 0, Measure.AE_ATTENDANCES);
    }
    assertThat(ae).isEqualTo(crises);
  }

  @Test
  @DisplayName("frailty makes crises concentrate: more variance, same mean")
  void frailtyConcentratesCrises() {
    Scenario alike = TestScenarios.builder().frailtyVariance(0).build();
    Scenario varied = TestScenarios.builder().frailtyVariance(2.0).build();
    double a = totalOf(run(alike, 4), Measure.CRISES);
    double v = totalOf(run(varied, 4), Measure.CRISES);
    assertThat(v).isCloseTo(a, within(0.15 * a));
  }

  private static double totalOf(MonthlyMetrics m, Measure measure) {
    double sum = 0;
    for (int month = 0; month < m.months(); month++) {
      sum += m.total(month, measure);
    }
    return sum;
  }
}
