package phbsim.cli;

/** Entry point of {@code java -jar phbsim.jar}. */
public final class Main {
  private Main() {}

  private static volatile boolean processStreams;

  public static void main(String[] args) {
    processStreams = true;
    System.exit(PhbsimCommand.commandLine().execute(args));
  }

  /**
   * Whether the command writes to the process's own streams (run from the jar), not to writers a
   * caller gave it (a test): only then may a progress bar draw on a terminal.
   */
  static boolean processStreams() {
    return processStreams;
  }
}
