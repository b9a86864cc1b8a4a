package phbsim.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class InstalmentsTest {

  private static long[] split(long total, int count) {
    long[] out = new long[count];
    for (int i = 0; i < count; i++) {
      out[i] = Instalments.instalment(total, count, i);
    }
    return out;
  }

  private static long sum(long[] values) {
    long s = 0;
    for (long v : values) {
      s += v;
    }
    return s;
  }

  @Test
  @DisplayName("£100,000.01 in 12: five instalments of £8,333.34 then seven of £8,333.33")
  void oddPenniesGoFirst() {
    // 10,000,001p / 12 = 833,333 remainder 5 (12 x 833,333 = 9,999,996p; 10,000,001 - 9,999,996
    // = 5). So the first five carry a penny each: 5 x 833,334 + 7 x 833,333
    // = 4,166,670 + 5,833,331 = 10,000,001p.
    assertThat(split(10_000_001, 12))
        .containsExactly(
            833_334, 833_334, 833_334, 833_334, 833_334, 833_333, 833_333, 833_333, 833_333,
            833_333, 833_333, 833_333);
  }

  @Test
  @DisplayName("£100,000.09 in 12: one instalment of £8,333.35 then eleven of £8,333.34")
  void elevenPenniesOver() {
    // 10,000,009p / 12 = 833,334 remainder 1: 833,335 + 11 x 833,334 = 833,335 + 9,166,674
    // = 10,000,009p.
    long[] split = split(10_000_009, 12);
    assertThat(split[0]).isEqualTo(833_335);
    for (int i = 1; i < 12; i++) {
      assertThat(split[i]).isEqualTo(833_334);
    }
  }

  @Test
  @DisplayName("a direct payment of £3,602 a year: eight of £300.17 then four of £300.16")
  void directPaymentAllocation() {
    // 360,200p / 12 = 30,016 remainder 8: 8 x 30,017 + 4 x 30,016 = 240,136 + 120,064 = 360,200p.
    assertThat(split(360_200, 12))
        .containsExactly(
            30_017, 30_017, 30_017, 30_017, 30_017, 30_017, 30_017, 30_017, 30_016, 30_016, 30_016,
            30_016);
  }

  @Test
  @DisplayName("an amount that divides exactly is split evenly; one instalment is the whole")
  void evenAndSingle() {
    // £120,000 a year: 12,000,000p / 12 = 1,000,000p each.
    assertThat(split(12_000_000, 12)).containsOnly(1_000_000);
    assertThat(split(12_345, 1)).containsExactly(12_345);
    assertThat(split(0, 12)).containsOnly(0L);
    // 5p in 12: five instalments of 1p, seven of 0p.
    assertThat(split(5, 12)).containsExactly(1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0);
  }

  @Test
  @DisplayName("a negative total is split by floor division and still adds up exactly")
  void negativeTotals() {
    // -10,000,001p / 12: floor is -833,334 (12 x -833,334 = -10,000,008p), leaving +7p, which
    // the first seven instalments carry: 7 x -833,333 + 5 x -833,334 = -5,833,331 - 4,166,670
    // = -10,000,001p. (The mirror of the positive split, not its negation: the larger refunds
    // come last.)
    assertThat(split(-10_000_001, 12))
        .containsExactly(
            -833_333, -833_333, -833_333, -833_333, -833_333, -833_333, -833_333, -833_334,
            -833_334, -833_334, -833_334, -833_334);
    // -5p in 12: floor -1, leaving +7p: seven of 0p and five of -1p.
    assertThat(split(-5, 12)).containsExactly(0, 0, 0, 0, 0, 0, 0, -1, -1, -1, -1, -1);
  }

  @Test
  @DisplayName("any total in any count adds up exactly, instalments a penny apart at most")
  void alwaysAddsUp() {
    SplittableRandom r = new SplittableRandom(20260401);
    for (int trial = 0; trial < 2_000; trial++) {
      long total = r.nextLong(-1_000_000_000_000L, 1_000_000_000_000L);
      int count = 1 + r.nextInt(60);
      long[] split = split(total, count);
      assertThat(sum(split)).as("%d in %d", total, count).isEqualTo(total);
      for (int i = 1; i < count; i++) {
        assertThat(split[i - 1] - split[i]).as("%d in %d", total, count).isBetween(0L, 1L);
      }
    }
  }

  @Test
  @DisplayName("a count below 1 or an index outside 0..count-1 is refused")
  void badArguments() {
    assertThatThrownBy(() -> Instalments.instalment(100, 0, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Instalments.instalment(100, -12, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Instalments.instalment(100, 12, -1))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Instalments.instalment(100, 12, 12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("12 of 12");
  }
}
