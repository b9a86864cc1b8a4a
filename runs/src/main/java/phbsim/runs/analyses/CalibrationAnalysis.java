package phbsim.runs.analyses;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import phbsim.analysis.Calibration;
import phbsim.analysis.Variants;
import phbsim.experiment.Progress;
import phbsim.runs.RunRefused;
import phbsim.scenarios.Rewrite;
import phbsim.scenarios.ScenarioLoadException;
import phbsim.scenarios.ScenarioLoader;
import phbsim.scenarios.TargetsFile;
import phbsim.writers.AnalysisCsv;
import phbsim.writers.Numbers;
import phbsim.writers.OutputFolder;

/**
 * A calibration: the parameters a targets file names fitted within their bounds so that the outputs
 * it names hit their targets (phbsim calibrate), and the fitted scenario written as the file's own
 * text with the fitted values in, so that it runs. Its evaluations run one after another, each on
 * this process's threads.
 */
public record CalibrationAnalysis(Path targetsFile, TargetsFile.Targets targets, int maxEvaluations)
    implements Analysis<CalibrationAnalysis.Fitted> {

  /**
   * What a calibration finds, and the fitted scenario's text.
   *
   * @param notWritten the --set overrides the fitted file does not write (to be given again)
   */
  public record Fitted(Calibration.Result result, String text, List<String> notWritten) {}

  /**
   * The calibration of {@code subject} to {@code targetsFile}.
   *
   * @throws phbsim.scenarios.ScenarioLoadException for the targets file's problems
   */
  public static CalibrationAnalysis of(Subject subject, Path targetsFile, int maxEvaluations) {
    TargetsFile.Targets t = TargetsFile.load(targetsFile, subject.scenario(), subject.editor());
    return new CalibrationAnalysis(targetsFile, t, maxEvaluations);
  }

  @Override
  public List<Path> inputs() {
    return List.of(targetsFile);
  }

  /**
   * Fits the parameters, then writes the fitted values into the scenario's text.
   *
   * @throws RunRefused if the fitted scenario cannot be written or would not load
   */
  @Override
  public Fitted run(Subject s, Variants.Runner runner, Supplier<Progress> progress) {
    Calibration.Result r =
        Calibration.run(
            s.scenario(),
            s.option(),
            s.editor(),
            targets.parameters(),
            targets.targets(),
            maxEvaluations,
            s.request().settings().run(),
            progress.get());
    try {
      return rewritten(s, r);
    } catch (IllegalArgumentException e) {
      throw Analyses.refused(e);
    } catch (ScenarioLoadException e) {
      RunRefused refused =
          new RunRefused(
              "The fitted scenario would not load, so it is not written: " + e.getMessage());
      refused.initCause(e);
      throw refused;
    }
  }

  private Fitted rewritten(Subject s, Calibration.Result r) {
    Map<String, String> fitted = new LinkedHashMap<>();
    Map<String, Double> values = new LinkedHashMap<>();
    for (int i = 0; i < r.parameters().size(); i++) {
      fitted.put(r.parameters().get(i).path(), Numbers.plain(r.values()[i]));
      values.put(r.parameters().get(i).path(), Double.parseDouble(Numbers.plain(r.values()[i])));
    }
    String why = "fitted by phbsim calibrate --targets " + targetsFile.getFileName();
    // Each fitted value's note names the start it was fitted from: "was" in the file's own
    // comment is the file's value, which is not the start when --set gave one.
    String rewritten = s.text();
    for (int i = 0; i < r.parameters().size(); i++) {
      Calibration.Parameter p = r.parameters().get(i);
      rewritten =
          Rewrite.values(
              s.name(),
              rewritten,
              Map.of(p.path(), fitted.get(p.path())),
              why + " from a start of " + Numbers.plain(p.start()) + "; the file had {was}");
    }
    Map<String, String> ranges = Rewrite.rangesFollowing(s.scenario(), values);
    if (!ranges.isEmpty()) {
      rewritten =
          Rewrite.values(
              s.name(),
              rewritten,
              ranges,
              "moved with the fitted value by phbsim calibrate, to hold it");
    }
    // The --set overrides it was fitted with are written in too, so that fitted.yaml runs as the
    // calibration did on its own; those of fitted paths are left out (the fitted value replaces
    // them), and any whose path the file does not write are named for the user to give again.
    Rewrite.Carried carried =
        Rewrite.overrides(
            s.name(),
            rewritten,
            s.scenario(),
            s.request().overrides(),
            fitted.keySet(),
            "set by --set when it was fitted; the file had {was}");
    // What calibrate writes must run: load it as phbsim run would.
    ScenarioLoader.parse(s.name(), carried.text(), carried.notWritten());
    return new Fitted(r, carried.text(), carried.notWritten());
  }

  @Override
  public Object[] describe() {
    return new Object[] {"targets", targetsFile.toString()};
  }

  @Override
  public OutputFolder files(Fitted fitted, Files f) {
    return f.withScenario()
        .add("calibration.csv", w -> AnalysisCsv.calibration(fitted.result(), f.scenario(), w))
        .add("fitted.yaml", w -> w.write(fitted.text()));
  }
}
