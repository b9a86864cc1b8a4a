package phbsim.writers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import phbsim.analysis.OneWaySensitivity;
import phbsim.analysis.ProbabilisticSensitivity;
import phbsim.experiment.RunSpec;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioYaml;
import phbsim.world.CompiledScenario;

/**
 * The result files of a sensitivity analysis, as {@code phbsim sensitivity} and {@code phbsim-spark
 * sensitivity} write them: the same files whichever ran it.
 */
public final class AnalysisFiles {
  private AnalysisFiles() {}

  /**
   * The files, to be committed by the caller: scenario.yaml, run.json, tornado.csv (one-way),
   * psa_draws.csv and psa_summary.csv (probabilistic), the workbook and the report.
   *
   * @param oneWay the one-way analysis, or null if not run
   * @param psa the probabilistic analysis, or null if not run
   * @param describe what went in, for run.json
   */
  public static OutputFolder of(
      Path folder,
      OneWaySensitivity.Result oneWay,
      ProbabilisticSensitivity.Result psa,
      Scenario s,
      RunSpec run,
      Map<String, Object> describe,
      List<phbsim.scenarios.Explain.Assumption> assumptions,
      Workbooks.RunInfo info) {
    OutputFolder files = withScenario(folder, s, run, describe);
    if (oneWay != null) {
      files.add("tornado.csv", w -> AnalysisCsv.tornado(oneWay, s, w));
    }
    var years = new CompiledScenario(s.withoutOptions()).calendar().financialYears();
    if (psa != null) {
      files.add("psa_draws.csv", w -> AnalysisCsv.draws(psa, s, w));
      files.add("psa_summary.csv", w -> AnalysisCsv.probabilistic(psa, s, years, w));
    }
    files.addBinary(
        "workbook.xlsx", o -> Workbooks.sensitivity(oneWay, psa, years, s, assumptions, info, o));
    files.add("report.html", w -> HtmlReport.sensitivity(oneWay, psa, years, s, assumptions, w));
    return files;
  }

  /**
   * The files of a sweep, as {@code phbsim sweep} and {@code phbsim-spark sweep} write them:
   * scenario.yaml, run.json, sweep.csv, sweep_crossings.csv (replications.csv if asked), the
   * workbook and the report.
   */
  public static OutputFolder sweep(
      Path folder,
      phbsim.analysis.Sweep.Result result,
      phbsim.analysis.Output crossing,
      boolean perReplication,
      Scenario s,
      RunSpec run,
      Map<String, Object> describe,
      List<phbsim.scenarios.Explain.Assumption> assumptions,
      Workbooks.RunInfo info) {
    return withScenario(folder, s, run, describe)
        .add("sweep.csv", w -> AnalysisCsv.sweep(result, crossing, s, w))
        .add("sweep_crossings.csv", w -> AnalysisCsv.crossings(result, crossing, s, w))
        .addIf(
            perReplication,
            "replications.csv",
            w -> AnalysisCsv.sweepReplications(result, crossing, s, w))
        .addBinary("workbook.xlsx", o -> Workbooks.sweep(result, crossing, s, assumptions, info, o))
        .add("report.html", w -> HtmlReport.sweep(result, crossing, s, assumptions, w));
  }

  /** An output folder with scenario.yaml and run.json, an analysis's own files to be added. */
  public static OutputFolder withScenario(
      Path folder, Scenario scenario, RunSpec run, Map<String, Object> describe) {
    return new OutputFolder(folder)
        .add("scenario.yaml", w -> w.write(ScenarioYaml.write(scenario)))
        .add("run.json", w -> w.write(runJson(scenario, run, describe)));
  }

  /**
   * What went into an analysis, for run.json, in a fixed order: the scenario's source, its
   * overrides, the option analysed, then {@code more} as name, value pairs.
   */
  public static Map<String, Object> describe(
      String source, List<String> overrides, String option, Object... more) {
    Map<String, Object> d = new LinkedHashMap<>();
    d.put("source", source);
    d.put("overrides", overrides);
    d.put("option", option);
    for (int i = 0; i + 1 < more.length; i += 2) {
      d.put((String) more[i], more[i + 1]);
    }
    return d;
  }

  /** run.json of an analysis: the scenario, what went in, the run settings (never the threads). */
  public static String runJson(Scenario s, RunSpec run, Map<String, Object> describe)
      throws IOException {
    return json(runFields(s, run, describe));
  }

  /**
   * The fields every run.json opens with, in order: the scenario, what went in, its horizon and
   * price base, the replications and the seed (never the threads or the timings: the files must be
   * the same bytes whatever the machine).
   */
  static Map<String, Object> runFields(Scenario s, RunSpec run, Map<String, Object> describe) {
    Map<String, Object> json = new LinkedHashMap<>();
    json.put("scenario", s.name());
    json.putAll(describe);
    json.put("years", s.years());
    json.put("startDate", s.startDate().toString());
    json.put("priceBase", new phbsim.money.Prices(s).base().label());
    json.put("replications", run.replications());
    json.put("seed", run.masterSeed());
    return json;
  }

  /** A run.json's text: indented, with a line break at the end. */
  static String json(Map<String, Object> fields) throws IOException {
    return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(fields)
        + System.lineSeparator();
  }
}
