package phbsim.cli;

import java.io.PrintWriter;
import java.time.Duration;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import phbsim.experiment.Progress;

/**
 * Shows how a long run is going: a progress bar with the time left on a terminal (the progressbar
 * library), plain lines at each tenth on anything else (a log, a pipe, a test), nothing with {@code
 * --quiet}. Runs of under about 2 seconds show nothing. Written to the error stream, so that the
 * results on the output stream stay clean.
 */
final class ProgressReporter implements AutoCloseable {
  /*
   * Design note. The progressbar library writes carriage returns and colour codes even when the
   * stream is not a terminal (LIBRARIES: a known trap), so it is used only when System.console()
   * says there is one and the error stream is the process's own; elsewhere a line per tenth.
   */

  private static final long QUIET_FOR_NANOS = 2_000_000_000L;

  private final long quietForNanos;
  private final String task;
  private final PrintWriter err;
  private final boolean quiet;
  private final boolean terminal;
  private final long started = System.nanoTime();
  private ProgressBar bar;
  private int lastTenth;
  private boolean printedAny;

  ProgressReporter(String task, PrintWriter err, boolean quiet, boolean processErr) {
    this(task, err, quiet, processErr, QUIET_FOR_NANOS);
  }

  /** As above, silent for the first {@code quietForNanos} (tests pass 0 to see every line). */
  ProgressReporter(
      String task, PrintWriter err, boolean quiet, boolean processErr, long quietForNanos) {
    this.quietForNanos = quietForNanos;
    this.task = task;
    this.err = err;
    this.quiet = quiet;
    this.terminal = processErr && System.console() != null;
  }

  /** A reporter for a run of {@code total} cells, each one run of the model. */
  Progress cells() {
    return cells("runs of the model", 1);
  }

  /**
   * A reporter for an appraisal: it counts whole replications (a replication is one run of the
   * status quo and of each option on the same random numbers, {@code arms} runs of the model), so
   * 400 replications show as 400, not as 1,200 runs.
   */
  Progress replications(int arms) {
    return cells("replications", Math.max(1, arms));
  }

  /** A reporter counting cells in units of {@code per} cells, named {@code unit}. */
  private Progress cells(String unit, long per) {
    if (quiet) {
      return Progress.NONE;
    }
    synchronized (this) {
      // A command may run several cubes one after another (sensitivity: one-way, then
      // probabilistic); each is followed from its own start.
      lastTenth = 0;
      if (bar != null) {
        bar.close();
        bar = null;
        printedAny = true;
      }
    }
    return (done, total) -> {
      synchronized (this) {
        advance(done, total, unit, per);
      }
    };
  }

  /**
   * A reporter for a search that runs the model again and again (goal seek, calibration): it counts
   * the evaluations finished, out of {@code atMost} when there is a cap (0 when there is none),
   * because the cells of any one evaluation say little about the time left.
   */
  Progress evaluations(int atMost) {
    if (quiet) {
      return Progress.NONE;
    }
    long[] finished = {0};
    return (done, total) -> {
      if (done != total) {
        return;
      }
      synchronized (this) {
        finished[0]++;
        evaluation(finished[0], atMost);
      }
    };
  }

  private void evaluation(long k, int atMost) {
    long elapsed = System.nanoTime() - started;
    if (elapsed < quietForNanos && !started()) {
      return;
    }
    if (terminal) {
      if (bar == null) {
        bar = bar(atMost > 0 ? atMost : -1).setUnit(" evaluations", 1).build();
      }
      bar.stepTo(k);
      return;
    }
    printedAny = true;
    err.printf(
        Locale.UK,
        "%s: evaluation %,d%s, %s so far%n",
        task,
        k,
        atMost > 0 ? String.format(Locale.UK, " of at most %,d", atMost) : "",
        format(elapsed / 1e9));
    err.flush();
  }

  private void advance(long cellsDone, long cellsTotal, String unit, long per) {
    long elapsed = System.nanoTime() - started;
    if (elapsed < quietForNanos && !started()) {
      return;
    }
    long done = cellsDone / per;
    long total = Math.max(1, cellsTotal / per);
    if (cellsDone == cellsTotal) {
      done = total;
    }
    if (terminal) {
      if (bar == null) {
        bar = bar(total).setUnit(" " + unit, 1).showSpeed().build();
      }
      bar.maxHint(total);
      bar.stepTo(done);
      return;
    }
    int tenth = (int) (10 * done / Math.max(1, total));
    if (done == total) {
      err.printf(
          Locale.UK,
          "%s: 100 %% (%,d of %,d %s) in %s%n",
          task,
          done,
          total,
          unit,
          format(elapsed / 1e9));
      err.flush();
      lastTenth = 10;
    } else if (tenth > lastTenth || !started()) {
      lastTenth = Math.max(tenth, 0);
      printedAny = true;
      double seconds = elapsed / 1e9;
      double left = done > 0 ? seconds * (total - done) / done : Double.NaN;
      err.printf(
          Locale.UK,
          "%s: %d %% (%,d of %,d %s), %s so far, about %s left%n",
          task,
          100 * done / Math.max(1, total),
          done,
          total,
          unit,
          format(seconds),
          format(left));
      err.flush();
    }
  }

  /** A terminal bar of {@code max} steps (-1: not known), plain ASCII so any terminal shows it. */
  private ProgressBarBuilder bar(long max) {
    return new ProgressBarBuilder()
        .setTaskName(task)
        .setInitialMax(max)
        .setStyle(ProgressBarStyle.ASCII)
        .setConsumer(new ConsoleProgressBarConsumer(System.err))
        .setUpdateIntervalMillis(250);
  }

  /** Whether anything has been shown yet: once it has, the run is followed to the end. */
  private boolean started() {
    return printedAny || bar != null;
  }

  private static String format(double seconds) {
    if (Double.isNaN(seconds)) {
      return "-";
    }
    Duration d = Duration.ofMillis(Math.round(seconds * 1000));
    return d.toMinutes() > 0
        ? d.toMinutes() + " min " + d.toSecondsPart() + " s"
        : String.format(Locale.UK, "%.1f s", seconds);
  }

  @Override
  public void close() {
    if (bar != null) {
      bar.close();
    }
  }
}
