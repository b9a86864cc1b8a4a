package phbsim.runs;

import java.util.List;
import java.util.Locale;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.observe.TeamMeasure;
import phbsim.scenario.Scenario;
import phbsim.scenario.ServiceKind;
import phbsim.world.Sizing;

/**
 * Whether a run fits in the Java heap, estimated before anything is allocated: a run that cannot
 * fit is refused with the figures, rather than ending in an OutOfMemoryError after minutes.
 *
 * <p>The estimate (docs/performance.md, measured): about 250 bytes for each person a replication
 * may hold (the model's own sizing rule, {@link Sizing#people}), for as many replications as run at
 * once; and, for a run that keeps every replication's record (run, compare), its months of
 * measures, team measures and ledger lines, 8 bytes each.
 */
public final class Capacity {
  /** Bytes a replication holds per person it may hold (measured: 1.7 GB for 8.5 million). */
  static final long BYTES_PER_PERSON = 250;

  private Capacity() {}

  /** Bytes one replication's record keeps once it has run (for run and compare). */
  static double record(Scenario s) {
    long months = 12L * s.years();
    long teams = s.services().stream().filter(x -> x.kind() == ServiceKind.COMMUNITY).count();
    return 8.0
        * months
        * ((s.segments().size() + 1.0) * Measure.values().length
            + teams * TeamMeasure.values().length
            + LedgerLine.values().length);
  }

  /**
   * Refuses a run of {@code arms} that would not fit.
   *
   * @param threads the replications held in this process at once, at most
   * @param keeps whether every replication's record is kept to the end (run, compare)
   * @throws RunRefused with the figures and what to do
   */
  public static void check(List<Scenario> arms, int replications, int threads, boolean keeps) {
    double person = 0;
    double kept = 0;
    for (Scenario s : arms) {
      person = Math.max(person, Sizing.people(s));
      kept += keeps ? record(s) * replications : 0;
    }
    long cells = (long) arms.size() * replications;
    long atOnce = Math.min(threads, cells);
    double need = atOnce * person * BYTES_PER_PERSON + kept;
    double heap = Runtime.getRuntime().maxMemory();
    if (need > 0.85 * heap) {
      // The people of an arm drawn from a person-level file include its head count: not printed.
      boolean fromFile = arms.stream().anyMatch(a -> a.startingPopulation() != null);
      throw new RunRefused(
          String.format(
              Locale.UK,
              "This run needs about %.1f GB of memory (%s of %d arms, %s"
                  + " each, %d at a time), more than the %.1f GB the Java heap has: run fewer"
                  + " replications, people or threads, or give Java more memory, e.g."
                  + " PHBSIM_JAVA_OPTS=-Xmx%dg ./phbsim ...",
              need / 1e9,
              phbsim.writers.Text.count(replications, "replication", "replications"),
              arms.size(),
              fromFile ? "their people" : String.format(Locale.UK, "%,.0f people", person),
              atOnce,
              heap / 1e9,
              (long) Math.ceil(need / 0.8 / 1e9)));
    }
  }
}
