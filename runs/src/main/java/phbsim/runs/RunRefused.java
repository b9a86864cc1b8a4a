package phbsim.runs;

/**
 * A request the service will not run, with a message for the user saying what to change (a run that
 * would not fit in memory, a setting out of range). Front ends show the message as it is and end
 * with their user-error exit; never a stack trace.
 */
public final class RunRefused extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public RunRefused(String message) {
    super(message);
  }
}
