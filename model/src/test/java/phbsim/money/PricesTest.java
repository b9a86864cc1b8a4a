package phbsim.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.scenario.MoneySpec;
import phbsim.scenario.Scenario;
import phbsim.service.ServiceNetwork;
import phbsim.testing.TestScenarios;
import phbsim.time.FinancialYear;

/** Price years and the price base (docs/model.md section 5), worked by hand. */
class PricesTest {

  private static FinancialYear fy(String label) {
    return FinancialYear.parse(label).orElseThrow();
  }

  @Test
  @DisplayName("the built-in cost index is the table in docs/sources.md, year for year")
  void indexMatchesTheSourcesDocument() throws IOException {
    String doc = Files.readString(Path.of("../docs/sources.md"));
    Matcher row = Pattern.compile("\\n\\| (\\d{4}/\\d{2}) \\| ([0-9.]+) \\|").matcher(doc);
    Map<FinancialYear, Double> documented = new LinkedHashMap<>();
    while (row.find()) {
      documented.put(fy(row.group(1)), Double.parseDouble(row.group(2)));
    }
    assertThat(documented).hasSizeGreaterThan(15);
    PriceIndex index = PriceIndex.builtIn();
    documented.forEach(
        (year, percent) ->
            assertThat(index.percent(year).orElseThrow()).as(year.label()).isEqualTo(percent));
  }

  @Test
  @DisplayName("a 2021/22 price at 2026/27 prices: x 1.0732 x 1.0247 x 1.0402 x 1.0483 x 1.025")
  void conversionByHand() {
    double factor = 1.0732 * 1.0247 * 1.0402 * 1.0483 * 1.025; // 2022/23 .. 2026/27
    PriceIndex index = PriceIndex.builtIn();
    assertThat(index.factor(fy("2021/22"), fy("2026/27"))).isCloseTo(factor, within(1e-12));
    assertThat(index.factor(fy("2026/27"), fy("2021/22"))).isCloseTo(1 / factor, within(1e-12));
    assertThat(index.factor(fy("2026/27"), fy("2026/27"))).isEqualTo(1.0);
    // The pilot's average budget, £3,602 at 2010/11 prices, at 2023/24 prices: x 1.3188 (the
    // worked example in docs/sources.md).
    assertThat(index.factor(fy("2010/11"), fy("2023/24"))).isCloseTo(1.3188, within(0.0001));
    assertThat(index.missing(fy("2008/09"), fy("2026/27"))).containsExactly(fy("2009/10"));
  }

  @Test
  @DisplayName("a ward's price of year 2021/22 reaches the model at the price base, to the penny")
  void sectionYearsReachTheModel() {
    Scenario s =
        TestScenarios.builder().money(new MoneySpec(null, null, "2021/22", null, null)).build();
    Prices prices = new Prices(s);
    assertThat(prices.base()).isEqualTo(fy("2026/27")); // the start's financial year
    double factor = 1.0732 * 1.0247 * 1.0402 * 1.0483 * 1.025;
    long expected = Math.round(57_500 * factor); // half-even and half-up agree here
    assertThat(prices.pence(575, (String) null)).isEqualTo(expected);
    ServiceNetwork network = new ServiceNetwork(s, prices);
    int ward = network.indexOf("ward");
    assertThat(network.costPerBedDay(ward)).isEqualTo(expected);
    // A section's own year wins over money.priceYear; the price base's own year needs nothing.
    assertThat(prices.pence(575, "2026/27")).isEqualTo(57_500);
    // A scenario's own index figure replaces phbsim's for that year.
    Scenario own =
        TestScenarios.builder()
            .money(new MoneySpec(null, null, "2025/26", null, Map.of("2026/27", 10.0)))
            .build();
    assertThat(new Prices(own).pence(100, (String) null)).isEqualTo(11_000);
  }

  @Test
  @DisplayName("a chosen price base: 2023/24 prices kept as they are")
  void chosenPriceBase() {
    Scenario s =
        TestScenarios.builder()
            .money(new MoneySpec(null, null, "2023/24", "2023/24", null))
            .build();
    assertThat(new Prices(s).pence(575, (String) null)).isEqualTo(57_500);
    // 360,200p x 1.31877049 (2011/12 to 2023/24) = 475,021p.
    assertThat(new Prices(s).pence(3602, "2010/11")).isEqualTo(475_021);
  }
}
