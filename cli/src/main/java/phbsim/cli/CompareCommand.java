package phbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import phbsim.cli.options.OutputOptions;
import phbsim.cli.options.PerReplicationOption;
import phbsim.cli.options.ReplicationOptions;
import phbsim.experiment.RunSpec;
import phbsim.runs.Output;
import phbsim.runs.PreparedRun;
import phbsim.runs.RunRecord;
import phbsim.runs.RunRequest;
import phbsim.runs.RunService;
import phbsim.runs.RunSettings;
import phbsim.scenario.Scenario;
import phbsim.writers.AppraisalText;
import phbsim.writers.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phbsim compare}: several arms against one status quo, on common random numbers. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare two or more arms, each a scenario file, a built-in scenario or a named option of"
            + " one (SCENARIO:OPTION), against the status quo of the first, on the same random"
            + " numbers: the options appraisal of a board paper, with paired differences and"
            + " their intervals, and the replications needed for a chosen precision.",
    footer = {
      "",
      "Examples:",
      "  phbsim compare default:roll-out default:roll-out-release-post",
      "  phbsim compare my-area.yaml my-area-faster.yaml -r 200",
      "  phbsim compare default tiny        (two places: says so above the figures)",
      "",
      "A scenario named alone is its scenario as written, without its named options. --set"
          + " applies to every arm.",
      "",
      "Comparing options or places: arms of one place (its named options, or copies of its"
          + " file that differ only in their options) share its status quo, so each saving is an option's effect. An arm whose"
          + " status quo differs (another place, or a copy with a price changed) is compared with"
          + " the first's status quo all the same: its label says so in every table, and the"
          + " printout lists the settings that differ, because its saving then includes the"
          + " difference between the places.",
      "",
      "Files written: as for run, into phbsim-out/<first>-compare-<date>-<time>.",
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(
      arity = "2..*",
      paramLabel = "ARM",
      description = "A scenario file or built-in name, or SCENARIO:OPTION for a named option.")
  List<String> arms;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a setting in every arm. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--precision",
      paramLabel = "POUNDS",
      defaultValue = "50000",
      description =
          "The half-width wanted for the 95 %% confidence interval of the cash net saving over the"
              + " horizon. Default: ${DEFAULT-VALUE}.")
  double precision;

  @Mixin ReplicationOptions replications;
  @Mixin OutputOptions output;
  @Mixin PerReplicationOption replicationRows;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RunSpec run = replications.runSpec(spec.commandLine());
    if (!(precision > 0)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--precision must be above 0 pounds, found " + precision);
    }
    RunService service = RunService.inProcess();
    PreparedRun prepared =
        service.prepare(
            RunRequest.compare(
                arms,
                overrides,
                new RunSettings(run, precision, replicationRows.perReplication),
                AnalysisRun.invocation(spec)));
    // Every arm, not only the first: a person-level second arm protects the whole comparison.
    prepared.scenarios().forEach(s -> replicationRows.check(spec.commandLine(), s));
    // the printout's prose wrapped within the width its tables are laid out in
    PrintWriter out =
        phbsim.writers.Prose.around(spec.commandLine().getOut(), PhbsimCommand.tableWidth(spec));
    prepared.warnings().forEach(spec.commandLine().getErr()::println);
    Path folder = output.prepare(prepared.name(), "compare", prepared.inputs());
    AnalysisRun timing = new AnalysisRun();
    RunRecord record;
    try (ProgressReporter progress =
        new ProgressReporter(
            "phbsim compare",
            spec.commandLine().getErr(),
            replications.quiet,
            Main.processStreams())) {
      record =
          service.run(
              prepared,
              new Output(folder, output.force()),
              progress.replications(prepared.options().size() + 1));
    }
    timing.simulatedAt(record.simulatedAt());
    Scenario place = record.scenario();
    out.printf(
        Locale.UK,
        "Compare: %s against the status quo of %s%n%s from %s, %s, seed %d, %s: %,d events%n%n",
        String.join(", ", arms),
        arms.get(0),
        Text.count(place.years(), "year", "years"),
        place.startDate(),
        Text.count(run.replications(), "replication", "replications"),
        run.masterSeed(),
        Text.count(run.threads(), "thread", "threads"),
        record.events());
    // At the figures, not only in a warning that scrolls away: an arm that is another place.
    List<String> otherPlaces = record.otherPlaces();
    if (!otherPlaces.isEmpty()) {
      otherPlaces.forEach(out::println);
      out.println();
    }
    AppraisalText.print(
        record.result(),
        out,
        spec.commandLine().getErr(),
        precision,
        PhbsimCommand.tableWidth(spec));
    timing.finish(out, folder);
    out.flush();
    return 0;
  }
}
