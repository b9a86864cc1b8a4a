package phbsim.world;

import java.util.Arrays;

/** A first-come, first-served line of person numbers, as a growable ring buffer of ints. */
final class WaitingList {
  private int[] ring = new int[64];
  private int head;
  private int size;

  public int size() {
    return size;
  }

  public boolean isEmpty() {
    return size == 0;
  }

  public void add(int person) {
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
  }

  /** Removes and returns the person at the front. */
  public int poll() {
    if (size == 0) {
      throw new IllegalStateException("waiting list is empty");
    }
    int person = ring[head];
    head = (head + 1) % ring.length;
    size--;
    return person;
  }

  @Override
  public String toString() {
    int[] copy = new int[size];
    for (int i = 0; i < size; i++) {
      copy[i] = ring[(head + i) % ring.length];
    }
    return Arrays.toString(copy);
  }
}
