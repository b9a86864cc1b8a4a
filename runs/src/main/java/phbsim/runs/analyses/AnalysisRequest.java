package phbsim.runs.analyses;

import java.util.List;
import phbsim.runs.Invocation;
import phbsim.runs.RunSettings;
import phbsim.runs.ScenarioSource;

/**
 * A request for an analysis of one scenario's option against its status quo: the scenario, its
 * {@code --set} overrides, the option (null for the scenario's first), how to run and who asked.
 * What the analysis varies is the analysis's own ({@link Analysis}).
 */
public record AnalysisRequest(
    ScenarioSource scenario,
    List<String> overrides,
    String option,
    RunSettings settings,
    Invocation invocation) {
  public AnalysisRequest {
    overrides = List.copyOf(overrides);
    if (scenario == null) {
      throw new IllegalArgumentException("an analysis needs a scenario");
    }
  }
}
