package phbsim.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.YearMonth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FinancialCalendarTest {

  @Nested
  @DisplayName("five years from 1 April 2026")
  class FiveYearsFromApril2026 {
    private final FinancialCalendar calendar = new FinancialCalendar(LocalDate.of(2026, 4, 1), 5);

    @Test
    @DisplayName("has 60 whole months")
    void sixtyMonths() {
      assertThat(calendar.monthCount()).isEqualTo(60);
      assertThat(calendar.years()).isEqualTo(5);
      assertThat(calendar.startDate()).isEqualTo(LocalDate.of(2026, 4, 1));
    }

    @Test
    @DisplayName("month 0 is April 2026, M1 of 2026/27")
    void firstMonth() {
      FinancialMonth m = calendar.month(0);
      assertThat(m.month()).isEqualTo(YearMonth.of(2026, 4));
      assertThat(m.label()).isEqualTo("M1");
      assertThat(m.financialYear().label()).isEqualTo("2026/27");
      assertThat(calendar.monthStart(0)).isZero();
      assertThat(calendar.monthLength(0)).isEqualTo(30);
    }

    @Test
    @DisplayName("month 11 is March 2027, M12 of 2026/27, starting on day 334")
    void twelfthMonth() {
      // April 30 + May 31 + June 30 + July 31 + August 31 + September 30 + October 31
      // + November 30 + December 31 + January 31 + February 28 (2027 is not a leap year) = 334.
      FinancialMonth m = calendar.month(11);
      assertThat(m.month()).isEqualTo(YearMonth.of(2027, 3));
      assertThat(m.label()).isEqualTo("M12");
      assertThat(m.financialYear().label()).isEqualTo("2026/27");
      assertThat(calendar.monthStart(11)).isEqualTo(334);
      assertThat(calendar.monthLength(11)).isEqualTo(31);
    }

    @Test
    @DisplayName("month 12 is April 2027, M1 of 2027/28, starting on day 365")
    void thirteenthMonth() {
      FinancialMonth m = calendar.month(12);
      assertThat(m.month()).isEqualTo(YearMonth.of(2027, 4));
      assertThat(m.label()).isEqualTo("M1");
      assertThat(m.financialYear().label()).isEqualTo("2027/28");
      assertThat(calendar.monthStart(12)).isEqualTo(365);
    }

    @Test
    @DisplayName("the horizon is 1826 days, because 2027/28 holds 29 February 2028")
    void horizonIncludesLeapDay() {
      // 2026/27 365 + 2027/28 366 (29 Feb 2028) + 2028/29 365 + 2029/30 365 + 2030/31 365.
      assertThat(calendar.horizonDays()).isEqualTo(1826);
      assertThat(calendar.monthStart(calendar.monthCount())).isEqualTo(1826);
      int total = 0;
      for (int i = 0; i < calendar.monthCount(); i++) {
        total += calendar.monthLength(i);
      }
      assertThat(total).isEqualTo(1826);
      assertThat(calendar.monthLength(22)).as("February 2028").isEqualTo(29);
      assertThat(calendar.monthLength(34)).as("February 2029").isEqualTo(28);
    }

    @Test
    @DisplayName("a month runs from its first day up to, but not including, the next month's")
    void monthIndexAtBoundaries() {
      assertThat(calendar.monthIndexOf(0.0)).isZero();
      assertThat(calendar.monthIndexOf(29.999)).isZero();
      assertThat(calendar.monthIndexOf(30.0)).isEqualTo(1);
      assertThat(calendar.monthIndexOf(333.999)).isEqualTo(10);
      assertThat(calendar.monthIndexOf(334.0)).isEqualTo(11);
      assertThat(calendar.monthIndexOf(364.5)).isEqualTo(11);
      assertThat(calendar.monthIndexOf(365.0)).isEqualTo(12);
    }

    @Test
    @DisplayName("the last simulated day is in the last month; the horizon is past it")
    void monthIndexAtLastDayAndHorizon() {
      assertThat(calendar.monthIndexOf(1825.0)).isEqualTo(59);
      assertThat(calendar.monthIndexOf(1825.999)).isEqualTo(59);
      assertThat(calendar.monthIndexOf(1826.0)).isEqualTo(60);
      assertThat(calendar.monthIndexOf(1e9)).isEqualTo(60);
      assertThat(calendar.dateOf(1825.5)).isEqualTo(LocalDate.of(2031, 3, 31));
      assertThat(calendar.monthOf(1825.5).label()).isEqualTo("M12");
      assertThat(calendar.monthOf(1825.5).financialYear().label()).isEqualTo("2030/31");
      assertThat(calendar.dateOf(1826.0)).isEqualTo(LocalDate.of(2031, 4, 1));
    }

    @Test
    @DisplayName("a negative day is refused")
    void negativeDay() {
      assertThatThrownBy(() -> calendar.monthIndexOf(-0.5))
          .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("days map to dates across 29 February 2028")
    void datesAcrossLeapDay() {
      // 365 days to 1 April 2027, then April..January 2027/28 = 306 days to 1 February 2028.
      assertThat(calendar.dateOf(671.0)).isEqualTo(LocalDate.of(2028, 2, 1));
      assertThat(calendar.dateOf(698.999)).isEqualTo(LocalDate.of(2028, 2, 28));
      assertThat(calendar.dateOf(699.0)).isEqualTo(LocalDate.of(2028, 2, 29));
      assertThat(calendar.dateOf(699.75)).isEqualTo(LocalDate.of(2028, 2, 29));
      assertThat(calendar.dateOf(700.0)).isEqualTo(LocalDate.of(2028, 3, 1));
      assertThat(calendar.monthIndexOf(699.0)).isEqualTo(22);
      assertThat(calendar.monthIndexOf(700.0)).isEqualTo(23);
      assertThat(calendar.monthStart(22)).isEqualTo(671);
      assertThat(calendar.monthOf(699.0).month()).isEqualTo(YearMonth.of(2028, 2));
      assertThat(calendar.monthOf(699.0).label()).isEqualTo("M11");
    }

    @Test
    @DisplayName("touches exactly five financial years, 2026/27 to 2030/31")
    void financialYears() {
      assertThat(calendar.financialYears())
          .extracting(FinancialYear::label)
          .containsExactly("2026/27", "2027/28", "2028/29", "2029/30", "2030/31");
    }

    @Test
    @DisplayName("months run M1 to M12 in every year, each following the last")
    void everyMonthInOrder() {
      for (int i = 0; i < calendar.monthCount(); i++) {
        assertThat(calendar.month(i).period()).isEqualTo(i % 12 + 1);
        assertThat(calendar.month(i).financialYear().startYear()).isEqualTo(2026 + i / 12);
        if (i > 0) {
          assertThat(calendar.month(i)).isEqualTo(calendar.month(i - 1).next());
        }
        assertThat(calendar.dateOf(calendar.monthStart(i))).isEqualTo(calendar.month(i).firstDay());
      }
    }
  }

  @Nested
  @DisplayName("five years from 15 April 2026")
  class FiveYearsFromMidApril2026 {
    private final FinancialCalendar calendar = new FinancialCalendar(LocalDate.of(2026, 4, 15), 5);

    @Test
    @DisplayName("the first month is the 16 days left of April 2026")
    void partialFirstMonth() {
      assertThat(calendar.month(0).month()).isEqualTo(YearMonth.of(2026, 4));
      assertThat(calendar.monthStart(0)).isZero();
      assertThat(calendar.monthLength(0)).isEqualTo(16);
      assertThat(calendar.monthStart(1)).isEqualTo(16);
      assertThat(calendar.month(1).month()).isEqualTo(YearMonth.of(2026, 5));
      assertThat(calendar.monthIndexOf(15.999)).isZero();
      assertThat(calendar.monthIndexOf(16.0)).isEqualTo(1);
    }

    @Test
    @DisplayName("the last month is the 14 days of April 2031 up to the horizon")
    void partialLastMonth() {
      // 1 April 2031 is 1812 days after 15 April 2026; the horizon, 15 April 2031, is day 1826.
      assertThat(calendar.monthCount()).isEqualTo(61);
      assertThat(calendar.horizonDays()).isEqualTo(1826);
      assertThat(calendar.monthStart(60)).isEqualTo(1812);
      assertThat(calendar.monthLength(60)).isEqualTo(14);
      assertThat(calendar.month(60).month()).isEqualTo(YearMonth.of(2031, 4));
    }

    @Test
    @DisplayName("touches six financial years, the last only for two weeks")
    void financialYears() {
      assertThat(calendar.financialYears())
          .extracting(FinancialYear::label)
          .containsExactly("2026/27", "2027/28", "2028/29", "2029/30", "2030/31", "2031/32");
    }
  }

  @Test
  @DisplayName("a horizon starting in October touches three financial years in two years")
  void financialYearsForAHorizonStartingMidYear() {
    FinancialCalendar calendar = new FinancialCalendar(LocalDate.of(2026, 10, 1), 2);

    assertThat(calendar.monthCount()).isEqualTo(24);
    assertThat(calendar.month(0).label()).isEqualTo("M7");
    assertThat(calendar.month(23).month()).isEqualTo(YearMonth.of(2028, 9));
    assertThat(calendar.month(23).label()).isEqualTo("M6");
    assertThat(calendar.financialYears())
        .containsExactly(new FinancialYear(2026), new FinancialYear(2027), new FinancialYear(2028));
  }

  @Test
  @DisplayName("a one-year horizon from 1 April is exactly one financial year")
  void oneYear() {
    FinancialCalendar calendar = new FinancialCalendar(LocalDate.of(2027, 4, 1), 1);

    assertThat(calendar.horizonDays()).isEqualTo(366);
    assertThat(calendar.monthCount()).isEqualTo(12);
    assertThat(calendar.financialYears()).containsExactly(new FinancialYear(2027));
  }

  @ParameterizedTest
  @ValueSource(ints = {0, -1, 31})
  @DisplayName("a horizon outside 1 to 30 years is refused")
  void horizonOutOfRange(int years) {
    LocalDate start = LocalDate.of(2026, 4, 1);
    assertThatThrownBy(() -> new FinancialCalendar(start, years))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1..30");
  }
}
