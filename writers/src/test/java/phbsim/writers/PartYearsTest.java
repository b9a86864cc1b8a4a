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
