package phbsim.runs;

import java.util.List;

/**
 * One request to the run service: what to run (a scenario and every option of it, or arms to
 * compare), with which overrides (the command line's {@code --set}), how (the settings), what to
 * write (each replication's figures or not), and who asked (for the run's records). Where the files
 * go is given when the prepared run is run ({@link RunService#run}), since a front end names its
 * folder from what the request loaded.
 *
 * @param kind a run of one scenario's options, or a comparison of arms
 * @param scenario the scenario of a {@link Kind#RUN}; null for a comparison
 * @param arms a comparison's arms as the command line takes them ({@code FILE}, {@code NAME},
 *     {@code SCENARIO:OPTION}); empty for a run
 * @param overrides {@code PATH=VALUE} changes, applied to the scenario (to every arm of a
 *     comparison)
 */
public record RunRequest(
    Kind kind,
    ScenarioSource scenario,
    List<String> arms,
    List<String> overrides,
    RunSettings settings,
    Invocation invocation) {
  /** What the request asks for. */
  public enum Kind {
    /** Every option of one scenario against its status quo (phbsim run). */
    RUN,
    /** Arms from several scenarios against the first's status quo (phbsim compare). */
    COMPARE
  }

  public RunRequest {
    arms = List.copyOf(arms);
    overrides = List.copyOf(overrides);
    if (kind == Kind.RUN && scenario == null) {
      throw new IllegalArgumentException("a run needs a scenario");
    }
    if (kind == Kind.COMPARE && arms.size() < 2) {
      throw new RunRefused("a comparison needs at least two arms, found " + arms.size());
    }
  }

  /** A run of {@code scenario}'s options against its status quo. */
  public static RunRequest run(
      ScenarioSource scenario,
      List<String> overrides,
      RunSettings settings,
      Invocation invocation) {
    return new RunRequest(Kind.RUN, scenario, List.of(), overrides, settings, invocation);
  }

  /** A comparison of {@code arms} against the first's status quo. */
  public static RunRequest compare(
      List<String> arms, List<String> overrides, RunSettings settings, Invocation invocation) {
    return new RunRequest(Kind.COMPARE, null, arms, overrides, settings, invocation);
  }
}
