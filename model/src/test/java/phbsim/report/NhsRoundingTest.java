package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.BitSet;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The NHS convention (issue 21, item 4), on tables worked by hand: which cells are withheld (1 to
 * 7, and those that would give them away), what every other count is published as (the nearest 5,
 * each on its own) and what the money that is a price times a count becomes (the price times the
 * rounded count).
 */
class NhsRoundingTest {

  @Test
  @DisplayName("rounding to the nearest 5: halves away from zero, 0 stays 0")
  void rounding() {
    assertThat(NhsRounding.round(0)).isEqualTo(0);
    assertThat(NhsRounding.round(8)).isEqualTo(10);
    assertThat(NhsRounding.round(12.4999)).isEqualTo(10);
    assertThat(NhsRounding.round(12.5)).isEqualTo(15);
    assertThat(NhsRounding.round(17.25)).isEqualTo(15);
    assertThat(NhsRounding.round(1_003)).isEqualTo(1_005);
    // A difference (status quo minus option) can be negative: rounded by its size.
    assertThat(NhsRounding.round(-2.5)).isEqualTo(-5);
    assertThat(NhsRounding.round(-2.4)).isEqualTo(0);
    assertThat(NhsRounding.round(-11)).isEqualTo(-10);
  }

  /**
   * A month of A&E attendances over three segments and their total, at £250 an attendance:
   *
   * <pre>
   *   segment    count   withheld?                         published
   *   psychosis      3   primary (1 to 7)                  *
   *   common        12   secondary: the group's smallest   *
   *   complex       27   secondary: 3 + 12 = 15 < 3 x 8    *
   *   all           42   no (3 + 12 + 27 = 42 >= 24)       40
   * </pre>
   *
   * The money: £250 x 42 = £10,500 becomes £250 x 40 = £10,000 (an adjustment of -£500), so the
   * line over the price gives 40, the published count, not 42.
   */
  @Test
  @DisplayName("a table worked by hand: 3 withheld with two more, the total 42 published as 40")
  void smallTable() {
    SmallNumbers cells = new SmallNumbers(NhsRounding.THRESHOLD);
    int psychosis = cells.cell(3, true);
    int common = cells.cell(12, true);
    int complex = cells.cell(27, true);
    int all = cells.cell(42, true);
    cells.sum(all, psychosis, common, complex);
    BitSet withheld = cells.solve();
    BitSet expected = new BitSet();
    expected.set(psychosis);
    expected.set(common);
    expected.set(complex);
    assertThat(withheld).isEqualTo(expected);
    assertThat(cells.primaryCount()).isEqualTo(1);
    assertThat(cells.secondaryCount()).isEqualTo(2);
    assertThat(NhsRounding.round(42)).isEqualTo(40);
    double line = 250.0 * 42;
    double published = line + NhsRounding.adjustment(line, 42);
    assertThat(NhsRounding.adjustment(line, 42)).isCloseTo(-500, within(1e-9));
    assertThat(published).isCloseTo(10_000, within(1e-9));
    assertThat(published / 250).isCloseTo(40, within(1e-9));
  }

  /**
   * A table where nothing is small, at £42 a GP consultation: 8, 8 and 8, total 24. Each is
   * published on its own, rounded: 10, 10 and 10, and the total 25 (not 30, the sum of the rounded
   * parts), as the NHS rounds totals independently of their parts. The money £42 x 24 = £1,008
   * becomes £42 x 25 = £1,050. A count of 7.5 (a mean over replications) is below 8 and withheld.
   */
  @Test
  @DisplayName("totals are rounded on their own: 8 + 8 + 8 = 24 is published 10, 10, 10 and 25")
  void totalsRoundedIndependently() {
    SmallNumbers cells = new SmallNumbers(NhsRounding.THRESHOLD);
    int a = cells.cell(8, true);
    int b = cells.cell(8, true);
    int c = cells.cell(8, true);
    int total = cells.cell(24, true);
    cells.sum(total, a, b, c);
    assertThat(cells.solve().isEmpty()).isTrue();
    assertThat(NhsRounding.round(8) * 3).isEqualTo(30);
    assertThat(NhsRounding.round(24)).isEqualTo(25);
    assertThat(1_008 + NhsRounding.adjustment(1_008, 24)).isCloseTo(1_050, within(1e-9));
    // No money without a count, and nothing moves a count already a multiple of 5.
    assertThat(NhsRounding.adjustment(0, 0)).isZero();
    assertThat(NhsRounding.adjustment(500, 20)).isZero();

    SmallNumbers mean = new SmallNumbers(NhsRounding.THRESHOLD);
    int small = mean.cell(7.5, true);
    mean.cell(100, true);
    assertThat(mean.solve().get(small)).isTrue();
  }

  @Test
  @DisplayName("a rounded or derived figure's confidence interval is withheld")
  void intervals() {
    Summary s = new Summary(23.4, 20.1, 26.7, 19, 28, 4);
    Summary r = NhsRounding.count(s);
    assertThat(r.mean()).isEqualTo(25);
    assertThat(r.ciLow()).isNaN();
    assertThat(r.ciHigh()).isNaN();
    assertThat(r.rangeLow()).isNaN();
    assertThat(r.ciWithheld()).isTrue();
    assertThat(NhsRounding.count(Summary.WITHHELD).withheld()).isTrue();
    Summary m = NhsRounding.shifted(new Summary(1_008, 900, 1_100, 850, 1_200, 4), 42);
    assertThat(m.mean()).isEqualTo(1_050);
    assertThat(m.ciLow()).isNaN();
    // Nothing moved, nothing changed.
    Summary same = new Summary(500, 450, 550, 400, 600, 4);
    assertThat(NhsRounding.shifted(same, 0)).isSameAs(same);
  }
}
