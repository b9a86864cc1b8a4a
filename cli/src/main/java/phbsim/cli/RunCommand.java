package phbsim.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import phbsim.cli.options.OutputOptions;
import phbsim.cli.options.ReplicationOptions;
import phbsim.cli.options.ScenarioOptions;
import phbsim.cli.write.AppraisalText;
import phbsim.cli.write.CashFlowCsv;
import phbsim.cli.write.MetricsCsv;
import phbsim.cli.write.OutputFolder;
import phbsim.cli.write.TeamsCsv;
import phbsim.cli.write.Text;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;
import phbsim.scenarios.ScenarioYaml;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
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
      "Every option of the scenario runs against its status quo (the place doing nothing",
      "new: budgets already held carry on, no new offers, contracts as let), on the same",
      "random numbers. A scenario with no options: section has one, itself as written.",
      "",
      "Files written: cashflow_monthly.csv, cashflow_annual.csv, cash_summary.csv,",
      "monthly_metrics.csv, annual_metrics.csv (arms: status_quo, option, difference),",
      "teams_monthly.csv (the teams left behind), infrastructure_monthly.csv,",
      "scenario.yaml (the scenario as run, overrides applied) and run.json.",
    })
final class RunCommand implements Callable<Integer> {
  @Mixin ScenarioOptions scenario;
  @Mixin ReplicationOptions replications;
  @Mixin OutputOptions output;
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    RunSpec run = replications.runSpec(spec.commandLine());
    Scenario s = scenario.load();
    List<OptionArm> options = ScenarioLoader.options(s);
    long started = System.nanoTime();
    AppraisalResult result = Appraisal.run(s.statusQuo(), options, run);
    double seconds = (System.nanoTime() - started) / 1e9;

    Path folder = output.folder(safeName(s.name()));
    OutputFolder files =
        new OutputFolder(folder)
            .add("monthly_metrics.csv", w -> MetricsCsv.monthly(result, w))
            .add("annual_metrics.csv", w -> MetricsCsv.annual(result, w))
            .add("cashflow_monthly.csv", w -> CashFlowCsv.monthly(result, w))
            .add("cashflow_annual.csv", w -> CashFlowCsv.annual(result, w))
            .add("cash_summary.csv", w -> CashFlowCsv.summary(result, w))
            .add("teams_monthly.csv", w -> TeamsCsv.teams(result, w))
            .add("infrastructure_monthly.csv", w -> TeamsCsv.infrastructure(result, w))
            .add("scenario.yaml", w -> w.write(ScenarioYaml.write(s)))
            .add("run.json", w -> w.write(runJson(s, run, result)));
    try {
      files.commit(run.threads());
    } catch (IOException e) {
      throw new UserError("Cannot write the results to " + folder + ": " + e.getMessage(), e);
    }

    PrintWriter out = spec.commandLine().getOut();
    out.printf(
        Locale.UK,
        "%s: %s%n%s from %s, %s, seed %d, %s: %.1f s, %,d events%n%n",
        s.name(),
        s.description().isBlank() ? "" : s.description().strip(),
        Text.count(s.years(), "year", "years"),
        s.startDate(),
        Text.count(run.replications(), "replication", "replications"),
        run.masterSeed(),
        Text.count(run.threads(), "thread", "threads"),
        seconds,
        result.events());
    AppraisalText.print(result, out);
    out.printf(Locale.ROOT, "Written to %s%n", folder);
    out.flush();
    return 0;
  }

  private static String safeName(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "-");
    return cleaned.isEmpty() ? "scenario" : cleaned;
  }

  private String runJson(Scenario s, RunSpec run, AppraisalResult result) throws IOException {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scenario", s.name());
    json.put("source", scenario.name());
    json.put("overrides", scenario.overrides());
    json.put("years", s.years());
    json.put("startDate", s.startDate().toString());
    json.put("priceBase", result.first().option().compiled().prices().base().label());
    json.put("replications", run.replications());
    json.put("seed", run.masterSeed());
    // Threads and timings are left out on purpose: the files must be the same bytes whatever
    // the machine and the number of threads.
    json.put("events", result.events());
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put("status_quo", result.statusQuo().digest());
    for (var c : result.options()) {
      digests.put(c.id(), c.option().digest());
    }
    json.put("resultsSha256", digests);
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(json)
        + System.lineSeparator();
  }
}
