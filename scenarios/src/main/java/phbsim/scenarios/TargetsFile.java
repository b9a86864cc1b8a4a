package phbsim.scenarios;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import phbsim.analysis.Calibration;
import phbsim.analysis.Output;
import phbsim.scenario.Optional;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;

/**
 * A calibration's targets file (YAML): the parameters to fit, within bounds, and the outputs to
 * hit, each with its tolerance and its source. Read with the same care as a scenario: every problem
 * at once, with its line.
 *
 * <pre>{@code
 * parameters:
 *   - path: segments[common].budget.crisisEffect
 *     low: 0.2
 *     high: 1.0
 *     start: 0.7            # optional: default, the scenario's value
 * targets:
 *   - output: net_saving_cash
 *     value: 0
 *     tolerance: 5000
 *     source: "[pilot-2016]"
 * }</pre>
 */
public final class TargetsFile {
  private static final ObjectMapper BINDER =
      JsonMapper.builder().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

  /**
   * A targets file.
   *
   * @param description what is being fitted and why (default empty)
   */
  public record TargetsSpec(
      @Optional String description, List<ParameterSpec> parameters, List<TargetSpec> targets) {}

  /** A parameter to fit, as written. */
  public record ParameterSpec(String path, double low, double high, @Optional Double start) {}

  /** A target, as written. */
  public record TargetSpec(
      String output, double value, double tolerance, @Optional String source) {}

  /** A targets file read and checked against a scenario. */
  public record Targets(
      String description,
      List<Calibration.Parameter> parameters,
      List<Calibration.Target> targets) {}

  private TargetsFile() {}

  /**
   * Reads {@code file} and checks it against {@code scenario} (every path leads to a number).
   *
   * @throws ScenarioLoadException listing every problem, with its line
   */
  public static Targets load(Path file, Scenario scenario, ScenarioEditor editor) {
    String source = file.toString();
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (NoSuchFileException e) {
      throw new ScenarioLoadException(
          List.of(new LoadProblem(source, 0, 0, "", "does not exist; expected a targets file")));
    } catch (IOException e) {
      throw new ScenarioLoadException(
          List.of(new LoadProblem(source, 0, 0, "", "cannot be read (" + e.getMessage() + ")")));
    }
    YamlTree tree = YamlTree.read(source, text);
    List<Finding> findings = new ArrayList<>(tree.findings);
    if (tree.root == null) {
      throw failure(tree, findings);
    }
    findings.addAll(StructureCheck.check(tree.root, TargetsSpec.class));
    if (!findings.isEmpty()) {
      throw failure(tree, findings);
    }
    TargetsSpec spec;
    try {
      spec = BINDER.treeToValue(tree.root, TargetsSpec.class);
    } catch (IOException e) {
      findings.add(Finding.at("", "cannot be read as a targets file (" + e.getMessage() + ")"));
      throw failure(tree, findings);
    }
    List<Calibration.Parameter> parameters = new ArrayList<>();
    for (int i = 0; i < spec.parameters().size(); i++) {
      ParameterSpec p = spec.parameters().get(i);
      String at = "parameters[" + i + "]";
      if (p == null) {
        findings.add(Finding.at(at, "is empty; expected path, low and high"));
        continue;
      }
      double value;
      try {
        value = editor.number(scenario, p.path());
      } catch (IllegalArgumentException e) {
        findings.add(Finding.at(at + ".path", e.getMessage()));
        continue;
      }
      double start = p.start() == null ? value : p.start();
      if (!(p.low() < p.high())) {
        findings.add(Finding.at(at, "low " + p.low() + " is not below high " + p.high()));
      } else if (!(p.low() <= start && start <= p.high())) {
        findings.add(
            Finding.at(
                at + (p.start() == null ? "" : ".start"),
                "the start "
                    + start
                    + (p.start() == null ? " (the scenario's value)" : "")
                    + " is outside low to high; expected a start between them"));
      } else {
        parameters.add(new Calibration.Parameter(p.path(), p.low(), p.high(), start));
      }
    }
    List<Calibration.Target> targets = new ArrayList<>();
    for (int i = 0; i < spec.targets().size(); i++) {
      TargetSpec t = spec.targets().get(i);
      String at = "targets[" + i + "]";
      if (t == null) {
        findings.add(Finding.at(at, "is empty; expected output, value and tolerance"));
        continue;
      }
      Output output;
      try {
        output = Output.parse(t.output());
      } catch (IllegalArgumentException e) {
        findings.add(Finding.at(at + ".output", e.getMessage()));
        continue;
      }
      if (!(t.tolerance() > 0)) {
        findings.add(
            Finding.at(at + ".tolerance", "found " + t.tolerance() + "; expected above 0"));
        continue;
      }
      targets.add(new Calibration.Target(output, t.value(), t.tolerance()));
    }
    if (spec.parameters().isEmpty()) {
      findings.add(Finding.at("parameters", "is empty; expected at least one parameter to fit"));
    }
    if (spec.targets().isEmpty()) {
      findings.add(Finding.at("targets", "is empty; expected at least one target"));
    }
    if (!findings.isEmpty()) {
      throw failure(tree, findings);
    }
    return new Targets(spec.description() == null ? "" : spec.description(), parameters, targets);
  }

  private static ScenarioLoadException failure(YamlTree tree, List<Finding> findings) {
    List<LoadProblem> problems = new ArrayList<>();
    for (Finding f : findings) {
      YamlTree.Place place = f.place() != null ? f.place() : tree.placeOf(f.path(), f.atKey());
      problems.add(
          new LoadProblem(place.source(), place.line(), place.column(), f.path(), f.message()));
    }
    problems.sort(Comparator.comparingInt(LoadProblem::line).thenComparingInt(LoadProblem::column));
    return new ScenarioLoadException(problems);
  }
}
