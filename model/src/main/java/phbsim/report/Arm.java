package phbsim.report;

import java.util.Locale;

/** Which figures a row shows: the status quo, an option, or the saving of the option. */
public enum Arm {
  /** What happens if the commissioner does nothing new (docs/model.md section 5). */
  STATUS_QUO("Status quo"),
  /** An option: the scenario with the changes the commissioner is weighing. */
  OPTION("Option"),
  /**
   * Status quo minus option, paired replication by replication on the same random numbers: a
   * positive figure is a saving, a negative one a cost (the sign rule, docs/model.md section 5).
   * For an activity measure, positive means the option has less of it.
   */
  DIFFERENCE("Saving (status quo minus option)");

  /** The sign rule, stated once at the top of every output. */
  public static final String SIGN_RULE =
      "Sign rule: every difference is the status quo minus the option, so a positive figure is a"
          + " saving (or less activity) and a negative figure is a cost (or more activity).";

  private final String title;

  Arm(String title) {
    this.title = title;
  }

  /** A name for people. */
  public String title() {
    return title;
  }

  /** The name used in output files. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }
}
