package phbsim.runs;

import java.util.ArrayList;
import java.util.List;

/**
 * Who asked for a run and how, for the run's records (the workbook's Run sheet and manifest.json):
 * the program, its version and commit (each front end knows its own build), and the command line or
 * its equivalent (a web page's request, as the arguments the command line would take).
 *
 * @param dirty whether the build had uncommitted changes; null if the build does not know
 */
public record Invocation(
    String tool, String version, String commit, Boolean dirty, List<String> command) {
  public Invocation {
    command = List.copyOf(command);
  }

  /** The commit as the Run sheet shows it: with "with uncommitted changes" when there were. */
  public String commitShown() {
    return commit + (Boolean.TRUE.equals(dirty) ? " with uncommitted changes" : "");
  }

  /** {@code tool} followed by {@code args}. */
  public static List<String> commandLine(String tool, List<String> args) {
    List<String> all = new ArrayList<>(List.of(tool));
    all.addAll(args);
    return all;
  }
}
