package phbsim.money;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class CashFlowTest {

  /**
   * A two-month cash flow, worked by hand:
   *
   * <pre>
   *                          month 0        month 1        line total
   *   BLOCK_CONTRACT_FIXED   900,000p       900,000p       1,800,000p
   *   STRANDED_FIXED_COSTS         -        100,000p         100,000p
   *   POSTS_RELEASED               -       -416,667p        -416,667p
   *   PHB_NOTIONAL            27,015p        27,014p          54,029p
   *   month total            927,015p       610,347p       1,537,362p
   * </pre>
   */
  private static CashFlow sample() {
    Ledger l = new Ledger(2, false);
    l.post(0, 0, LedgerLine.BLOCK_CONTRACT_FIXED, 0, Ledger.NONE, 900_000);
    l.post(30, 1, LedgerLine.BLOCK_CONTRACT_FIXED, 0, Ledger.NONE, 900_000);
    l.post(30, 1, LedgerLine.STRANDED_FIXED_COSTS, 0, Ledger.NONE, 100_000);
    l.post(30, 1, LedgerLine.POSTS_RELEASED, 0, Ledger.NONE, -416_667);
    l.post(30, 0, LedgerLine.PHB_NOTIONAL, Ledger.NONE, 0, 27_015);
    l.post(61, 1, LedgerLine.PHB_NOTIONAL, Ledger.NONE, 0, 27_014);
    return l.cashFlow();
  }

  @Test
  @DisplayName("amounts by month and line, month totals, line totals and the grand total")
  void sums() {
    CashFlow cf = sample();
    assertThat(cf.months()).isEqualTo(2);
    assertThat(cf.amount(1, LedgerLine.POSTS_RELEASED)).isEqualTo(-416_667);
    assertThat(cf.amount(0, LedgerLine.STRANDED_FIXED_COSTS)).isZero();
    // 900,000 + 27,015 = 927,015p.
    assertThat(cf.total(0)).isEqualTo(927_015);
    // 900,000 + 100,000 - 416,667 + 27,014 = 610,347p.
    assertThat(cf.total(1)).isEqualTo(610_347);
    assertThat(cf.lineTotal(LedgerLine.BLOCK_CONTRACT_FIXED)).isEqualTo(1_800_000);
    assertThat(cf.lineTotal(LedgerLine.PHB_NOTIONAL)).isEqualTo(54_029);
    assertThat(cf.lineTotal(LedgerLine.BED_DAYS)).isZero();
    // 927,015 + 610,347 = 1,537,362p, and by lines 1,800,000 + 100,000 - 416,667 + 54,029.
    assertThat(cf.total()).isEqualTo(1_537_362);
    long byLine = 0;
    for (LedgerLine line : LedgerLine.values()) {
      byLine += cf.lineTotal(line);
    }
    assertThat(byLine).isEqualTo(1_537_362);
  }

  @Test
  @DisplayName("the table is month-major, one cell per line, in the order of LedgerLine")
  void tableLayout() {
    long[] table = sample().toArray();
    int lines = LedgerLine.values().length;
    assertThat(table).hasSize(2 * lines);
    assertThat(table[LedgerLine.BLOCK_CONTRACT_FIXED.ordinal()]).isEqualTo(900_000);
    assertThat(table[lines + LedgerLine.POSTS_RELEASED.ordinal()]).isEqualTo(-416_667);
    assertThat(table[lines + LedgerLine.PHB_NOTIONAL.ordinal()]).isEqualTo(27_014);
  }

  @Test
  @DisplayName("a cash flow is a snapshot: later postings and changes to a copy do not alter it")
  void immutable() {
    Ledger l = new Ledger(1, false);
    l.post(0, 0, LedgerLine.PHB_SET_UP, Ledger.NONE, Ledger.NONE, 777_334);
    CashFlow before = l.cashFlow();
    l.post(0, 0, LedgerLine.PHB_SET_UP, Ledger.NONE, Ledger.NONE, 1);
    assertThat(before.amount(0, LedgerLine.PHB_SET_UP)).isEqualTo(777_334);
    assertThat(l.cashFlow().amount(0, LedgerLine.PHB_SET_UP)).isEqualTo(777_335);
    long[] copy = before.toArray();
    copy[LedgerLine.PHB_SET_UP.ordinal()] = 0;
    assertThat(before.amount(0, LedgerLine.PHB_SET_UP)).isEqualTo(777_334);
    assertThat(before.total()).isEqualTo(777_334);
  }
}
