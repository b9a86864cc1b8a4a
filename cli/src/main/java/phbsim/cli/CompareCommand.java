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
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ComparedArms;
import phbsim.writers.AppraisalFiles;
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
    ComparedArms compared;
    try {
      compared = ComparedArms.of(arms, overrides);
    } catch (ComparedArms.UnknownArm e) {
      throw new UserError(e.getMessage(), e);
    }
    Scenario place = compared.place();
    // Every arm, not only the first: a person-level second arm protects the whole comparison.
    replicationRows.check(spec.commandLine(), place);
    compared.options().forEach(o -> replicationRows.check(spec.commandLine(), o.scenario()));
    Scenario statusQuo = compared.statusQuo();
    PrintWriter out = spec.commandLine().getOut();
    compared.warnings().forEach(spec.commandLine().getErr()::println);
    List<OptionArm> options = compared.options();
    List<Scenario> all = new ArrayList<>(List.of(statusQuo));
    options.forEach(o -> all.add(o.scenario()));
    Capacity.check(all, run, true);
    Path folder = output.prepare(compared.firstSource(), "compare", compared.inputs());
    AnalysisRun timing = new AnalysisRun();
    AppraisalResult result;
    try (ProgressReporter progress =
        new ProgressReporter(
            "phbsim compare",
            spec.commandLine().getErr(),
            replications.quiet,
            Main.processStreams())) {
      result = Appraisal.run(statusQuo, options, run, progress.replications(options.size() + 1));
    }
    timing.simulated();
    phbsim.report.Release<AppraisalResult> released = phbsim.report.Disclosure.release(result);
    List<phbsim.scenarios.Explain.Assumption> assumptions =
        phbsim.scenarios.Explain.assumptions(
            compared.firstSource(),
            phbsim.cli.options.ScenarioOptions.text(compared.firstSource()),
            place);
    AnalysisRun.commit(
        AppraisalFiles.withWorkbookAndReport(
            AppraisalFiles.of(
                folder,
                released,
                place,
                run,
                precision,
                replicationRows.perReplication,
                compared.describe()),
            released,
            place,
            assumptions,
            AnalysisRun.runInfo(spec, run, compared.texts())),
        run,
        spec,
        output,
        compared.texts());
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
        result.events());
    // At the figures, not only in a warning that scrolls away: an arm that is another place.
    List<String> otherPlaces = compared.otherPlacesText();
    if (!otherPlaces.isEmpty()) {
      otherPlaces.forEach(out::println);
      out.println();
    }
    AppraisalText.print(
        released, out, spec.commandLine().getErr(), precision, PhbsimCommand.tableWidth(spec));
    timing.finish(out, folder);
    return 0;
  }
}
