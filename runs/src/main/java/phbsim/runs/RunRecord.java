package phbsim.runs;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import phbsim.analysis.Areas;
import phbsim.report.AppraisalResult;
import phbsim.report.Release;
import phbsim.scenario.Scenario;
import phbsim.scenarios.Explain;
import phbsim.writers.Workbooks;

/**
 * What a run gives back, all the writers and a front end need to present it: the result as the
 * disclosure policy released it (never the raw result), the scenario as run, its assumptions with
 * their sources, how it was run (the Run sheet's info and manifest.json) and where its files went.
 *
 * @param result the released options appraisal; null for a scenario of areas
 * @param areas the released areas side by side; null unless the scenario has areas
 * @param areaList the areas run, in order; empty unless the scenario has areas
 * @param scenario the scenario as run, overrides applied (a comparison's first place)
 * @param source what went in, for run.json: the scenario's source, its overrides, other arms
 * @param events the events processed over every cell
 * @param warnings what a comparison says before its figures (arms of other places); empty for a run
 * @param otherPlaces the lines naming the settings in which an arm's place differs, printed at the
 *     figures
 * @param scenarioTexts the YAML text of each scenario read, hashed into the run's records
 * @param simulatedAt System.nanoTime() when the simulating ended (the rest is writing)
 * @param folder where the files went; null if none were written
 */
public record RunRecord(
    RunRequest request,
    Release<AppraisalResult> result,
    Release<Areas.Result> areas,
    List<Areas.Area> areaList,
    Scenario scenario,
    List<Explain.Assumption> assumptions,
    Workbooks.RunInfo runInfo,
    String manifest,
    Map<String, Object> source,
    long events,
    List<String> warnings,
    List<String> otherPlaces,
    List<String> scenarioTexts,
    long simulatedAt,
    Path folder) {
  /** The run settings the cells ran with. */
  public phbsim.experiment.RunSpec run() {
    return request.settings().run();
  }

  /** The half-width asked for the cash net saving's interval. */
  public double precision() {
    return request.settings().precision();
  }

  /** Whether this is a scenario of areas. */
  public boolean ofAreas() {
    return areas != null;
  }
}
