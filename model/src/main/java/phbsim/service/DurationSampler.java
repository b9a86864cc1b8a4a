package phbsim.service;

import java.util.List;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.special.Erf;
import phbsim.scenario.DurationSpec;

/**
 * Draws durations in days by inversion: one uniform number in (0, 1) gives one duration, so that
 * two arms of a comparison stay in step (docs/architecture.md section 6).
 *
 * <p>The lognormal is parameterised from the mean m and standard deviation s of the durations
 * themselves (the published figures): sigma^2 = ln(1 + s^2/m^2), mu = ln m - sigma^2/2, and a draw
 * is exp(mu + sigma * Phi^-1(u)) with Phi^-1(u) = sqrt(2) * erfInv(2u - 1). The gamma has shape
 * m^2/s^2 and scale s^2/m and is inverted with Commons Math.
 */
public abstract sealed class DurationSampler {
  private DurationSampler() {}

  /** The duration in days for a uniform number {@code u} in (0, 1). */
  public abstract double days(double u);

  /** The mean duration in days. */
  public abstract double meanDays();

  /** The sampler for a spec. */
  public static DurationSampler of(DurationSpec spec) {
    return switch (spec.family()) {
      case FIXED -> new Fixed(spec.meanDays());
      case EXPONENTIAL -> new Exponential(spec.meanDays());
      case LOGNORMAL -> new Lognormal(spec.meanDays(), spec.sdDays());
      case GAMMA -> new Gamma(spec.meanDays(), spec.sdDays());
    };
  }

  static final class Fixed extends DurationSampler {
    private final double mean;

    Fixed(double mean) {
      this.mean = mean;
    }

    @Override
    public double days(double u) {
      return mean;
    }

    @Override
    public double meanDays() {
      return mean;
    }
  }

  static final class Exponential extends DurationSampler {
    private final double mean;

    Exponential(double mean) {
      this.mean = mean;
    }

    @Override
    public double days(double u) {
      return -mean * Math.log1p(-u);
    }

    @Override
    public double meanDays() {
      return mean;
    }
  }

  static final class Lognormal extends DurationSampler {
    private static final double SQRT2 = Math.sqrt(2.0);
    private final double mean;
    private final double mu;
    private final double sigma;

    Lognormal(double mean, double sd) {
      this.mean = mean;
      double variance = Math.log1p((sd * sd) / (mean * mean));
      this.sigma = Math.sqrt(variance);
      this.mu = Math.log(mean) - variance / 2;
    }

    @Override
    public double days(double u) {
      return Math.exp(mu + sigma * SQRT2 * Erf.erfInv(2 * u - 1));
    }

    @Override
    public double meanDays() {
      return mean;
    }
  }

  /**
   * Gamma durations by inversion. Commons Math inverts the gamma distribution function by iterative
   * root finding, microseconds a draw: measured, it was more than half the run time of the default
   * scenario. So the quantile function is tabulated once, at 4,096 evenly spaced probabilities, and
   * a draw interpolates linearly between neighbours; in the outermost two table steps at each end,
   * where the curvature is greatest, the exact inverse is used. The draw is still one uniform in,
   * one duration out (common random numbers are kept), and DurationSamplerTest bounds the
   * interpolation error against the exact inverse.
   *
   * <p>Making the table takes about 14 ms, more than a replication of the default scenario; an
   * analysis builds a scenario for every sweep point or parameter draw, mostly with the same
   * lengths of stay. So tables are kept by shape and scale (a pure function of the two: the results
   * do not depend on whether a table was made or found), up to {@link #TABLES_KEPT}.
   */
  static final class Gamma extends DurationSampler {
    private static final int STEPS = 4096;
    private static final int EXACT_STEPS = 16;
    private static final int TABLES_KEPT = 64;
    private static final java.util.concurrent.ConcurrentHashMap<List<Double>, double[]> TABLES =
        new java.util.concurrent.ConcurrentHashMap<>();
    private final GammaDistribution distribution;
    private final double[] quantile;

    Gamma(double mean, double sd) {
      double shape = (mean * mean) / (sd * sd);
      double scale = (sd * sd) / mean;
      // The generator is never used: draws come from inverseCumulativeProbability(u).
      this.distribution = new GammaDistribution(null, shape, scale, 1e-12);
      if (shape < 1) {
        this.quantile = null;
      } else {
        if (TABLES.size() >= TABLES_KEPT) {
          TABLES.clear(); // a sweep of the lengths of stay themselves: start again
        }
        this.quantile = TABLES.computeIfAbsent(List.of(shape, scale), k -> table(distribution));
      }
    }

    private static double[] table(GammaDistribution distribution) {
      double[] q = new double[STEPS + 1];
      for (int i = 1; i < STEPS; i++) {
        q[i] = distribution.inverseCumulativeProbability((double) i / STEPS);
      }
      return q;
    }

    @Override
    public double days(double u) {
      double x = u * STEPS;
      int i = (int) x;
      if (quantile == null || i < EXACT_STEPS || i >= STEPS - EXACT_STEPS) {
        return distribution.inverseCumulativeProbability(u);
      }
      double f = x - i;
      return quantile[i] + f * (quantile[i + 1] - quantile[i]);
    }

    /** The exact inverse, for tests of the table. */
    double exactDays(double u) {
      return distribution.inverseCumulativeProbability(u);
    }

    @Override
    public double meanDays() {
      return distribution.getNumericalMean();
    }
  }
}
