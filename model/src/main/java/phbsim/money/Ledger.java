package phbsim.money;

import java.util.Arrays;

/**
 * The one append-only record of every cash movement of one replication, in integer pence, each
 * tagged with its day, accounting month, line, service and segment. Every money figure phbsim
 * reports is derived from here ({@link #cashFlow()}); nothing keeps money on the side.
 */
public final class Ledger {
  /*
   * Design notes
   *
   * 1. Single entry against the commissioner's cash. Every posting moves money between the
   *    commissioner and a line (a provider, a person, an organisation): a positive amount is paid
   *    out, a negative one comes back (a reclaimed balance) or is not paid (a released post). The
   *    commissioner's cash account is therefore exactly minus the sum of all postings, and
   *    "balanced" means that three independent sums agree to the penny: the running total kept
   *    as postings arrive, the sum of the month-by-line table, and (when entries are kept) the sum
   *    of the entries themselves.
   *
   * 2. Rounding happens once, when an amount is computed (Money.times, half-even); the ledger
   *    only adds integers, so it cannot create or lose a penny.
   *
   * 3. Memory. A region-sized run posts tens of millions of entries. Entries are kept in
   *    primitive columns when asked for (tests, audits); otherwise only the month-by-line table
   *    is kept, which is all a cash flow needs. Either way the table is built by post() and
   *    nothing else.
   */

  /** Service or segment index meaning "not attached to one". */
  public static final int NONE = -1;

  private static final LedgerLine[] LINES = LedgerLine.values();

  private final int months;
  private final long[] table;
  private final boolean keepEntries;
  private long runningTotal;
  private long postings;

  private double[] day = new double[0];
  private int[] month = new int[0];
  private byte[] line = new byte[0];
  private short[] service = new short[0];
  private short[] segment = new short[0];
  private long[] pence = new long[0];

  /**
   * A ledger for a horizon of {@code months} accounting months.
   *
   * @param keepEntries keep every entry (for audit and tests) rather than only the month-by-line
   *     totals
   */
  public Ledger(int months, boolean keepEntries) {
    this.months = months;
    this.table = new long[months * LINES.length];
    this.keepEntries = keepEntries;
    if (keepEntries) {
      grow(1024);
    }
  }

  /**
   * Records one cash movement.
   *
   * @param day the simulated day it happens
   * @param accountingMonth the month whose books it belongs to (0-based)
   * @param service the service index, or {@link #NONE}
   * @param segment the segment index, or {@link #NONE}
   * @param amount pence paid out (negative: received back or saved)
   */
  public void post(
      double day, int accountingMonth, LedgerLine line, int service, int segment, long amount) {
    if (accountingMonth < 0 || accountingMonth >= months) {
      throw new IllegalArgumentException(
          "month " + accountingMonth + " is outside the horizon of " + months + " months");
    }
    if (amount == 0) {
      return;
    }
    int at = accountingMonth * LINES.length + line.ordinal();
    // Both sums are checked before either is stored, so a refused posting changes nothing.
    long cell = Math.addExact(table[at], amount);
    long total = Math.addExact(runningTotal, amount);
    table[at] = cell;
    runningTotal = total;
    if (keepEntries) {
      int i = (int) postings;
      if (i == pence.length) {
        grow(pence.length * 2);
      }
      this.day[i] = day;
      this.month[i] = accountingMonth;
      this.line[i] = (byte) line.ordinal();
      this.service[i] = (short) service;
      this.segment[i] = (short) segment;
      this.pence[i] = amount;
    }
    postings++;
  }

  public int months() {
    return months;
  }

  /** Number of postings made (whether or not their entries are kept). */
  public long postings() {
    return postings;
  }

  public boolean keepsEntries() {
    return keepEntries;
  }

  /** Total paid out, net of money back, over the whole horizon. */
  public long total() {
    return runningTotal;
  }

  /** The amount of one line in one month. */
  public long amount(int accountingMonth, LedgerLine line) {
    return table[accountingMonth * LINES.length + line.ordinal()];
  }

  /** The month-by-line table, as an immutable {@link CashFlow}. */
  public CashFlow cashFlow() {
    return new CashFlow(months, Arrays.copyOf(table, table.length));
  }

  /**
   * Checks that no penny appeared or disappeared: the running total, the sum of the table and (when
   * kept) the sum of the entries agree exactly.
   *
   * @throws IllegalStateException naming the figures if they do not
   */
  public void checkBalanced() {
    long tableSum = 0;
    for (long v : table) {
      tableSum = Math.addExact(tableSum, v);
    }
    if (tableSum != runningTotal) {
      throw new IllegalStateException(
          "ledger out of balance: lines add up to "
              + tableSum
              + "p, total paid "
              + runningTotal
              + "p");
    }
    if (keepEntries) {
      long entrySum = 0;
      long[] byCell = new long[table.length];
      for (int i = 0; i < postings; i++) {
        entrySum = Math.addExact(entrySum, pence[i]);
        byCell[month[i] * LINES.length + line[i]] += pence[i];
      }
      if (entrySum != runningTotal || !Arrays.equals(byCell, table)) {
        throw new IllegalStateException(
            "ledger out of balance: entries add up to "
                + entrySum
                + "p, total paid "
                + runningTotal
                + "p");
      }
    }
  }

  // Entries, when kept: index i in 0..postings()-1.

  public double entryDay(int i) {
    requireEntries();
    return day[i];
  }

  public int entryMonth(int i) {
    requireEntries();
    return month[i];
  }

  public LedgerLine entryLine(int i) {
    requireEntries();
    return LINES[line[i]];
  }

  public int entryService(int i) {
    requireEntries();
    return service[i];
  }

  public int entrySegment(int i) {
    requireEntries();
    return segment[i];
  }

  public long entryPence(int i) {
    requireEntries();
    return pence[i];
  }

  private void requireEntries() {
    if (!keepEntries) {
      throw new IllegalStateException("this ledger keeps totals only, not entries");
    }
  }

  private void grow(int capacity) {
    day = Arrays.copyOf(day, capacity);
    month = Arrays.copyOf(month, capacity);
    line = Arrays.copyOf(line, capacity);
    service = Arrays.copyOf(service, capacity);
    segment = Arrays.copyOf(segment, capacity);
    pence = Arrays.copyOf(pence, capacity);
  }
}
