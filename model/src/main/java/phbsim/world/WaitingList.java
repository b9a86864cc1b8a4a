package phbsim.world;

import java.util.Arrays;

/**
 * A first-come, first-served line of person numbers, as a growable ring buffer of ints.
 *
 * <p>People who leave the line other than from its front (they die, move away or are discharged
 * while waiting) are not searched for: their entry stays until it reaches the front, where the
 * caller skips it (their status is no longer "waiting"). The line therefore keeps its own count of
 * the people really waiting, {@link #waiting()}, and empties itself of such entries when nobody is
 * left.
 */
final class WaitingList {
  private int[] ring = new int[64];
  private int head;
  private int size;
  private int waiting;

  /** People really waiting. */
  int waiting() {
    return waiting;
  }

  boolean nobodyWaiting() {
    return waiting == 0;
  }

  void add(int person) {
    if (size == ring.length) {
      int[] bigger = new int[ring.length * 2];
      for (int i = 0; i < size; i++) {
        bigger[i] = ring[(head + i) % ring.length];
      }
      ring = bigger;
      head = 0;
    }
    ring[(head + size) % ring.length] = person;
    size++;
    waiting++;
  }

  /**
   * Removes and returns the entry at the front, which may be someone who has left already; the
   * caller skips those. Call only while {@link #waiting()} is above zero.
   */
  int pollEntry() {
    if (size == 0) {
      throw new IllegalStateException("waiting list is empty");
    }
    int person = ring[head];
    head = (head + 1) % ring.length;
    size--;
    return person;
  }

  /** The person polled last was really waiting and now has a place. */
  void placed() {
    left();
  }

  /** Someone waiting left the line other than from its front; their entry is skipped later. */
  void left() {
    if (waiting == 0) {
      throw new IllegalStateException("nobody is waiting");
    }
    waiting--;
    if (waiting == 0) {
      head = 0;
      size = 0;
    }
  }

  @Override
  public String toString() {
    int[] copy = new int[size];
    for (int i = 0; i < size; i++) {
      copy[i] = ring[(head + i) % ring.length];
    }
    return waiting + " waiting, entries " + Arrays.toString(copy);
  }
}
