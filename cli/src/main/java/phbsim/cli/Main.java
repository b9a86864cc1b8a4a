package phbsim.cli;

/** Entry point of {@code java -jar phbsim.jar}. */
public final class Main {
  private Main() {}

  private static volatile boolean processStreams;

  public static void main(String[] args) {
    processStreams = true;
    int code;
    try {
      code = PhbsimCommand.commandLine().execute(args);
    } catch (OutOfMemoryError e) {
      // Picocli handles exceptions (PhbsimCommand.handle); an Error escapes it. Memory is the one
      // a user can do something about.
      System.err.println(
          "phbsim ran out of memory (the Java heap is "
              + Runtime.getRuntime().maxMemory() / (1024 * 1024)
              + " MB): run fewer replications or people, or give Java more memory, e.g."
              + " PHBSIM_JAVA_OPTS=-Xmx8g ./phbsim ...");
      code = 1;
    } catch (Error e) {
      System.err.println(
          "phbsim stopped on an internal error, not a problem with your input: " + e);
      System.err.println("Please report it with the command you ran.");
      code = 3;
    }
    System.exit(code);
  }

  /**
   * Whether the command writes to the process's own streams (run from the jar), not to writers a
   * caller gave it (a test): only then may a progress bar draw on a terminal.
   */
  static boolean processStreams() {
    return processStreams;
  }
}
