package phbsim.testing;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import phbsim.scenario.BranchSpec;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.CommunitySpec;
import phbsim.scenario.ContractSpec;
import phbsim.scenario.CrisisSpec;
import phbsim.scenario.DurationFamily;
import phbsim.scenario.DurationSpec;
import phbsim.scenario.InpatientSpec;
import phbsim.scenario.MoneySpec;
import phbsim.scenario.Payment;
import phbsim.scenario.ReleaseSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.ServiceKind;
import phbsim.scenario.ServiceSpec;
import phbsim.scenario.UnbundlingSpec;

/**
 * Small scenarios built in code for tests: one team ("team"), one ward ("ward"), one crisis service
 * ("crisis"), one exit ("discharged"), and one segment ("people"). Each setter returns a new
 * builder, so a test states only what it varies.
 */
public final class TestScenarios {
  private int years = 5;
  private LocalDate start = LocalDate.of(2026, 4, 1);
  private int startingCaseload = 100;
  private double referralsPerYear = 50;
  private double crisesPerYear = 0.5;
  private double frailtyVariance = 0.5;
  private double exitsPerYear = 0.5;
  private Double waitingExitsPerYear = null;
  private double posts = 10;
  private int caseloadPerPost = 30;
  private int beds = 10;
  private DurationSpec lengthOfStay = new DurationSpec(DurationFamily.LOGNORMAL, 30.0, 20.0);
  private DurationSpec episode = new DurationSpec(DurationFamily.FIXED, 0.25, null);
  private double crisisToWard = 0.3;
  private List<ReleaseSpec> releases = new ArrayList<>();
  private UnbundlingSpec unbundling = null;
  private MoneySpec money = null;
  private BudgetsSpec budgets = null;
  private SegmentBudgetSpec segmentBudget = null;
  private int houseBeds = -1;
  private Double houseSetUp = null;
  private Double houseStanding = null;
  private Boolean houseToday = null;
  private double crisisToHouse = 0;
  private Payment wardPayment = null;

  public static TestScenarios builder() {
    return new TestScenarios();
  }

  public TestScenarios years(int v) {
    years = v;
    return this;
  }

  public TestScenarios start(LocalDate v) {
    start = v;
    return this;
  }

  public TestScenarios startingCaseload(int v) {
    startingCaseload = v;
    return this;
  }

  public TestScenarios referralsPerYear(double v) {
    referralsPerYear = v;
    return this;
  }

  public TestScenarios crisesPerYear(double v) {
    crisesPerYear = v;
    return this;
  }

  public TestScenarios frailtyVariance(double v) {
    frailtyVariance = v;
    return this;
  }

  public TestScenarios exitsPerYear(double v) {
    exitsPerYear = v;
    return this;
  }

  /** The exit rate while waiting for a place (default: the same as on the caseload). */
  public TestScenarios waitingExitsPerYear(double v) {
    waitingExitsPerYear = v;
    return this;
  }

  public TestScenarios slots(int v) {
    posts = v;
    caseloadPerPost = 1;
    return this;
  }

  /** A team of {@code posts} posts with {@code perPost} slots each, and contract reviews. */
  public TestScenarios team(double posts, int perPost, UnbundlingSpec reviews) {
    this.posts = posts;
    this.caseloadPerPost = perPost;
    this.unbundling = reviews;
    return this;
  }

  public TestScenarios beds(int v) {
    beds = v;
    return this;
  }

  public TestScenarios lengthOfStay(DurationSpec v) {
    lengthOfStay = v;
    return this;
  }

  public TestScenarios episode(DurationSpec v) {
    episode = v;
    return this;
  }

  /** Share of crises that end in an admission; the rest go home after the crisis episode. */
  public TestScenarios crisisToWard(double v) {
    crisisToWard = v;
    return this;
  }

  /** A decision, on {@code decided}, to take {@code posts} out of the team's contract. */
  public TestScenarios release(LocalDate decided, double posts) {
    releases.add(new ReleaseSpec(decided, posts, null));
    return this;
  }

  /**
   * The crisis house's provider costs: a set-up paid once and a standing cost a year, pounds; with
   * {@code today} false the options bring the house in and the status quo has none.
   */
  public TestScenarios houseCosts(Double setUp, Double standingPerYear, boolean today) {
    houseSetUp = setUp;
    houseStanding = standingPerYear;
    houseToday = today;
    return this;
  }

  public TestScenarios money(MoneySpec v) {
    money = v;
    return this;
  }

  /** Budgets for the area and for the one segment. */
  public TestScenarios budgets(BudgetsSpec area, SegmentBudgetSpec segment) {
    budgets = area;
    segmentBudget = segment;
    return this;
  }

  /**
   * A crisis house ("house", crisis-house beds that overflow to the ward) to which a share of
   * crises go; the ward's share then comes out of the share going home.
   */
  public TestScenarios crisisHouse(int beds, double share) {
    houseBeds = beds;
    crisisToHouse = share;
    return this;
  }

  /** How the ward's beds are paid (default: cost per case). */
  public TestScenarios wardPayment(Payment v) {
    wardPayment = v;
    return this;
  }

  public Scenario build() {
    Map<String, Double> exits = new LinkedHashMap<>();
    exits.put("discharged", exitsPerYear);
    Map<String, Double> waitingExits =
        waitingExitsPerYear == null ? null : Map.of("discharged", waitingExitsPerYear);
    SegmentSpec segment =
        new SegmentSpec(
            "people",
            null,
            startingCaseload,
            referralsPerYear,
            "team",
            crisesPerYear,
            frailtyVariance,
            exits,
            waitingExits,
            segmentBudget,
            null,
            null);
    List<ServiceSpec> services = new ArrayList<>();
    services.add(
        new ServiceSpec(
            "team",
            ServiceKind.COMMUNITY,
            null,
            new CommunitySpec(
                posts,
                caseloadPerPost,
                new ContractSpec(1_000_000.0, 50_000.0, null, releases, unbundling, null)),
            null,
            null));
    services.add(
        new ServiceSpec(
            "ward",
            ServiceKind.INPATIENT,
            null,
            null,
            new InpatientSpec(
                beds, lengthOfStay, null, 575.0, 750.0, null, wardPayment, null, null),
            null));
    if (houseBeds >= 0) {
      services.add(
          new ServiceSpec(
              "house",
              ServiceKind.INPATIENT,
              null,
              null,
              new InpatientSpec(
                  houseBeds,
                  lengthOfStay,
                  "ward",
                  450.0,
                  750.0,
                  true,
                  null,
                  houseToday,
                  null,
                  houseSetUp,
                  houseStanding),
              null));
    }
    services.add(
        new ServiceSpec(
            "crisis",
            ServiceKind.CRISIS,
            null,
            null,
            null,
            new CrisisSpec(true, episode, 273.0, 0.0, null, null)));
    services.add(new ServiceSpec("discharged", ServiceKind.EXIT, null, null, null, null));
    Map<String, Double> afterCrisis = new LinkedHashMap<>();
    // Both destinations stay declared even at probability 0, as a what-if would leave them.
    afterCrisis.put("ward", crisisToWard);
    if (houseBeds >= 0) {
      afterCrisis.put("house", crisisToHouse);
    }
    afterCrisis.put("home", 1 - crisisToWard - crisisToHouse);
    List<BranchSpec> pathway = new ArrayList<>();
    pathway.add(new BranchSpec("team", Map.of("crisis", 1.0)));
    pathway.add(new BranchSpec("crisis", afterCrisis));
    pathway.add(new BranchSpec("ward", Map.of("home", 1.0)));
    if (houseBeds >= 0) {
      pathway.add(new BranchSpec("house", Map.of("home", 1.0)));
    }
    return new Scenario(
        "test",
        null,
        start,
        years,
        List.of(segment),
        services,
        pathway,
        null,
        money,
        budgets,
        null,
        null,
        null,
        null);
  }
}
