package phbsim.money;

/**
 * Cash paid per accounting month and ledger line, in pence, as derived from a {@link Ledger}.
 * Immutable.
 */
public final class CashFlow implements java.io.Serializable {
  // Serializable so that a distributed job (the spark module) can send a replication's record
  // back from where it ran; plain arrays of numbers, nothing else.
  private static final long serialVersionUID = 1L;

  private static final LedgerLine[] LINES = LedgerLine.values();

  private final int months;
  private final long[] table;

  CashFlow(int months, long[] table) {
    this.months = months;
    this.table = table;
  }

  public int months() {
    return months;
  }

  /** One line in one month. */
  public long amount(int month, LedgerLine line) {
    return table[month * LINES.length + line.ordinal()];
  }

  /** All lines in one month. */
  public long total(int month) {
    long sum = 0;
    for (int l = 0; l < LINES.length; l++) {
      sum += table[month * LINES.length + l];
    }
    return sum;
  }

  /** One line over the whole horizon. */
  public long lineTotal(LedgerLine line) {
    long sum = 0;
    for (int m = 0; m < months; m++) {
      sum += amount(m, line);
    }
    return sum;
  }

  /** Everything over the whole horizon. */
  public long total() {
    long sum = 0;
    for (long v : table) {
      sum += v;
    }
    return sum;
  }

  /** A copy of the table, month-major then line; for hashing and comparison. */
  public long[] toArray() {
    return table.clone();
  }
}
