package phbsim.runs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import phbsim.experiment.RunSpec;
import phbsim.writers.Workbooks;

/** How a run was made: the workbook's Run sheet, and manifest.json. */
public final class RunInfos {
  private RunInfos() {}

  /** How the run was made, for a workbook's Run sheet. */
  public static Workbooks.RunInfo runInfo(Invocation who, RunSpec run, List<String> texts) {
    return Workbooks.RunInfo.of(who.version(), who.commitShown(), who.command(), run, texts);
  }

  /**
   * What reproducing the run needs (manifest.json): the program's version and commit, the command
   * line, the seed and run settings, a SHA-256 of each scenario's text, and the Java that ran it.
   * It names the thread count, so unlike the result files it is not the same whatever --threads is.
   * The keys are in a fixed order, so that the file is the same bytes for the same run.
   */
  public static String manifest(Invocation who, RunSpec run, List<String> texts) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("tool", who.tool());
    m.put("version", who.version());
    m.put("commit", who.commit());
    if (who.dirty() != null) {
      m.put("uncommittedChanges", who.dirty());
    }
    m.put("command", who.command());
    m.put("seed", run.masterSeed());
    m.put("replications", run.replications());
    m.put("threads", run.threads());
    List<String> hashes = new ArrayList<>();
    for (String text : texts) {
      hashes.add(Workbooks.RunInfo.sha256(text));
    }
    m.put("scenarioSha256", hashes);
    m.put(
        "java",
        System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")");
    try {
      return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(m)
          + System.lineSeparator();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a map of strings and numbers is always JSON", e);
    }
  }
}
