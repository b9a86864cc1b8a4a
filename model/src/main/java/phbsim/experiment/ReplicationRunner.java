package phbsim.experiment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Runs independent tasks 0..n-1 on a number of threads and returns their results in index order.
 */
public final class ReplicationRunner {
  /*
   * Design notes: why results cannot depend on the thread count
   *
   * 1. A replication shares nothing mutable with another: it builds its own World from the
   *    read-only CompiledScenario and its own RandomStreams keyed by its index.
   * 2. Results are stored by replication index, not in completion order.
   * 3. Every summary reduces over replications in index order, after all have finished, so even
   *    floating-point sums are added in the same order whatever the threads did.
   * Threads take the next index from a shared counter; which thread runs which index is
   * irrelevant by 1 and 2.
   */

  /** A tenth of the tasks, at most WARM_UP_MAX, run on one thread before the others start. */
  private static final int WARM_UP_SHARE = 10;

  private static final int WARM_UP_MAX = 200;

  /**
   * Tasks finished by any call in this JVM. The staggered start is for the JIT's first compiles,
   * once per JVM: a later call (the timed runs of a benchmark after its warm-up ones, say) starts
   * all its workers at once unless the earlier calls did fewer tasks than its own stagger would
   * wait for. It only decides when threads start, never what they compute (note 2).
   */
  private static final AtomicLong TASKS_DONE = new AtomicLong();

  private ReplicationRunner() {}

  /**
   * Runs {@code task} for every index in {@code 0..n-1} on {@code threads} threads.
   *
   * @return the results, element i being {@code task.apply(i)}
   */
  public static <T> List<T> run(int n, int threads, IntFunction<T> task) {
    return run(n, threads, task, Progress.NONE);
  }

  /**
   * As {@link #run(int, int, IntFunction)}, telling {@code progress} each time a task finishes
   * (from the thread that ran it).
   */
  public static <T> List<T> run(int n, int threads, IntFunction<T> task, Progress progress) {
    Object[] results = new Object[n];
    AtomicLong finished = new AtomicLong();
    if (threads <= 1 || n <= 1) {
      for (int i = 0; i < n; i++) {
        results[i] = task.apply(i);
        TASKS_DONE.incrementAndGet();
        progress.advanced(finished.incrementAndGet(), n);
      }
      return cast(results);
    }
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(Math.min(threads, n), new Daemons());
    try {
      List<Future<?>> workers = new ArrayList<>();
      // Staggered start: the other workers wait until the first WARM_UP_SHARE of the tasks are
      // done, so that in a fresh JVM the JIT compiler has a core of its own while it compiles
      // the replication code, instead of slowing both workers down for longer (2 threads gave
      // 1.1-1.2 times 1 thread in a fresh JVM, against 1.9 once warm). Which thread runs which
      // index does not change any result (note 2).
      long stagger = Math.min(n / WARM_UP_SHARE, WARM_UP_MAX) - TASKS_DONE.get();
      CountDownLatch warmedUp = new CountDownLatch((int) Math.max(0, stagger));
      for (int w = 0; w < Math.min(threads, n); w++) {
        boolean first = w == 0;
        workers.add(
            pool.submit(
                () -> {
                  try {
                    if (!first) {
                      warmedUp.await();
                    }
                    for (int i = next.getAndIncrement(); i < n; i = next.getAndIncrement()) {
                      results[i] = task.apply(i);
                      TASKS_DONE.incrementAndGet();
                      warmedUp.countDown();
                      progress.advanced(finished.incrementAndGet(), n);
                    }
                  } finally {
                    while (warmedUp.getCount() > 0) {
                      warmedUp.countDown();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : workers) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running replications", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
    return cast(results);
  }

  @SuppressWarnings("unchecked")
  private static <T> List<T> cast(Object[] results) {
    return (List<T>) Arrays.asList(results);
  }

  /** Worker threads that never keep the JVM alive on their own. */
  private static final class Daemons implements java.util.concurrent.ThreadFactory {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable r) {
      Thread t = new Thread(r, "phbsim-replication-" + count.incrementAndGet());
      t.setDaemon(true);
      return t;
    }
  }
}
