package phbsim.scenarios;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes new values into a scenario file's own text, keeping its comments and layout: each value is
 * replaced where it is written and its comment says so. For {@code phbsim calibrate}, whose fitted
 * scenario should read like the file it came from.
 */
public final class Rewrite {
  private Rewrite() {}

  /**
   * The text with each {@code path -> value} written in (paths as {@code --set} writes them).
   *
   * @param why what to put in each changed line's comment, such as "fitted by phbsim calibrate";
   *     the value replaced goes where it says {@code {was}}, or after ", was " at the end
   * @throws IllegalArgumentException naming a path that is not written in the file (a default),
   *     which cannot be replaced in place
   */
  /**
   * The changes to the scenario's declared ranges that fitted values need: a range under {@code
   * uncertainty:} that no longer holds its parameter's fitted value moves with it, keeping its
   * spread relative to the value (low x fitted / old, high x fitted / old), so that the fitted
   * scenario still passes its own checks. Keys are {@code uncertainty[i].low} and {@code .high}.
   */
  public static Map<String, String> rangesFollowing(
      phbsim.scenario.Scenario scenario, Map<String, Double> fitted) {
    Map<String, String> moved = new java.util.LinkedHashMap<>();
    var tree = ScenarioYaml.toTree(scenario);
    for (int i = 0; i < scenario.uncertainty().size(); i++) {
      var u = scenario.uncertainty().get(i);
      if (u.low() == null || u.high() == null) {
        continue;
      }
      String declared = Overrides.resolve(tree, phbsim.scenario.Scenario.class, u.path()).path();
      for (Map.Entry<String, Double> f : fitted.entrySet()) {
        String path = Overrides.resolve(tree, phbsim.scenario.Scenario.class, f.getKey()).path();
        double v = f.getValue();
        if (!path.equals(declared) || (u.low() <= v && v <= u.high())) {
          continue;
        }
        double old =
            Overrides.resolve(tree, phbsim.scenario.Scenario.class, path).node().asDouble();
        double low = old != 0 ? u.low() * v / old : v - (u.high() - u.low()) / 2;
        double high = old != 0 ? u.high() * v / old : v + (u.high() - u.low()) / 2;
        moved.put("uncertainty[" + i + "].low", plain(Math.min(low, v)));
        moved.put("uncertainty[" + i + "].high", plain(Math.max(high, v)));
      }
    }
    return moved;
  }

  /**
   * What writing a run's {@code --set} overrides into a fitted scenario's text gives: the new text,
   * and the overrides that could not be written in (their paths are not in the file, so they take
   * the default there) and must be given again.
   */
  public record Carried(String text, List<String> notWritten) {}

  /**
   * Writes each {@code --set} override ({@code path=value}) into the text, so that the fitted
   * scenario runs as the calibration did without the user giving anything again. An override of a
   * fitted path is left out: the fitted value replaces it (giving the start value again would undo
   * the fit). An override whose path is not written in the file is returned in {@link
   * Carried#notWritten()}.
   */
  public static Carried overrides(
      String source,
      String text,
      phbsim.scenario.Scenario scenario,
      List<String> overrides,
      java.util.Collection<String> fitted,
      String why) {
    var tree = ScenarioYaml.toTree(scenario);
    java.util.Set<String> fittedPaths = new java.util.HashSet<>();
    for (String f : fitted) {
      fittedPaths.add(Overrides.resolve(tree, phbsim.scenario.Scenario.class, f).path());
    }
    String out = text;
    List<String> notWritten = new ArrayList<>();
    for (String o : overrides) {
      int eq = o.indexOf('=');
      if (eq < 0) {
        notWritten.add(o);
        continue;
      }
      String path = o.substring(0, eq).strip();
      String value = o.substring(eq + 1).strip();
      String resolved;
      try {
        resolved = Overrides.resolve(tree, phbsim.scenario.Scenario.class, path).path();
      } catch (IllegalArgumentException e) {
        notWritten.add(o);
        continue;
      }
      if (fittedPaths.contains(resolved)) {
        continue;
      }
      try {
        out = values(source, out, Map.of(path, value), why);
      } catch (IllegalArgumentException e) {
        notWritten.add(o);
      }
    }
    return new Carried(out, List.copyOf(notWritten));
  }

  private static String plain(double v) {
    return java.math.BigDecimal.valueOf(v)
        .setScale(4, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  public static String values(String source, String text, Map<String, String> values, String why) {
    YamlTree tree = YamlTree.read(source, text);
    if (tree.root == null) {
      throw new IllegalArgumentException(source + " is not valid YAML");
    }
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    for (Map.Entry<String, String> e : values.entrySet()) {
      Overrides.Resolved r =
          Overrides.resolve(tree.root, phbsim.scenario.Scenario.class, e.getKey());
      YamlTree.Place at = tree.placeOfValue(r.path());
      if (at == null || !r.node().isValueNode()) {
        throw new IllegalArgumentException(
            e.getKey() + " is not written in " + source + "; add it to the file to have it fitted");
      }
      String line = lines.get(at.line() - 1);
      int start = at.column() - 1;
      int end = start;
      while (end < line.length() && " \t,}]#".indexOf(line.charAt(end)) < 0) {
        end++;
      }
      String old = line.substring(start, end);
      String rest = line.substring(end);
      // Keep a comment where it was: take spaces before it for a longer value, while two remain.
      int longer = e.getValue().length() - old.length();
      int spaces = 0;
      while (spaces < rest.length() && rest.charAt(spaces) == ' ') {
        spaces++;
      }
      if (longer > 0 && spaces < rest.length() && rest.charAt(spaces) == '#') {
        rest = rest.substring(Math.min(longer, Math.max(0, spaces - 2)));
      } else if (longer < 0 && spaces < rest.length() && rest.charAt(spaces) == '#') {
        rest = " ".repeat(-longer) + rest;
      }
      String replaced = line.substring(0, start) + e.getValue() + rest;
      int hash = replaced.indexOf('#', start + e.getValue().length());
      String note = why.contains("{was}") ? why.replace("{was}", old) : why + ", was " + old;
      replaced =
          hash < 0
              ? replaced + "  # " + note
              : replaced.substring(0, hash + 1) + " " + note + ";" + replaced.substring(hash + 1);
      lines.set(at.line() - 1, replaced);
    }
    return String.join("\n", lines);
  }
}
