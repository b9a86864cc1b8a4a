package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The files {@code phbsim run} writes for two built-in scenarios, compared byte for byte with the
 * reviewed copies under src/test/resources/golden. A change to the model that moves any figure
 * fails here: if the change is meant, regenerate with {@code ./mvnw -pl cli test
 * -Dtest=GoldenOutputTest -Dphbsim.updateGolden=true} and review the diff before committing.
 */
class GoldenOutputTest {
  private static final List<String> FILES =
      List.of(
          "monthly_metrics.csv",
          "annual_metrics.csv",
          "cashflow_monthly.csv",
          "cashflow_annual.csv",
          "cash_summary.csv",
          "budget_impact.csv",
          "teams_monthly.csv",
          "infrastructure_monthly.csv",
          "cohort.csv",
          "run.json");

  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"tiny", "default"})
  @DisplayName("run output matches the reviewed golden files byte for byte")
  void matchesGolden(String scenario) throws IOException {
    Path out = tmp.resolve(scenario);
    Cli r =
        Cli.run(
            "run", scenario, "-r", "4", "--seed", "11", "--set", "years=1", "-o", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path golden = Path.of("src/test/resources/golden", scenario);
    if (Boolean.getBoolean("phbsim.updateGolden")) {
      Files.createDirectories(golden);
      for (String f : FILES) {
        Files.copy(
            out.resolve(f), golden.resolve(f), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      }
    }
    for (String f : FILES) {
      assertThat(golden.resolve(f))
          .as("golden %s/%s (see the class comment to regenerate)", scenario, f)
          .exists();
      assertThat(Files.readString(out.resolve(f)))
          .as("%s/%s differs from the golden copy", scenario, f)
          .isEqualTo(Files.readString(golden.resolve(f)));
    }
  }
}
