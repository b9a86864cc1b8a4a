package phbsim.world;

import phbsim.money.Prices;
import phbsim.population.Caseload;
import phbsim.population.Caseloads;
import phbsim.population.FrailtyEstimate;
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
  private final Caseload caseload;
  private final FrailtyEstimate[] frailty;

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
    var from = scenario.startingPopulation();
    this.caseload = from == null ? null : Caseloads.get(from.sha256());
    int s = scenario.segments().size();
    this.frailty = caseload == null ? null : new FrailtyEstimate[s];
    double[] variances = null;
    if (caseload != null) {
      // Each segment's frailty variance is estimated from its people's crisis contacts (and used
      // for new referrals too, who come from the same population); too few rows keep the
      // scenario's value (FrailtyEstimate).
      variances = new double[s];
      for (int g = 0; g < s; g++) {
        var spec = scenario.segments().get(g);
        frailty[g] = Caseloads.frailty(from.sha256(), spec.id(), spec.frailtyVariance());
        variances[g] = frailty[g].variance();
      }
    }
    this.segments = new Segments(scenario.segments(), services, variances);
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

  /**
   * The people of the person-level starting population, or null if the scenario gives head counts
   * (StartingPopulationSpec).
   */
  public Caseload caseload() {
    return caseload;
  }

  /**
   * The frailty fitted to a segment's people in the person-level starting population, or null
   * without one.
   */
  public FrailtyEstimate frailty(int segment) {
    return frailty == null ? null : frailty[segment];
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
