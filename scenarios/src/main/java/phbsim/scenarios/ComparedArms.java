package phbsim.scenarios;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import phbsim.experiment.OptionArm;
import phbsim.scenario.Scenario;

/**
 * The arms of a comparison as {@code compare} names them: scenario files, built-in scenarios, or
 * named options of one ({@code SCENARIO:OPTION}), each compared with the status quo of the first.
 * Shared by the command line and the Spark job, so that both compare exactly the same arms.
 *
 * @param arguments the arms as given
 * @param overrides the {@code --set} changes applied to every arm
 * @param place the first arm's scenario, whose status quo every arm is compared with
 * @param options the arms, with unique ids
 * @param warnings arms that are not the same place as the first (their status quo differs)
 */
public record ComparedArms(
    List<String> arguments,
    List<String> overrides,
    Scenario place,
    List<OptionArm> options,
    List<String> warnings) {

  /** A mistake in naming an arm, with its message. */
  public static final class UnknownArm extends RuntimeException {
    private static final long serialVersionUID = 1L;

    UnknownArm(String message) {
      super(message);
    }
  }

  /**
   * Resolves the arms.
   *
   * @throws ScenarioLoadException if a scenario does not load
   * @throws UnknownArm if an arm names an option its scenario does not have
   */
  public static ComparedArms of(List<String> arguments, List<String> overrides) {
    List<Scenario> places = new ArrayList<>();
    List<OptionArm> options = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String a : arguments) {
      Scenario place = BuiltInScenarios.fileOrBuiltIn(scenarioOf(a), overrides);
      OptionArm arm = arm(a, place);
      String id = arm.id();
      for (int k = 2; !ids.add(id); k++) {
        id = arm.id() + "-" + k;
      }
      places.add(place);
      options.add(new OptionArm(id, arm.label(), arm.scenario()));
    }
    Scenario first = places.get(0);
    List<String> warnings = new ArrayList<>();
    for (int i = 1; i < places.size(); i++) {
      if (!places.get(i).statusQuo().equals(first.statusQuo())) {
        warnings.add(
            "Warning: "
                + arguments.get(i)
                + " is not the same place as "
                + arguments.get(0)
                + " (its status quo differs); every arm is compared with the status quo of "
                + arguments.get(0)
                + ".");
      }
    }
    return new ComparedArms(
        List.copyOf(arguments), List.copyOf(overrides), first, options, warnings);
  }

  /** The status quo every arm is compared with. */
  public Scenario statusQuo() {
    return place.statusQuo();
  }

  /** The first arm's scenario, as named (without its option). */
  public String firstSource() {
    return scenarioOf(arguments.get(0));
  }

  /** The YAML text of each arm's scenario, in order, for the manifest's hashes. */
  public List<String> texts() {
    List<String> texts = new ArrayList<>();
    for (String a : arguments) {
      texts.add(BuiltInScenarios.textOfFileOrBuiltIn(scenarioOf(a)));
    }
    return texts;
  }

  /** The input files the arms read: never to be overwritten. */
  public List<Path> inputs() {
    List<Path> inputs = new ArrayList<>();
    for (String a : arguments) {
      Path file = Path.of(scenarioOf(a));
      if (Files.isRegularFile(file)) {
        inputs.add(file);
      }
    }
    return inputs;
  }

  /** What run.json says was compared, in a fixed order. */
  public Map<String, Object> describe() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("arms", arguments);
    m.put("overrides", overrides);
    return m;
  }

  /** The scenario an argument names: before the colon of SCENARIO:OPTION, else all of it. */
  static String scenarioOf(String argument) {
    int colon = argument.lastIndexOf(':');
    // A colon names an option unless what is before it is a file of its own (C:\... on Windows).
    if (colon > 1
        && !Files.isRegularFile(Path.of(argument))
        && (Files.isRegularFile(Path.of(argument.substring(0, colon)))
            || BuiltInScenarios.isBuiltIn(argument.substring(0, colon)))) {
      return argument.substring(0, colon);
    }
    return argument;
  }

  private static OptionArm arm(String argument, Scenario place) {
    String name = scenarioOf(argument);
    if (name.equals(argument)) {
      OptionArm arm = OptionArm.asWritten(place);
      return new OptionArm(id(name), place.name() + ", as written", arm.scenario());
    }
    String option = argument.substring(name.length() + 1);
    for (OptionArm arm : ScenarioLoader.options(place)) {
      if (arm.id().equals(option)) {
        return new OptionArm(id(name) + "." + option, arm.label(), arm.scenario());
      }
    }
    List<String> known = new ArrayList<>();
    place.options().forEach(o -> known.add(o.id()));
    throw new UnknownArm(
        argument
            + ": "
            + name
            + " has no option '"
            + option
            + "'; expected one of: "
            + (known.isEmpty()
                ? "(it names none; use " + name + " alone)"
                : String.join(", ", known)));
  }

  /** An arm's id from its scenario's name: the file name without .yaml, safe for files. */
  private static String id(String name) {
    String file = Path.of(name).getFileName().toString();
    return safeName(file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file);
  }

  /** A name safe as a file or folder name: letters, digits, '.', '_' and '-' only. */
  public static String safeName(String name) {
    String cleaned = name.replaceAll("[^A-Za-z0-9._-]+", "-");
    return cleaned.isEmpty() || cleaned.matches("\\.+") ? "scenario" : cleaned;
  }
}
