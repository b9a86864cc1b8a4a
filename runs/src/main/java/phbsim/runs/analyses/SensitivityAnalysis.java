package phbsim.runs.analyses;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import phbsim.analysis.OneWaySensitivity;
import phbsim.analysis.Output;
import phbsim.analysis.ProbabilisticSensitivity;
import phbsim.analysis.Ranges;
import phbsim.analysis.Variants;
import phbsim.experiment.Progress;
import phbsim.writers.AnalysisFiles;
import phbsim.writers.OutputFolder;
import phbsim.writers.Text;

/**
 * Sensitivity: one-way (each parameter at its low and its high value, a tornado) and probabilistic
 * (parameters drawn from their distributions), as phbsim sensitivity and phbsim-spark sensitivity
 * run them.
 *
 * @param ranges the one-way ranges; empty if the one-way analysis does not run
 * @param uncertain the parameters drawn; empty if the probabilistic analysis does not run
 * @param draws the parameter draws of the probabilistic analysis (0 if it does not run)
 */
public record SensitivityAnalysis(
    Output output,
    List<Ranges.Range> ranges,
    List<ProbabilisticSensitivity.Uncertain> uncertain,
    int draws)
    implements Analysis<SensitivityAnalysis.Result> {
  public SensitivityAnalysis {
    ranges = List.copyOf(ranges);
    uncertain = List.copyOf(uncertain);
  }

  /**
   * What a sensitivity analysis finds.
   *
   * @param oneWay null if it did not run
   * @param probabilistic null if it did not run
   */
  public record Result(
      OneWaySensitivity.Result oneWay, ProbabilisticSensitivity.Result probabilistic) {}

  /** Whether the probabilistic analysis runs. */
  public boolean probabilistic() {
    return !uncertain.isEmpty();
  }

  /**
   * Refuses a choice of analyses that leaves nothing to do, or too few draws, before the scenario
   * is read.
   *
   * @param probabilisticChoice --probabilistic (true), --no-probabilistic (false) or neither (null)
   * @throws IllegalArgumentException saying which options
   */
  public static void checkChoice(boolean noOneWay, Boolean probabilisticChoice, int draws) {
    if (noOneWay && Boolean.FALSE.equals(probabilisticChoice)) {
      throw new IllegalArgumentException(
          "--no-one-way with --no-probabilistic leaves nothing to do");
    }
    if (draws < 1) {
      throw new IllegalArgumentException("--draws must be at least 1, found " + draws);
    }
  }

  /**
   * The analysis of {@code subject}, its settings checked.
   *
   * @param parameters the one-way parameters; empty for the scenario's default ones
   * @param probabilisticChoice as {@link #checkChoice}: null runs the probabilistic analysis when
   *     the scenario names distributions
   * @throws IllegalArgumentException for an output, parameter or choice that cannot run
   */
  public static SensitivityAnalysis of(
      Subject subject,
      String output,
      List<String> parameters,
      boolean noOneWay,
      Boolean probabilisticChoice,
      int draws) {
    var s = subject.scenario();
    var editor = subject.editor();
    Output o = output(output);
    List<Ranges.Range> ranges = new ArrayList<>();
    if (!noOneWay) {
      for (String p : parameters.isEmpty() ? Ranges.defaultParameters(s) : parameters) {
        ranges.add(Ranges.of(s, editor, p));
      }
    }
    List<ProbabilisticSensitivity.Uncertain> uncertain = List.of();
    if (!Boolean.FALSE.equals(probabilisticChoice)) {
      uncertain = ProbabilisticSensitivity.declared(s, editor);
    }
    boolean probabilistic =
        Boolean.TRUE.equals(probabilisticChoice)
            || (probabilisticChoice == null && !uncertain.isEmpty());
    if (noOneWay && !probabilistic) {
      throw new IllegalArgumentException(
          subject.name()
              + " declares no distribution under uncertainty:, so --no-one-way leaves nothing"
              + " to do; expected distributions (see the scenario README)");
    }
    if (probabilistic) {
      if (uncertain.isEmpty()) {
        throw new IllegalArgumentException(
            subject.name()
                + " declares no distribution under uncertainty:; expected entries with a"
                + " distribution (see the scenario README) for --probabilistic");
      }
      if (draws < uncertain.size() + 3) {
        throw new IllegalArgumentException(
            "--draws "
                + draws
                + " is too few for "
                + Text.count(uncertain.size(), "parameter", "parameters")
                + "; expected at least "
                + (uncertain.size() + 3));
      }
    }
    return new SensitivityAnalysis(
        o, ranges, probabilistic ? uncertain : List.of(), probabilistic ? draws : 0);
  }

  /** The output named by --output, or a message naming the option. */
  static Output output(String name) {
    try {
      return Output.parse(name);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--output " + e.getMessage(), e);
    }
  }

  @Override
  public Result run(Subject s, Variants.Runner runner, Supplier<Progress> progress) {
    var run = s.request().settings().run();
    OneWaySensitivity.Result oneWay =
        ranges.isEmpty()
            ? null
            : OneWaySensitivity.run(
                s.scenario(), s.option(), s.editor(), ranges, output, run, progress.get(), runner);
    ProbabilisticSensitivity.Result psa =
        probabilistic()
            ? ProbabilisticSensitivity.run(
                s.scenario(),
                s.option(),
                s.editor(),
                uncertain,
                draws,
                output,
                run,
                progress.get(),
                runner)
            : null;
    return new Result(oneWay, psa);
  }

  @Override
  public Object[] describe() {
    return new Object[] {"output", output.name(), "draws", draws};
  }

  @Override
  public OutputFolder files(Result r, Files f) {
    return AnalysisFiles.of(
        f.folder(),
        r.oneWay(),
        r.probabilistic(),
        f.scenario(),
        f.run(),
        f.describe(),
        f.assumptions(),
        f.info());
  }
}
