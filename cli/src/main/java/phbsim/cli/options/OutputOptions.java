package phbsim.cli.options;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where result files go. */
public final class OutputOptions {
  @Option(
      names = {"-o", "--out"},
      paramLabel = "FOLDER",
      description = "Folder for the result files. Default: phbsim-out/<scenario name>.")
  Path out;

  /** The folder to write to, given the scenario's name. */
  public Path folder(String scenarioName) {
    return out != null ? out : Path.of("phbsim-out", scenarioName);
  }
}
