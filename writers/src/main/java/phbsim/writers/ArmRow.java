package phbsim.writers;

import java.util.ArrayList;
import java.util.List;
import phbsim.report.AppraisalResult;
import phbsim.report.Arm;
import phbsim.report.ComparisonResult;

/**
 * One block of rows of an output table: the status quo (once), an option, or an option's saving
 * against the status quo. Tables list the status quo first, then each option followed by its
 * saving, in the scenario's order.
 *
 * @param comparison the option's comparison (for the status quo, the first option's, whose status
 *     quo every option shares)
 */
public record ArmRow(ComparisonResult comparison, Arm arm) {
  /** The status quo, then each option and its saving. */
  static List<ArmRow> of(AppraisalResult appraisal) {
    List<ArmRow> rows = new ArrayList<>();
    rows.add(new ArmRow(appraisal.first(), Arm.STATUS_QUO));
    for (ComparisonResult c : appraisal.options()) {
      rows.add(new ArmRow(c, Arm.OPTION));
      rows.add(new ArmRow(c, Arm.DIFFERENCE));
    }
    return rows;
  }

  /** The option's id as written in files; empty for the status quo. */
  public String option() {
    return arm == Arm.STATUS_QUO ? "" : comparison.id();
  }

  /** A title for people: "Status quo", the option's label, or "Saving: " and the label. */
  public String title() {
    return switch (arm) {
      case STATUS_QUO -> "Status quo";
      case OPTION -> comparison.label();
      case DIFFERENCE -> "Saving: " + comparison.label();
    };
  }
}
