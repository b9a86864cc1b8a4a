package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import phbsim.experiment.Experiment;
import phbsim.observe.Measure;
import phbsim.population.Segments;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;
import phbsim.world.CompiledScenario;

/**
 * Needs that change with time: with a crisis hazard r exp(b t) from day 0 and nearly nothing to
 * interrupt it (a crisis is a visit of a millionth of a day, then home), a person's crises over T
 * years are Poisson with mean r (exp(b T) - 1) / b; over 2,000 people the total is within 4
 * standard deviations of 2,000 times that (fixed seed).
 */
class NeedsTrendTest {
  private static final String YAML =
      """
      name: trend
      startDate: 2026-04-01
      years: 5
      segments:
        - id: everyone
          startingCaseload: 2000
          referralsPerYear: 0
          team: team
          crisesPerYear: 0.5
          frailtyVariance: 0
          needsTrendPerYear: %s
          exitsPerYear: {gone: 0}
      services:
        - id: team
          kind: COMMUNITY
          community:
            posts: 100
            caseloadPerPost: 30
            contract: {fixedPerYear: 0, costPerPostPerYear: 0}
        - id: visit
          kind: CRISIS
          crisis:
            aeAttendance: false
            episodeLength: {family: FIXED, meanDays: 0.000001}
            costPerArrival: 0
            costPerDay: 0
        - id: gone
          kind: EXIT
      pathway:
        - from: team
          to: {visit: 1.0}
        - from: visit
          to: {home: 1.0}
      """;

  @ParameterizedTest(name = "trend {0} a year")
  @CsvSource({"0", "0.2", "-0.3"})
  @DisplayName("crises over five years against r (exp(bT) - 1) / b")
  void closedForm(double trend) {
    Scenario s = ScenarioLoader.parse("trend.yaml", YAML.formatted(trend), List.of());
    CompiledScenario compiled = new CompiledScenario(s);
    var r = Experiment.replicate(compiled, 42, 0);
    double crises = 0;
    for (int m = 0; m < compiled.calendar().monthCount(); m++) {
      crises += r.metrics().total(m, Measure.CRISES);
    }
    double years = compiled.calendar().horizonDays() / Segments.DAYS_PER_YEAR;
    double perPerson = trend == 0 ? 0.5 * years : 0.5 * (Math.exp(trend * years) - 1) / trend;
    double expected = 2000 * perPerson;
    assertThat(crises).isCloseTo(expected, within(4 * Math.sqrt(expected)));
  }
}
