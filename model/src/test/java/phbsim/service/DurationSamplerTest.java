package phbsim.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.stat.descriptive.SummaryStatistics;
import org.apache.commons.math3.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;
import phbsim.scenario.DurationFamily;
import phbsim.scenario.DurationSpec;

class DurationSamplerTest {
  private static final int N = 50_000;

  private static double[] sample(DurationSpec spec) {
    DurationSampler sampler = DurationSampler.of(spec);
    RandomStreams.Family u = new RandomStreams(123, 0).family(Purpose.LENGTH_OF_STAY, 1);
    double[] x = new double[N];
    for (int i = 0; i < N; i++) {
      x[i] = sampler.days(u.nextDouble(0));
    }
    return x;
  }

  private static void assertFits(double[] x, RealDistribution d, double mean, double sd) {
    double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(d, x);
    assertThat(p).as("KS p-value").isGreaterThan(0.001);
    SummaryStatistics s = new SummaryStatistics();
    for (double v : x) {
      s.addValue(v);
    }
    assertThat(s.getMean()).isCloseTo(mean, within(4 * sd / Math.sqrt(N)));
    assertThat(s.getStandardDeviation()).isCloseTo(sd, within(0.05 * sd));
  }

  @Test
  @DisplayName("lognormal stays have the published mean and standard deviation")
  void lognormal() {
    double m = 33;
    double sd = 30;
    double sigma2 = Math.log1p(sd * sd / (m * m));
    RealDistribution d =
        new LogNormalDistribution(null, Math.log(m) - sigma2 / 2, Math.sqrt(sigma2), 1e-9);
    assertFits(sample(new DurationSpec(DurationFamily.LOGNORMAL, m, sd)), d, m, sd);
  }

  @Test
  @DisplayName("gamma stays have the given mean and standard deviation")
  void gamma() {
    double m = 7;
    double sd = 4;
    RealDistribution d = new GammaDistribution(null, m * m / (sd * sd), sd * sd / m, 1e-9);
    assertFits(sample(new DurationSpec(DurationFamily.GAMMA, m, sd)), d, m, sd);
  }

  @Test
  @DisplayName("the tabulated gamma inverse is within 0.1% of the exact inverse everywhere")
  void gammaTableMatchesExactInverse() {
    // Shapes 3.06, 2.94, 1.21, 25 (table) and 0.25 (exact: sd above the mean).
    for (double[] ms : new double[][] {{7, 4}, {24, 14}, {33, 30}, {10, 2}, {30, 60}}) {
      var g =
          (DurationSampler.Gamma)
              DurationSampler.of(new DurationSpec(DurationFamily.GAMMA, ms[0], ms[1]));
      double worst = 0;
      for (int i = 1; i < 20_000; i++) {
        double u = i / 20_000.0;
        double exact = g.exactDays(u);
        double error = exact == 0 ? Math.abs(g.days(u)) : Math.abs(g.days(u) - exact) / exact;
        worst = Math.max(worst, error);
      }
      assertThat(worst).as("mean %s sd %s", ms[0], ms[1]).isLessThan(1e-3);
    }
  }

  @Test
  @DisplayName("exponential stays have standard deviation equal to the mean")
  void exponential() {
    assertFits(
        sample(new DurationSpec(DurationFamily.EXPONENTIAL, 21.0, null)),
        new ExponentialDistribution(null, 21.0, 1e-9),
        21.0,
        21.0);
  }

  @Test
  @DisplayName("a fixed stay is always the mean")
  void fixed() {
    DurationSampler s = DurationSampler.of(new DurationSpec(DurationFamily.FIXED, 0.25, null));
    assertThat(s.days(0.0)).isEqualTo(0.25);
    assertThat(s.days(0.999)).isEqualTo(0.25);
    assertThat(s.meanDays()).isEqualTo(0.25);
  }

  @Test
  @DisplayName(
      "at the edges validation allows (sd a hundredth and ten times the mean, means of 0.000001 and"
          + " 36,525 days) gamma and lognormal stays are drawn quickly and finitely")
  void edgesOfTheAllowedSpread() {
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(
        java.time.Duration.ofSeconds(20),
        () -> {
          for (DurationFamily family :
              new DurationFamily[] {DurationFamily.GAMMA, DurationFamily.LOGNORMAL}) {
            for (double mean : new double[] {0.000001, 33, 36_525}) {
              for (double spread : new double[] {0.01, 10}) {
                DurationSampler sampler =
                    DurationSampler.of(new DurationSpec(family, mean, mean * spread));
                RandomStreams.Family u = new RandomStreams(7, 0).family(Purpose.LENGTH_OF_STAY, 1);
                double sum = 0;
                for (int i = 0; i < 2_000; i++) {
                  double d = sampler.days(u.nextDouble(0));
                  assertThat(d).isFinite().isNotNegative();
                  sum += d;
                }
                if (spread == 0.01) {
                  // Nearly fixed: every draw within a few percent of the mean.
                  assertThat(sum / 2_000).isCloseTo(mean, within(0.01 * mean));
                }
              }
            }
          }
        });
  }
}
