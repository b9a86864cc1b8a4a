package phbsim.cli.options;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import phbsim.writers.OutputFolder;
import picocli.CommandLine.Option;

/** Where result files go, checked before anything runs. */
public final class OutputOptions {
  private static final DateTimeFormatter STAMP =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmmss", Locale.ROOT);

  @Option(
      names = {"-o", "--out"},
      paramLabel = "FOLDER",
      description =
          "Folder for the result files. Default: a new folder under phbsim-out/, named from the"
              + " scenario and the time, so that runs never overwrite each other.")
  Path out;

  @Option(
      names = "--force",
      description =
          "Replace the results already in --out (only a folder phbsim wrote; never one that holds"
              + " the scenario file).")
  boolean force;

  /** Whether existing results may be replaced. */
  public boolean force() {
    return force;
  }

  /**
   * The folder to write to, checked now, before anything runs: --out as given, or a new folder
   * under phbsim-out/ named from the scenario (its file name or built-in name), the command and the
   * time.
   *
   * @param scenario the scenario as named on the command line (a file or a built-in name)
   * @param command what ran, such as "sweep" (null for run)
   * @param inputs files the folder must not hold or replace (the scenario file, a targets file)
   * @throws OutputFolder.Refused saying what is wrong
   */
  public Path prepare(String scenario, String command, List<Path> inputs) {
    Path folder = OutputFolder.throughLink(out != null ? out : fresh(scenario, command));
    OutputFolder.check(folder, force, inputs);
    return folder;
  }

  /** phbsim-out/NAME[-COMMAND]-TIME, with -2, -3... should two runs start in the same second. */
  private static Path fresh(String scenario, String command) {
    String file = Path.of(scenario).getFileName().toString();
    String base = file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
    base = base.replaceAll("[^A-Za-z0-9._-]+", "-");
    if (base.isEmpty() || base.matches("\\.+")) {
      base = "scenario";
    }
    String name =
        base
            + (command == null ? "" : "-" + command)
            + "-"
            + LocalDateTime.now(java.time.ZoneId.systemDefault()).format(STAMP);
    Path folder = Path.of("phbsim-out", name);
    for (int k = 2; Files.exists(folder); k++) {
      folder = Path.of("phbsim-out", name + "-" + k);
    }
    return folder;
  }
}
