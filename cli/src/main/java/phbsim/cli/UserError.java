package phbsim.cli;

/**
 * A mistake the user can fix (a missing file, a bad scenario, an unwritable folder). The command
 * line prints its message alone, with no stack trace, and exits with {@link #EXIT_CODE}.
 */
final class UserError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Exit code for a user's mistake found after the arguments were parsed. */
  static final int EXIT_CODE = 1;

  UserError(String message) {
    super(message);
  }

  UserError(String message, Throwable cause) {
    super(message, cause);
  }
}
