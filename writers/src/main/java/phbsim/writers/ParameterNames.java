package phbsim.writers;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.ServiceSpec;

/**
 * A finance lead's name for a scenario setting, for charts and tables a board reads: the tornado
 * names "Psychosis: budget, £ a year", not {@code segments[psychosis].budget.annualAllocation}. A
 * segment or service is named by its own label in the scenario; a setting with no name here is
 * named from its last key in words, so a new setting is readable before it is named.
 */
final class ParameterNames {
  private static final Pattern ELEMENT = Pattern.compile("^(segments|services)\\[([^\\]]+)\\]\\.");

  /** Names by path, with {@code []} for any list element. */
  private static final Map<String, String> NAMES =
      Map.ofEntries(
          Map.entry("budgets.rollout.marketSize", "Roll-out: offers the take-up tends to"),
          Map.entry("budgets.rollout.p", "Roll-out: innovation rate (Bass p)"),
          Map.entry("budgets.rollout.q", "Roll-out: imitation rate (Bass q)"),
          Map.entry("budgets.supportPlanningPerPlan", "Support planning, £ a plan"),
          Map.entry("budgets.setUp[].amount", "Set-up cost of the budget scheme, £"),
          Map.entry("budgets.review.stop", "Chance a budget is stopped at review"),
          Map.entry("budgets.restrictiveShare", "Share of budgets run restrictively"),
          Map.entry("budgets.brokeragePerBudgetPerMonth", "Brokerage, £ a budget a month"),
          Map.entry(
              "budgets.takeUp.acceptanceByNeed", "How acceptance of an offer varies with need"),
          Map.entry("budget.crisisEffect", "effect of a flexible budget on crises (multiplier)"),
          Map.entry("budget.annualAllocation", "budget, £ a year"),
          Map.entry("budget.acceptance", "chance an offer is accepted"),
          Map.entry("budget.teamContactShare", "share of a team place a holder still uses"),
          Map.entry("inpatient.costPerBedDay", "cost per bed day, £"),
          Map.entry("inpatient.setUpCost", "set-up cost, £"),
          Map.entry("inpatient.fixedPerYear", "fixed cost, £ a year"),
          Map.entry("inpatient.beds", "beds"),
          Map.entry("crisis.costPerArrival", "cost per arrival, £"));

  private ParameterNames() {}

  static String of(String path, Scenario scenario) {
    Matcher m = ELEMENT.matcher(path);
    if (m.find()) {
      String rest = path.substring(m.end()).replaceAll("\\[\\d+\\]", "[]");
      String label = label(m.group(1), m.group(2), scenario);
      return label + ": " + NAMES.getOrDefault(rest, words(rest));
    }
    String generic = path.replaceAll("\\[\\d+\\]", "[]");
    String name = NAMES.get(generic);
    return name != null ? name : capitalised(words(generic));
  }

  private static String label(String list, String id, Scenario scenario) {
    if (scenario != null && list.equals("segments") && scenario.segments() != null) {
      for (SegmentSpec s : scenario.segments()) {
        if (id.equals(s.id()) && s.label() != null) {
          return s.label();
        }
      }
    }
    if (scenario != null && list.equals("services") && scenario.services() != null) {
      for (ServiceSpec s : scenario.services()) {
        if (id.equals(s.id()) && s.label() != null) {
          return s.label();
        }
      }
    }
    return capitalised(id.replace('-', ' '));
  }

  /**
   * The last key of a path in words: {@code budgets.review.stopAfterCrisis} is "stop after crisis".
   */
  private static String words(String path) {
    String last = path.substring(path.lastIndexOf('.') + 1).replace("[]", "");
    return last.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.UK);
  }

  private static String capitalised(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
