package phbsim.world;

import java.util.Arrays;
import phbsim.scenario.Targeting;

/**
 * The people who could be offered a budget now (on an eligible segment's caseload, not already
 * planning one), and who is offered next under the scenario's targeting rule (docs/model.md section
 * 6): at random, highest crisis risk first, or those able to manage a budget first. Add, remove and
 * pick are O(1), or O(log n) for highest risk first.
 */
final class EligiblePool {
  /*
   * Design notes
   *
   * 1. Random picks take one uniform from the caller (the roll-out's own stream), whatever the
   *    rule, so that changing the rule never shifts another purpose's random numbers.
   * 2. Highest risk first is an indexed binary heap ordered by risk, then by person number (the
   *    earlier arrival first), so that ties are broken the same way in every run.
   */

  private final Targeting rule;
  private final Dense random = new Dense();
  private final Dense able = new Dense();
  private final RiskHeap heap = new RiskHeap();

  EligiblePool(Targeting rule) {
    this.rule = rule;
  }

  int size() {
    return switch (rule) {
      case RANDOM -> random.size;
      case ABLE_TO_MANAGE_FIRST -> random.size + able.size;
      case HIGHEST_RISK -> heap.size;
    };
  }

  boolean isEmpty() {
    return size() == 0;
  }

  boolean contains(int p) {
    return random.contains(p) || able.contains(p) || heap.contains(p);
  }

  /**
   * Adds person p, with their crisis risk (a rate per day) and whether they could manage a budget.
   */
  void add(int p, double risk, boolean ableToManage) {
    switch (rule) {
      case RANDOM -> random.add(p);
      case ABLE_TO_MANAGE_FIRST -> (ableToManage ? able : random).add(p);
      case HIGHEST_RISK -> heap.add(p, risk);
    }
  }

  void remove(int p) {
    random.remove(p);
    able.remove(p);
    heap.remove(p);
  }

  /** The person to offer next, given a uniform {@code u} in [0, 1); they stay in the pool. */
  int pick(double u) {
    return switch (rule) {
      case RANDOM -> random.get((int) (u * random.size));
      case ABLE_TO_MANAGE_FIRST ->
          able.size > 0 ? able.get((int) (u * able.size)) : random.get((int) (u * random.size));
      case HIGHEST_RISK -> heap.top();
    };
  }

  /** A dense array with O(1) add, remove and pick by position. */
  private static final class Dense {
    private int[] members = new int[64];
    private int[] indexOf = new int[64];
    private int size;

    boolean contains(int p) {
      return p < indexOf.length && indexOf[p] > 0;
    }

    void add(int p) {
      if (contains(p)) {
        return;
      }
      if (size == members.length) {
        members = Arrays.copyOf(members, size * 2);
      }
      if (p >= indexOf.length) {
        indexOf = Arrays.copyOf(indexOf, Math.max(p + 1, indexOf.length * 2));
      }
      members[size] = p;
      indexOf[p] = ++size;
    }

    void remove(int p) {
      if (!contains(p)) {
        return;
      }
      int i = indexOf[p] - 1;
      int last = members[--size];
      members[i] = last;
      indexOf[last] = i + 1;
      indexOf[p] = 0;
    }

    int get(int i) {
      return members[i];
    }
  }

  /** A max-heap of people by risk, then by the lower person number, with removal by person. */
  private static final class RiskHeap {
    private int[] person = new int[64];
    private double[] risk = new double[64];
    private int[] slotOf = new int[64];
    private int size;

    boolean contains(int p) {
      return p < slotOf.length && slotOf[p] > 0;
    }

    int top() {
      return person[0];
    }

    void add(int p, double r) {
      if (contains(p)) {
        return;
      }
      if (size == person.length) {
        person = Arrays.copyOf(person, size * 2);
        risk = Arrays.copyOf(risk, size * 2);
      }
      if (p >= slotOf.length) {
        slotOf = Arrays.copyOf(slotOf, Math.max(p + 1, slotOf.length * 2));
      }
      person[size] = p;
      risk[size] = r;
      slotOf[p] = size + 1;
      size++;
      up(size - 1);
    }

    void remove(int p) {
      if (!contains(p)) {
        return;
      }
      int i = slotOf[p] - 1;
      slotOf[p] = 0;
      size--;
      if (i == size) {
        return;
      }
      person[i] = person[size];
      risk[i] = risk[size];
      slotOf[person[i]] = i + 1;
      up(i);
      down(slotOf[person[i]] - 1);
    }

    /** Whether the entry at a comes before the entry at b. */
    private boolean before(int a, int b) {
      return risk[a] > risk[b] || (risk[a] == risk[b] && person[a] < person[b]);
    }

    private void up(int i) {
      while (i > 0) {
        int parent = (i - 1) >>> 1;
        if (!before(i, parent)) {
          return;
        }
        swap(i, parent);
        i = parent;
      }
    }

    private void down(int i) {
      while (true) {
        int left = 2 * i + 1;
        if (left >= size) {
          return;
        }
        int best = left + 1 < size && before(left + 1, left) ? left + 1 : left;
        if (!before(best, i)) {
          return;
        }
        swap(i, best);
        i = best;
      }
    }

    private void swap(int a, int b) {
      int p = person[a];
      double r = risk[a];
      person[a] = person[b];
      risk[a] = risk[b];
      person[b] = p;
      risk[b] = r;
      slotOf[person[a]] = a + 1;
      slotOf[person[b]] = b + 1;
    }
  }
}
