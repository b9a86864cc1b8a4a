package phbsim.random;

import java.util.Arrays;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * The one source of randomness of one replication.
 *
 * <p>Draw {@code n} (counting from 1) of the stream (purpose, entity) is a fixed function of
 * (master seed, replication, purpose, entity, n): the same key always gives the same numbers,
 * whatever else the run has drawn, in whatever order, on whatever thread.
 */
public final class RandomStreams {
  /*
   * Design notes
   *
   * 1. Key derivation. The stream (purpose, entity) starts from seed = SeedMixer.mix(master,
   *    replication, purpose, entity) and runs the SplitMix64 generator: draw n is mix64(seed + n *
   *    gamma). gamma is an odd number derived from the same key, so that two streams never walk
   *    the same cycle at an offset from each other (SplittableRandom's "mixGamma" argument).
   *
   * 2. Memory. A person needs one stream per purpose, and a region has a million people. A
   *    stream object per person and purpose would cost tens of bytes each; here a family of
   *    streams (one purpose, many entities) is a single int[] of draw counters, 4 bytes per
   *    entity, and the seed and gamma are recomputed from the key at each draw (two mixing rounds,
   *    a few nanoseconds; see RandomStreamsBenchmark).
   *
   * 3. Common random numbers. Because a draw depends only on its key and index, a scenario that
   *    changes one hazard of a person leaves every other purpose's numbers for that person
   *    untouched, and leaves every other person untouched.
   *
   * 4. Commons RNG. stream(...) gives a UniformRandomProvider, so that Commons RNG samplers and
   *    Commons Math distributions can draw from a keyed stream. That object is for draws off the
   *    hot path (processes with a handful of entities); per-person draws go through Family.
   */

  private final long masterSeed;
  private final int replication;

  public RandomStreams(long masterSeed, int replication) {
    if (replication < 0) {
      throw new IllegalArgumentException("replication must be >= 0, was " + replication);
    }
    this.masterSeed = masterSeed;
    this.replication = replication;
  }

  /**
   * The streams of one cell of an experiment (docs/architecture.md section 6): area {@code area},
   * parameter draw {@code draw}, replication {@code replication}. Area 0 and draw 0 (one place, the
   * point estimates) are the plain streams {@code (masterSeed, replication)}, so a plain run and
   * that cell of a larger experiment give the same numbers; any other area or draw starts from a
   * master seed of its own, mixed from the three. The arm is deliberately not in the key: that is
   * what makes arms share random numbers.
   */
  public static RandomStreams forCell(long masterSeed, int area, int draw, int replication) {
    if (area < 0 || draw < 0) {
      throw new IllegalArgumentException("area and draw must be >= 0, were " + area + ", " + draw);
    }
    if (area == 0 && draw == 0) {
      return new RandomStreams(masterSeed, replication);
    }
    long cellSeed = SeedMixer.mix(masterSeed, area, Integer.MAX_VALUE, draw);
    return new RandomStreams(cellSeed, replication);
  }

  public long masterSeed() {
    return masterSeed;
  }

  public int replication() {
    return replication;
  }

  /** A family of streams for one purpose, indexed by entity, sized for the given number. */
  public Family family(Purpose purpose, int expectedEntities) {
    return new Family(this, purpose, expectedEntities);
  }

  /** The single stream (purpose, entity), as a Commons RNG provider. */
  public UniformRandomProvider stream(Purpose purpose, long entity) {
    return new Stream(SeedMixer.mix(masterSeed, replication, purpose.ordinal(), entity));
  }

  static long gammaOf(long seed) {
    // An odd increment with enough bit transitions, as in SplittableRandom.mixGamma.
    long z = SeedMixer.mix64(seed ^ 0x5851F42D4C957F2DL) | 1L;
    return (Long.bitCount(z ^ (z >>> 1)) < 24) ? z ^ 0xAAAAAAAAAAAAAAAAL : z;
  }

  static double toUnit(long bits) {
    return (bits >>> 11) * 0x1.0p-53;
  }

  /** One stream: draw n is mix64(seed + n * gamma). */
  private static final class Stream implements UniformRandomProvider {
    private final long gamma;
    private long state;

    Stream(long seed) {
      this.state = seed;
      this.gamma = gammaOf(seed);
    }

    @Override
    public long nextLong() {
      state += gamma;
      return SeedMixer.mix64(state);
    }
  }

  /**
   * The streams of one purpose for many entities (people), stored as one draw counter per entity.
   * Not thread-safe: it belongs to one replication.
   */
  public static final class Family {
    private final long prefix;
    private int[] drawn;

    Family(RandomStreams streams, Purpose purpose, int expectedEntities) {
      this.prefix = SeedMixer.prefix(streams.masterSeed, streams.replication, purpose.ordinal());
      this.drawn = new int[Math.max(16, expectedEntities)];
    }

    /** The next uniform number in [0, 1) from the stream of {@code entity}. */
    public double nextDouble(int entity) {
      return toUnit(nextLong(entity));
    }

    /** The next uniform number in (0, 1]: safe to take the logarithm of. */
    public double nextOpenDouble(int entity) {
      return ((nextLong(entity) >>> 11) + 1) * 0x1.0p-53;
    }

    /** The next 64 random bits from the stream of {@code entity}. */
    public long nextLong(int entity) {
      if (entity >= drawn.length) {
        drawn = Arrays.copyOf(drawn, Math.max(entity + 1, drawn.length * 3 / 2));
      }
      return longAt(entity, ++drawn[entity]);
    }

    /**
     * Draw {@code n} (counting from 1) of the stream of {@code entity}, whatever has been drawn so
     * far: for a caller that keeps the entity's draw counter itself, next to its other state,
     * rather than in this family's counters (which this method neither reads nor moves).
     */
    public long longAt(int entity, long n) {
      long seed = SeedMixer.withEntity(prefix, entity);
      return SeedMixer.mix64(seed + n * gammaOf(seed));
    }

    /** {@link #longAt} as a uniform number in [0, 1), as {@link #nextDouble} gives it. */
    public double doubleAt(int entity, long n) {
      return toUnit(longAt(entity, n));
    }

    /** {@link #longAt} as a uniform number in (0, 1], as {@link #nextOpenDouble} gives it. */
    public double openDoubleAt(int entity, long n) {
      return ((longAt(entity, n) >>> 11) + 1) * 0x1.0p-53;
    }

    /**
     * A reusable Commons RNG view of this family: {@code view.at(entity)} points it at one entity's
     * stream, so that Commons RNG samplers can draw from keyed streams without an object per
     * entity.
     */
    public View view() {
      return new View(this);
    }

    /** How many numbers the stream of {@code entity} has given. */
    public int drawn(int entity) {
      return entity < drawn.length ? drawn[entity] : 0;
    }

    /** A Commons RNG provider that draws from the stream of the entity last given to at(). */
    public static final class View implements UniformRandomProvider {
      private final Family family;
      private int entity;

      View(Family family) {
        this.family = family;
      }

      /** Points this view at the stream of {@code entity}; returns this view. */
      public View at(int entity) {
        this.entity = entity;
        return this;
      }

      @Override
      public long nextLong() {
        return family.nextLong(entity);
      }
    }
  }
}
