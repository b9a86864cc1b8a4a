package phbsim.observe;

import java.util.Arrays;

/**
 * What one replication records for the cohort view (docs/model.md section 7.5): for the people it
 * follows, what they cost and when, by component, and when each started a budget. The view itself
 * (12 months before and after each start, against the same person in the status quo) is worked out
 * afterwards from two logs, the option's and the status quo's, by {@code phbsim.report.Cohort}.
 *
 * <p>Who is followed: everyone in a segment whose people can be offered a budget, or in a large
 * population one person in {@link #sampleEvery()} by person number, the same people in every arm
 * (person numbers are the order of arrival, which no option changes). Costs are valued at unit
 * cost, whether the commissioner pays them as cash or within a block: the pilot compared the use of
 * services, not the payments.
 */
public final class CohortLog {
  /*
   * Design note. A cost is a point (an A&E attendance, a budget payment) or a rate over an
   * interval of days (a bed, a caseload place, GP consultations at their expected rate). Both are
   * kept as (person, from, to, component, amount): a point has from == to and amount in pounds; an
   * interval has amount in pounds a day. Open intervals (a caseload place, GP use) are kept per
   * followed person and written when they close. Memory: about 30 bytes a record, a few records a
   * person-year, held only until the replication's arms have been paired.
   */

  /** What a cost is spent on, as the national pilot grouped the use of services. */
  public enum Component {
    /** The budget itself: payments, less direct-payment balances reclaimed. */
    BUDGET("Budget"),
    /** Ward beds in area and out-of-area placements. */
    INPATIENT("In-patient care"),
    /** A&E attendances, crisis team episodes and crisis-house nights. */
    CRISIS("Crisis and emergency care"),
    /** GP consultations. */
    GP("GP consultations"),
    /** The community team: a place on its caseload, or the share of one a holder still uses. */
    COMMUNITY("Community team");

    private final String title;

    Component(String title) {
      this.title = title;
    }

    public String title() {
      return title;
    }

    /** The name used in output files, e.g. {@code inpatient}. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Whether the pilot counted it among "other NHS services" (in-patient, emergency, GP). */
    public boolean otherNhs() {
      return this == INPATIENT || this == CRISIS || this == GP;
    }
  }

  private static final Component[] COMPONENTS = Component.values();

  private final int sampleEvery;

  private int records;
  private int[] person = new int[64];
  private float[] from = new float[64];
  private float[] to = new float[64];
  private byte[] component = new byte[64];
  private double[] amount = new double[64];

  private int followed;
  private int[] followedPerson = new int[16];
  private double[] arrived = new double[16];
  private double[] left = new double[16];
  private double[][] openSince = new double[COMPONENTS.length][16];
  private double[][] openRate = new double[COMPONENTS.length][16];

  private int starts;
  private int[] startPerson = new int[16];
  private double[] startDay = new double[16];
  private boolean[] startRestrictive = new boolean[16];
  private double[] startAllocation = new double[16];

  private int crises;
  private int[] crisisPerson = new int[16];
  private double[] crisisDay = new double[16];

  /** A log that follows one person in {@code sampleEvery} of those it is offered. */
  public CohortLog(int sampleEvery) {
    this.sampleEvery = Math.max(1, sampleEvery);
  }

  /** One person in this many is followed (1: everyone in a budget segment). */
  public int sampleEvery() {
    return sampleEvery;
  }

  /** Whether person {@code p} is followed, if they are in a budget segment. */
  public boolean samples(int p) {
    return p % sampleEvery == 0;
  }

  /**
   * Starts following person p, who came into secondary care on {@code day}; returns their index.
   */
  public int follow(int p, double day) {
    if (followed == followedPerson.length) {
      int n = followed * 2;
      followedPerson = Arrays.copyOf(followedPerson, n);
      arrived = Arrays.copyOf(arrived, n);
      left = Arrays.copyOf(left, n);
      for (int c = 0; c < COMPONENTS.length; c++) {
        openSince[c] = Arrays.copyOf(openSince[c], n);
        openRate[c] = Arrays.copyOf(openRate[c], n);
      }
    }
    followedPerson[followed] = p;
    arrived[followed] = day;
    left[followed] = Double.POSITIVE_INFINITY;
    return followed++;
  }

  /** Followed person k (index from {@link #follow}) left secondary care on {@code day}. */
  public void left(int k, double day) {
    left[k] = day;
  }

  /**
   * Sets the rate, pounds a day, at which followed person {@code k} (index from {@link #follow})
   * now costs on component {@code c}; the interval at the old rate closes at {@code day}.
   */
  public void rate(int k, Component c, double day, double poundsPerDay) {
    int ci = c.ordinal();
    double old = openRate[ci][k];
    if (old == poundsPerDay) {
      return;
    }
    if (old != 0 && day > openSince[ci][k]) {
      add(followedPerson[k], openSince[ci][k], day, c, old);
    }
    openSince[ci][k] = day;
    openRate[ci][k] = poundsPerDay;
  }

  /** A cost over days {@code from} to {@code to}, pounds a day. */
  public void interval(int p, double fromDay, double toDay, Component c, double poundsPerDay) {
    if (poundsPerDay != 0 && toDay > fromDay) {
      add(p, fromDay, toDay, c, poundsPerDay);
    }
  }

  /** A cost on one day, in pounds. */
  public void point(int p, double day, Component c, double pounds) {
    if (pounds != 0) {
      add(p, day, day, c, pounds);
    }
  }

  /** A crisis of person p. */
  public void crisis(int p, double day) {
    if (crises == crisisPerson.length) {
      crisisPerson = Arrays.copyOf(crisisPerson, crises * 2);
      crisisDay = Arrays.copyOf(crisisDay, crises * 2);
    }
    crisisPerson[crises] = p;
    crisisDay[crises++] = day;
  }

  /** Person p started a budget (a plan signed off; not a budget held on day 0). */
  public void started(int p, double day, boolean restrictive, double allocationPerYear) {
    if (starts == startPerson.length) {
      int n = starts * 2;
      startPerson = Arrays.copyOf(startPerson, n);
      startDay = Arrays.copyOf(startDay, n);
      startRestrictive = Arrays.copyOf(startRestrictive, n);
      startAllocation = Arrays.copyOf(startAllocation, n);
    }
    startPerson[starts] = p;
    startDay[starts] = day;
    startRestrictive[starts] = restrictive;
    startAllocation[starts++] = allocationPerYear;
  }

  /** Closes every open interval at the end of the run. */
  public void close(double day) {
    for (int k = 0; k < followed; k++) {
      for (Component c : COMPONENTS) {
        rate(k, c, day, 0);
      }
    }
  }

  private void add(int p, double fromDay, double toDay, Component c, double value) {
    if (records == person.length) {
      int n = records * 2;
      person = Arrays.copyOf(person, n);
      from = Arrays.copyOf(from, n);
      to = Arrays.copyOf(to, n);
      component = Arrays.copyOf(component, n);
      amount = Arrays.copyOf(amount, n);
    }
    person[records] = p;
    from[records] = (float) fromDay;
    to[records] = (float) toDay;
    component[records] = (byte) c.ordinal();
    amount[records++] = value;
  }

  // ---------------------------------------------------------------- reading

  /** Budget starts recorded. */
  public int starts() {
    return starts;
  }

  public int startPerson(int i) {
    return startPerson[i];
  }

  public double startDay(int i) {
    return startDay[i];
  }

  public boolean startRestrictive(int i) {
    return startRestrictive[i];
  }

  public double startAllocation(int i) {
    return startAllocation[i];
  }

  /**
   * The costs of each person in a window, by component: a reader that indexes the records by person
   * once, so that many windows can be asked for cheaply.
   */
  public Reader reader() {
    return new Reader();
  }

  /** Indexes the records and the crises by person. */
  public final class Reader {
    private final int[] followedIndex;
    private final int[] recordStart;
    private final int[] recordOrder;
    private final int[] crisisStart;
    private final int[] crisisOrder;

    Reader() {
      int max = 0;
      for (int i = 0; i < records; i++) {
        max = Math.max(max, person[i]);
      }
      for (int i = 0; i < crises; i++) {
        max = Math.max(max, crisisPerson[i]);
      }
      for (int i = 0; i < starts; i++) {
        max = Math.max(max, startPerson[i]);
      }
      for (int k = 0; k < followed; k++) {
        max = Math.max(max, followedPerson[k]);
      }
      followedIndex = new int[max + 1];
      Arrays.fill(followedIndex, -1);
      for (int k = 0; k < followed; k++) {
        followedIndex[followedPerson[k]] = k;
      }
      recordStart = new int[max + 2];
      recordOrder = byPerson(person, records, recordStart);
      crisisStart = new int[max + 2];
      crisisOrder = byPerson(crisisPerson, crises, crisisStart);
    }

    /** A counting sort of indexes 0..n-1 by owner; start[p]..start[p+1] are p's. */
    private int[] byPerson(int[] owner, int n, int[] start) {
      for (int i = 0; i < n; i++) {
        start[owner[i] + 1]++;
      }
      for (int p = 1; p < start.length; p++) {
        start[p] += start[p - 1];
      }
      int[] next = Arrays.copyOf(start, start.length);
      int[] order = new int[n];
      for (int i = 0; i < n; i++) {
        order[next[owner[i]]++] = i;
      }
      return order;
    }

    /**
     * Whether person p was in secondary care throughout days [a, b): came in by a and had not left
     * by b (the pilot followed people for their 12 months; those who left are not compared).
     */
    public boolean presentThroughout(int p, double a, double b) {
      int k = p < followedIndex.length ? followedIndex[p] : -1;
      return k >= 0 && arrived[k] <= a && left[k] >= b;
    }

    /** Adds person p's costs in days [a, b) to {@code sums}, by component ordinal. */
    public void costs(int p, double a, double b, double[] sums) {
      if (p + 1 >= recordStart.length) {
        return;
      }
      for (int j = recordStart[p]; j < recordStart[p + 1]; j++) {
        int i = recordOrder[j];
        double f = from[i];
        double t = to[i];
        if (f == t) {
          if (f >= a && f < b) {
            sums[component[i]] += amount[i];
          }
        } else {
          double overlap = Math.min(t, b) - Math.max(f, a);
          if (overlap > 0) {
            sums[component[i]] += amount[i] * overlap;
          }
        }
      }
    }

    /** Person p's crises in days [a, b). */
    public int crises(int p, double a, double b) {
      if (p + 1 >= crisisStart.length) {
        return 0;
      }
      int n = 0;
      for (int j = crisisStart[p]; j < crisisStart[p + 1]; j++) {
        double d = crisisDay[crisisOrder[j]];
        if (d >= a && d < b) {
          n++;
        }
      }
      return n;
    }
  }
}
