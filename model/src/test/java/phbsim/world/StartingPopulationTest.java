package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.rng.UniformRandomProvider;
import org.apache.commons.rng.sampling.distribution.AhrensDieterMarsagliaTsangGammaSampler;
import org.apache.commons.rng.sampling.distribution.PoissonSampler;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.population.Caseload;
import phbsim.population.Caseloads;
import phbsim.random.RandomStreams;
import phbsim.scenario.Scenario;
import phbsim.scenario.StartingPopulationSpec;
import phbsim.testing.TestScenarios;

/**
 * A person-level starting population in the world (World note 12): its people are the caseload on
 * day 0, and each person's frailty is drawn given their crisis history. Checked against a
 * population generated from known frailties: the world must give them back.
 */
class StartingPopulationTest {
  private static Scenario withPeople(Scenario b, String sha256) {
    return new Scenario(
        b.name(),
        b.description(),
        b.startDate(),
        b.years(),
        b.segments(),
        b.services(),
        b.pathway(),
        b.primaryCare(),
        b.money(),
        b.budgets(),
        b.options(),
        b.uncertainty(),
        b.areas(),
        new StartingPopulationSpec("known.csv", sha256, null, null));
  }

  /** A population of n people with known gamma frailties (variance v) and Poisson crises. */
  private record Known(double[] frailty, int[] crises) {}

  private static Known generate(int n, double v, double rate, long seed) {
    UniformRandomProvider rng = new SplittableRandom(seed)::nextLong;
    var gamma = AhrensDieterMarsagliaTsangGammaSampler.of(rng, 1 / v, v);
    double[] z = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      z[i] = gamma.sample();
      y[i] = z[i] * rate > 0 ? PoissonSampler.of(rng, z[i] * rate).sample() : 0;
    }
    return new Known(z, y);
  }

  private static World worldOf(Known k, double rate, String sha) {
    int n = k.crises.length;
    Caseloads.put(
        sha,
        new Caseload(
            Collections.nCopies(n, "people"),
            Collections.nCopies(n, "25-34"),
            new int[n],
            k.crises,
            new int[n]));
    Scenario s =
        withPeople(
            TestScenarios.builder()
                .startingCaseload(n)
                .referralsPerYear(0)
                .crisesPerYear(rate)
                .frailtyVariance(0.1) // deliberately wrong: the file's people must override it
                .build(),
            sha);
    return new World(new CompiledScenario(s), new RandomStreams(11, 0));
  }

  @Test
  @DisplayName(
      "frailties generated and known are given back: the variance, and the mean frailty of the"
          + " people with each crisis count")
  void knownFrailtiesGivenBack() {
    int n = 20_000;
    double v = 0.6;
    double rate = 1.2;
    Known k = generate(n, v, rate, 7);
    World w = worldOf(k, rate, "test-known-frailties-0.6");

    // The variance is estimated from the file (FrailtyEstimateTest: its standard error here is
    // about 0.017, so 0.07 is four of them) and replaces the scenario's 0.1, for referrals too.
    double fitted = w.compiled().frailty(0).variance();
    assertThat(fitted).isCloseTo(v, within(0.07));
    assertThat(w.segments.frailtyVariance(0)).isEqualTo(fitted);
    assertThat(w.peopleEver()).isEqualTo(n);

    // The world's frailties, person by person, in the file's order.
    double sum = 0;
    double sumSq = 0;
    for (int p = 0; p < n; p++) {
      sum += w.people.frailty[p];
      sumSq += (double) w.people.frailty[p] * w.people.frailty[p];
    }
    double mean = sum / n;
    double variance = sumSq / n - mean * mean;
    // Taken together they have the population's distribution: mean 1 (standard error
    // sqrt(0.6 / 20,000) = 0.0055, tolerance about 5 of them) and variance 0.6 (tolerance 0.08,
    // as for FrailtyEstimateTest's draws).
    assertThat(mean).isCloseTo(1, within(0.03));
    assertThat(variance).isCloseTo(v, within(0.08));

    // And the people with more crises are the frailer, as much as the truth says: for each crisis
    // count, the mean of the world's frailties is close to the mean of the known frailties of
    // the same people (both estimate E[frailty | crises]); tolerance 5 standard errors of the
    // difference, from the spread of the two within the group.
    for (int y = 0; y <= 4; y++) {
      List<Double> drawn = new ArrayList<>();
      List<Double> truth = new ArrayList<>();
      for (int p = 0; p < n; p++) {
        if (y < 4 ? k.crises[p] == y : k.crises[p] >= 4) {
          drawn.add((double) w.people.frailty[p]);
          truth.add(k.frailty[p]);
        }
      }
      double a = drawn.stream().mapToDouble(d -> d).average().orElseThrow();
      double b = truth.stream().mapToDouble(d -> d).average().orElseThrow();
      double spread =
          Math.sqrt((varianceOf(drawn) + varianceOf(truth)) / drawn.size()); // independent given y
      assertThat(a).as("crises %d (%d people)", y, drawn.size()).isCloseTo(b, within(5 * spread));
    }
  }

  private static double varianceOf(List<Double> v) {
    double m = v.stream().mapToDouble(d -> d).average().orElseThrow();
    return v.stream().mapToDouble(d -> (d - m) * (d - m)).sum() / (v.size() - 1);
  }

  @Test
  @DisplayName("people with no over-dispersion in their crises are all alike: frailty 1")
  void poissonCrisesGiveFrailtyOne() {
    int n = 5_000;
    int[] y = new int[n];
    UniformRandomProvider rng = new SplittableRandom(3)::nextLong;
    var poisson = PoissonSampler.of(rng, 0.5);
    for (int i = 0; i < n; i++) {
      y[i] = poisson.sample();
    }
    double[] z = new double[n];
    java.util.Arrays.fill(z, 1);
    World w = worldOf(new Known(z, y), 0.5, "test-poisson-crises");
    double variance = w.compiled().frailty(0).variance();
    // Poisson counts give an estimate at or near 0 (FrailtyEstimateTest: below 0.035).
    assertThat(variance).isLessThan(0.035);
    if (variance == 0) {
      for (int p = 0; p < n; p++) {
        assertThat(w.people.frailty[p]).isEqualTo(1f);
      }
    }
  }
}
