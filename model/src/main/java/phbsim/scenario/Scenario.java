package phbsim.scenario;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A whole scenario: one area's population, services and pathway (docs/model.md sections 1 to 4),
 * the budgets it plans, and the options a commissioner is weighing (section 5).
 *
 * @param name short name, used in outputs
 * @param description what the scenario represents and the question it answers (default empty)
 * @param startDate day 0 of the simulation (conventionally 1 April)
 * @param years horizon in whole years, 1 to 30
 * @param segments the population, by segment
 * @param services every service, of every kind
 * @param pathway where people go when they leave each service
 * @param primaryCare the price of a GP consultation, where GP use is costed (default: none)
 * @param money inflation, discounting and price years (default: real terms, Green Book 3.5 %)
 * @param budgets personal health budgets (default: none)
 * @param options named sets of changes to compare with the status quo (default: one option, the
 *     scenario as written)
 * @param uncertainty how uncertain some parameters are, for sensitivity analysis (default: none
 *     declared)
 * @param areas several areas side by side, each this place scaled and changed (default: none, the
 *     scenario is one area)
 * @param startingPopulation the people on the caseloads on day 0 read from a person-level file,
 *     instead of each segment's startingCaseload (default: none, head counts as written)
 */
public record Scenario(
    String name,
    @Optional String description,
    LocalDate startDate,
    int years,
    List<SegmentSpec> segments,
    List<ServiceSpec> services,
    List<BranchSpec> pathway,
    @Optional PrimaryCareSpec primaryCare,
    @Optional MoneySpec money,
    @Optional BudgetsSpec budgets,
    @Optional List<OptionSpec> options,
    @Optional List<UncertaintySpec> uncertainty,
    @Optional List<AreaSpec> areas,
    @Optional StartingPopulationSpec startingPopulation) {
  public Scenario {
    areas = Lists.copyOf(areas);
    money = money == null ? MoneySpec.defaults() : money;
    description = description == null ? "" : description;
    segments = Lists.copyOf(segments);
    services = Lists.copyOf(services);
    pathway = Lists.copyOf(pathway);
    options = Lists.copyOf(options);
    uncertainty = Lists.copyOf(uncertainty);
  }

  /** The scenario without its named options (an option's own scenario). */
  public Scenario withoutOptions() {
    return new Scenario(
        name,
        description,
        startDate,
        years,
        segments,
        services,
        pathway,
        primaryCare,
        money,
        budgets,
        null,
        uncertainty,
        areas,
        startingPopulation);
  }

  /** The same scenario with other budgets (null: none). */
  public Scenario withBudgets(BudgetsSpec newBudgets) {
    return new Scenario(
        name,
        description,
        startDate,
        years,
        segments,
        services,
        pathway,
        primaryCare,
        money,
        newBudgets,
        options,
        uncertainty,
        areas,
        startingPopulation);
  }

  /** The same scenario over another horizon. */
  public Scenario withYears(int newYears) {
    return new Scenario(
        name,
        description,
        startDate,
        newYears,
        segments,
        services,
        pathway,
        primaryCare,
        money,
        budgets,
        options,
        uncertainty,
        areas,
        startingPopulation);
  }

  /** The scenario as one area: without its list of areas (an area's own scenario). */
  public Scenario withoutAreas() {
    return new Scenario(
        name,
        description,
        startDate,
        years,
        segments,
        services,
        pathway,
        primaryCare,
        money,
        budgets,
        options,
        uncertainty,
        null,
        startingPopulation);
  }

  /** Whether anyone can hold a personal health budget in this scenario. */
  /**
   * The option an analysis looks at: the one with this id, or (id null) the first named option, or
   * the scenario as written if it names none.
   *
   * @throws IllegalArgumentException naming the options there are, if there is no such option
   */
  public OptionSpec analysedOption(String id) {
    if (id == null) {
      return options.isEmpty()
          ? new OptionSpec("as-written", "The scenario as written", null, null)
          : options.get(0);
    }
    List<String> ids = new ArrayList<>();
    for (OptionSpec o : options) {
      if (o.id().equals(id)) {
        return o;
      }
      ids.add(o.id());
    }
    throw new IllegalArgumentException(
        "--option "
            + id
            + ": the scenario has no such option; expected one of: "
            + (ids.isEmpty() ? "(it names none; leave --option out)" : String.join(", ", ids)));
  }

  /**
   * Whether any of the people come from a person-level file: the scenario's own starting
   * population, an area's or an option's (each names its file among its changes). A run of which
   * any arm draws from a file is protected whole (phbsim.report.Disclosure.threshold).
   */
  public boolean fromPersonLevelData() {
    return startingPopulation != null
        || areas.stream().anyMatch(a -> namesFile(a.set()))
        || options.stream().anyMatch(o -> namesFile(o.set()));
  }

  private static boolean namesFile(List<String> changes) {
    return changes.stream().anyMatch(c -> c.strip().startsWith("startingPopulation."));
  }

  public boolean budgetsEnabled() {
    return budgets != null && budgets.enabled();
  }

  /**
   * The status quo of this place (docs/model.md section 5): what happens if the commissioner does
   * nothing new. Budgets already held carry on, but nobody new is offered one and the programme's
   * set-up is not spent; block contracts stay as let (post releases and unbundling rules are
   * dropped unless marked {@code happensAnyway}); in-patient services the options bring in ({@code
   * inStatusQuo: false}) have no beds. Options and declared uncertainty are dropped.
   */
  public Scenario statusQuo() {
    List<ServiceSpec> kept = new ArrayList<>();
    for (ServiceSpec s : services) {
      kept.add(s == null ? null : statusQuo(s));
    }
    return new Scenario(
        name,
        description,
        startDate,
        years,
        segments,
        kept,
        pathway,
        primaryCare,
        money,
        budgets == null ? null : budgets.statusQuo(),
        null,
        // The status quo is an arm to compare with, not a scenario to analyse; its ranges would
        // name settings (the roll-out, the set-up) it no longer has.
        List.of(),
        areas,
        startingPopulation);
  }

  private static ServiceSpec statusQuo(ServiceSpec s) {
    CommunitySpec community = s.community();
    if (community != null && community.contract() != null) {
      ContractSpec c = community.contract();
      List<ReleaseSpec> anyway = new ArrayList<>();
      for (ReleaseSpec r : c.releases()) {
        if (r != null && r.happensAnyway()) {
          anyway.add(r);
        }
      }
      UnbundlingSpec u =
          c.unbundling() != null && c.unbundling().happensAnyway() ? c.unbundling() : null;
      community =
          new CommunitySpec(community.posts(), community.caseloadPerPost(), c.with(anyway, u));
    }
    InpatientSpec inpatient = s.inpatient() == null ? null : s.inpatient().asInStatusQuo();
    return new ServiceSpec(s.id(), s.kind(), s.label(), community, inpatient, s.crisis());
  }
}
