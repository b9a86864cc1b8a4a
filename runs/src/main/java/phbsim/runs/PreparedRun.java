package phbsim.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import phbsim.analysis.Areas;
import phbsim.experiment.OptionArm;
import phbsim.scenario.Scenario;

/**
 * A request loaded and checked, ready to run: every scenario read, every check that can refuse it
 * made (the scenario's problems, the memory it needs), and nothing run yet. A front end reads it to
 * name its output folder and to make checks of its own before anything runs.
 *
 * @param place the scenario as named (a comparison's first), overrides applied
 * @param statusQuo the place as it is, which every option runs against
 * @param options the options, in order (the scenario's own, or a comparison's arms)
 * @param areas a scenario of areas' areas; empty otherwise
 * @param name what the user named first, for folder names and messages
 * @param inputs the files read, never to be overwritten by results
 * @param source what went in, for run.json
 * @param texts each scenario's YAML text, hashed into the run's records
 * @param assumptionsSource the name and text the Assumptions sheet explains
 */
public record PreparedRun(
    RunRequest request,
    Scenario place,
    Scenario statusQuo,
    List<OptionArm> options,
    List<Areas.Area> areas,
    String name,
    List<Path> inputs,
    Map<String, Object> source,
    List<String> texts,
    String assumptionsName,
    String assumptionsText,
    List<String> warnings,
    List<String> otherPlaces) {
  /** Every scenario the run reads: the place, its status quo and each option. */
  public List<Scenario> scenarios() {
    List<Scenario> all = new ArrayList<>(List.of(place, statusQuo));
    options.forEach(o -> all.add(o.scenario()));
    areas.forEach(a -> all.add(a.place()));
    return all;
  }

  /** The arms that run: the status quo, then each option. */
  List<Scenario> arms() {
    List<Scenario> arms = new ArrayList<>(List.of(statusQuo));
    options.forEach(o -> arms.add(o.scenario()));
    return arms;
  }
}
