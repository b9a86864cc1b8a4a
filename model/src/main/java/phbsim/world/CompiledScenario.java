package phbsim.world;

import phbsim.money.Prices;
import phbsim.population.Segments;
import phbsim.scenario.Scenario;
import phbsim.service.ServiceNetwork;
import phbsim.time.FinancialCalendar;
import phbsim.validation.ScenarioChecks;

/**
 * A checked scenario compiled once for the event loop and shared, read-only, by every replication
 * (and every thread).
 */
public final class CompiledScenario {
  private final Scenario scenario;
  private final ServiceNetwork services;
  private final Segments segments;
  private final FinancialCalendar calendar;
  private final Prices prices;

  /**
   * Checks and compiles a scenario.
   *
   * @throws phbsim.scenario.ScenarioException listing every problem, if it cannot run
   */
  public CompiledScenario(Scenario scenario) {
    this.scenario = scenario;
    ScenarioChecks.requireValid(scenario);
    this.prices = new Prices(scenario);
    this.services = new ServiceNetwork(scenario, prices);
    this.segments = new Segments(scenario.segments(), services);
    this.calendar = new FinancialCalendar(scenario.startDate(), scenario.years());
  }

  public Scenario scenario() {
    return scenario;
  }

  public ServiceNetwork services() {
    return services;
  }

  public Segments segments() {
    return segments;
  }

  public FinancialCalendar calendar() {
    return calendar;
  }

  /** Every price of the scenario at its price base. */
  public Prices prices() {
    return prices;
  }

  /** People on day 0, summed over segments. */
  public int startingPeople() {
    int n = 0;
    for (int g = 0; g < segments.size(); g++) {
      n += segments.spec(g).startingCaseload();
    }
    return n;
  }
}
