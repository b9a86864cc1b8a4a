package phbsim.writers;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.report.Release;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioYaml;

/** The result files of an appraisal, as {@code run} and {@code compare} write them. */
public final class AppraisalFiles {
  private AppraisalFiles() {}

  /**
   * The files of an appraisal, to be committed by the caller.
   *
   * @param describe what went in: the scenario's source, its overrides, other arms
   */
  public static OutputFolder of(
      Path folder,
      Release<AppraisalResult> released,
      Scenario scenario,
      RunSpec run,
      double precision,
      boolean perReplication,
      Map<String, Object> describe) {
    AppraisalResult result = released.result();
    // Which scenario, by its file and its own name, with every override: worked out once here
    // from what run.json records, and stated in the note that opens every CSV, in the workbook
    // and in the report.
    Origin origin = Origin.of(describe, scenario.name());
    OutputFolder files =
        new OutputFolder(folder)
            .about(origin)
            .add("monthly_metrics.csv", csv(origin, w -> MetricsCsv.monthly(result, w)))
            .add("annual_metrics.csv", csv(origin, w -> MetricsCsv.annual(result, w)))
            .add("cashflow_monthly.csv", csv(origin, w -> CashFlowCsv.monthly(result, w)))
            .add("cashflow_annual.csv", csv(origin, w -> CashFlowCsv.annual(result, w)))
            .add("cash_summary.csv", csv(origin, w -> CashFlowCsv.summary(result, w, precision)))
            .add("budget_impact.csv", csv(origin, w -> BudgetImpactCsv.write(result, w)))
            .add("releases.csv", csv(origin, w -> ReleasesCsv.write(result, w)))
            .add("cohort.csv", csv(origin, w -> CohortCsv.write(result, w)))
            .add("teams_monthly.csv", csv(origin, w -> TeamsCsv.teams(result, w)))
            .add("infrastructure_monthly.csv", csv(origin, w -> TeamsCsv.infrastructure(result, w)))
            .add("scenario.yaml", w -> w.write(ScenarioYaml.write(scenario)))
            .add("run.json", w -> w.write(runJson(scenario, run, result, describe)));
    if (result.options().size() > 1) {
      files.add("options_compared.csv", csv(origin, w -> OptionsComparedCsv.write(result, w)));
    }
    if (perReplication) {
      files.add("replications.csv", csv(origin, w -> ReplicationsCsv.write(released, w)));
    }
    return files;
  }

  /** A CSV whose opening note starts by naming the scenario (OriginNote). */
  private static OutputFolder.Content csv(Origin origin, OutputFolder.Content content) {
    return w -> content.writeTo(new OriginNote(w, origin));
  }

  /**
   * Adds one area's files of a scenario of areas, under {@code areas/ID/} of {@code files}: those
   * of {@link #of} for the area's place.
   */
  public static void addArea(
      OutputFolder files,
      Path folder,
      phbsim.analysis.Areas.Area area,
      Release<AppraisalResult> result,
      RunSpec run,
      double precision,
      boolean perReplication,
      Map<String, Object> describe) {
    files.addAll(
        "areas/" + area.id() + "/",
        of(folder, result, area.place(), run, precision, perReplication, describe));
  }

  /**
   * Adds the workbook and the HTML report of an appraisal to {@code files}: what a finance lead
   * opens, beside the CSVs.
   *
   * @param assumptions every value of the scenario with its source, for the Assumptions sheet
   * @param info how the run was made, for the Run sheet
   */
  public static OutputFolder withWorkbookAndReport(
      OutputFolder files,
      Release<AppraisalResult> released,
      Scenario scenario,
      List<phbsim.scenarios.Explain.Assumption> assumptions,
      Workbooks.RunInfo info) {
    AppraisalResult result = released.result();
    Origin origin =
        files.origin() != null
            ? files.origin()
            : new Origin(scenario.name(), scenario.name(), List.of());
    return files
        .addBinary(
            "workbook.xlsx",
            o -> Workbooks.appraisal(result, scenario, origin, assumptions, info, o))
        .add("report.html", w -> HtmlReport.appraisal(result, scenario, origin, assumptions, w));
  }

  static String runJson(
      Scenario s, RunSpec run, AppraisalResult result, Map<String, Object> describe)
      throws IOException {
    Map<String, Object> json = AnalysisFiles.runFields(s, run, describe);
    // The price base the results are in: the option's (a map keeps a key's place when replaced).
    json.put("priceBase", result.first().option().compiled().prices().base().label());
    json.put("events", result.events());
    Map<String, String> digests = new LinkedHashMap<>();
    digests.put("status_quo", result.statusQuo().digest());
    for (var c : result.options()) {
      digests.put(c.id(), c.option().digest());
    }
    json.put("resultsSha256", digests);
    return AnalysisFiles.json(json);
  }

  /** The source and overrides of a scenario, for run.json. */
  public static Map<String, Object> source(String name, List<String> overrides) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("source", name);
    m.put("overrides", overrides);
    return m;
  }
}
