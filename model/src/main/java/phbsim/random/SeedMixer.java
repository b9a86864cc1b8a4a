package phbsim.random;

/**
 * Turns a stream key into well-spread 64-bit numbers.
 *
 * <p>The mixing function is the 64-bit finaliser of SplitMix64 (Steele, Lea and Flood, "Fast
 * splittable pseudorandom number generators", OOPSLA 2014; the "variant 13" constants of Stafford),
 * the same function the JDK's {@code SplittableRandom} uses. It is a bijection on 64-bit values
 * with full avalanche: every input bit flips each output bit with probability close to 1/2, so keys
 * that differ in one field give unrelated seeds.
 */
public final class SeedMixer {
  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private SeedMixer() {}

  /** The SplitMix64 finaliser. */
  public static long mix64(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /**
   * The seed of the stream (master seed, replication, purpose, entity). Each field is folded in
   * through a full mixing round, so that no two distinct keys are related by a simple offset (the
   * reason not to use {@code seed + replication}: neighbouring seeds would give overlapping streams
   * in a generator such as SplitMix64).
   */
  public static long mix(long masterSeed, int replication, int purpose, long entity) {
    return withEntity(prefix(masterSeed, replication, purpose), entity);
  }

  /** The part of {@link #mix} that does not depend on the entity, to be computed once. */
  public static long prefix(long masterSeed, int replication, int purpose) {
    long h = mix64(masterSeed + GOLDEN_GAMMA);
    h = mix64(h ^ (replication + 1L) * GOLDEN_GAMMA);
    return mix64(h ^ (purpose + 1L) * 0xC2B2AE3D27D4EB4FL);
  }

  /** Completes {@link #mix} from a {@link #prefix}. */
  public static long withEntity(long prefix, long entity) {
    return mix64(prefix ^ (entity + 1L) * 0x165667B19E3779F9L);
  }
}
