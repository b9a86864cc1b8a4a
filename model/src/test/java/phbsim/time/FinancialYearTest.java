package phbsim.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FinancialYearTest {

  @ParameterizedTest(name = "the year starting in {0} is labelled {1}")
  @CsvSource({"2026, 2026/27", "1999, 1999/00", "2009, 2009/10", "2099, 2099/00", "1900, 1900/01"})
  @DisplayName("labels name the start year and the last two digits of the next")
  void labels(int startYear, String label) {
    assertThat(new FinancialYear(startYear).label()).isEqualTo(label);
    assertThat(new FinancialYear(startYear)).hasToString(label);
  }

  @Test
  @DisplayName("31 March belongs to the year that started the April before")
  void containingThirtyFirstMarch() {
    assertThat(FinancialYear.containing(LocalDate.of(2027, 3, 31)))
        .isEqualTo(new FinancialYear(2026));
  }

  @Test
  @DisplayName("1 April starts a new financial year")
  void containingFirstApril() {
    assertThat(FinancialYear.containing(LocalDate.of(2027, 4, 1)))
        .isEqualTo(new FinancialYear(2027));
    assertThat(FinancialYear.containing(LocalDate.of(2027, 1, 1)))
        .isEqualTo(new FinancialYear(2026));
    assertThat(FinancialYear.containing(LocalDate.of(2026, 12, 31)))
        .isEqualTo(new FinancialYear(2026));
  }

  @Test
  @DisplayName("a financial year runs from 1 April to 31 March")
  void firstAndLastDay() {
    FinancialYear year = new FinancialYear(2027);
    assertThat(year.firstDay()).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(year.lastDay()).isEqualTo(LocalDate.of(2028, 3, 31));
    assertThat(year.next()).isEqualTo(new FinancialYear(2028));
    assertThat(year).isLessThan(year.next());
  }

  @ParameterizedTest
  @ValueSource(ints = {1899, 9999})
  @DisplayName("start years outside 1900 to 9998 are refused")
  void outOfRange(int startYear) {
    assertThatThrownBy(() -> new FinancialYear(startYear))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1900..9998");
  }
}
