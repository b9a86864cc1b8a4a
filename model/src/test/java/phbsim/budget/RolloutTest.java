package phbsim.budget;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RolloutTest {

  /** The closed-form Bass curve, written out again here so the test does not lean on main code. */
  private static double bassCumulative(double p, double q, double m, double years) {
    double e = Math.exp(-(p + q) * years);
    return m * (1 - e) / (1 + (q / p) * e);
  }

  @ParameterizedTest(name = "p={0}, q={1}, m={2}")
  @CsvSource({
    "0.03, 0.38, 100",
    "0.01, 0.5, 2500",
    "0.2, 0, 730",
    "0.5, 0.1, 40",
    "0.002, 1.2, 1e5"
  })
  @DisplayName("Bass offers add up, month by month, to the floor of the closed-form curve")
  void bassMatchesClosedForm(double p, double q, double m) {
    BassRollout rollout = new BassRollout(p, q, m);
    long total = 0;
    for (int k = 1; k <= 120; k++) {
      int offers = rollout.offersInMonth(k - 1);
      assertThat(offers).as("offers in month %d", k - 1).isNotNegative();
      total += offers;
      assertThat(total)
          .as("offers after %d months", k)
          .isEqualTo((long) Math.floor(bassCumulative(p, q, m, k / 12.0)));
      assertThat(rollout.cumulativeOffers(k)).isEqualTo(total);
    }
  }

  @Test
  @DisplayName("a Bass roll-out that runs long enough offers to the whole market, and no more")
  void bassReachesMarket() {
    BassRollout rollout = new BassRollout(0.05, 0.6, 300);
    long total = 0;
    for (int month = 0; month < 12 * 100; month++) {
      total += rollout.offersInMonth(month);
    }
    assertThat(total).isEqualTo(300);
    assertThat(rollout.diffusion().marketSize()).isEqualTo(300);
  }

  @Test
  @DisplayName("a Bass roll-out names the bad field, as the curve does")
  void bassValidation() {
    assertThatThrownBy(() -> new BassRollout(0.0, 0.3, 10)).hasMessageStartingWith("p ");
    assertThatThrownBy(() -> new BassRollout(0.1, -0.3, 10)).hasMessageStartingWith("q ");
    assertThatThrownBy(() -> new BassRollout(0.1, 0.3, -10)).hasMessageStartingWith("marketSize ");
  }

  @Test
  @DisplayName("targets 10, 20, 5 are spread 3,3,4 then 6,7,7 then 1,2,2, and the last repeats")
  void targetsSpreadOverQuarters() {
    TargetRollout rollout = new TargetRollout(new int[] {10, 20, 5});
    int[] expected = {3, 3, 4, 6, 7, 7, 1, 2, 2, 1, 2, 2, 1, 2, 2};
    for (int month = 0; month < expected.length; month++) {
      assertThat(rollout.offersInMonth(month)).as("month %d", month).isEqualTo(expected[month]);
    }
  }

  @Test
  @DisplayName("each quarter's offers add up exactly to its target")
  void quarterTotalsExact() {
    int[] targets = {0, 1, 2, 7, 100, 31, 3};
    TargetRollout rollout = new TargetRollout(targets);
    for (int quarter = 0; quarter < 20; quarter++) {
      int sum = 0;
      for (int m = 0; m < 3; m++) {
        sum += rollout.offersInMonth(3 * quarter + m);
      }
      int target = targets[Math.min(quarter, targets.length - 1)];
      assertThat(sum).as("quarter %d", quarter).isEqualTo(target);
      assertThat(rollout.targetOfQuarter(quarter)).isEqualTo(target);
    }
    assertThat(rollout.cumulativeOffers(3 * 7)).isEqualTo(144);
    assertThat(rollout.cumulativeOffers(3 * 9)).isEqualTo(150);
  }

  @Test
  @DisplayName("the targets are copied, so changing the caller's array changes nothing")
  void targetsCopied() {
    int[] targets = {3, 6};
    TargetRollout rollout = new TargetRollout(targets);
    targets[0] = 99;
    assertThat(rollout.offersInMonth(2)).isEqualTo(1);
    rollout.offersPerQuarter()[1] = 99;
    assertThat(rollout.targetOfQuarter(1)).isEqualTo(6);
    assertThat(rollout).isEqualTo(new TargetRollout(new int[] {3, 6}));
    assertThat(rollout).hasSameHashCodeAs(new TargetRollout(new int[] {3, 6}));
    assertThat(rollout.toString()).contains("[3, 6]");
  }

  @Test
  @DisplayName("a negative target or an empty list is refused with the field named")
  void targetValidation() {
    assertThatThrownBy(() -> new TargetRollout(new int[] {4, -1}))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("offersPerQuarter[1] must be >= 0, was -1");
    assertThatThrownBy(() -> new TargetRollout(new int[0]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("offersPerQuarter");
  }

  @Test
  @DisplayName("no offers are made before a roll-out starts")
  void nothingBeforeStart() {
    assertThat(new TargetRollout(new int[] {9}).offersInMonth(-1)).isZero();
    assertThat(new BassRollout(0.1, 0.4, 50).offersInMonth(-5)).isZero();
  }

  @Test
  @DisplayName("with no roll-out there are never any offers")
  void noRollout() {
    Rollout none = Rollout.none();
    assertThat(none).isInstanceOf(NoRollout.class);
    for (int month = -1; month < 240; month++) {
      assertThat(none.offersInMonth(month)).isZero();
    }
    assertThat(none.cumulativeOffers(240)).isZero();
  }
}
