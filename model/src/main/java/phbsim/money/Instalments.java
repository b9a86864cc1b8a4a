package phbsim.money;

/**
 * Splitting an amount into equal monthly instalments that add up to it exactly: the first
 * instalments carry the pennies left over, so that, for example, an annual block contract of
 * £100,000.09 is paid as one instalment of £8,333.35 and eleven of £8,333.34, and one of
 * £100,000.01 as five of £8,333.34 and seven of £8,333.33.
 */
public final class Instalments {
  private Instalments() {}

  /** Instalment {@code i} (0-based) of {@code total} pence split into {@code count}. */
  public static long instalment(long total, int count, int i) {
    if (count < 1 || i < 0 || i >= count) {
      throw new IllegalArgumentException("instalment " + i + " of " + count);
    }
    long base = Math.floorDiv(total, count);
    long remainder = Math.floorMod(total, count);
    return base + (i < remainder ? 1 : 0);
  }
}
