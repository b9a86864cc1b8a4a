package phbsim.observe;

import java.util.Arrays;

/**
 * Every budget of one replication as a spell: how long it was held, in days, and whether it was
 * still running at the horizon (censored), for the Kaplan-Meier estimate of a budget's length
 * (phbsim.report.KaplanMeier).
 *
 * <p>A budget held on day 0 began before the run: its spell is counted from day 0, since the run
 * does not know how long it had already lasted (exact when the chance of ending does not depend on
 * how long a budget has run).
 *
 * <p>Plain growing arrays of numbers, no object per budget: {@link #start} and {@link #end} are
 * called from the event loop, and grow their arrays by half when full, like People.
 */
public final class BudgetSpells implements java.io.Serializable {
  // Serializable so that a distributed job (the spark module) can send it back with its
  // replication.
  private static final long serialVersionUID = 1L;

  /** By person: the day their current budget began, or NaN if they hold none; null once closed. */
  private double[] startDay;

  private double[] days;
  private boolean[] censored;
  private int count;
  private boolean closed;

  /**
   * @param people how many people are expected (the arrays grow if more come)
   */
  public BudgetSpells(int people) {
    int capacity = Math.max(16, people);
    startDay = new double[capacity];
    Arrays.fill(startDay, Double.NaN);
    // Budgets are few beside people: the spells start small and grow.
    days = new double[64];
    censored = new boolean[64];
  }

  /** Person {@code person} begins to hold a budget on {@code day}. */
  public void start(int person, double day) {
    if (person >= startDay.length) {
      int old = startDay.length;
      startDay = Arrays.copyOf(startDay, Math.max(person + 1, old + (old >> 1)));
      Arrays.fill(startDay, old, startDay.length, Double.NaN);
    }
    if (!Double.isNaN(startDay[person])) {
      throw new IllegalStateException("person " + person + " already holds a budget");
    }
    startDay[person] = day;
  }

  /** Person {@code person}'s budget ends on {@code day}. */
  public void end(int person, double day) {
    add(day - startDay[person], false);
    startDay[person] = Double.NaN;
  }

  /** The horizon is reached: every budget still held becomes a censored spell. Once only. */
  public void close(double horizon) {
    if (closed) {
      return;
    }
    closed = true;
    for (int p = 0; p < startDay.length; p++) {
      if (!Double.isNaN(startDay[p])) {
        add(horizon - startDay[p], true);
      }
    }
    // What a replication keeps is the spells only, not an array over everyone who was present.
    startDay = null;
    days = Arrays.copyOf(days, count);
    censored = Arrays.copyOf(censored, count);
  }

  private void add(double length, boolean stillRunning) {
    if (count == days.length) {
      int capacity = days.length + (days.length >> 1) + 16;
      days = Arrays.copyOf(days, capacity);
      censored = Arrays.copyOf(censored, capacity);
    }
    days[count] = length;
    censored[count] = stillRunning;
    count++;
  }

  /** Spells recorded: budgets ended, and after {@link #close} those still running too. */
  public int count() {
    return count;
  }

  /** Days spell {@code i} lasted (to the horizon if it is censored). */
  public double days(int i) {
    return days[i];
  }

  /** Whether spell {@code i} was still running at the horizon. */
  public boolean censored(int i) {
    return censored[i];
  }
}
