package phbsim.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import phbsim.experiment.RunSpec;
import phbsim.scenario.Scenario;
import phbsim.writers.OutputFolder;

/** What the analysis commands share: the files every one writes, and the closing lines. */
final class AnalysisRun {
  private final long started = System.nanoTime();
  private long simulated;

  /** Marks the end of simulating (the rest is summarising and writing). */
  void simulated() {
    simulated = System.nanoTime();
  }

  /** Marks the end of simulating at {@code nanos} (System.nanoTime(), as a run record says). */
  void simulatedAt(long nanos) {
    simulated = nanos;
  }

  /**
   * What run.json says about an analysis, in a fixed order (a {@code Map.of} would iterate in an
   * order that changes from one JVM to the next, and the file must be the same bytes): the scenario
   * as named, its overrides, the option, then {@code more} as key, value, key, value.
   */
  static Map<String, Object> describe(
      phbsim.cli.options.ScenarioOptions scenario,
      phbsim.scenario.OptionSpec option,
      Object... more) {
    return phbsim.writers.AnalysisFiles.describe(
        scenario.name(), scenario.overrides(), option.id(), more);
  }

  /** An output folder with scenario.yaml and run.json, the analysis's own files to be added. */
  static OutputFolder folder(
      Path folder, Scenario scenario, RunSpec run, Map<String, Object> describe) {
    return phbsim.writers.AnalysisFiles.withScenario(folder, scenario, run, describe);
  }

  /**
   * What reproducing the run needs (manifest.json), as the run service writes it ({@link
   * phbsim.runs.RunInfos#manifest}).
   */
  static String manifest(
      picocli.CommandLine.Model.CommandSpec spec, RunSpec run, List<String> scenarioTexts) {
    return phbsim.runs.RunInfos.manifest(invocation(spec), run, scenarioTexts);
  }

  /** How the run was made, for a workbook's Run sheet. */
  static phbsim.writers.Workbooks.RunInfo runInfo(
      picocli.CommandLine.Model.CommandSpec spec, RunSpec run, List<String> scenarioTexts) {
    return phbsim.runs.RunInfos.runInfo(invocation(spec), run, scenarioTexts);
  }

  /** Who asks the run service: phbsim, its build, and the arguments as given. */
  static phbsim.runs.Invocation invocation(picocli.CommandLine.Model.CommandSpec spec) {
    return new phbsim.runs.Invocation(
        "phbsim", BuildInfo.version(), BuildInfo.commit(), BuildInfo.dirty(), commandLine(spec));
  }

  /** Every value of the scenario named, with its source, for a workbook's Assumptions sheet. */
  static List<phbsim.scenarios.Explain.Assumption> assumptions(
      phbsim.cli.options.ScenarioOptions scenario, Scenario loaded) {
    return phbsim.scenarios.Explain.assumptions(scenario.name(), scenario.text(), loaded);
  }

  /** phbsim and the arguments as given. */
  private static List<String> commandLine(picocli.CommandLine.Model.CommandSpec spec) {
    List<String> args = new ArrayList<>(List.of("phbsim"));
    var parsed = spec.root().commandLine().getParseResult();
    if (parsed != null) {
      args.addAll(parsed.originalArgs());
    }
    return args;
  }

  /** Writes the files, or says plainly why not. */
  static void commit(
      OutputFolder files,
      RunSpec run,
      picocli.CommandLine.Model.CommandSpec spec,
      phbsim.cli.options.OutputOptions output,
      List<String> scenarioTexts) {
    OutputFolder all = files.replacing(output.force());
    all.add(OutputFolder.MANIFEST, w -> w.write(manifest(spec, run, scenarioTexts)));
    try {
      all.commit(run.threads());
    } catch (IOException e) {
      throw new UserError(
          "Cannot write the results to " + files.folder() + ": " + e.getMessage(), e);
    }
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
