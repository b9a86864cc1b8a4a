package phbsim.writers;

import java.util.HashMap;
import java.util.Map;
import phbsim.report.Arm;
import phbsim.writers.xlsx.Cells;

/**
 * The saving rows of a long sheet (activity, teams, infrastructure, the monthly profile) written as
 * formulas: each saving cell is the status quo's cell minus the option's, in the same column, so an
 * auditor can trace it, with phbsim's figure cached beside it.
 *
 * <p>A saving is written as a formula only where it is the difference of the two cells shown: both
 * published (a withheld cell stays withheld) and the figure the difference of their means. A figure
 * undefined in some replications of one arm (a wait centile in a month when nobody got a place, a
 * cost per budget with no budgets) is taken over the replications where both arms define it, so its
 * saving need not be the difference of the two means shown; it is then typed, as phbsim computed
 * it, rather than a formula that would give another number.
 */
final class SavingCells {
  /** Where each arm's figure was written: "arm|option|key|column" to row and value. */
  private final Map<String, Written> written = new HashMap<>();

  private record Written(int row, double value) {}

  /**
   * The cell to write for {@code row}'s figure {@code key} in {@code column} of sheet row {@code
   * at}: the value itself for the status quo or an option (remembered), and for a saving a formula
   * over those two cells where it holds, else the value.
   */
  Object cell(ArmRow row, String key, int at, int column, Object value) {
    if (row.arm() != Arm.DIFFERENCE) {
      if (value instanceof Number n) {
        written.put(where(row.arm(), row.option(), key, column), new Written(at, n.doubleValue()));
      }
      return value;
    }
    Written sq = written.get(where(Arm.STATUS_QUO, "", key, column));
    Written option = written.get(where(Arm.OPTION, row.option(), key, column));
    if (sq == null || option == null || !(value instanceof Number n)) {
      return value;
    }
    double saving = n.doubleValue();
    double traced = sq.value() - option.value();
    if (Double.isNaN(saving) || Math.abs(traced - saving) > 1e-9 * Math.max(1, Math.abs(saving))) {
      return value;
    }
    return new Sheet.Formula(
        Cells.ref(sq.row(), column) + "-" + Cells.ref(option.row(), column), saving);
  }

  private static String where(Arm arm, String option, String key, int column) {
    return arm.name() + "|" + option + "|" + key + "|" + column;
  }
}
