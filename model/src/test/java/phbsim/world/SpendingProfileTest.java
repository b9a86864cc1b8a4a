package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.OptionMixSpec;

class SpendingProfileTest {
  private static Budgets budgets() {
    return new Budgets(
        new BudgetsSpec(
            true,
            new OptionMixSpec(0, 0, 1),
            0,
            java.util.List.of(),
            0,
            0,
            null,
            null,
            null,
            null,
            null,
            null,
            null));
  }

  @Test
  @DisplayName(
      "a front-loaded notional budget is charged as its profile spends, the year's total kept")
  void frontLoadedNotional() {
    // £1,200 a year = 10,000p a month, all spent (share 1). Profile: half the year's spending in
    // month 1, the rest evenly: weights 6, then 6/11 for each of the other 11 months (average 1).
    double[] w = new double[12];
    w[0] = 6;
    for (int k = 1; k < 12; k++) {
      w[k] = 6.0 / 11;
    }
    Budgets b = budgets();
    Ledger l = new Ledger(12, true);
    b.start(0, 0, Budgets.NOTIONAL, 120_000, 1.0, 0, w);
    for (int m = 0; m < 12; m++) {
      b.monthStart(l, 30.0 * m, m, 1.0);
      b.monthEnd(l, 30.0 * m + 30, m, 1.0);
    }
    // Month 1: 10,000p x 6 = 60,000p. Months 2..12: 10,000 x 6/11 = 5,454.54p -> 5,455p.
    assertThat(l.amount(0, LedgerLine.PHB_NOTIONAL)).isEqualTo(60_000);
    assertThat(l.amount(1, LedgerLine.PHB_NOTIONAL)).isEqualTo(5_455);
    // The year: 60,000 + 11 x 5,455 = 120,005p: the allocation within the rounding of 11 months.
    assertThat(l.cashFlow().lineTotal(LedgerLine.PHB_NOTIONAL)).isEqualTo(120_005);
  }

  @Test
  @DisplayName("a direct payment cannot spend more than it has been paid; the rest comes back")
  void directPaymentCappedByBalance() {
    double[] w = {
      6, 6.0 / 11, 6.0 / 11, 6.0 / 11, 6.0 / 11, 6.0 / 11, 6.0 / 11, 6.0 / 11, 6.0 / 11, 6.0 / 11,
      6.0 / 11, 6.0 / 11
    };
    Budgets b = budgets();
    Ledger l = new Ledger(3, true);
    b.start(0, 0, Budgets.DIRECT_PAYMENT, 120_000, 1.0, 0, w);
    for (int m = 0; m < 3; m++) {
      b.monthStart(l, 30.0 * m, m, 1.0);
      b.monthEnd(l, 30.0 * m + 30, m, 1.0);
    }
    // Paid 10,000p a month. Month 1 wants 60,000p, has 10,000p: spends 10,000p. Months 2, 3 want
    // 5,455p of 10,000p: 4,545p left each. Review at 3 months reclaims 2 x 4,545 = 9,090p.
    assertThat(l.amount(2, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-9_090);
  }
}
