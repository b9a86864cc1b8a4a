package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.SetUpSpec;

/**
 * Payments of personal health budgets, worked by hand. Month m starts on day 30m in these tests
 * (the day is only a tag on the entries).
 *
 * <p>The pilot's average mental health budget, £3,602 a year (360,200p), is paid in instalments of
 * 360,200 / 12 = 30,016 r 8: instalments 1-8 of a budget-year are 30,017p (£300.17) and 9-12 are
 * 30,016p (£300.16). At spentShare 0.9 a month spends 30,017 x 0.9 = 27,015.3 -> 27,015p or 30,016
 * x 0.9 = 27,014.4 -> 27,014p, leaving 3,002p unspent either way.
 */
class BudgetsTest {

  private static final long DP_ALLOCATION = 360_200;
  private static final OptionMixSpec ANY = new OptionMixSpec(1, 0, 0);

  private static BudgetsSpec spec(double feePercent, double brokerage, SetUpSpec... setUp) {
    return new BudgetsSpec(
        true,
        ANY,
        feePercent,
        List.of(setUp),
        250.0,
        brokerage,
        null,
        null,
        null,
        null,
        null,
        null,
        null);
  }

  private static void monthStart(Budgets b, Ledger l, int m, double uplift) {
    b.monthStart(l, 30.0 * m, m, uplift);
  }

  private static void monthEnd(Budgets b, Ledger l, int m, double uplift) {
    b.monthEnd(l, 30.0 * m + 30, m, uplift);
  }

  private static void fullMonth(Budgets b, Ledger l, int m, double uplift) {
    monthStart(b, l, m, uplift);
    monthEnd(b, l, m, uplift);
  }

  private static long sum(Ledger l, LedgerLine line) {
    return l.cashFlow().lineTotal(line);
  }

  @Test
  @DisplayName("a direct payment held 14 months: paid in advance, reviewed at 3, reclaimed at end")
  void directPaymentFourteenMonths() {
    Ledger l = new Ledger(24, true);
    Budgets b = new Budgets(spec(0, 0));
    b.start(7, 0, Budgets.DIRECT_PAYMENT, DP_ALLOCATION, 0.9, 0);
    for (int m = 0; m < 13; m++) {
      fullMonth(b, l, m, 1.0);
    }
    // Month 13, the 14th month: paid in advance, then the budget ends at the month's end,
    // having been held for the whole month (share 1).
    monthStart(b, l, 13, 1.0);
    b.end(l, 30.0 * 14, 13, 1.0, 7, 1.0);

    // Payments: months 0-7 are instalments 1-8 (30,017p), months 8-11 instalments 9-12
    // (30,016p); month 12 starts the second budget-year with instalment 1 (30,017p) and month 13
    // is its instalment 2 (30,017p).
    long[] paid = {
      30_017, 30_017, 30_017, 30_017, 30_017, 30_017, 30_017, 30_017, 30_016, 30_016, 30_016,
      30_016, 30_017, 30_017
    };
    for (int m = 0; m < 14; m++) {
      assertThat(l.amount(m, LedgerLine.PHB_DIRECT_PAYMENTS)).as("month %d", m).isEqualTo(paid[m]);
    }
    // Review at 3 months (end of month 2): the unspent 3 x 3,002 = 9,006p (£90.06) comes back.
    assertThat(l.amount(2, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-9_006);
    // No review again until the 15th month is held (3 + 12); the budget ends first.
    for (int m = 3; m < 13; m++) {
      assertThat(l.amount(m, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).as("month %d", m).isZero();
    }
    assertThat(b.reviews()).isEqualTo(1);
    // At the end the unspent balance of months 3-13, 11 x 3,002 = 33,022p (£330.22), comes back.
    assertThat(l.amount(13, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-33_022);

    // Paid: 10 x 30,017 + 4 x 30,016 = 300,170 + 120,064 = 420,234p.
    // Spent: 10 x 27,015 + 4 x 27,014 = 270,150 + 108,056 = 378,206p.
    // Reclaimed: 9,006 + 33,022 = 42,028p = 14 x 3,002. Net 420,234 - 42,028 = 378,206p: exactly
    // what was spent.
    assertThat(sum(l, LedgerLine.PHB_DIRECT_PAYMENTS)).isEqualTo(420_234);
    assertThat(sum(l, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-42_028);
    assertThat(l.total()).isEqualTo(378_206);
    assertThat(b.active()).isZero();
    assertThat(b.holds(7)).isFalse();
    // Every entry is tagged with the budget's segment and no service.
    for (int i = 0; i < l.postings(); i++) {
      assertThat(l.entrySegment(i)).isZero();
      assertThat(l.entryService(i)).isEqualTo(Ledger.NONE);
    }
    l.checkBalanced();
  }

  @Test
  @DisplayName("a third-party budget is paid monthly with a 10 % fee rounded half to even")
  void thirdPartyWithFee() {
    Ledger l = new Ledger(12, false);
    Budgets b = new Budgets(spec(10, 0));
    // £3,603.06 a year: 360,306 / 12 = 30,025 r 6, so instalments 1-6 are 30,026p and 7-12 are
    // 30,025p. Fees: 30,026 x 10 % = 3,002.6 -> 3,003p; 30,025 x 10 % = 3,002.5 -> 3,002p (half
    // to even).
    b.start(0, 0, Budgets.THIRD_PARTY, 360_306, 0.8, 0);
    for (int m = 0; m < 12; m++) {
      fullMonth(b, l, m, 1.0);
      assertThat(l.amount(m, LedgerLine.PHB_THIRD_PARTY)).isEqualTo(m < 6 ? 30_026 : 30_025);
      assertThat(l.amount(m, LedgerLine.PHB_THIRD_PARTY_FEES)).isEqualTo(m < 6 ? 3_003 : 3_002);
    }
    // 6 x 30,026 + 6 x 30,025 = 180,156 + 180,150 = 360,306p.
    assertThat(sum(l, LedgerLine.PHB_THIRD_PARTY)).isEqualTo(360_306);
    // 6 x 3,003 + 6 x 3,002 = 18,018 + 18,012 = 36,030p (10 % of 360,306 is 36,030.6p).
    assertThat(sum(l, LedgerLine.PHB_THIRD_PARTY_FEES)).isEqualTo(36_030);
    // The organisation's underspend is not reclaimed, and a review changes nothing.
    assertThat(sum(l, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isZero();
    assertThat(b.reviews()).isEqualTo(1);
    assertThat(l.total()).isEqualTo(396_336);
  }

  @Test
  @DisplayName("a notional budget is charged only as spent, at the month end")
  void notionalChargedAsSpent() {
    Ledger l = new Ledger(12, false);
    Budgets b = new Budgets(spec(10, 0));
    b.start(0, 0, Budgets.NOTIONAL, DP_ALLOCATION, 0.9, 0);
    monthStart(b, l, 0, 1.0);
    // Nothing is paid in advance.
    assertThat(l.total()).isZero();
    monthEnd(b, l, 0, 1.0);
    for (int m = 1; m < 12; m++) {
      fullMonth(b, l, m, 1.0);
    }
    for (int m = 0; m < 12; m++) {
      assertThat(l.amount(m, LedgerLine.PHB_NOTIONAL)).isEqualTo(m < 8 ? 27_015 : 27_014);
    }
    // 8 x 27,015 + 4 x 27,014 = 216,120 + 108,056 = 324,176p; nothing on any other line.
    assertThat(sum(l, LedgerLine.PHB_NOTIONAL)).isEqualTo(324_176);
    assertThat(l.total()).isEqualTo(324_176);
  }

  @Test
  @DisplayName("a budget ending part-way through a month is charged pro rata")
  void endingPartWay() {
    Ledger l = new Ledger(12, false);
    Budgets b = new Budgets(spec(10, 0));
    b.start(0, 0, Budgets.DIRECT_PAYMENT, DP_ALLOCATION, 0.9, 0);
    b.start(1, 0, Budgets.NOTIONAL, DP_ALLOCATION, 0.9, 0);
    b.start(2, 0, Budgets.THIRD_PARTY, DP_ALLOCATION, 0.9, 0);
    for (int m = 0; m < 4; m++) {
      fullMonth(b, l, m, 1.0);
    }
    // Month 4: the direct payment ends half-way through. Since the review at the end of month 2
    // it has been paid 30,017p in month 3 (27,015p spent, 3,002p left) and 30,017p in month 4.
    // Half of month 4's spending: 27,015 x 0.5 = 13,507.5 -> 13,508p (half to even). Reclaimed:
    // 3,002 + 30,017 - 13,508 = 19,511p.
    monthStart(b, l, 4, 1.0);
    b.end(l, 135.0, 4, 1.0, 0, 0.5);
    assertThat(l.amount(4, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-19_511);
    // The third-party budget ends 10 days into a 31-day month: paid in advance in full, nothing
    // comes back (ASSUMPTION in Budgets).
    long thirdPartyBefore = sum(l, LedgerLine.PHB_THIRD_PARTY);
    b.end(l, 130.0, 4, 1.0, 2, 10.0 / 31);
    assertThat(sum(l, LedgerLine.PHB_THIRD_PARTY)).isEqualTo(thirdPartyBefore);
    assertThat(l.amount(4, LedgerLine.PHB_THIRD_PARTY)).isEqualTo(30_017);
    monthEnd(b, l, 4, 1.0);
    for (int m = 5; m < 8; m++) {
      fullMonth(b, l, m, 1.0);
    }
    // Month 8 (its 9th instalment, 30,016p, 27,014p spent in a full month): the notional budget
    // ends 10 days into a 31-day month: 27,014 x 10/31 = 8,714.19 -> 8,714p.
    monthStart(b, l, 8, 1.0);
    b.end(l, 250.0, 8, 1.0, 1, 10.0 / 31);
    assertThat(l.amount(8, LedgerLine.PHB_NOTIONAL)).isEqualTo(8_714);
    assertThat(b.active()).isZero();
    monthEnd(b, l, 8, 1.0);
    // Nothing more is charged for an ended budget.
    assertThat(l.amount(8, LedgerLine.PHB_NOTIONAL)).isEqualTo(8_714);
    // Notional: months 0-7 (8 x 27,015 = 216,120p) + 8,714p = 224,834p.
    assertThat(sum(l, LedgerLine.PHB_NOTIONAL)).isEqualTo(224_834);
    // Direct payment net: paid 5 x 30,017 = 150,085p; reclaimed 9,006 + 19,511 = 28,517p; net
    // 121,568p = spent 4 x 27,015 + 13,508.
    assertThat(sum(l, LedgerLine.PHB_DIRECT_PAYMENTS)).isEqualTo(150_085);
    assertThat(
            sum(l, LedgerLine.PHB_DIRECT_PAYMENTS)
                + sum(l, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED))
        .isEqualTo(121_568);
  }

  @Test
  @DisplayName("two direct payments keep their own balances and review dates when one ends")
  void twoBudgets() {
    Ledger l = new Ledger(6, true);
    // Brokerage and monitoring £30 (3,000p) per active budget per month.
    Budgets b = new Budgets(spec(0, 30));
    // A: person 0, segment 0, £3,602 at 0.9, from month 0.
    b.start(0, 0, Budgets.DIRECT_PAYMENT, DP_ALLOCATION, 0.9, 0);
    fullMonth(b, l, 0, 1.0);
    // B: person 5, segment 1, £1,200 (120,000p: 10,000p a month) at 0.75 (7,500p spent, 2,500p
    // left a month), from month 1.
    b.start(5, 1, Budgets.DIRECT_PAYMENT, 120_000, 0.75, 1);
    assertThat(b.active()).isEqualTo(2);
    assertThat(b.holds(5)).isTrue();
    assertThat(b.holds(3)).isFalse();
    fullMonth(b, l, 1, 1.0);
    // Month 2: A's third month ends in its review: 3 x 3,002 = 9,006p back. B has held 2 months.
    fullMonth(b, l, 2, 1.0);
    assertThat(l.amount(2, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-9_006);
    // Month 3: A ends half-way (13,508p spent of 30,017p: 16,509p back); B takes A's place in
    // the arrays and still has its review at its own third month end: 3 x 2,500 = 7,500p back.
    monthStart(b, l, 3, 1.0);
    b.end(l, 105.0, 3, 1.0, 0, 0.5);
    assertThat(b.holds(0)).isFalse();
    assertThat(b.holds(5)).isTrue();
    monthEnd(b, l, 3, 1.0);
    // 16,509 + 7,500 = 24,009p.
    assertThat(l.amount(3, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-24_009);
    fullMonth(b, l, 4, 1.0);
    assertThat(l.amount(4, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isZero();
    assertThat(b.reviews()).isEqualTo(2);

    // Payments: A 30,017p in months 0-3; B 10,000p in months 1-4.
    long[] paid = {30_017, 40_017, 40_017, 40_017, 10_000, 0};
    // Brokerage: 1, 2, 2, 1 (A ended), 1 active budgets at the month ends, x 3,000p.
    long[] brokerage = {3_000, 6_000, 6_000, 3_000, 3_000, 0};
    for (int m = 0; m < 6; m++) {
      assertThat(l.amount(m, LedgerLine.PHB_DIRECT_PAYMENTS)).as("month %d", m).isEqualTo(paid[m]);
      assertThat(l.amount(m, LedgerLine.PHB_BROKERAGE_AND_MONITORING))
          .as("month %d", m)
          .isEqualTo(brokerage[m]);
    }
    // Paid 4 x 30,017 + 4 x 10,000 = 160,068p; reclaimed 9,006 + 16,509 + 7,500 = 33,015p;
    // net 127,053p = spent (3 x 27,015 + 13,508 + 4 x 7,500 = 124,553p) + B's balance since its
    // review (2,500p, month 4).
    assertThat(sum(l, LedgerLine.PHB_DIRECT_PAYMENTS)).isEqualTo(160_068);
    assertThat(sum(l, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-33_015);
    // Each payment and reclaim carries its own budget's segment: B's are segment 1.
    long segmentOne = 0;
    for (int i = 0; i < l.postings(); i++) {
      if (l.entrySegment(i) == 1) {
        segmentOne += l.entryPence(i);
      }
    }
    // B: 4 x 10,000 - 7,500 = 32,500p.
    assertThat(segmentOne).isEqualTo(32_500);
    // Brokerage total 21,000p. Everything: 160,068 - 33,015 + 21,000 = 148,053p.
    assertThat(l.total()).isEqualTo(148_053);
    l.checkBalanced();
  }

  @Test
  @DisplayName("brokerage is charged per budget active at the month end, whatever its option")
  void brokeragePerActiveBudget() {
    Ledger l = new Ledger(3, false);
    // £15.50 (1,550p) per budget per month.
    Budgets b = new Budgets(spec(10, 15.5));
    fullMonth(b, l, 0, 1.0);
    assertThat(l.amount(0, LedgerLine.PHB_BROKERAGE_AND_MONITORING)).isZero();
    b.start(0, 0, Budgets.DIRECT_PAYMENT, DP_ALLOCATION, 0.9, 0);
    b.start(1, 0, Budgets.THIRD_PARTY, DP_ALLOCATION, 0.9, 0);
    b.start(2, 0, Budgets.NOTIONAL, DP_ALLOCATION, 0.9, 0);
    fullMonth(b, l, 1, 1.0);
    // 3 x 1,550 = 4,650p.
    assertThat(l.amount(1, LedgerLine.PHB_BROKERAGE_AND_MONITORING)).isEqualTo(4_650);
    monthStart(b, l, 2, 1.0);
    b.end(l, 70.0, 2, 1.0, 1, 0.2);
    monthEnd(b, l, 2, 1.0);
    // 2 x 1,550 = 3,100p: the budget that ended in the month is not charged.
    assertThat(l.amount(2, LedgerLine.PHB_BROKERAGE_AND_MONITORING)).isEqualTo(3_100);
  }

  @Test
  @DisplayName("support planning is charged per plan signed off, in the plan's segment")
  void supportPlanning() {
    Ledger l = new Ledger(2, true);
    Budgets b = new Budgets(spec(0, 0));
    b.planSignedOff(l, 3.0, 0, 2, b.firstPlanCost());
    b.planSignedOff(l, 40.0, 1, 1, b.firstPlanCost());
    // £250 a plan = 25,000p each.
    assertThat(l.amount(0, LedgerLine.PHB_SUPPORT_PLANNING)).isEqualTo(25_000);
    assertThat(l.amount(1, LedgerLine.PHB_SUPPORT_PLANNING)).isEqualTo(25_000);
    assertThat(l.entrySegment(0)).isEqualTo(2);
    assertThat(b.plansSignedOff()).isEqualTo(2);
  }

  @Test
  @DisplayName("set-up of £146,000 in two stages of 12 months adds up to the penny, then stops")
  void setUpTwoStages() {
    Ledger l = new Ledger(36, false);
    Budgets b =
        new Budgets(spec(0, 0, new SetUpSpec(12, 93_280, null), new SetUpSpec(12, 52_720, null)));
    for (int m = 0; m < 36; m++) {
      fullMonth(b, l, m, 1.0);
    }
    // Stage 1: 9,328,000p / 12 = 777,333 r 4: months 0-3 777,334p, months 4-11 777,333p.
    // Stage 2: 5,272,000p / 12 = 439,333 r 4: months 12-15 439,334p, months 16-23 439,333p.
    for (int m = 0; m < 36; m++) {
      long expected;
      if (m < 4) {
        expected = 777_334;
      } else if (m < 12) {
        expected = 777_333;
      } else if (m < 16) {
        expected = 439_334;
      } else if (m < 24) {
        expected = 439_333;
      } else {
        expected = 0;
      }
      assertThat(l.amount(m, LedgerLine.PHB_SET_UP)).as("month %d", m).isEqualTo(expected);
    }
    // 4 x 777,334 + 8 x 777,333 = 3,109,336 + 6,218,664 = 9,328,000p;
    // 4 x 439,334 + 8 x 439,333 = 1,757,336 + 3,514,664 = 5,272,000p; together 14,600,000p.
    assertThat(sum(l, LedgerLine.PHB_SET_UP)).isEqualTo(14_600_000);
    assertThat(l.total()).isEqualTo(14_600_000);
  }

  @Test
  @DisplayName("set-up of £146,000 in one stage of 24 months, uplifted, adds up to the penny")
  void setUpOneStage() {
    Ledger l = new Ledger(30, false);
    Budgets b = new Budgets(spec(0, 0, new SetUpSpec(24, 146_000, null)));
    for (int m = 0; m < 30; m++) {
      fullMonth(b, l, m, 1.05);
    }
    // Uplifted like every other price: 14,600,000p x 1.05 = 15,330,000p, and 15,330,000 / 24 =
    // 638,750p exactly, every month of the two years.
    for (int m = 0; m < 30; m++) {
      assertThat(l.amount(m, LedgerLine.PHB_SET_UP))
          .as("month %d", m)
          .isEqualTo(m < 24 ? 638_750 : 0);
    }
    assertThat(sum(l, LedgerLine.PHB_SET_UP)).isEqualTo(15_330_000);
  }

  @Test
  @DisplayName("with budgets disabled or absent, nothing is charged, not even set-up")
  void disabled() {
    Ledger l = new Ledger(3, false);
    Budgets off = new Budgets(spec(10, 30, new SetUpSpec(24, 146_000, null)).disabled());
    Budgets none = new Budgets(null);
    for (int m = 0; m < 3; m++) {
      fullMonth(off, l, m, 1.0);
      fullMonth(none, l, m, 1.0);
    }
    assertThat(l.postings()).isZero();
  }

  @Test
  @DisplayName("an April uplift of 5 % raises the allocation from the second financial year")
  void aprilUplift() {
    Ledger l = new Ledger(24, false);
    Budgets b = new Budgets(spec(0, 0));
    b.start(0, 0, Budgets.DIRECT_PAYMENT, DP_ALLOCATION, 0.9, 0);
    for (int m = 0; m < 24; m++) {
      fullMonth(b, l, m, m < 12 ? 1.0 : 1.05);
    }
    // Ended at the end of month 23, after its month end (no part of a further month held).
    b.end(l, 720.0, 23, 1.05, 0, 0.0);
    // Year 2: 360,200 x 1.05 = 378,210p / 12 = 31,517 r 6: months 12-17 31,518p, months 18-23
    // 31,517p. Spent 31,518 x 0.9 = 28,366.2 -> 28,366p; 31,517 x 0.9 = 28,365.3 -> 28,365p;
    // 3,152p unspent either way.
    for (int m = 12; m < 24; m++) {
      assertThat(l.amount(m, LedgerLine.PHB_DIRECT_PAYMENTS))
          .as("month %d", m)
          .isEqualTo(m < 18 ? 31_518 : 31_517);
    }
    long yearOne = 0;
    long yearTwo = 0;
    for (int m = 0; m < 12; m++) {
      yearOne += l.amount(m, LedgerLine.PHB_DIRECT_PAYMENTS);
      yearTwo += l.amount(m + 12, LedgerLine.PHB_DIRECT_PAYMENTS);
    }
    assertThat(yearOne).isEqualTo(360_200);
    // 6 x 31,518 + 6 x 31,517 = 189,108 + 189,102 = 378,210p.
    assertThat(yearTwo).isEqualTo(378_210);
    // Reviews: month 2 (3 x 3,002 = 9,006p); month 14, the 15th month: months 3-11 at 3,002p
    // (27,018p) and 12-14 at 3,152p (9,456p) = 36,474p. At the end: months 15-23, 9 x 3,152 =
    // 28,368p.
    assertThat(l.amount(2, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-9_006);
    assertThat(l.amount(14, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-36_474);
    assertThat(l.amount(23, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-28_368);
    assertThat(sum(l, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED)).isEqualTo(-73_848);
    // Net 738,410 - 73,848 = 664,562p = spent: 324,176 (year 1) + 6 x 28,366 + 6 x 28,365
    // (340,386, year 2).
    assertThat(l.total()).isEqualTo(664_562);
    assertThat(b.reviews()).isEqualTo(2);
  }
}
