package phbsim.spark;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * What an executor builds once and its task threads share (a parsed or compiled scenario), the most
 * recently used kept, up to a size. Building happens outside the lock, so two threads may build the
 * same entry once each; the first kept is what both get, and since building is a pure function of
 * the key, that changes nothing.
 */
final class ExecutorCache<K, V> {
  private final Map<K, V> entries;

  ExecutorCache(int size) {
    this.entries =
        new LinkedHashMap<>(size, 0.75f, true) {
          private static final long serialVersionUID = 1L;

          @Override
          protected boolean removeEldestEntry(Map.Entry<K, V> e) {
            return size() > size;
          }
        };
  }

  /** The entry for {@code key}, built by {@code build} if this executor has not kept one. */
  V get(K key, Function<K, V> build) {
    synchronized (entries) {
      V found = entries.get(key);
      if (found != null) {
        return found;
      }
    }
    V built = build.apply(key);
    synchronized (entries) {
      entries.putIfAbsent(key, built);
      return entries.get(key);
    }
  }
}
