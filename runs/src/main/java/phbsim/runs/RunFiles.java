package phbsim.runs;

import java.io.IOException;
import java.nio.file.Path;
import phbsim.analysis.Areas;
import phbsim.report.AppraisalResult;
import phbsim.report.Release;
import phbsim.writers.AppraisalFiles;
import phbsim.writers.AreasCsv;
import phbsim.writers.OutputFolder;

/**
 * The files of a run record, through the writers: the one place where a run's files are chosen, so
 * that every front end writes the same set (manifest.json and replications.csv included).
 */
final class RunFiles {
  private RunFiles() {}

  /** The files of an appraisal: the CSVs, scenario.yaml, run.json, the workbook and the report. */
  static OutputFolder appraisal(RunRecord r, Path folder) {
    return AppraisalFiles.withWorkbookAndReport(
        AppraisalFiles.of(
            folder,
            r.result(),
            r.scenario(),
            r.run(),
            r.precision(),
            r.request().settings().perReplication(),
            r.source()),
        r.result(),
        r.scenario(),
        r.assumptions(),
        r.runInfo());
  }

  /** Adds one area's files under areas/ID/, as the area finishes. */
  static void area(
      OutputFolder files,
      Path folder,
      RunRequest request,
      Areas.Area area,
      Release<AppraisalResult> result,
      java.util.Map<String, Object> source) {
    AppraisalFiles.addArea(
        files,
        folder,
        area,
        result,
        request.settings().run(),
        request.settings().precision(),
        request.settings().perReplication(),
        source);
    try {
      files.flush(request.settings().run().threads());
    } catch (IOException e) {
      throw cannotWrite(folder, e);
    }
  }

  /** The areas' summaries (areas.csv, areas_per_100k.csv) added to the areas' files. */
  static OutputFolder areas(OutputFolder files, RunRecord r) {
    return AreasCsv.addSummaries(files, r.areas(), r.scenario(), r.source());
  }

  /** Adds manifest.json and writes every file, replacing what was there if {@code force}. */
  static void commit(OutputFolder files, RunRecord r, Output output) {
    OutputFolder all = files.replacing(output.force());
    all.add(OutputFolder.MANIFEST, w -> w.write(r.manifest()));
    try {
      all.commit(r.run().threads());
    } catch (IOException e) {
      throw cannotWrite(files.folder(), e);
    }
  }

  private static RunRefused cannotWrite(Path folder, IOException e) {
    RunRefused refused =
        new RunRefused("Cannot write the results to " + folder + ": " + e.getMessage());
    refused.initCause(e);
    return refused;
  }
}
