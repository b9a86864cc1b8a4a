package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;

/**
 * The tornado names each parameter as a finance lead would, from the scenario's own labels, and its
 * axis ticks at round steps: checked against the default scenario's labels as written in its file
 * and against steps worked by hand.
 */
class TornadoNamesTest {
  @Test
  void parametersAreNamedFromTheScenariosLabelsNotTheirPaths() {
    Scenario s = BuiltInScenarios.load("default", List.of());
    // default.yaml: segment psychosis is labelled "Psychosis"; service ae "A&E attendance
    // (liaison psychiatry)".
    assertThat(ParameterNames.of("segments[psychosis].budget.annualAllocation", s))
        .isEqualTo("Psychosis: budget, £ a year");
    assertThat(ParameterNames.of("services[ae].crisis.costPerArrival", s))
        .isEqualTo("A&E attendance (liaison psychiatry): cost per arrival, £");
    assertThat(ParameterNames.of("budgets.setUp[0].amount", s))
        .isEqualTo("Set-up cost of the budget scheme, £");
    // A setting not yet named reads as words, not as a path.
    assertThat(ParameterNames.of("budgets.review.stopAfterCrisis", s))
        .isEqualTo("Stop after crisis");
  }

  @Test
  void axisStepsAreOneTwoOrFiveTimesAPowerOfTen() {
    assertThat(Tornado.niceStep(0.7)).isEqualTo(1.0);
    assertThat(Tornado.niceStep(1.3)).isEqualTo(2.0);
    assertThat(Tornado.niceStep(37)).isEqualTo(50.0);
    assertThat(Tornado.niceStep(120)).isEqualTo(200.0);
    assertThat(Tornado.niceStep(0.0031))
        .isCloseTo(0.005, org.assertj.core.data.Offset.offset(1e-12));
  }
}
