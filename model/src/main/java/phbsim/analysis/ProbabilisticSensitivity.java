package phbsim.analysis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.distribution.GammaDistribution;
import org.apache.commons.math3.distribution.LogNormalDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.RealDistribution;
import org.apache.commons.math3.distribution.TriangularDistribution;
import org.apache.commons.math3.distribution.UniformRealDistribution;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;
import phbsim.report.Summary;
import phbsim.scenario.Distribution;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;
import phbsim.scenario.UncertaintySpec;

/**
 * Probabilistic sensitivity (docs/model.md section 8): parameters drawn from the distributions the
 * scenario names, each draw run as its status quo and the option for a few replications; the
 * distribution of an output over the draws, the probability of a saving by the end of each
 * financial year, and which parameters drive the output (partial rank correlation).
 */
public final class ProbabilisticSensitivity {
  /*
   * Design notes
   *
   * 1. Parameter draws are not replications, in name or in code. Draw d (1..D) is a scenario:
   *    its parameters come from the stream (seed, draw d, Purpose.PARAMETER, parameter k), one
   *    uniform each, by inversion of the distribution. Its replications then run on streams keyed
   *    by (seed, draw d, replication), so no two draws share random numbers of the simulation
   *    (the point estimates are draw 0). A draw's output is the mean of its replications: the
   *    spread across draws is then mostly parameter uncertainty, with the noise of r replications.
   * 2. Distributions are centred on the scenario's value: BETA, GAMMA, LOGNORMAL and NORMAL have
   *    the value as their mean and the declared sd; TRIANGULAR has it as its mode; UNIFORM spans
   *    low to high (Commons Math distributions, no generator of their own: inversion only).
   * 3. Drivers: partial rank correlation of each parameter with the output across draws, the
   *    effect of one parameter with the others held fixed, robust to monotone non-linearity.
   */

  private ProbabilisticSensitivity() {}

  /** A parameter with its distribution. */
  public record Uncertain(
      String path, double value, RealDistribution distribution, String source) {}

  /**
   * The distribution of each declared parameter that names one.
   *
   * @throws IllegalArgumentException naming the parameter if its distribution cannot be built
   */
  public static List<Uncertain> declared(Scenario place, ScenarioEditor editor) {
    List<Uncertain> list = new ArrayList<>();
    for (UncertaintySpec u : place.uncertainty()) {
      if (u.distribution() != null) {
        double value = editor.number(place, u.path());
        list.add(new Uncertain(u.path(), value, distribution(u, value), u.source()));
      }
    }
    return list;
  }

  /**
   * The distribution of a declared parameter whose value is {@code m}.
   *
   * @throws IllegalArgumentException naming the parameter and what its distribution needs
   */
  public static RealDistribution distribution(UncertaintySpec u, double m) {
    Distribution family = u.distribution();
    String at = u.path() + ": ";
    switch (family) {
      case UNIFORM, TRIANGULAR -> {
        if (u.low() == null || u.high() == null || !(u.low() < u.high())) {
          throw new IllegalArgumentException(at + family + " needs low below high");
        }
        if (family == Distribution.UNIFORM) {
          return new UniformRealDistribution(null, u.low(), u.high());
        }
        if (!(u.low() <= m && m <= u.high())) {
          throw new IllegalArgumentException(
              at + "TRIANGULAR needs the value " + m + " between low and high");
        }
        return new TriangularDistribution(null, u.low(), m, u.high());
      }
      default -> {
        // The rest take the mean and a standard deviation.
      }
    }
    Double sdBoxed = u.sd();
    if (sdBoxed == null || !(sdBoxed > 0)) {
      throw new IllegalArgumentException(at + family + " needs sd above 0");
    }
    double s = sdBoxed;
    return switch (family) {
      case NORMAL -> new NormalDistribution(null, m, s);
      case BETA -> {
        if (!(m > 0 && m < 1) || !(s * s < m * (1 - m))) {
          throw new IllegalArgumentException(
              at
                  + "BETA needs a value strictly between 0 and 1 and sd^2 below value x (1 - value)");
        }
        double common = m * (1 - m) / (s * s) - 1;
        yield new BetaDistribution(null, m * common, (1 - m) * common);
      }
      case GAMMA -> {
        if (!(m > 0)) {
          throw new IllegalArgumentException(at + "GAMMA needs a value above 0");
        }
        yield new GammaDistribution(null, m * m / (s * s), s * s / m);
      }
      case LOGNORMAL -> {
        if (!(m > 0)) {
          throw new IllegalArgumentException(at + "LOGNORMAL needs a value above 0");
        }
        double sigma2 = Math.log(1 + s * s / (m * m));
        yield new LogNormalDistribution(null, Math.log(m) - sigma2 / 2, Math.sqrt(sigma2));
      }
      default -> throw new IllegalStateException("unhandled " + family);
    };
  }

  /** One parameter draw: the values drawn and the output's mean over its replications. */
  public record Draw(int index, double[] values, Variants.Outcome outcome) {}

  /**
   * The analysis.
   *
   * @param draws each draw's values and outcome, in draw order
   * @param outputPerDraw the output's mean in each draw
   * @param distribution the output over the draws: mean, and (as the range) its 2.5th and 97.5th
   *     percentiles
   * @param probabilityOfSaving the share of draws whose mean cumulative cash saving is at or above
   *     zero at the end of each financial year
   * @param prcc the partial rank correlation of each parameter with the output
   */
  public record Result(
      List<Uncertain> parameters,
      Output output,
      List<Draw> draws,
      double[] outputPerDraw,
      Summary distribution,
      double[] probabilityOfSaving,
      double[] prcc) {
    /**
     * Whether parameter k's partial rank correlation is told apart from none, at the 5 % level: the
     * t test of a partial correlation, t = r sqrt(df / (1 - r^2)) with df = draws - 2 - (the other
     * parameters), against Student's t (Blower and Dowlatabadi's test for PRCC).
     */
    public boolean beyondNoise(int k) {
      int df = draws.size() - 2 - (parameters.size() - 1);
      double r = prcc[k];
      if (df < 1 || Double.isNaN(r)) {
        return false;
      }
      if (Math.abs(r) >= 1) {
        return true;
      }
      double t = Math.abs(r) * Math.sqrt(df / (1 - r * r));
      return t
          > new org.apache.commons.math3.distribution.TDistribution(df)
              .inverseCumulativeProbability(0.975);
    }
  }

  /**
   * Runs {@code draws} parameter draws of {@code run.replications()} replications each.
   *
   * @throws IllegalArgumentException if there are no parameters, or too few draws for the
   *     correlations (at least the parameters + 3)
   */
  public static Result run(
      Scenario place,
      OptionSpec option,
      ScenarioEditor editor,
      List<Uncertain> parameters,
      int draws,
      Output output,
      RunSpec run,
      Progress progress) {
    return run(place, option, editor, parameters, draws, output, run, progress, Variants::run);
  }

  /** As above, the draws run by {@code runner} (on this machine's threads, or a Spark job). */
  public static Result run(
      Scenario place,
      OptionSpec option,
      ScenarioEditor editor,
      List<Uncertain> parameters,
      int draws,
      Output output,
      RunSpec run,
      Progress progress,
      Variants.Runner runner) {
    if (parameters.isEmpty()) {
      throw new IllegalArgumentException(
          "no parameter has a distribution; expected uncertainty: entries with a distribution");
    }
    if (draws < parameters.size() + 3) {
      throw new IllegalArgumentException(
          "found "
              + draws
              + " draws; expected at least "
              + (parameters.size() + 3)
              + " (the parameters + 3) to estimate which parameters drive the result");
    }
    int k = parameters.size();
    double[][] values = new double[draws][k];
    List<Variants.Variant> variants = new ArrayList<>();
    for (int d = 0; d < draws; d++) {
      RandomStreams streams = RandomStreams.forCell(run.masterSeed(), 0, d + 1, 0);
      List<String> changes = new ArrayList<>();
      for (int j = 0; j < k; j++) {
        Uncertain p = parameters.get(j);
        double u = streams.stream(Purpose.PARAMETER, j).nextDouble();
        values[d][j] = p.distribution().inverseCumulativeProbability(u);
        changes.add(Changes.set(p.path(), values[d][j]));
      }
      variants.add(new Variants.Variant(changes, d + 1));
    }
    List<Variants.Outcome> outcomes = runner.run(place, option, editor, variants, run, progress);
    List<Draw> list = new ArrayList<>();
    double[] y = new double[draws];
    for (int d = 0; d < draws; d++) {
      list.add(new Draw(d + 1, values[d], outcomes.get(d)));
      y[d] = outcomes.get(d).mean(output);
    }
    int years = outcomes.get(0).option().get(0).cashByYear().length;
    double[] probability = new double[years];
    for (int yr = 0; yr < years; yr++) {
      int saving = 0;
      for (Variants.Outcome o : outcomes) {
        double sum = 0;
        for (int r = 0; r < o.option().size(); r++) {
          long[] sq = o.statusQuo().get(r).cashByYear();
          long[] op = o.option().get(r).cashByYear();
          for (int t = 0; t <= yr; t++) {
            sum += sq[t] - op[t];
          }
        }
        if (sum >= 0) {
          saving++;
        }
      }
      probability[yr] = (double) saving / draws;
    }
    return new Result(
        parameters,
        output,
        list,
        y,
        Summary.of(y),
        probability,
        partialRankCorrelations(values, y));
  }

  /**
   * The partial rank correlation of each column of {@code x} with {@code y}: the correlation of the
   * residuals of the ranks of x_j and of y, each regressed on the ranks of the other columns.
   */
  static double[] partialRankCorrelations(double[][] x, double[] y) {
    int n = y.length;
    int k = x[0].length;
    NaturalRanking ranking = new NaturalRanking();
    double[][] rx = new double[k][];
    for (int j = 0; j < k; j++) {
      double[] column = new double[n];
      for (int i = 0; i < n; i++) {
        column[i] = x[i][j];
      }
      rx[j] = ranking.rank(column);
    }
    double[] ry = ranking.rank(y);
    double[] prcc = new double[k];
    PearsonsCorrelation pearson = new PearsonsCorrelation();
    for (int j = 0; j < k; j++) {
      double[] a = rx[j];
      double[] b = ry;
      if (k > 1) {
        double[][] others = new double[n][k - 1];
        for (int i = 0; i < n; i++) {
          int c = 0;
          for (int m = 0; m < k; m++) {
            if (m != j) {
              others[i][c++] = rx[m][i];
            }
          }
        }
        a = residuals(rx[j], others);
        b = residuals(ry, others);
      }
      double r = variance(a) == 0 || variance(b) == 0 ? 0 : pearson.correlation(a, b);
      prcc[j] = r;
    }
    return prcc;
  }

  private static double[] residuals(double[] y, double[][] x) {
    OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
    ols.newSampleData(y.clone(), Arrays.stream(x).map(double[]::clone).toArray(double[][]::new));
    return ols.estimateResiduals();
  }

  private static double variance(double[] v) {
    double mean = Arrays.stream(v).sum() / v.length;
    double s = 0;
    for (double x : v) {
      s += (x - mean) * (x - mean);
    }
    return s;
  }
}
