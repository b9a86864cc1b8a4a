package phbsim.cli;

/** Entry point of {@code java -jar phbsim.jar}. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    System.exit(PhbsimCommand.commandLine().execute(args));
  }
}
