package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialYear;

/** Part financial years say so (issue 20, item 10), worked by hand from the calendar. */
class PartYearsTest {

  @Test
  @DisplayName("a 2-year run from March 2026 is 24 months across 3 financial years, 2 of them part")
  void twoYearsFromMarch() {
    // March 2026 is M12 of 2025/26; April 2026 to March 2027 is 2026/27 in full; April 2027 to
    // February 2028 is M1 to M11 of 2027/28.
    FinancialCalendar cal = new FinancialCalendar(LocalDate.of(2026, 3, 1), 2);
    assertThat(cal.financialYears()).hasSize(3);
    assertThat(Text.yearHeading(cal, new FinancialYear(2025))).isEqualTo("2025/26 M12");
    assertThat(Text.yearHeading(cal, new FinancialYear(2026))).isEqualTo("2026/27");
    assertThat(Text.yearHeading(cal, new FinancialYear(2027))).isEqualTo("2027/28 M1-11");
    assertThat(Text.horizon(cal))
        .isEqualTo("24 months across 3 financial years, 2 of them part years");
    assertThat(Text.monthsIn(cal, new FinancialYear(2025))).isEqualTo(1);
    assertThat(Text.monthsIn(cal, new FinancialYear(2026))).isEqualTo(12);
    assertThat(Text.monthsIn(cal, new FinancialYear(2027))).isEqualTo(11);
  }

  @Test
  @DisplayName(
      "the annual files mark each year's months, as many as the monthly file holds for that year")
  void annualFilesMarkPartYears() throws java.io.IOException {
    phbsim.scenario.Scenario s =
        phbsim.scenarios.BuiltInScenarios.load(
            "tiny", java.util.List.of("startDate=2026-03-01", "years=2"));
    phbsim.report.AppraisalResult a =
        phbsim.experiment.Appraisal.run(
            s.statusQuo(),
            phbsim.scenarios.ScenarioLoader.options(s),
            new phbsim.experiment.RunSpec(2, 3, 1));
    java.io.StringWriter monthly = new java.io.StringWriter();
    CashFlowCsv.monthly(a, monthly);
    java.util.Map<String, java.util.Set<String>> months = new java.util.HashMap<>();
    for (String line : monthly.toString().split("\n")) {
      String[] cells = line.split(",");
      if (cells.length > 3 && cells[0].matches("\\d{4}-\\d{2}-\\d{2}")) {
        months.computeIfAbsent(cells[1], k -> new java.util.HashSet<>()).add(cells[0]);
      }
    }
    for (var file : java.util.List.of("cash", "metrics")) {
      java.io.StringWriter annual = new java.io.StringWriter();
      if (file.equals("cash")) {
        CashFlowCsv.annual(a, annual);
      } else {
        MetricsCsv.annual(a, annual);
      }
      String[] lines = annual.toString().split("\n");
      assertThat(lines[1]).startsWith("financial_year,months_in_year,");
      java.util.Set<String> seen = new java.util.HashSet<>();
      for (int i = 2; i < lines.length; i++) {
        String[] cells = lines[i].split(",");
        assertThat(Integer.parseInt(cells[1]))
            .as("%s %s", file, cells[0])
            .isEqualTo(months.get(cells[0]).size());
        seen.add(cells[0]);
      }
      assertThat(seen).containsExactlyInAnyOrderElementsOf(months.keySet()).hasSize(3);
    }
  }

  @Test
  @DisplayName("a run of whole financial years is named in years, its columns by the year alone")
  void wholeYears() {
    FinancialCalendar cal = new FinancialCalendar(LocalDate.of(2026, 4, 1), 5);
    assertThat(Text.horizon(cal)).isEqualTo("5 years");
    for (FinancialYear y : cal.financialYears()) {
      assertThat(Text.yearHeading(cal, y)).isEqualTo(y.label());
    }
  }
}
