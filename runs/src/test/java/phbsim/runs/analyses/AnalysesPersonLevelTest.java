package phbsim.runs.analyses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.analysis.Output;
import phbsim.analysis.Variants;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.money.Prices;
import phbsim.runs.Invocation;
import phbsim.runs.RunRefused;
import phbsim.runs.RunSettings;
import phbsim.runs.ScenarioSource;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;

/**
 * Why the analyses refuse a scenario whose people come from a person-level file (Analyses'
 * PERSON_LEVEL): two of an analysis's money figures, a unit price apart on the same random numbers,
 * give back a count that no rule on single figures could withhold. Worked on the synthetic caseload
 * the project ships, with the model's own variants (what a sweep over the price runs).
 */
class AnalysesPersonLevelTest {
  @TempDir static Path tmp;
  private static Path file;

  @BeforeAll
  static void files() throws IOException {
    Path example = Path.of("").toAbsolutePath();
    while (!Files.exists(example.resolve("docs/examples/person-level/caseload.csv"))) {
      example = example.getParent();
    }
    Files.copy(
        example.resolve("docs/examples/person-level/caseload.csv"), tmp.resolve("caseload.csv"));
    file = tmp.resolve("person-level.yaml");
    Files.writeString(
        file, BuiltInScenarios.text("default") + "\nstartingPopulation:\n  file: caseload.csv\n");
  }

  @Test
  @DisplayName("the analyses refuse a person-level scenario before anything runs, saying why")
  void refused() {
    AnalysisRequest request =
        new AnalysisRequest(
            ScenarioSource.named(file.toString()),
            List.of("years=1"),
            null,
            RunSettings.of(2, 7),
            new Invocation("phbsim", "test", "none", null, List.of("phbsim", "sweep")));
    assertThatThrownBy(() -> Analyses.prepare(request))
        .isInstanceOf(RunRefused.class)
        .hasMessage(Analyses.PERSON_LEVEL)
        .hasMessageContaining("person-level file")
        .hasMessageContaining("phbsim run");
  }

  @Test
  @DisplayName(
      "two money figures a price apart give a count back exactly: why nothing is published")
  void twoMoneyFiguresGiveACountBack() {
    Scenario s = ScenarioSource.named(file.toString()).load(List.of("years=1"));
    assertThat(s.fromPersonLevelData()).isTrue();
    String price = "services[ae].crisis.costPerArrival";
    List<Variants.Outcome> two =
        Variants.run(
            s,
            s.analysedOption(null),
            ScenarioLoader.editor(),
            List.of(
                new Variants.Variant(List.of(price + "=0"), 0),
                new Variants.Variant(List.of(price + "=1000"), 0)),
            new RunSpec(2, 7, 2),
            Progress.NONE);
    Output economic = Output.parse("net_saving_economic");
    double change = two.get(1).mean(economic) - two.get(0).mean(economic);
    // The count itself: A&E attendances avoided (status quo minus option), a mean of 2
    // replications.
    double avoided = two.get(0).mean(Output.parse("difference.ae_attendances"));
    // £1,000 at the file's price year, at the run's price base, in pence as the ledger holds it.
    double perAttendance = new Prices(s).pence(1000) / 100.0;
    assertThat(avoided).as("the option changes A&E attendances").isNotZero();
    assertThat(change / perAttendance)
        .as("the change in the economic saving over the price is the count")
        .isCloseTo(avoided, within(1e-6));
  }
}
