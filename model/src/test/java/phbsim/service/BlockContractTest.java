package phbsim.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;

/**
 * The contract of these tests, unless stated: 10 posts at £50,000 (5,000,000p) a post and £120,000
 * (12,000,000p) fixed a year, six months' notice; the run starts in April 2026, so month m is
 * period (m mod 12) + 1.
 *
 * <pre>
 *   fixed:  12,000,000p / 12 = 1,000,000p every month
 *   staff:  10 x 5,000,000 = 50,000,000p / 12 = 4,166,666 r 8:
 *           periods 1-8 (Apr-Nov) 4,166,667p, periods 9-12 (Dec-Mar) 4,166,666p
 *   value:  12,000,000 + 50,000,000 = 62,000,000p = £620,000 a year
 * </pre>
 */
class BlockContractTest {

  private static final long FIXED = 12_000_000;
  private static final long PER_POST = 5_000_000;

  private static BlockContract tenPosts() {
    return new BlockContract(0, 10, FIXED, PER_POST, 6);
  }

  /** Posts months 0..months-1, April first, at the uplift of each month's financial year. */
  private static Ledger run(BlockContract c, int months, double... upliftByYear) {
    Ledger ledger = new Ledger(months, true);
    for (int m = 0; m < months; m++) {
      double uplift = upliftByYear.length == 0 ? 1.0 : upliftByYear[m / 12];
      c.postInstalments(ledger, m * 30.0, m, m % 12 + 1, uplift);
    }
    ledger.checkBalanced();
    return ledger;
  }

  private static long yearSum(Ledger l, int year, LedgerLine... lines) {
    long sum = 0;
    for (int m = 12 * year; m < 12 * year + 12; m++) {
      for (LedgerLine line : lines) {
        sum += l.amount(m, line);
      }
    }
    return sum;
  }

  @Test
  @DisplayName("with no release, 12 instalments a year add up to the contract, odd pence first")
  void instalmentsWithoutRelease() {
    Ledger l = run(tenPosts(), 12);
    for (int m = 0; m < 12; m++) {
      assertThat(l.amount(m, LedgerLine.BLOCK_CONTRACT_FIXED)).isEqualTo(1_000_000);
      assertThat(l.amount(m, LedgerLine.BLOCK_CONTRACT_STAFF))
          .as("month %d", m)
          .isEqualTo(m < 8 ? 4_166_667 : 4_166_666);
      assertThat(l.amount(m, LedgerLine.STRANDED_FIXED_COSTS)).isZero();
      assertThat(l.amount(m, LedgerLine.POSTS_RELEASED)).isZero();
    }
    // 8 x 4,166,667 + 4 x 4,166,666 = 33,333,336 + 16,666,664 = 50,000,000p.
    assertThat(yearSum(l, 0, LedgerLine.BLOCK_CONTRACT_STAFF)).isEqualTo(50_000_000);
    assertThat(l.total()).isEqualTo(62_000_000);
    // Four lines a month, but zero amounts are not posted: fixed and staff only.
    assertThat(l.postings()).isEqualTo(24);
  }

  @Test
  @DisplayName("one post released in April 2026 with six months' notice saves from October")
  void onePostReleasedWithSixMonthsNotice() {
    BlockContract c = tenPosts();
    // Decided in month 0 (April 2026); effective in month 0 + 6 = 6 (October 2026).
    assertThat(c.release(1, 0)).isEqualTo(6);
    Ledger l = run(c, 24);

    // Months 0-5 (April-September): the post is still in the contract, no saving.
    for (int m = 0; m < 6; m++) {
      assertThat(l.amount(m, LedgerLine.POSTS_RELEASED)).as("month %d", m).isZero();
      assertThat(l.amount(m, LedgerLine.STRANDED_FIXED_COSTS)).as("month %d", m).isZero();
      assertThat(l.amount(m, LedgerLine.BLOCK_CONTRACT_FIXED)).isEqualTo(1_000_000);
    }
    // The released post's year, 5,000,000p, is split like any instalment: 416,666 r 8, so
    // instalments 1-8 are 416,667p (£4,166.67) and 9-12 are 416,666p (£4,166.66). The saving
    // in month m is the post's instalment for that month's period, so months 6 and 7 (October,
    // November: instalments 7 and 8) save £4,166.67, and months 8-11 (December to March:
    // instalments 9-12) £4,166.66. Instalments 1-6 (£25,000.02) were paid before the notice ran
    // out.
    long[] saving = {416_667, 416_667, 416_666, 416_666, 416_666, 416_666};
    for (int m = 6; m < 12; m++) {
      assertThat(l.amount(m, LedgerLine.POSTS_RELEASED))
          .as("month %d", m)
          .isEqualTo(-saving[m - 6]);
      // The staffed instalment is still shown in full; the saving is its own line.
      assertThat(l.amount(m, LedgerLine.BLOCK_CONTRACT_STAFF))
          .isEqualTo(m < 8 ? 4_166_667 : 4_166_666);
      // 1/10 of the 1,000,000p fixed instalment, 100,000p (£1,000), moves to stranded costs.
      assertThat(l.amount(m, LedgerLine.STRANDED_FIXED_COSTS)).isEqualTo(100_000);
      assertThat(l.amount(m, LedgerLine.BLOCK_CONTRACT_FIXED)).isEqualTo(900_000);
    }
    // Year 1 saving: 2 x 416,667 + 4 x 416,666 = 833,334 + 1,666,664 = 2,499,998p (£24,999.98).
    assertThat(yearSum(l, 0, LedgerLine.POSTS_RELEASED)).isEqualTo(-2_499_998);
    // Fixed + stranded + staff is still the contract as let, 62,000,000p, in both years.
    LedgerLine[] asLet = {
      LedgerLine.BLOCK_CONTRACT_FIXED,
      LedgerLine.STRANDED_FIXED_COSTS,
      LedgerLine.BLOCK_CONTRACT_STAFF
    };
    assertThat(yearSum(l, 0, asLet)).isEqualTo(62_000_000).isEqualTo(c.annualValue(1.0));
    assertThat(yearSum(l, 1, asLet)).isEqualTo(62_000_000);
    // Stranded: 6 x 100,000 = 600,000p in year 1; 12 x 100,000 = 1,200,000p in year 2.
    assertThat(yearSum(l, 0, LedgerLine.STRANDED_FIXED_COSTS)).isEqualTo(600_000);
    assertThat(yearSum(l, 1, LedgerLine.STRANDED_FIXED_COSTS)).isEqualTo(1_200_000);
    // Year 2: the whole post, 5,000,000p, saved; paid 62,000,000 - 5,000,000 = 57,000,000p,
    // which is 12,000,000 fixed + 9 posts x 5,000,000.
    assertThat(yearSum(l, 1, LedgerLine.POSTS_RELEASED)).isEqualTo(-5_000_000);
    // Net over two years: 62,000,000 - 2,499,998 + 57,000,000 = 116,500,002p.
    assertThat(l.total()).isEqualTo(116_500_002);
  }

  @Test
  @DisplayName("posts in force fall when a release takes effect, not when it is decided")
  void postsInForce() {
    BlockContract c = tenPosts();
    assertThat(c.originalPosts()).isEqualTo(10.0);
    assertThat(c.noticeMonths()).isEqualTo(6);
    assertThat(c.service()).isZero();
    assertThat(c.releasesDecided()).isZero();
    c.release(1, 0);
    assertThat(c.releasesDecided()).isEqualTo(1.0);
    assertThat(c.postsInForce(0)).isEqualTo(10.0);
    assertThat(c.postsInForce(5)).isEqualTo(10.0);
    assertThat(c.postsInForce(6)).isEqualTo(9.0);
    assertThat(c.releasedBy(5)).isZero();
    assertThat(c.releasedBy(6)).isEqualTo(1.0);
    // A second decision in month 3 for 2.5 posts takes effect in month 9.
    assertThat(c.release(2.5, 3)).isEqualTo(9);
    assertThat(c.releasesDecided()).isEqualTo(3.5);
    assertThat(c.postsInForce(8)).isEqualTo(9.0);
    assertThat(c.postsInForce(9)).isEqualTo(6.5);
    assertThat(c.postsInForce(Integer.MAX_VALUE)).isEqualTo(6.5);
  }

  @Test
  @DisplayName("releasing more posts than remain, none, or a negative number is refused")
  void overReleaseRefused() {
    BlockContract c = tenPosts();
    c.release(1, 0);
    // Nine posts remain once the decided release is counted, even before it takes effect.
    assertThatThrownBy(() -> c.release(10, 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cannot release 10.0 posts of 9.0");
    assertThatThrownBy(() -> c.release(9.01, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.release(0, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.release(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> c.release(Double.NaN, 1)).isInstanceOf(IllegalArgumentException.class);
    assertThat(c.releasesDecided()).isEqualTo(1.0);
    // The remaining nine can go.
    assertThat(c.release(9, 1)).isEqualTo(7);
    assertThat(c.postsInForce(7)).isZero();
    assertThatThrownBy(() -> c.release(0.5, 2)).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  @DisplayName("when every post is released the whole fixed part is stranded")
  void everyPostReleased() {
    BlockContract c = tenPosts();
    c.release(10, 0);
    Ledger l = run(c, 12);
    for (int m = 6; m < 12; m++) {
      assertThat(l.amount(m, LedgerLine.BLOCK_CONTRACT_FIXED)).isZero();
      assertThat(l.amount(m, LedgerLine.STRANDED_FIXED_COSTS)).isEqualTo(1_000_000);
      // The whole staffed instalment is saved: staff + saving = 0 each month.
      assertThat(l.amount(m, LedgerLine.BLOCK_CONTRACT_STAFF))
          .isEqualTo(-l.amount(m, LedgerLine.POSTS_RELEASED));
    }
    // Paid: 12,000,000 fixed + 6 months of staff (6 x 4,166,667 = 25,000,002p).
    assertThat(l.total()).isEqualTo(37_000_002);
  }

  @Test
  @DisplayName("a stranded share that is not a whole penny is moved, never added")
  void strandedShareRounded() {
    // 3 posts, fixed £100,000.01 (10,000,001p): instalments 5 x 833,334 then 7 x 833,333.
    // One post out from month 0 (no notice): stranded 1/3 of each fixed instalment:
    //   833,334 / 3 = 277,778p exactly, fixed line 555,556p;
    //   833,333 / 3 = 277,777.67p -> 277,778p, fixed line 555,555p.
    BlockContract c = new BlockContract(4, 3, 10_000_001, 1_200_000, 0);
    c.release(1, 0);
    Ledger l = run(c, 12);
    for (int m = 0; m < 12; m++) {
      assertThat(l.amount(m, LedgerLine.STRANDED_FIXED_COSTS)).isEqualTo(277_778);
      assertThat(l.amount(m, LedgerLine.BLOCK_CONTRACT_FIXED)).isEqualTo(m < 5 ? 555_556 : 555_555);
      // 1,200,000p a post / 12 = 100,000p saved a month.
      assertThat(l.amount(m, LedgerLine.POSTS_RELEASED)).isEqualTo(-100_000);
    }
    // Fixed + stranded: 5 x 833,334 + 7 x 833,333 = 10,000,001p, the fixed part to the penny.
    assertThat(yearSum(l, 0, LedgerLine.BLOCK_CONTRACT_FIXED, LedgerLine.STRANDED_FIXED_COSTS))
        .isEqualTo(10_000_001);
    // Stranded over the year: 12 x 277,778 = 3,333,336p (1/3 of 10,000,001 is 3,333,333.67p;
    // each month rounds on its own).
    assertThat(yearSum(l, 0, LedgerLine.STRANDED_FIXED_COSTS)).isEqualTo(3_333_336);
    // Contract value: 10,000,001 + 3 x 1,200,000 = 13,600,001p.
    assertThat(c.annualValue(1.0)).isEqualTo(13_600_001);
    // Every posting names the contract's service.
    for (int i = 0; i < l.postings(); i++) {
      assertThat(l.entryService(i)).isEqualTo(4);
    }
  }

  @Test
  @DisplayName("the staff in force is the staffed instalment net of released posts")
  void staffInForce() {
    BlockContract c = tenPosts();
    c.release(1, 0);
    // Month 0, period 1: 10 posts, 50,000,000p / 12 -> 4,166,667p.
    assertThat(c.staffInForce(0, 1, 1.0)).isEqualTo(4_166_667);
    // Month 5, period 6: still 10 posts.
    assertThat(c.staffInForce(5, 6, 1.0)).isEqualTo(4_166_667);
    // Month 6, period 7: 9 posts, 45,000,000p / 12 = 3,750,000p exactly.
    assertThat(c.staffInForce(6, 7, 1.0)).isEqualTo(3_750_000);
    assertThat(c.staffInForce(11, 12, 1.0)).isEqualTo(3_750_000);
    // Year 2 at a 5 % uplift: 45,000,000 x 1.05 = 47,250,000p / 12 = 3,937,500p.
    assertThat(c.staffInForce(12, 1, 1.05)).isEqualTo(3_937_500);
    // It agrees with the ledger: staff + posts released, every month of the year.
    Ledger l = run(c, 12);
    for (int m = 0; m < 12; m++) {
      assertThat(
              l.amount(m, LedgerLine.BLOCK_CONTRACT_STAFF) + l.amount(m, LedgerLine.POSTS_RELEASED))
          .as("month %d", m)
          .isEqualTo(c.staffInForce(m, m % 12 + 1, 1.0));
    }
  }

  @Test
  @DisplayName("the annual value and the instalments are uplifted together each April")
  void upliftedValue() {
    BlockContract c = tenPosts();
    // 12,000,000 + 50,000,000 = 62,000,000p; at 5 %: 12,600,000 + 52,500,000 = 65,100,000p;
    // at 5 % twice (1.1025): 13,230,000 + 55,125,000 = 68,355,000p.
    assertThat(c.annualValue(1.0)).isEqualTo(62_000_000);
    assertThat(c.annualValue(1.05)).isEqualTo(65_100_000);
    assertThat(c.annualValue(1.05 * 1.05)).isEqualTo(68_355_000);
    c.release(1, 0);
    Ledger l = run(c, 24, 1.0, 1.05);
    // Year 2 at 1.05: fixed 12,600,000 / 12 = 1,050,000p a month, of which 1/10 = 105,000p is
    // stranded (fixed line 945,000p); staff 52,500,000 / 12 = 4,375,000p; the released post
    // 5,250,000 / 12 = 437,500p saved. Net 1,050,000 + 4,375,000 - 437,500 = 4,987,500p a month.
    for (int m = 12; m < 24; m++) {
      assertThat(l.amount(m, LedgerLine.BLOCK_CONTRACT_FIXED)).isEqualTo(945_000);
      assertThat(l.amount(m, LedgerLine.STRANDED_FIXED_COSTS)).isEqualTo(105_000);
      assertThat(l.amount(m, LedgerLine.BLOCK_CONTRACT_STAFF)).isEqualTo(4_375_000);
      assertThat(l.amount(m, LedgerLine.POSTS_RELEASED)).isEqualTo(-437_500);
    }
    LedgerLine[] asLet = {
      LedgerLine.BLOCK_CONTRACT_FIXED,
      LedgerLine.STRANDED_FIXED_COSTS,
      LedgerLine.BLOCK_CONTRACT_STAFF
    };
    assertThat(yearSum(l, 1, asLet)).isEqualTo(c.annualValue(1.05)).isEqualTo(65_100_000);
    // 12 x 4,987,500 = 59,850,000p = 65,100,000 - 5,250,000.
    assertThat(
            yearSum(
                l,
                1,
                LedgerLine.BLOCK_CONTRACT_FIXED,
                LedgerLine.STRANDED_FIXED_COSTS,
                LedgerLine.BLOCK_CONTRACT_STAFF,
                LedgerLine.POSTS_RELEASED))
        .isEqualTo(59_850_000);
  }

  @Test
  @DisplayName("a decision late in the year with three months' notice saves from the next May")
  void noticePeriod() {
    BlockContract c = new BlockContract(0, 10, FIXED, PER_POST, 3);
    // Decided in month 10 (February 2027), three months' notice: effective month 13 (May 2027).
    assertThat(c.release(2, 10)).isEqualTo(13);
    Ledger l = run(c, 24);
    assertThat(l.amount(12, LedgerLine.POSTS_RELEASED)).isZero();
    // Month 13 is period 2: two posts, 10,000,000p / 12 = 833,333 r 4, instalment 2 is 833,334p.
    assertThat(l.amount(13, LedgerLine.POSTS_RELEASED)).isEqualTo(-833_334);
    // Month 16 is period 5: instalments 5-12 are 833,333p.
    assertThat(l.amount(16, LedgerLine.POSTS_RELEASED)).isEqualTo(-833_333);
    // 2/10 of 1,000,000p = 200,000p stranded.
    assertThat(l.amount(13, LedgerLine.STRANDED_FIXED_COSTS)).isEqualTo(200_000);
    // Year 2 saving: instalments 2-12 = 10,000,000 - 833,334 = 9,166,666p.
    assertThat(yearSum(l, 1, LedgerLine.POSTS_RELEASED)).isEqualTo(-9_166_666);
  }

  @Test
  @DisplayName("at most 16 separate releases are recorded; the 17th is refused loudly")
  void releaseLimit() {
    BlockContract c = tenPosts();
    for (int i = 0; i < 16; i++) {
      c.release(0.5, i);
    }
    assertThat(c.releasesDecided()).isEqualTo(8.0);
    assertThatThrownBy(() -> c.release(0.5, 16)).isInstanceOf(IllegalStateException.class);
  }
}
