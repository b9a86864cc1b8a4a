package phbsim.world;

import java.util.Arrays;

/**
 * The people who could be offered a budget now (on an eligible segment's caseload, not already
 * planning one), as a dense array with O(1) add, remove and pick-by-index, so that an offer goes to
 * a person chosen uniformly at random.
 */
final class EligiblePool {
  private int[] members = new int[64];
  private int[] indexOf = new int[64];
  private int size;

  int size() {
    return size;
  }

  boolean isEmpty() {
    return size == 0;
  }

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

  /** The member at position {@code i} (0 to size-1); positions change as members come and go. */
  int get(int i) {
    return members[i];
  }
}
