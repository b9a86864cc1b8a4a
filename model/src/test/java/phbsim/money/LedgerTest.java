package phbsim.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Field;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LedgerTest {

  /**
   * Three postings over a 3-month horizon, worked by hand:
   *
   * <pre>
   *   month 0  BLOCK_CONTRACT_STAFF   service 0   +£41,666.67   4,166,667p
   *   month 0  BED_DAYS               service 1   +£575.00         57,500p  (seg 0)
   *   month 0  BED_DAYS               service 1   +£287.50         28,750p  (seg 1)
   *   month 2  PHB_DIRECT_PAYMENTS                +£300.17         30,017p  (seg 0)
   *   month 2  PHB_DIRECT_PAYMENTS_RECLAIMED      -£90.06          -9,006p  (seg 0)
   *   total                                                     4,273,928p = £42,739.28
   * </pre>
   */
  private static Ledger sample(boolean keepEntries) {
    Ledger l = new Ledger(3, keepEntries);
    l.post(0.0, 0, LedgerLine.BLOCK_CONTRACT_STAFF, 0, Ledger.NONE, 4_166_667);
    l.post(3.5, 0, LedgerLine.BED_DAYS, 1, 0, 57_500);
    l.post(30.0, 0, LedgerLine.BED_DAYS, 1, 1, 28_750);
    l.post(61.0, 2, LedgerLine.PHB_DIRECT_PAYMENTS, Ledger.NONE, 0, 30_017);
    l.post(91.0, 2, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED, Ledger.NONE, 0, -9_006);
    return l;
  }

  @Test
  @DisplayName("postings add up by month and line, and to the total paid")
  void postingsByMonthAndLine() {
    Ledger l = sample(false);
    assertThat(l.months()).isEqualTo(3);
    assertThat(l.amount(0, LedgerLine.BLOCK_CONTRACT_STAFF)).isEqualTo(4_166_667);
    // 57,500 + 28,750 = 86,250p: two segments' bed days in the same cell.
    assertThat(l.amount(0, LedgerLine.BED_DAYS)).isEqualTo(86_250);
    assertThat(l.amount(1, LedgerLine.BED_DAYS)).isZero();
    assertThat(l.amount(2, LedgerLine.PHB_DIRECT_PAYMENTS)).isEqualTo(30_017);
    assertThat(l.amount(2, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-9_006);
    // 4,166,667 + 86,250 + 30,017 - 9,006 = 4,273,928p.
    assertThat(l.total()).isEqualTo(4_273_928);
    assertThat(l.postings()).isEqualTo(5);
    l.checkBalanced();
  }

  @Test
  @DisplayName("a zero amount is not a posting")
  void zeroIgnored() {
    Ledger l = new Ledger(2, true);
    l.post(0.0, 0, LedgerLine.PHB_SET_UP, Ledger.NONE, Ledger.NONE, 0);
    assertThat(l.postings()).isZero();
    assertThat(l.total()).isZero();
    l.post(0.0, 1, LedgerLine.PHB_SET_UP, Ledger.NONE, Ledger.NONE, 608_334);
    l.post(0.0, 1, LedgerLine.PHB_SET_UP, Ledger.NONE, Ledger.NONE, 0);
    assertThat(l.postings()).isEqualTo(1);
    assertThat(l.entryPence(0)).isEqualTo(608_334);
    l.checkBalanced();
  }

  @Test
  @DisplayName("a month outside the horizon is refused and changes nothing")
  void monthOutsideHorizon() {
    Ledger l = sample(true);
    assertThatThrownBy(() -> l.post(0.0, 3, LedgerLine.BED_DAYS, 1, 0, 100))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("month 3")
        .hasMessageContaining("3 months");
    assertThatThrownBy(() -> l.post(0.0, -1, LedgerLine.BED_DAYS, 1, 0, 100))
        .isInstanceOf(IllegalArgumentException.class);
    // Even a zero amount names a month that must exist.
    assertThatThrownBy(() -> l.post(0.0, 3, LedgerLine.BED_DAYS, 1, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(l.total()).isEqualTo(4_273_928);
    assertThat(l.postings()).isEqualTo(5);
    l.checkBalanced();
  }

  @Test
  @DisplayName(
      "when entries are kept, each is recorded with its day, month, line, service, segment")
  void entriesKept() {
    Ledger l = sample(true);
    assertThat(l.keepsEntries()).isTrue();
    assertThat(l.entryDay(1)).isEqualTo(3.5);
    assertThat(l.entryMonth(1)).isZero();
    assertThat(l.entryLine(1)).isEqualTo(LedgerLine.BED_DAYS);
    assertThat(l.entryService(1)).isEqualTo(1);
    assertThat(l.entrySegment(1)).isZero();
    assertThat(l.entryPence(1)).isEqualTo(57_500);
    assertThat(l.entryService(0)).isZero();
    assertThat(l.entrySegment(0)).isEqualTo(Ledger.NONE);
    assertThat(l.entryService(4)).isEqualTo(Ledger.NONE);
    assertThat(l.entryMonth(4)).isEqualTo(2);
    assertThat(l.entryLine(4)).isEqualTo(LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED);
    assertThat(l.entryPence(4)).isEqualTo(-9_006);
    long sum = 0;
    for (int i = 0; i < l.postings(); i++) {
      sum += l.entryPence(i);
    }
    assertThat(sum).isEqualTo(l.total());
  }

  @Test
  @DisplayName("entries survive the arrays growing past their first capacity")
  void entriesGrow() {
    Ledger l = new Ledger(12, true);
    // 5,000 postings of 1p to 5,000p: 5,000 x 5,001 / 2 = 12,502,500p.
    for (int i = 1; i <= 5_000; i++) {
      l.post(i, i % 12, LedgerLine.values()[i % LedgerLine.values().length], i % 7, i % 3, i);
    }
    assertThat(l.postings()).isEqualTo(5_000);
    assertThat(l.total()).isEqualTo(12_502_500);
    assertThat(l.entryPence(4_999)).isEqualTo(5_000);
    assertThat(l.entryMonth(4_999)).isEqualTo(5_000 % 12);
    assertThat(l.entryService(4_999)).isEqualTo(5_000 % 7);
    assertThat(l.entryDay(1_500)).isEqualTo(1_501.0);
    l.checkBalanced();
  }

  @Test
  @DisplayName("a totals-only ledger gives the same totals and refuses to show entries")
  void totalsOnly() {
    Ledger kept = sample(true);
    Ledger totals = sample(false);
    assertThat(totals.keepsEntries()).isFalse();
    assertThat(totals.total()).isEqualTo(kept.total());
    assertThat(totals.postings()).isEqualTo(kept.postings());
    assertThat(totals.cashFlow().toArray()).isEqualTo(kept.cashFlow().toArray());
    assertThatThrownBy(() -> totals.entryPence(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> totals.entryDay(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> totals.entryMonth(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> totals.entryLine(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> totals.entryService(0)).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> totals.entrySegment(0)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  @DisplayName("the table, the running total and the entries agree: the ledger balances")
  void balances() {
    Ledger l = sample(true);
    l.checkBalanced();
    CashFlow cf = l.cashFlow();
    assertThat(cf.total()).isEqualTo(l.total());
    long byLine = 0;
    for (LedgerLine line : LedgerLine.values()) {
      byLine += cf.lineTotal(line);
    }
    assertThat(byLine).isEqualTo(l.total());
    new Ledger(1, false).checkBalanced();
    new Ledger(1, true).checkBalanced();
  }

  @Test
  @DisplayName("a running total that disagrees with the lines is reported as out of balance")
  void detectsRunningTotalImbalance() throws ReflectiveOperationException {
    Ledger l = sample(false);
    // Corrupt the running total by a penny, as a bug adding to it outside post() would.
    set(l, "runningTotal", 4_273_929L);
    assertThatThrownBy(l::checkBalanced)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("out of balance")
        .hasMessageContaining("4273928p")
        .hasMessageContaining("4273929p");
  }

  @Test
  @DisplayName("entries that disagree with the table are reported as out of balance")
  void detectsEntryImbalance() throws ReflectiveOperationException {
    Ledger l = sample(true);
    // Move entry 1 (57,500p of bed days in month 0) to month 1: the entries still add up to the
    // total, but not cell by cell.
    int[] month = (int[]) get(l, "month");
    month[1] = 1;
    assertThatThrownBy(l::checkBalanced)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("entries");
    month[1] = 0;
    l.checkBalanced();
    // A penny lost from an entry: entries add up to 4,273,927p against 4,273,928p.
    long[] pence = (long[]) get(l, "pence");
    pence[0] -= 1;
    assertThatThrownBy(l::checkBalanced)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("4273927p")
        .hasMessageContaining("4273928p");
  }

  @Test
  @DisplayName("a posting that would overflow is refused and leaves the ledger as it was")
  void overflowRefusedAtomically() {
    Ledger l = new Ledger(3, true);
    l.post(0.0, 2, LedgerLine.BED_DAYS, 0, 0, Long.MAX_VALUE - 10);
    // The cell (month 0, A&E) would be fine on its own (20p), but the total would overflow.
    assertThatThrownBy(() -> l.post(0.0, 0, LedgerLine.AE_ATTENDANCES, 0, 0, 20))
        .isInstanceOf(ArithmeticException.class);
    assertThat(l.amount(0, LedgerLine.AE_ATTENDANCES)).isZero();
    assertThat(l.total()).isEqualTo(Long.MAX_VALUE - 10);
    assertThat(l.postings()).isEqualTo(1);
    l.checkBalanced();
    // The cell itself overflowing is refused too.
    assertThatThrownBy(() -> l.post(0.0, 2, LedgerLine.BED_DAYS, 0, 0, 20))
        .isInstanceOf(ArithmeticException.class);
    assertThat(l.amount(2, LedgerLine.BED_DAYS)).isEqualTo(Long.MAX_VALUE - 10);
    l.checkBalanced();
    // And money coming back still posts.
    l.post(0.0, 1, LedgerLine.POSTS_RELEASED, 0, Ledger.NONE, -5);
    assertThat(l.total()).isEqualTo(Long.MAX_VALUE - 15);
    l.checkBalanced();
  }

  private static Object get(Ledger l, String field) throws ReflectiveOperationException {
    Field f = Ledger.class.getDeclaredField(field);
    f.setAccessible(true);
    return f.get(l);
  }

  private static void set(Ledger l, String field, long value) throws ReflectiveOperationException {
    Field f = Ledger.class.getDeclaredField(field);
    f.setAccessible(true);
    f.setLong(l, value);
  }
}
