package phbsim.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import phbsim.random.Draw;
import phbsim.random.Purpose;
import phbsim.random.RandomStreams;

/**
 * One keyed draw (the stream of one of a million people, its counter advanced) and one exponential
 * by inversion from it, against an unkeyed {@link SplittableRandom} as a floor. Entities are
 * visited in a scrambled order, as people are in a simulation.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
@Fork(1)
public class RandomStreamsBenchmark {
  private static final int PEOPLE = 1_000_000;

  private RandomStreams.Family family;
  private SplittableRandom plain;
  private int entity;

  @Setup
  public void setUp() {
    family = new RandomStreams(1, 0).family(Purpose.WORKLOAD, PEOPLE);
    plain = new SplittableRandom(1);
  }

  private int nextEntity() {
    // An odd stride modulo a million visits every person in a cache-unfriendly order.
    entity += 618_033;
    if (entity >= PEOPLE) {
      entity -= PEOPLE;
    }
    return entity;
  }

  @Benchmark
  public double keyedDraw() {
    return family.nextDouble(nextEntity());
  }

  @Benchmark
  public double exponentialByInversion() {
    return Draw.exponential(2.0, family.nextOpenDouble(nextEntity()));
  }

  @Benchmark
  public double unkeyedSplittableRandom() {
    return plain.nextDouble();
  }
}
