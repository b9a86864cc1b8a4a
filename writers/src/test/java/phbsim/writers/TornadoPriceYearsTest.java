package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.analysis.OneWaySensitivity;
import phbsim.analysis.Output;
import phbsim.analysis.Ranges;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.money.Prices;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;

/**
 * Issue 20, item 19: a sensitivity range is shown in the price year it is stated in and at the
 * price base, and each rank says whether it is told from the noise of the replications run.
 */
class TornadoPriceYearsTest {
  @Test
  @DisplayName(
      "tornado.csv: a 2010/11 allocation's range at the base is the range times the index's"
          + " factor; a share has no price year; beyond_noise agrees with the change's interval")
  void priceYearsAndNoise() throws Exception {
    Scenario s = BuiltInScenarios.load("default", List.of("years=2"));
    OneWaySensitivity.Result r =
        OneWaySensitivity.run(
            s,
            s.analysedOption(null),
            ScenarioLoader.editor(),
            List.of(
                new Ranges.Range(
                    "segments[common].budget.annualAllocation", 3_602, 2_700, 4_500, "test"),
                new Ranges.Range("budgets.restrictiveShare", 0.18, 0.14, 0.22, "test")),
            Output.parse("net_saving_cash"),
            new RunSpec(3, 7, 2),
            Progress.NONE);
    StringWriter csv = new StringWriter();
    AnalysisCsv.tornado(r, s, csv);
    String text = csv.toString();
    List<Map<String, String>> rows;
    try (MappingIterator<Map<String, String>> it =
        new CsvMapper()
            .readerFor(Map.class)
            .with(CsvSchema.emptySchema().withHeader())
            .readValues(text.substring(text.indexOf('\n') + 1))) {
      rows = it.readAll();
    }
    double factor = new Prices(s).factor("2010/11");
    assertThat(factor).isGreaterThan(1.3);
    for (Map<String, String> row : rows) {
      if (row.get("parameter").equals("segments[common].budget.annualAllocation")) {
        assertThat(row.get("price_year")).isEqualTo("2010/11");
        assertThat(Double.parseDouble(row.get("low_at_base")))
            .isCloseTo(2_700 * factor, within(0.01));
        assertThat(Double.parseDouble(row.get("high_at_base")))
            .isCloseTo(4_500 * factor, within(0.01));
      } else {
        assertThat(row.get("price_year")).isEmpty();
        assertThat(row.get("low_at_base")).isEmpty();
      }
      double low = Double.parseDouble(row.get("change_ci95_low"));
      double high = Double.parseDouble(row.get("change_ci95_high"));
      assertThat(row.get("beyond_noise")).isEqualTo(low > 0 || high < 0 ? "yes" : "no");
    }
  }
}
