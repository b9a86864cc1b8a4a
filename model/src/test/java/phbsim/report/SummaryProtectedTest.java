package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** The intervals of a person-level run's figures (issue 21, item 5), on cases worked by hand. */
class SummaryProtectedTest {
  @Test
  @DisplayName("the range is withheld always: its ends would be single replications' counts")
  void rangeWithheld() {
    // 2, 9, 10, 11: the range's low end would be 2 + 0.075 x 7 = 2.525, close to one count of 2.
    Summary plain = Summary.of(new double[] {2, 9, 10, 11});
    assertThat(plain.rangeLow()).isCloseTo(2.525, org.assertj.core.data.Offset.offset(1e-9));
    Summary s = Summary.protectedOf(new double[] {2, 9, 10, 11}, 5);
    assertThat(s.rangeWithheld()).isTrue();
    assertThat(s.rangeLow()).isNaN();
    assertThat(s.rangeHigh()).isNaN();
    assertThat(s.mean()).isEqualTo(8.0);
  }

  @Test
  @DisplayName("the confidence interval is withheld when any replication's count is from 1 to 4")
  void ciWithheldWithASmallReplication() {
    Summary s = Summary.protectedOf(new double[] {2, 9, 10, 11}, 5);
    assertThat(s.ciWithheld()).isTrue();
    assertThat(s.ciLow()).isNaN();
    // A difference of -3 is as small as 3.
    assertThat(Summary.protectedOf(new double[] {-3, 20, 30}, 5).ciWithheld()).isTrue();
  }

  @Test
  @DisplayName("with 2 replications the interval is withheld: the mean and half-width give both")
  void ciWithheldWithTwoReplications() {
    // 20 and 30: mean 25, half-width t(1) x 5 / 1 ... the two values come back as 25 -/+ 5.
    Summary plain = Summary.of(new double[] {20, 30});
    double sd = (plain.ciHigh() - plain.mean()) / Summary.t975(1) * Math.sqrt(2);
    assertThat(plain.mean() - sd / Math.sqrt(2))
        .isCloseTo(20, org.assertj.core.data.Offset.offset(1e-9));
    assertThat(Summary.protectedOf(new double[] {20, 30}, 5).ciWithheld()).isTrue();
  }

  @Test
  @DisplayName(
      "3 or more replications, every value 0 or at least the threshold: the CI is the plain one")
  void ciPublishedFromProtectedInputs() {
    double[] v = {0, 12, 15, 30};
    Summary plain = Summary.of(v);
    Summary s = Summary.protectedOf(v, 5);
    assertThat(s.ciWithheld()).isFalse();
    assertThat(s.ciLow()).isEqualTo(plain.ciLow());
    assertThat(s.ciHigh()).isEqualTo(plain.ciHigh());
    assertThat(s.rangeWithheld()).isTrue();
  }

  @Test
  @DisplayName("no threshold: the plain summary, intervals and all")
  void noThreshold() {
    double[] v = {2, 9, 10, 11};
    assertThat(Summary.protectedOf(v, 0)).isEqualTo(Summary.of(v));
    assertThat(Summary.protectedOf(v, 1)).isEqualTo(Summary.of(v));
  }
}
