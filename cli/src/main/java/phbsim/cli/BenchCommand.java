package phbsim.cli;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import phbsim.experiment.ReplicationRunner;
import phbsim.workload.FlowState;
import phbsim.workload.PopulationFlow;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code phbsim bench}: runs the reference workloads of docs/benchmark.md on phbsim's engine and
 * times them. The model does the work and never reads the clock; this command does the timing and
 * the printing.
 */
@Command(
    name = "bench",
    mixinStandardHelpOptions = true,
    description = "Run a reference workload of docs/benchmark.md on phbsim's engine and time it.",
    subcommands = {BenchCommand.PopulationFlowCommand.class},
    footer = {"", "Example:", "  phbsim bench population-flow --people 1000000 --capacity 0.25"})
public final class BenchCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  /** Without a subcommand there is nothing to run: a usage error (exit code 2). */
  @Override
  public Integer call() {
    throw new ParameterException(
        spec.commandLine(), "Missing subcommand: try 'bench population-flow --help'");
  }

  /** {@code phbsim bench population-flow}: the N-people, five-state workload with a CMHT queue. */
  @Command(
      name = "population-flow",
      mixinStandardHelpOptions = true,
      description = {
        "Run the population-flow workload (docs/benchmark.md): N people moving between CMHT,"
            + " INPATIENT, CRISIS, PHB and DISCHARGED, with round(capacity x N) CMHT slots and a"
            + " FIFO waiting line. Prints events processed, wall time, events per second, the mean"
            + " CMHT wait, the largest waiting line and the final count and share in each state."
      },
      footer = {
        "",
        "Examples:",
        "  phbsim bench population-flow --people 1000000 --capacity 0.03 --seed 7",
        "  phbsim bench population-flow --people 1000000 --replications 8 --threads 2"
            + " --warm-up 2",
        "",
        "Wall time includes creating the people and scheduling their first events. With"
            + " --replications, replication i uses the streams of replication i; the counts"
            + " printed are replication 0's, and the throughput lines time the replications"
            + " after the warm-up ones."
      })
  public static final class PopulationFlowCommand implements Callable<Integer> {
    @Spec CommandSpec spec;

    @Option(
        names = "--people",
        paramLabel = "N",
        defaultValue = "100000",
        description = "Number of people (default: ${DEFAULT-VALUE}).")
    int people;

    @Option(
        names = "--capacity",
        paramLabel = "C",
        defaultValue = "0.25",
        description = "CMHT slots as a share of N, in (0, 1] (default: ${DEFAULT-VALUE}).")
    double capacity;

    @Option(
        names = "--seed",
        paramLabel = "S",
        defaultValue = "1",
        description = "Master seed of the random streams (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(
        names = "--years",
        paramLabel = "Y",
        defaultValue = "10",
        description = "Simulated years (default: ${DEFAULT-VALUE}).")
    double years;

    @Option(
        names = "--replications",
        paramLabel = "R",
        defaultValue = "1",
        description = "Replications to time (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(
        names = "--threads",
        paramLabel = "T",
        defaultValue = "1",
        description = "Threads running the replications (default: ${DEFAULT-VALUE}).")
    int threads;

    @Option(
        names = "--warm-up",
        paramLabel = "W",
        defaultValue = "0",
        description =
            "Replications run first, on the same threads, and not timed, so that the JIT has"
                + " compiled the workload (default: ${DEFAULT-VALUE}).")
    int warmUp;

    @Override
    public Integer call() {
      if (replications <= 0) {
        throw new ParameterException(
            spec.commandLine(), "--replications must be greater than 0, was " + replications);
      }
      if (threads <= 0) {
        throw new ParameterException(
            spec.commandLine(), "--threads must be greater than 0, was " + threads);
      }
      if (warmUp < 0) {
        throw new ParameterException(
            spec.commandLine(), "--warm-up must be 0 or more, was " + warmUp);
      }
      if (people <= 0) {
        throw new ParameterException(
            spec.commandLine(), "--people must be greater than 0, was " + people);
      }
      if (!(capacity > 0 && capacity <= 1)) {
        throw new ParameterException(
            spec.commandLine(), "--capacity must be in (0, 1], was " + capacity);
      }
      if (!(years > 0) || Double.isInfinite(years)) {
        throw new ParameterException(
            spec.commandLine(), "--years must be a finite number greater than 0, was " + years);
      }
      PopulationFlow.Settings settings = new PopulationFlow.Settings(people, capacity, years, seed);

      if (warmUp > 0) {
        ReplicationRunner.run(
            warmUp, threads, i -> PopulationFlow.run(settings, replications + i).events());
      }
      long start = System.nanoTime();
      List<PopulationFlow.Result> results =
          ReplicationRunner.run(replications, threads, i -> PopulationFlow.run(settings, i));
      double seconds = (System.nanoTime() - start) / 1e9;
      PopulationFlow.Result result = results.get(0);
      long events = results.stream().mapToLong(PopulationFlow.Result::events).sum();

      PrintWriter out = spec.commandLine().getOut();
      // A plain single run prints as it always has; anything more adds the throughput lines.
      boolean throughput = replications > 1 || threads > 1 || warmUp > 0;
      out.printf(
          Locale.ROOT,
          "population-flow: %d people, capacity %s (%d CMHT slots), %s years, seed %d%n",
          people,
          capacity,
          settings.slots(),
          years,
          seed);
      if (throughput) {
        out.printf(
            Locale.ROOT,
            "replications          %d on %d threads, after %d warm-up%n",
            replications,
            threads,
            warmUp);
      }
      out.printf(Locale.ROOT, "events processed      %d%n", events);
      out.printf(Locale.ROOT, "wall seconds          %.3f%n", seconds);
      out.printf(Locale.ROOT, "events per second     %.0f%n", events / seconds);
      if (throughput) {
        out.printf(Locale.ROOT, "replications/second   %.3f%n", replications / seconds);
      }
      out.printf(
          Locale.ROOT,
          "mean CMHT wait        %.4f years (%d waits ended)%n",
          result.meanCmhtWaitYears(),
          result.waits());
      out.printf(Locale.ROOT, "largest waiting line  %d%n", result.largestWaitingLine());
      if (replications > 1) {
        out.printf(Locale.ROOT, "replication 0:%n");
      }
      out.printf(Locale.ROOT, "final state           count      share%n");
      for (FlowState state : FlowState.values()) {
        out.printf(
            Locale.ROOT,
            "  %-19s %9d   %7.4f%n",
            state.name(),
            result.count(state),
            result.share(state));
      }
      out.printf(
          Locale.ROOT,
          "  %-19s %9d   %7.4f%n",
          "waiting (for CMHT)",
          result.waiting(),
          result.waitingShare());
      out.flush();
      return 0;
    }
  }
}
