package phbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import phbsim.analysis.Areas;
import phbsim.cli.options.OutputOptions;
import phbsim.cli.options.PerReplicationOption;
import phbsim.cli.options.ReplicationOptions;
import phbsim.cli.options.ScenarioOptions;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;
import phbsim.writers.AppraisalFiles;
import phbsim.writers.AppraisalText;
import phbsim.writers.AreasCsv;
import phbsim.writers.AreasText;
import phbsim.writers.OutputFolder;
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
    Scenario s = scenario.load();
    replicationRows.check(spec.commandLine(), s);
    Path folder = output.prepare(scenario.name(), null, scenario.inputs());
    if (!s.areas().isEmpty()) {
      return areas(s, run, folder);
    }
    List<OptionArm> options = ScenarioLoader.options(s);
    List<Scenario> arms = new java.util.ArrayList<>(List.of(s.statusQuo()));
    options.forEach(o -> arms.add(o.scenario()));
    Capacity.check(arms, run, true);
    AnalysisRun timing = new AnalysisRun();
    AppraisalResult result;
    try (ProgressReporter progress =
        new ProgressReporter(
            "phbsim run", spec.commandLine().getErr(), replications.quiet, Main.processStreams())) {
      result =
          Appraisal.run(s.statusQuo(), options, run, progress.replications(options.size() + 1));
    }
    timing.simulated();
    phbsim.report.Release<AppraisalResult> released = phbsim.report.Disclosure.release(result);

    AnalysisRun.commit(
        AppraisalFiles.withWorkbookAndReport(
            AppraisalFiles.of(
                folder,
                released,
                s,
                run,
                precision,
                replicationRows.perReplication,
                AppraisalFiles.source(scenario.name(), scenario.overrides())),
            released,
            s,
            AnalysisRun.assumptions(scenario, s),
            AnalysisRun.runInfo(spec, run, List.of(scenario.text()))),
        run,
        spec,
        output,
        List.of(scenario.text()));

    PrintWriter out = spec.commandLine().getOut();
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
        result.events());
    AppraisalText.print(
        released, out, spec.commandLine().getErr(), precision, PhbsimCommand.tableWidth(spec));
    timing.finish(out, folder);
    return 0;
  }

  /**
   * A scenario of several areas (docs/model.md section 9): each area's usual files under areas/ID/,
   * written as the area finishes, then each area's headline figures with their total (areas.csv)
   * and the comparison per 100,000 population (areas_per_100k.csv).
   */
  private int areas(Scenario s, RunSpec run, Path folder) {
    List<Areas.Area> areas = ScenarioLoader.areas(s);
    OutputFolder files = new OutputFolder(folder, output.force());
    AnalysisRun timing = new AnalysisRun();
    phbsim.report.Release<Areas.Result> result;
    try (ProgressReporter progress =
        new ProgressReporter(
            "phbsim run", spec.commandLine().getErr(), replications.quiet, Main.processStreams())) {
      result =
          Areas.run(
              areas,
              ScenarioLoader::options,
              run,
              progress.cells(),
              (k, area, appraisal) -> {
                AppraisalFiles.addArea(
                    files,
                    folder,
                    area,
                    appraisal,
                    run,
                    precision,
                    replicationRows.perReplication,
                    AppraisalFiles.source(scenario.name(), scenario.overrides()));
                try {
                  files.flush(run.threads());
                } catch (java.io.IOException e) {
                  throw new UserError(
                      "Cannot write the results to " + folder + ": " + e.getMessage(), e);
                }
              });
    }
    timing.simulated();
    AnalysisRun.commit(
        AreasCsv.addSummaries(files, result, s), run, spec, output, List.of(scenario.text()));

    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.UK,
        "%s: %s%n%s, %s from %s, %s, seed %d, %s%n%n",
        s.name(),
        s.description().isBlank() ? "" : s.description().strip(),
        Text.count(areas.size(), "area", "areas"),
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
    AreasText.print(result, s, out, PhbsimCommand.tableWidth(spec));
    timing.finish(out, folder);
    return 0;
  }

  static String safeName(String name) {
    return phbsim.scenarios.ComparedArms.safeName(name);
  }
}
