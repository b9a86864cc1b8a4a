/**
 * The {@code phbsim} command: a thin Picocli client of the model and the scenario loader. It parses
 * arguments, loads scenarios, runs experiments and formats results; it holds no model logic. User
 * mistakes end with a short message and a non-zero exit code, never a stack trace.
 */
package phbsim.cli;
