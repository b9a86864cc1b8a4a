package phbsim.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FinancialMonthTest {

  @ParameterizedTest(name = "{0} 2026 is period {1} of {2}")
  @CsvSource({
    "4, 1, 2026/27",
    "5, 2, 2026/27",
    "6, 3, 2026/27",
    "7, 4, 2026/27",
    "8, 5, 2026/27",
    "9, 6, 2026/27",
    "10, 7, 2026/27",
    "11, 8, 2026/27",
    "12, 9, 2026/27",
    "1, 10, 2025/26",
    "2, 11, 2025/26",
    "3, 12, 2025/26"
  })
  @DisplayName("April is M1 and March is M12 of the financial year they fall in")
  void periodOfEveryMonth(int calendarMonth, int period, String year) {
    FinancialMonth m = new FinancialMonth(YearMonth.of(2026, calendarMonth));
    assertThat(m.period()).isEqualTo(period);
    assertThat(m.label()).isEqualTo("M" + period);
    assertThat(m.financialYear().label()).isEqualTo(year);
  }

  @Test
  @DisplayName("the month containing a date, its first day, the next month and its text")
  void containingAndNext() {
    FinancialMonth march = FinancialMonth.containing(LocalDate.of(2027, 3, 31));
    assertThat(march.month()).isEqualTo(YearMonth.of(2027, 3));
    assertThat(march.firstDay()).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(march).hasToString("2027-03 2026/27 M12");
    FinancialMonth april = march.next();
    assertThat(april.month()).isEqualTo(YearMonth.of(2027, 4));
    assertThat(april).hasToString("2027-04 2027/28 M1");
    assertThat(march).isLessThan(april);
  }

  @Test
  @DisplayName("a month is required")
  void nullRefused() {
    assertThatThrownBy(() -> new FinancialMonth(null)).isInstanceOf(IllegalArgumentException.class);
  }
}
