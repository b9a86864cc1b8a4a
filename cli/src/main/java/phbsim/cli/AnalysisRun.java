package phbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.Supplier;
import phbsim.cli.options.AnalysisOptions;
import phbsim.cli.options.OutputOptions;
import phbsim.cli.options.ReplicationOptions;
import phbsim.cli.options.ScenarioOptions;
import phbsim.experiment.Progress;
import phbsim.runs.InProcessExecutor;
import phbsim.runs.RunSettings;
import phbsim.runs.ScenarioSource;
import phbsim.runs.analyses.Analyses;
import phbsim.runs.analyses.Analysis;
import phbsim.runs.analyses.AnalysisRecord;
import phbsim.runs.analyses.AnalysisRequest;
import phbsim.runs.analyses.Subject;
import picocli.CommandLine.Model.CommandSpec;

/**
 * What the analysis commands share on the command line: their request to the run service's
 * analyses, the folder and progress they give it, and the closing lines. The sequence itself (load,
 * memory check, run, files, manifest) is the service's ({@link Analyses}).
 */
final class AnalysisRun {
  private final long started = System.nanoTime();
  private long simulated;

  /** Marks the end of simulating at {@code nanos} (System.nanoTime(), as a run record says). */
  void simulatedAt(long nanos) {
    simulated = nanos;
  }

  /** Who asks the run service: phbsim, its build, and the arguments as given. */
  static phbsim.runs.Invocation invocation(CommandSpec spec) {
    return new phbsim.runs.Invocation(
        "phbsim",
        phbsim.runs.BuildInfo.version(),
        phbsim.runs.BuildInfo.commit(),
        phbsim.runs.BuildInfo.dirty(),
        commandLine(spec));
  }

  /** phbsim and the arguments as given. */
  private static List<String> commandLine(CommandSpec spec) {
    List<String> args = new ArrayList<>(List.of("phbsim"));
    var parsed = spec.root().commandLine().getParseResult();
    if (parsed != null) {
      args.addAll(parsed.originalArgs());
    }
    return args;
  }

  /**
   * The scenario named and the option chosen, loaded by the run service.
   *
   * @param perReplication whether replications.csv is asked for
   */
  static Subject subject(
      CommandSpec spec,
      ScenarioOptions scenario,
      AnalysisOptions analysis,
      ReplicationOptions replications,
      boolean perReplication) {
    return Analyses.prepare(
        new AnalysisRequest(
            ScenarioSource.named(scenario.name()),
            scenario.overrides(),
            analysis.optionId(),
            new RunSettings(
                replications.runSpec(spec.commandLine()),
                RunSettings.DEFAULT_PRECISION,
                perReplication),
            invocation(spec)));
  }

  /** {@code make}'s analysis, or its message as a user's mistake (exit 1, no trace). */
  static <A> A checked(Supplier<A> make) {
    try {
      return make.get();
    } catch (IllegalArgumentException e) {
      throw new UserError(e.getMessage(), e);
    }
  }

  /**
   * Runs {@code analysis} in this process with a progress line on standard error, its files in a
   * new folder under phbsim-out/ (or --out) named for {@code command}.
   *
   * @param progress the progress of each cube the analysis runs, from the reporter
   */
  <R> AnalysisRecord<R> run(
      String command,
      Subject subject,
      Analysis<R> analysis,
      CommandSpec spec,
      ReplicationOptions replications,
      OutputOptions output,
      Function<ProgressReporter, Progress> progress) {
    List<Path> inputs = new ArrayList<>(subject.inputs());
    inputs.addAll(analysis.inputs());
    Path folder = output.prepare(subject.name(), command, inputs);
    AnalysisRecord<R> record;
    try (ProgressReporter reporter =
        new ProgressReporter(
            "phbsim " + command,
            spec.commandLine().getErr(),
            replications.quiet,
            Main.processStreams())) {
      record =
          Analyses.run(
              subject,
              analysis,
              new InProcessExecutor(),
              new phbsim.runs.Output(folder, output.force()),
              () -> progress.apply(reporter));
    }
    simulatedAt(record.simulatedAt());
    return record;
  }

  /** The closing lines: where the files are, and the time taken, writing included. */
  void finish(PrintWriter out, Path folder) {
    long end = System.nanoTime();
    long sim = simulated == 0 ? end : simulated;
    out.printf(
        Locale.UK,
        "Written to %s%nDone in %.1f s (%.1f s simulating, %.1f s summarising and writing).%n",
        folder.toAbsolutePath(),
        (end - started) / 1e9,
        (sim - started) / 1e9,
        (end - sim) / 1e9);
    out.flush();
  }
}
