package phbsim.observe;

import java.util.Arrays;

/**
 * Every post release of one replication, each on its own (issue 20, item 11): the team, whether it
 * was planned or a contract review's, the month it was decided and the month it took effect, its
 * posts, and per month the pence it saved (its share of the posts-released line) and the pence of
 * fixed cost it left stranded (its share of the stranded line).
 *
 * <p>The months' figures of all releases add up, to the penny, to the ledger's posts-released and
 * stranded lines: BlockContract splits each month's two amounts between the releases in force by
 * their posts and gives the last release the remainder, so nothing is rounded twice.
 */
public final class TeamReleases implements java.io.Serializable {
  /*
   * Design notes
   *
   * 1. Primitive columns, one row per release, grown by doubling: a team releases a handful of
   *    times in a run (BlockContract allows 16), so the record allocates a few times per
   *    replication and never per event or per month.
   *
   * 2. Signs. saved() is the pence not paid (the posts-released line's posting, negated, so
   *    positive); stranded() the pence of fixed cost still paid (the stranded line's posting).
   */
  private static final long serialVersionUID = 1L;

  /** Why posts were released. */
  public enum Source {
    /** Named in the scenario (a service's contract.releases). */
    PLANNED,
    /** Found by a yearly contract review (a service's contract.unbundling). */
    REVIEW;

    /** The name used in output files. */
    public String label() {
      return this == PLANNED ? "planned" : "review";
    }
  }

  private static final Source[] SOURCES = Source.values();

  private final int months;
  private int count;
  private int[] team = new int[4];
  private byte[] source = new byte[4];
  private int[] decided = new int[4];
  private int[] effective = new int[4];
  private double[] posts = new double[4];
  private long[] saved;
  private long[] stranded;

  public TeamReleases(int months) {
    this.months = months;
    this.saved = new long[4 * months];
    this.stranded = new long[4 * months];
  }

  public int months() {
    return months;
  }

  /** Releases recorded. */
  public int count() {
    return count;
  }

  /**
   * Records a release when it is decided.
   *
   * @return its index, for {@link #post}
   */
  public int add(int team, Source why, int decidedMonth, int effectiveMonth, double released) {
    if (count == this.team.length) {
      int n = count * 2;
      this.team = Arrays.copyOf(this.team, n);
      source = Arrays.copyOf(source, n);
      decided = Arrays.copyOf(decided, n);
      effective = Arrays.copyOf(effective, n);
      posts = Arrays.copyOf(posts, n);
      saved = Arrays.copyOf(saved, n * months);
      stranded = Arrays.copyOf(stranded, n * months);
    }
    this.team[count] = team;
    source[count] = (byte) why.ordinal();
    decided[count] = decidedMonth;
    effective[count] = effectiveMonth;
    posts[count] = released;
    return count++;
  }

  /** Adds one month's saving and stranded cost of release {@code i}, in pence. */
  public void post(int i, int month, long savedPence, long strandedPence) {
    saved[i * months + month] += savedPence;
    stranded[i * months + month] += strandedPence;
  }

  /** The team (service number) of release {@code i}. */
  public int team(int i) {
    return team[i];
  }

  public Source source(int i) {
    return SOURCES[source[i]];
  }

  public int decidedMonth(int i) {
    return decided[i];
  }

  /** The first month without the posts. */
  public int effectiveMonth(int i) {
    return effective[i];
  }

  public double posts(int i) {
    return posts[i];
  }

  /** Pence not paid in {@code month} for release {@code i}'s posts (positive). */
  public long saved(int i, int month) {
    return saved[i * months + month];
  }

  /** Pence of fixed cost still paid in {@code month} for release {@code i}'s posts (positive). */
  public long stranded(int i, int month) {
    return stranded[i * months + month];
  }
}
