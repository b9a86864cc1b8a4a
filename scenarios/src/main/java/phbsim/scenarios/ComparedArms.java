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
 * @param otherPlaces for each arm (by id) that is not the same place as the first, the settings of
 *     its status quo that differ from the first's, in the order of the scenario's records
 */
public record ComparedArms(
    List<String> arguments,
    List<String> overrides,
    Scenario place,
    List<OptionArm> options,
    List<String> warnings,
    Map<String, List<Difference>> otherPlaces) {

  /**
   * A setting in which a compared place's status quo differs from the first's.
   *
   * @param path the setting's YAML path
   * @param first its value in the first arm's place, as YAML writes it ("(none)" if absent)
   * @param other its value in the other place
   */
  public record Difference(String path, String first, String other) {
    @Override
    public String toString() {
      return path + ": " + first + " against " + other;
    }
  }

  /** What a value drawn from a person-level file is shown as: the file's figures never are. */
  static final String FROM_FILE = "(from a person-level file)";

  /** How a compared arm that is another place is labelled, at its figures in every table. */
  public static String otherPlaceLabel(String label, String first, int differences) {
    return label
        + " [another place: "
        + differences
        + (differences == 1
            ? " setting of its status quo differs from "
            : " settings of its status quo differ from ")
        + ""
        + first
        + "'s, so its saving includes the difference between the places]";
  }

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
    Map<String, List<Difference>> otherPlaces = new LinkedHashMap<>();
    for (int i = 1; i < places.size(); i++) {
      List<Difference> differ = differences(first, places.get(i));
      if (!differ.isEmpty()) {
        OptionArm arm = options.get(i);
        otherPlaces.put(arm.id(), differ);
        options.set(
            i,
            new OptionArm(
                arm.id(),
                otherPlaceLabel(arm.label(), scenarioOf(arguments.get(0)), differ.size()),
                arm.scenario()));
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
        List.copyOf(arguments),
        List.copyOf(overrides),
        first,
        List.copyOf(options),
        warnings,
        otherPlaces);
  }

  /**
   * The settings in which {@code other}'s status quo differs from {@code first}'s: what a
   * comparison of the two counts as an option's effect though it is a difference between places.
   * Names and descriptions are not settings; options and declared uncertainty are not the status
   * quo. A value counted from a person-level file is named by its path only, never shown.
   */
  public static List<Difference> differences(Scenario first, Scenario other) {
    Map<String, String> a = settings(first);
    Map<String, String> b = settings(other);
    List<Difference> out = new ArrayList<>();
    for (Map.Entry<String, String> e : a.entrySet()) {
      String there = b.getOrDefault(e.getKey(), "(none)");
      if (!there.equals(e.getValue())) {
        out.add(new Difference(e.getKey(), e.getValue(), there));
      }
    }
    for (Map.Entry<String, String> e : b.entrySet()) {
      if (!a.containsKey(e.getKey())) {
        out.add(new Difference(e.getKey(), "(none)", e.getValue()));
      }
    }
    return out;
  }

  private static Map<String, String> settings(Scenario place) {
    Scenario sq = place.statusQuo();
    Map<String, String> out = new LinkedHashMap<>();
    flatten(ScenarioYaml.toTree(sq), "", sq.startingPopulation() != null, out);
    return out;
  }

  private static void flatten(
      com.fasterxml.jackson.databind.JsonNode node,
      String path,
      boolean fromFile,
      Map<String, String> out) {
    if (node == null || node.isNull()) {
      return;
    }
    if (node.isObject()) {
      var fields = node.fields();
      while (fields.hasNext()) {
        var e = fields.next();
        if (path.isEmpty()
            && List.of("name", "description", "options", "uncertainty").contains(e.getKey())) {
          continue;
        }
        flatten(
            e.getValue(),
            path.isEmpty() ? e.getKey() : Paths.child(path, e.getKey()),
            fromFile,
            out);
      }
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        // An item with an id is named by it (segments[psychosis]), as --set names it, so that
        // two places listing the same segments in another order do not differ.
        var id = node.get(i).get("id");
        flatten(
            node.get(i),
            id != null && id.isTextual() ? path + "[" + id.asText() + "]" : Paths.item(path, i),
            fromFile,
            out);
      }
    } else if (fromFile && path.endsWith(".startingCaseload")) {
      out.put(path, FROM_FILE);
    } else {
      out.put(path, node.isTextual() ? node.asText() : node.toString());
    }
  }

  /** How many differences {@link #otherPlacesText} shows of each arm; run.json has them all. */
  public static final int SHOWN = 8;

  /**
   * What the printout says, above its tables, of each arm that is another place: that its figures
   * include the difference between the places, and in which settings they differ. Empty when every
   * arm is the first's place.
   */
  public List<String> otherPlacesText() {
    List<String> lines = new ArrayList<>();
    String first = scenarioOf(arguments.get(0));
    for (OptionArm arm : options) {
      List<Difference> differ = otherPlaces.get(arm.id());
      if (differ == null) {
        continue;
      }
      lines.add(
          "Not the same place: "
              + arm.id()
              + "'s status quo differs from "
              + first
              + "'s in "
              + differ.size()
              + (differ.size() == 1 ? " setting" : " settings")
              + ", so its figures below are the difference between two places, not only an"
              + " option's effect. To appraise an option, name it as an option of one place"
              + " (SCENARIO:OPTION). The settings ("
              + first
              + " against "
              + arm.id()
              + "):");
      differ.stream().limit(SHOWN).forEach(d -> lines.add("  " + d));
      if (differ.size() > SHOWN) {
        lines.add("  and " + (differ.size() - SHOWN) + " more (run.json lists every one)");
      }
    }
    return lines;
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
    if (!otherPlaces.isEmpty()) {
      Map<String, Object> places = new LinkedHashMap<>();
      otherPlaces.forEach(
          (arm, differ) ->
              places.put(
                  arm,
                  differ.stream()
                      .map(
                          d -> {
                            Map<String, String> row = new LinkedHashMap<>();
                            row.put("path", d.path());
                            row.put(scenarioOf(arguments.get(0)), d.first());
                            row.put(arm, d.other());
                            return row;
                          })
                      .toList()));
      m.put("otherPlaces", places);
    }
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
