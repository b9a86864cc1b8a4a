package phbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import phbsim.cli.options.OutputOptions;
import phbsim.cli.options.PerReplicationOption;
import phbsim.cli.options.ReplicationOptions;
import phbsim.cli.options.ScenarioOptions;
import phbsim.experiment.RunSpec;
import phbsim.runs.Output;
import phbsim.runs.PreparedRun;
import phbsim.runs.RunRecord;
import phbsim.runs.RunRequest;
import phbsim.runs.RunService;
import phbsim.runs.RunSettings;
import phbsim.runs.ScenarioSource;
import phbsim.scenario.Scenario;
import phbsim.writers.AppraisalText;
import phbsim.writers.AreasText;
import phbsim.writers.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phbsim run}: runs a scenario, prints a summary and writes the result files. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description =
        "Run a scenario for a number of replications, print a summary per financial year and"
            + " write the monthly and annual metrics as tidy CSV files into an output folder.",
    footer = {
      "",
      "Examples:",
      "  phbsim run                                     the built-in default scenario",
      "  phbsim run my-area.yaml -r 100 --seed 7        100 replications of a file",
      "  phbsim run --set years=10 --set services[cmht].community.posts=40",
      "",
      "Every option of the scenario runs against its status quo (the place doing nothing new:"
          + " budgets already held carry on, no new offers, contracts as let), on the same random"
          + " numbers. A scenario with no options: section has one, itself as written.",
      "",
      "Files written, into phbsim-out/<scenario>-<date>-<time> (or --out):",
      "  workbook.xlsx               for Excel: the board paper's figures, sheet by sheet",
      "  report.html                 the same with charts, for a browser",
      "  cash_summary.csv            the headline figures of each option",
      "  cashflow_monthly.csv        money by ledger line and month",
      "  cashflow_annual.csv         money by ledger line and financial year",
      "  budget_impact.csv           recurrent and non-recurrent, part and full year",
      "  releases.csv                each post release: gross saving, stranded costs, net",
      "  monthly_metrics.csv         activity by month (status_quo, option, difference)",
      "  annual_metrics.csv          activity by financial year",
      "  teams_monthly.csv           the teams left behind",
      "  infrastructure_monthly.csv  the budget programme's support",
      "  cohort.csv                  the people who started a budget against their twins",
      "  options_compared.csv        with two or more options: each against each earlier one",
      "  scenario.yaml               the scenario as run, overrides applied",
      "  run.json                    how it was run",
      "  manifest.json               every file's SHA-256",
    })
final class RunCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;
  @Mixin ReplicationOptions replications;
  @Mixin OutputOptions output;
  @Mixin PerReplicationOption replicationRows;
  @Spec CommandSpec spec;

  @Option(
      names = "--precision",
      paramLabel = "POUNDS",
      defaultValue = "50000",
      description =
          "The half-width wanted for the 95 %% confidence interval of the cash net saving: the"
              + " replications needed for it are printed. Default: ${DEFAULT-VALUE}.")
  double precision;

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
            RunRequest.run(
                ScenarioSource.named(scenario.name()),
                scenario.overrides(),
                new RunSettings(run, precision, replicationRows.perReplication),
                AnalysisRun.invocation(spec)));
    prepared.scenarios().forEach(s -> replicationRows.check(spec.commandLine(), s));
    Path folder = output.prepare(scenario.name(), null, scenario.inputs());
    AnalysisRun timing = new AnalysisRun();
    RunRecord record;
    try (ProgressReporter progress =
        new ProgressReporter(
            "phbsim run", spec.commandLine().getErr(), replications.quiet, Main.processStreams())) {
      record =
          service.run(
              prepared,
              new Output(folder, output.force()),
              prepared.areas().isEmpty()
                  ? progress.replications(prepared.options().size() + 1)
                  : progress.cells());
    }
    timing.simulatedAt(record.simulatedAt());
    // the printout's prose wrapped within the width its tables are laid out in
    PrintWriter out =
        phbsim.writers.Prose.around(spec.commandLine().getOut(), PhbsimCommand.tableWidth(spec));
    if (record.ofAreas()) {
      printAreas(record, out);
    } else {
      print(record, out);
    }
    timing.finish(out, folder);
    out.flush();
    return 0;
  }

  /** The printed summary of a run's options. */
  private void print(RunRecord record, PrintWriter out) {
    Scenario s = record.scenario();
    RunSpec run = record.run();
    out.printf(
        Locale.UK,
        "%s: %s%n%s%s from %s, %s, seed %d, %s: %,d events%n%n",
        s.name(),
        s.description().isBlank() ? "" : s.description().strip(),
        // The scenario as run: its file when it is not the built-in of that name, and every
        // override, so a description written for other settings is not read as this run's.
        (scenario.name().equals(s.name()) ? "" : "From " + scenario.name() + ". ")
            + (scenario.overrides().isEmpty()
                ? ""
                : "Changed for this run (--set): "
                    + String.join(", ", scenario.overrides())
                    + ". "),
        Text.count(s.years(), "year", "years"),
        s.startDate(),
        Text.count(run.replications(), "replication", "replications"),
        run.masterSeed(),
        Text.count(run.threads(), "thread", "threads"),
        record.events());
    AppraisalText.print(
        record.result(),
        out,
        spec.commandLine().getErr(),
        precision,
        PhbsimCommand.tableWidth(spec));
  }

  /**
   * The printed summary of a scenario of areas (docs/model.md section 9): each area's headline
   * figures with their total, the files being each area's under areas/ID/ and the comparisons.
   */
  private void printAreas(RunRecord record, PrintWriter out) {
    Scenario s = record.scenario();
    RunSpec run = record.run();
    out.printf(
        Locale.UK,
        "%s: %s%n%s, %s from %s, %s, seed %d, %s%n%n",
        s.name(),
        s.description().isBlank() ? "" : s.description().strip(),
        Text.count(record.areaList().size(), "area", "areas"),
        Text.count(s.years(), "year", "years"),
        s.startDate(),
        Text.count(run.replications(), "replication", "replications"),
        run.masterSeed(),
        Text.count(run.threads(), "thread", "threads"));
    out.println(Text.moneyBasis(s) + ".");
    out.println(phbsim.report.Arm.SIGN_RULE);
    out.println(
        "Figures are means over the replications; [low to high] is the 95 % confidence interval"
            + " of the mean.");
    out.println();
    AreasText.print(record.areas(), s, out, PhbsimCommand.tableWidth(spec));
  }

  static String safeName(String name) {
    return phbsim.scenarios.ComparedArms.safeName(name);
  }
}
