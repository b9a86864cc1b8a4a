package phbsim.runs;

import java.util.List;
import phbsim.analysis.Areas;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.report.Release;
import phbsim.scenario.Scenario;
import phbsim.scenarios.ScenarioLoader;

/** Runs the cells on this process's threads ({@link RunSpec#threads()}), in the model's order. */
public final class InProcessExecutor implements Executor {
  @Override
  public AppraisalResult appraisal(
      Scenario statusQuo, List<OptionArm> options, RunSpec run, Progress progress) {
    return Appraisal.run(statusQuo, options, run, progress);
  }

  @Override
  public Release<Areas.Result> areas(
      List<Areas.Area> areas, RunSpec run, Progress progress, Areas.Each each) {
    return Areas.run(areas, ScenarioLoader::options, run, progress, each);
  }
}
