package phbsim.analysis;

import java.util.ArrayList;
import java.util.List;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.RolloutKind;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioEditor;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.UncertaintySpec;

/**
 * The low and high values of the parameters a sensitivity analysis varies: as the scenario declares
 * them under {@code uncertainty:}, or by the stated rule.
 *
 * <p>The rule, for a parameter with no declared range: 25 % below and above its value; a value the
 * scenario's checks keep within 0 and 1 (a share or a probability) that cannot go 25 % up moves a
 * quarter of the way towards 1 instead. ASSUMPTION: a quarter either way is the conventional first
 * look when no range is published; the source column of the results says which rule gave a range.
 */
public final class Ranges {
  private Ranges() {}

  /** A parameter's value and the low and high values it is tried at. */
  public record Range(String path, double value, double low, double high, String source) {}

  /** The rule's name, as written in the source of a range it gave. */
  public static final String RULE = "RULE: 25 % either side of the value (docs/model.md section 8)";

  /** The range of {@code path}: declared, else by the rule. */
  public static Range of(Scenario place, ScenarioEditor editor, String path) {
    double value = editor.number(place, path);
    for (UncertaintySpec u : place.uncertainty()) {
      if (u.path().equals(path) && u.low() != null && u.high() != null) {
        return new Range(path, value, u.low(), u.high(), u.source());
      }
    }
    double low = 0.75 * value;
    double high = 1.25 * value;
    if (!accepted(place, editor, path, high)) {
      high = value + 0.25 * (1 - value);
      if (!accepted(place, editor, path, high)) {
        high = value;
      }
    }
    if (!accepted(place, editor, path, low)) {
      low = value;
    }
    return new Range(path, value, Math.min(low, high), Math.max(low, high), RULE);
  }

  private static boolean accepted(Scenario place, ScenarioEditor editor, String path, double v) {
    try {
      editor.apply(place.withoutOptions(), List.of(Changes.set(path, v)));
      return true;
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The parameters a one-way analysis varies when none is named: those the scenario declares under
   * {@code uncertainty:}; if it declares none, the assumptions of the budget programme (each budget
   * segment's crisis rate and budget settings, the budgets' costs, roll-out, planning and review),
   * which decide an option's net position.
   */
  public static List<String> defaultParameters(Scenario place) {
    List<String> paths = new ArrayList<>();
    for (UncertaintySpec u : place.uncertainty()) {
      paths.add(u.path());
    }
    if (!paths.isEmpty()) {
      return paths;
    }
    for (SegmentSpec seg : place.segments()) {
      if (seg.budget() == null || !seg.budget().eligible()) {
        continue;
      }
      String at = "segments[" + seg.id() + "]";
      paths.add(at + ".crisesPerYear");
      for (String key :
          List.of(
              "annualAllocation",
              "spentShare",
              "acceptance",
              "crisisEffect",
              "restrictiveCrisisEffect",
              "runOutShare",
              "teamContactShare")) {
        paths.add(at + ".budget." + key);
      }
    }
    BudgetsSpec b = place.budgets();
    if (b != null) {
      paths.add("budgets.supportPlanningPerPlan");
      paths.add("budgets.brokeragePerBudgetPerMonth");
      paths.add("budgets.restrictiveShare");
      if (b.rollout().kind() == RolloutKind.BASS) {
        paths.add("budgets.rollout.p");
        paths.add("budgets.rollout.q");
        paths.add("budgets.rollout.marketSize");
      }
      if (b.planning() != null) {
        paths.add("budgets.planning.firstPlanDays");
        paths.add("budgets.planning.progressRatio");
      }
      paths.add("budgets.review.stepDown");
      paths.add("budgets.review.stop");
    }
    return paths;
  }
}
