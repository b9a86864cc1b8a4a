package phbsim.scenario;

import java.time.LocalDate;
import java.util.List;

/**
 * A whole scenario: one area's population, services and pathway (MODEL.md sections 1 to 4).
 *
 * @param name short name, used in outputs
 * @param description what the scenario represents (default empty)
 * @param startDate day 0 of the simulation (conventionally 1 April)
 * @param years horizon in whole years, 1 to 30
 * @param segments the population, by segment
 * @param services every service, of every kind
 * @param pathway where people go when they leave each service
 * @param money inflation and discounting (default: real terms, Green Book 3.5 %)
 * @param budgets personal health budgets (default: none)
 */
public record Scenario(
    String name,
    @Optional String description,
    LocalDate startDate,
    int years,
    List<SegmentSpec> segments,
    List<ServiceSpec> services,
    List<BranchSpec> pathway,
    @Optional MoneySpec money,
    @Optional BudgetsSpec budgets) {
  public Scenario {
    money = money == null ? MoneySpec.defaults() : money;
    description = description == null ? "" : description;
    segments = Lists.copyOf(segments);
    services = Lists.copyOf(services);
    pathway = Lists.copyOf(pathway);
  }

  /** The same scenario over another horizon. */
  public Scenario withYears(int newYears) {
    return new Scenario(
        name, description, startDate, newYears, segments, services, pathway, money, budgets);
  }

  /** Whether anyone can hold a personal health budget in this scenario. */
  public boolean budgetsEnabled() {
    return budgets != null && budgets.enabled();
  }

  /**
   * The baseline of this scenario: the same in every respect but with personal health budgets
   * switched off (people who would start on a budget start on their team's caseload instead).
   */
  public Scenario baseline() {
    return new Scenario(
        name,
        description,
        startDate,
        years,
        segments,
        services,
        pathway,
        money,
        budgets == null ? null : budgets.disabled());
  }
}
