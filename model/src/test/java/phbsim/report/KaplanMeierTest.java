package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The Kaplan-Meier estimate against a sample worked by hand and against a closed form. */
class KaplanMeierTest {

  @Test
  @DisplayName("a censored sample worked by hand: S, the median and the restricted mean")
  void workedByHand() {
    // Lengths in years, + censored: 1, 2+, 3, 3, 4+, 5, 6+ (7 spells).
    //   t = 1: 7 at risk, 1 ends:  S = 6/7
    //   2+ leaves the risk set
    //   t = 3: 5 at risk, 2 end:   S = 6/7 x 3/5 = 18/35 (0.514, still above one half)
    //   4+ leaves
    //   t = 5: 2 at risk, 1 ends:  S = 18/35 x 1/2 = 9/35, the first S at or below 1/2: median 5
    //   6+ leaves; S stays 9/35.
    // Restricted mean to 6: 1 x 1 + 6/7 x 2 + 18/35 x 2 + 9/35 x 1 = 1 + 60/35 + 36/35 + 9/35 = 4.
    // To 8, S held flat after the last time: 4 + 9/35 x 2.
    double[] length = {3, 1, 6, 2, 5, 4, 3};
    boolean[] censored = {false, false, true, true, false, true, false};
    KaplanMeier km = KaplanMeier.of(length, censored, length.length);
    assertThat(km.spells()).isEqualTo(7);
    assertThat(km.survival(0.5)).isEqualTo(1.0);
    assertThat(km.survival(1)).isCloseTo(6.0 / 7, within(1e-12));
    assertThat(km.survival(2.5)).isCloseTo(6.0 / 7, within(1e-12));
    assertThat(km.survival(3)).isCloseTo(18.0 / 35, within(1e-12));
    assertThat(km.survival(5.5)).isCloseTo(9.0 / 35, within(1e-12));
    assertThat(km.median()).isEqualTo(5.0);
    assertThat(km.restrictedMean(6)).isCloseTo(4.0, within(1e-12));
    assertThat(km.restrictedMean(8)).isCloseTo(4 + 18.0 / 35, within(1e-12));
    // To 2: 1 + 6/7 x 1.
    assertThat(km.restrictedMean(2)).isCloseTo(1 + 6.0 / 7, within(1e-12));
    // The naive mean of the lengths seen to end (1, 3, 3, 5: 3) would be shorter than the
    // restricted mean to 6 because it ignores the three still running.
  }

  @Test
  @DisplayName("a spell censored at the time of an end stays at risk at that time")
  void tiesEndBeforeCensoring() {
    // 2, 2+, 4: at t = 2 three at risk, one ends: S = 2/3 (had the censored one left first, 1/2
    // and the median would be 2); at t = 4 one at risk, it ends: S = 0, median 4.
    KaplanMeier km = KaplanMeier.of(new double[] {2, 2, 4}, new boolean[] {false, true, false}, 3);
    assertThat(km.survival(2)).isCloseTo(2.0 / 3, within(1e-12));
    assertThat(km.median()).isEqualTo(4.0);
    // Restricted mean to 5: 2 x 1 + 2 x 2/3 + 1 x 0.
    assertThat(km.restrictedMean(5)).isCloseTo(2 + 4.0 / 3, within(1e-12));
  }

  @Test
  @DisplayName(
      "every spell still running: the median is not reached, the restricted mean is the horizon")
  void allCensored() {
    KaplanMeier km = KaplanMeier.of(new double[] {1, 2}, new boolean[] {true, true}, 2);
    assertThat(km.median()).isNaN();
    assertThat(km.restrictedMean(3)).isEqualTo(3.0);
  }

  @Test
  @DisplayName(
      "exponential lengths, staggered starts: median ln2/rate, restricted mean (1-e^-rate T)/rate")
  void exponentialClosedForm() {
    // 50,000 budgets starting uniformly over a 3-year horizon, each lasting Exp(0.5 a year),
    // censored at the horizon (about 58 % are). Standard errors, worked from the uncensored case
    // and doubled for the censoring: median 1/(rate sqrt n) x 2 = 0.018; restricted mean sd(min(X,
    // T)) / sqrt n x 2 = 1.06 / 224 x 2 = 0.0095. Tolerances: 4 of them. Ignoring censoring (the
    // mean
    // of the lengths seen to end) would give about 1.0 against 1.55 and fail.
    double rate = 0.5;
    double horizon = 3;
    int n = 50_000;
    SplittableRandom random = new SplittableRandom(20);
    double[] length = new double[n];
    boolean[] censored = new boolean[n];
    for (int i = 0; i < n; i++) {
      double start = random.nextDouble() * horizon;
      double lasts = -Math.log(1 - random.nextDouble()) / rate;
      censored[i] = start + lasts > horizon;
      length[i] = censored[i] ? horizon - start : lasts;
    }
    KaplanMeier km = KaplanMeier.of(length, censored, n);
    assertThat(km.median()).isCloseTo(Math.log(2) / rate, within(0.072));
    assertThat(km.restrictedMean(horizon))
        .isCloseTo((1 - Math.exp(-rate * horizon)) / rate, within(0.038));
  }
}
