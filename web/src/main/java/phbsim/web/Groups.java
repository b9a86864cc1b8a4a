package phbsim.web;

import java.util.List;

/**
 * How the form groups a scenario's values: as a finance lead thinks of them (who the people are,
 * the services and their contracts, the budgets, the roll-out, the prices), the rest last.
 */
final class Groups {
  static final String OTHER = "Everything else";
  static final List<String> NAMES =
      List.of(
          "Population", "Services and contracts", "Budgets", "Roll-out", "Prices and money", OTHER);

  private Groups() {}

  static String of(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    if (p.startsWith("budgets") || p.contains(".budget.") || p.startsWith("setup")) {
      return "Budgets";
    }
    if (p.startsWith("rollout") || p.startsWith("takeup") || p.contains("takeup")) {
      return "Roll-out";
    }
    if (p.startsWith("money") || p.startsWith("prices") || p.startsWith("primarycare")) {
      return "Prices and money";
    }
    if (p.startsWith("services") || p.startsWith("contracts") || p.startsWith("releases")) {
      return "Services and contracts";
    }
    if (p.startsWith("segments") || p.startsWith("population")) {
      return "Population";
    }
    return OTHER;
  }
}
