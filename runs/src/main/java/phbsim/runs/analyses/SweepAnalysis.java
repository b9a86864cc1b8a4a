package phbsim.runs.analyses;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import phbsim.analysis.Output;
import phbsim.analysis.Sweep;
import phbsim.analysis.Variants;
import phbsim.experiment.Progress;
import phbsim.writers.AnalysisFiles;
import phbsim.writers.OutputFolder;

/**
 * A sweep: a grid over one or two parameters, every point against its own status quo on the same
 * random numbers (phbsim sweep, phbsim-spark sweep).
 *
 * @param vary the axes as given ({@code path=v1,v2} or {@code path=from:to:step}), for run.json
 * @param crossing the output whose zero crossing is found
 * @param perReplication whether replications.csv is written
 */
public record SweepAnalysis(
    List<String> vary, List<Sweep.Axis> axes, Output crossing, boolean perReplication)
    implements Analysis<Sweep.Result> {
  public SweepAnalysis {
    vary = List.copyOf(vary);
    axes = List.copyOf(axes);
  }

  /**
   * The sweep of {@code subject} over {@code vary}, its settings checked.
   *
   * @throws IllegalArgumentException for an axis that cannot be read, names a path that leads
   *     nowhere or names a path twice, or an output that is not one, naming the option
   */
  public static SweepAnalysis of(
      Subject subject, List<String> vary, String output, boolean perReplication) {
    if (vary.size() > 2) {
      throw new IllegalArgumentException("--vary may be given once or twice, found " + vary.size());
    }
    List<Sweep.Axis> axes = new ArrayList<>();
    try {
      axes(subject, vary, axes);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("--vary " + e.getMessage(), e);
    }
    Output crossing = SensitivityAnalysis.output(output);
    return new SweepAnalysis(vary, axes, crossing, perReplication);
  }

  private static void axes(Subject subject, List<String> vary, List<Sweep.Axis> axes) {
    for (String v : vary) {
      Sweep.Axis axis = Sweep.Axis.parse(v);
      subject.editor().number(subject.scenario(), axis.path()); // names a path that leads nowhere
      for (Sweep.Axis other : axes) {
        if (other.path().equals(axis.path())) {
          // Two axes of one path would set it twice at every point: the grid's second value would
          // win and half the points would be the same run.
          throw new IllegalArgumentException(
              "names "
                  + axis.path()
                  + " twice; expected two different paths (give all of a path's values in one"
                  + " --vary)");
        }
      }
      axes.add(axis);
    }
  }

  /** How many points the grid has. */
  public int points() {
    return axes.stream().mapToInt(a -> a.values().size()).reduce(1, (a, b) -> a * b);
  }

  @Override
  public Sweep.Result run(Subject s, Variants.Runner runner, Supplier<Progress> progress) {
    return Sweep.run(
        s.scenario(),
        s.option(),
        s.editor(),
        axes,
        s.request().settings().run(),
        progress.get(),
        crossing,
        runner);
  }

  @Override
  public Object[] describe() {
    return new Object[] {"vary", vary};
  }

  @Override
  public OutputFolder files(Sweep.Result result, Files f) {
    return AnalysisFiles.sweep(
        f.folder(),
        result,
        crossing,
        perReplication,
        f.scenario(),
        f.run(),
        f.describe(),
        f.assumptions(),
        f.info());
  }
}
