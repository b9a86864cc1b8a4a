package phbsim.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import phbsim.report.ReplicationResult;
import phbsim.world.CompiledScenario;

/**
 * An experiment as a set of cells, column x replication, where a column is one arm of one parameter
 * draw: the status quo or an option, a sweep point, a sensitivity setting, a draw of a
 * probabilistic analysis. Every command that runs the model (run, compare, sweep, sensitivity,
 * goal-seek, calibrate) asks for a cube and reads its summaries from the cells.
 */
public final class Cube {
  /*
   * Design notes
   *
   * 1. One cell, one pure function. A cell is one replication of one compiled scenario, with the
   *    random streams of (seed, draw, replication) (RandomStreams.forCell): nothing else goes in,
   *    so a cell gives the same result on any thread, in any order, on any machine, and a failed
   *    task can simply be run again. The arm is not in the key, which is what makes the arms of
   *    a draw share random numbers.
   * 2. Cells are run replication-major (all the columns of replication 0, then of 1...), so that
   *    a run of few replications and many columns still keeps every thread busy, and results are
   *    stored by index: the thread count cannot change them.
   * 3. A cell's result can be reduced as soon as it is made (to the few numbers a sweep or a
   *    probabilistic analysis needs), so that thousands of cells need not all be held in memory
   *    at once.
   * 4. Some figures need two cells of one replication side by side: the cohort view follows the
   *    same people in the option and in the status quo. A pairing step runs as soon as the last
   *    column of a replication is done, on the thread that finished it, and turns that
   *    replication's reduced cells into their final form (dropping what it has read). It is a
   *    pure function of the replication's cells, so which thread runs it changes nothing.
   */

  private Cube() {}

  /**
   * One column of the cube: a compiled scenario, and the area and parameter draw its streams use.
   */
  public record Column(CompiledScenario compiled, int area, int draw) {
    /** A column of the point estimates (draw 0) of area 0. */
    public Column(CompiledScenario compiled) {
      this(compiled, 0, 0);
    }

    /** A column of parameter draw {@code draw} of area 0. */
    public Column(CompiledScenario compiled, int draw) {
      this(compiled, 0, draw);
    }
  }

  /** Reduces the result of a cell of column {@code column}. */
  @FunctionalInterface
  public interface Reducer<T> {
    T reduce(int column, ReplicationResult result);
  }

  /** Turns the reduced cells of one replication, in column order, into their final form. */
  @FunctionalInterface
  public interface Pairing<T, U> {
    List<U> pair(int replication, List<T> cells);
  }

  /**
   * As {@link #run(List, RunSpec, Progress, Reducer)}, and then each replication's cells are paired
   * (note 4) as soon as its last column is done.
   *
   * @return element [c][r] is the paired result of column c, replication r
   */
  public static <T, U> List<List<U>> run(
      List<Column> columns,
      RunSpec run,
      Progress progress,
      Reducer<T> reduce,
      Pairing<T, U> pairing) {
    int a = columns.size();
    int n = run.replications();
    java.util.concurrent.atomic.AtomicReferenceArray<T> reduced =
        new java.util.concurrent.atomic.AtomicReferenceArray<>(n * a);
    java.util.concurrent.atomic.AtomicIntegerArray remaining =
        new java.util.concurrent.atomic.AtomicIntegerArray(n);
    for (int r = 0; r < n; r++) {
      remaining.set(r, a);
    }
    java.util.concurrent.atomic.AtomicReferenceArray<U> paired =
        new java.util.concurrent.atomic.AtomicReferenceArray<>(n * a);
    ReplicationRunner.run(
        n * a,
        run.threads(),
        i -> {
          Column c = columns.get(i % a);
          int r = i / a;
          reduced.set(
              i,
              reduce.reduce(
                  i % a,
                  Experiment.replicate(c.compiled(), run.masterSeed(), c.area(), c.draw(), r)));
          if (remaining.decrementAndGet(r) == 0) {
            List<T> cells = new ArrayList<>(a);
            for (int k = 0; k < a; k++) {
              cells.add(reduced.getAndSet(r * a + k, null));
            }
            List<U> out = pairing.pair(r, cells);
            for (int k = 0; k < a; k++) {
              paired.set(r * a + k, out.get(k));
            }
          }
          return null;
        },
        progress);
    List<List<U>> byColumn = new ArrayList<>(a);
    for (int c = 0; c < a; c++) {
      List<U> list = new ArrayList<>(n);
      for (int r = 0; r < n; r++) {
        list.add(paired.get(r * a + c));
      }
      byColumn.add(list);
    }
    return byColumn;
  }

  /**
   * Runs every column for {@code run.replications()} replications, reducing each cell's result.
   *
   * @return element [c][r] is the reduced result of column c, replication r
   */
  public static <T> List<List<T>> run(
      List<Column> columns, RunSpec run, Progress progress, Function<ReplicationResult, T> reduce) {
    return run(columns, run, progress, (Reducer<T>) (column, r) -> reduce.apply(r));
  }

  /** As {@link #run(List, RunSpec, Progress, Function)}, the reducer told each cell's column. */
  public static <T> List<List<T>> run(
      List<Column> columns, RunSpec run, Progress progress, Reducer<T> reduce) {
    int a = columns.size();
    List<T> cells =
        ReplicationRunner.run(
            run.replications() * a,
            run.threads(),
            i -> {
              Column c = columns.get(i % a);
              return reduce.reduce(
                  i % a,
                  Experiment.replicate(c.compiled(), run.masterSeed(), c.area(), c.draw(), i / a));
            },
            progress);
    List<List<T>> byColumn = new ArrayList<>(a);
    for (int c = 0; c < a; c++) {
      List<T> list = new ArrayList<>(run.replications());
      for (int r = 0; r < run.replications(); r++) {
        list.add(cells.get(r * a + c));
      }
      byColumn.add(list);
    }
    return byColumn;
  }
}
