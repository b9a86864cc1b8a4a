/**
 * The {@code phbsim} command: a thin Picocli client of the run service ({@code phbsim.runs}), the
 * model, the scenario loader and the writers. It parses arguments, asks the run service to run
 * (run, compare) or runs the analyses, and presents the results; it holds no model logic. User
 * mistakes end with a short message and a non-zero exit code, never a stack trace.
 */
package phbsim.cli;
