package phbsim.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import phbsim.money.PriceIndex;
import phbsim.pathway.PathwayGraph;
import phbsim.scenario.BranchSpec;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.CommunitySpec;
import phbsim.scenario.ContractSpec;
import phbsim.scenario.DurationFamily;
import phbsim.scenario.DurationSpec;
import phbsim.scenario.InpatientSpec;
import phbsim.scenario.MoneySpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.OptionSpec;
import phbsim.scenario.PlanningSpec;
import phbsim.scenario.PrimaryCareSpec;
import phbsim.scenario.Problem;
import phbsim.scenario.ReleaseSpec;
import phbsim.scenario.ReviewSpec;
import phbsim.scenario.RolloutKind;
import phbsim.scenario.RolloutSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioException;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.ServiceKind;
import phbsim.scenario.ServiceSpec;
import phbsim.scenario.SetUpSpec;
import phbsim.scenario.UnbundlingSpec;
import phbsim.time.FinancialYear;

/**
 * Every check a scenario must pass before it runs, collected rather than stopped at the first:
 * commissioners edit these files by hand and need the whole list at once. Each problem names its
 * path in the file and says what was found and what was expected.
 */
public final class ScenarioChecks {
  /** How far branch probabilities may sum from 1 (rounding in hand-typed decimals). */
  static final double PROBABILITY_TOLERANCE = 1e-6;

  private final List<Problem> problems = new ArrayList<>();
  private java.time.LocalDate startDate;

  /** The cost index and the price base, once checkMoney has read them. */
  private PriceIndex index = PriceIndex.builtIn();

  private FinancialYear base;

  private ScenarioChecks() {}

  /** All problems with {@code scenario}; empty if it can run. */
  public static List<Problem> check(Scenario scenario) {
    ScenarioChecks c = new ScenarioChecks();
    c.run(scenario);
    return List.copyOf(c.problems);
  }

  /** Throws a {@link ScenarioException} listing every problem, if there are any. */
  public static void requireValid(Scenario scenario) {
    List<Problem> found = check(scenario);
    if (!found.isEmpty()) {
      throw new ScenarioException(found);
    }
  }

  private void run(Scenario s) {
    startDate = s.startDate();
    if (s.name() == null || s.name().isBlank()) {
      add("name", "is empty; expected a short name for the scenario");
    }
    if (s.startDate() == null) {
      add("startDate", "is missing; expected a date such as 2026-04-01");
    } else if (!inCalendar(s.startDate(), Math.max(1, Math.min(30, s.years())))) {
      // Financial years are named 1900/01 to 9998/99; a start outside them cannot be given a price
      // base or a financial year, so nothing that needs one is checked (or run).
      add(
          "startDate",
          "found "
              + s.startDate()
              + "; expected a date from 1900-04-01 on whose horizon ends by the financial year"
              + " 9998/99");
      startDate = null;
    }
    if (s.years() < 1 || s.years() > 30) {
      add("years", "found " + s.years() + "; expected a whole number of years from 1 to 30");
    }
    checkMoney(s);
    Map<String, ServiceSpec> services = checkServices(s.services());
    checkSegments(s.segments(), services);
    checkPathway(s.pathway(), services);
    checkBudgets(s);
    checkPrimaryCare(s);
    checkOptions(s.options());
    checkStartingPopulation(s);
    if (s.segments().size() > MAX_SEGMENTS) {
      add(
          "segments",
          "has "
              + s.segments().size()
              + " segments; expected at most "
              + MAX_SEGMENTS
              + " (group care clusters into fewer segments)");
    }
    if (problems.isEmpty()) {
      // The graph checks only make sense once every id resolves.
      problems.addAll(PathwayGraph.of(s).check());
    }
    if (problems.isEmpty()) {
      checkAmounts(s);
    }
  }

  /**
   * A person-level starting population must have been read by the loader (which reports the file's
   * own problems row by row), and its people must belong to the scenario's segments, as many of
   * each as the segment's startingCaseload, which the loader sets from the file.
   */
  private void checkStartingPopulation(Scenario s) {
    var from = s.startingPopulation();
    if (from == null) {
      return;
    }
    if (from.file() == null || from.file().isBlank()) {
      add("startingPopulation.file", "is empty; expected the person-level CSV file");
      return;
    }
    if (from.suppressBelow() < 1 || from.suppressBelow() > 100) {
      add(
          "startingPopulation.suppressBelow",
          "found "
              + from.suppressBelow()
              + "; expected a whole number from 1 (suppress nothing) to 100");
    }
    if (!from.disclosure().equals(phbsim.scenario.StartingPopulationSpec.SUPPRESSION)
        && !from.disclosure().equals(phbsim.scenario.StartingPopulationSpec.NHS_ROUNDING)) {
      add(
          "startingPopulation.disclosure",
          "found '"
              + from.disclosure()
              + "'; expected "
              + phbsim.scenario.StartingPopulationSpec.SUPPRESSION
              + " (the default: withhold small counts) or "
              + phbsim.scenario.StartingPopulationSpec.NHS_ROUNDING
              + " (withhold 1 to 7, round the rest to the nearest 5)");
    }
    // A care cluster under two segments would send its people to whichever was read last, and
    // count them in neither or both: each cluster belongs to one segment.
    Map<String, String> segmentOf = new HashMap<>();
    for (var e : from.clusters().entrySet()) {
      for (Object c : e.getValue() == null ? List.of() : e.getValue()) {
        String cluster = String.valueOf(c).trim().toLowerCase(java.util.Locale.ROOT);
        String earlier = segmentOf.putIfAbsent(cluster, e.getKey());
        if (earlier != null && !earlier.equals(e.getKey())) {
          add(
              "startingPopulation.clusters." + e.getKey(),
              "lists care cluster '"
                  + c
                  + "', which startingPopulation.clusters."
                  + earlier
                  + " lists already; expected each care cluster under one segment");
        }
      }
    }
    var caseload = phbsim.population.Caseloads.get(from.sha256());
    if (caseload == null) {
      add(
          "startingPopulation.file",
          "has not been read; expected the scenario to be loaded from its file, which reads it");
      return;
    }
    int inSegments = 0;
    for (int g = 0; g < s.segments().size(); g++) {
      SegmentSpec seg = s.segments().get(g);
      if (seg == null) {
        continue;
      }
      int n = caseload.count(seg.id());
      inSegments += n;
      if (n != seg.startingCaseload()) {
        // Neither figure is printed: both are the file's head count (the loader sets one from it).
        add(
            "segments[" + g + "].startingCaseload",
            "differs from the people of this segment in the starting population's file; expected"
                + " the scenario to be loaded from its file, which sets it");
      }
    }
    if (inSegments != caseload.size()) {
      add(
          "startingPopulation.file",
          "has people in segments the scenario does not have; expected every person in one of"
              + " its segments");
    }
  }

  /**
   * People over a horizon (starting caseloads and twice the referrals): person numbers are ints,
   * and long before that a run would not fit in any heap (docs/README: memory bounds).
   */
  static final double MAX_PEOPLE = 200_000_000;

  /** Segments are numbered in a byte, per person (World's People). */
  static final int MAX_SEGMENTS = 127;

  /**
   * The most pounds a month any one ledger line may reach: money is integer pence in a long, and a
   * horizon sums up to 360 months of many lines, so a month must stay far below its limit.
   */
  static final double MAX_POUNDS_A_MONTH = Long.MAX_VALUE / 100.0 / 100_000.0;

  /**
   * Every amount, at its worst over the horizon (brought to the price base, uplifted by the
   * inflation to the last year, and multiplied by the most people, beds or posts it can apply to in
   * a month), must fit in pence: checked before the run, so that a run never stops on an overflow
   * after validate said the file was fine.
   */
  private void checkAmounts(Scenario s) {
    phbsim.money.Prices prices = new phbsim.money.Prices(s);
    double uplift = Math.pow(1 + s.money().inflationPercent() / 100.0, s.years());
    double people = 1;
    for (SegmentSpec seg : s.segments()) {
      people += seg.startingCaseload() + 2 * seg.referralsPerYear() * s.years();
    }
    if (people > MAX_PEOPLE) {
      add(
          "segments",
          "hold about "
              + (s.startingPopulation() != null
                  ? "more" // the file's head count is in the sum: not printed
                  : String.format(java.util.Locale.UK, "%,.0f", people))
              + " people over the horizon (starting caseloads and referrals); expected at most "
              + String.format(java.util.Locale.UK, "%,.0f", MAX_PEOPLE));
    }
    for (int i = 0; i < s.services().size(); i++) {
      ServiceSpec svc = s.services().get(i);
      String at = "services[" + i + "]";
      if (svc.community() != null
          && svc.community().posts() * svc.community().caseloadPerPost() > MAX_PEOPLE) {
        add(
            at + ".community.posts",
            "found "
                + grouped(svc.community().posts())
                + " posts of "
                + svc.community().caseloadPerPost()
                + " places; expected at most "
                + String.format(java.util.Locale.UK, "%,.0f", MAX_PEOPLE)
                + " places");
      }
      if (svc.inpatient() != null && svc.inpatient().beds() > MAX_PEOPLE) {
        add(
            at + ".inpatient.beds",
            "found "
                + svc.inpatient().beds()
                + "; expected at most "
                + String.format(java.util.Locale.UK, "%,.0f", MAX_PEOPLE));
      }
      if (svc.community() != null && svc.community().contract() != null) {
        ContractSpec c = svc.community().contract();
        double f = prices.factor(c.priceYear()) * uplift;
        fits(at + ".community.contract.fixedPerYear", c.fixedPerYear(), f / 12, "a year");
        fits(
            at + ".community.contract.costPerPostPerYear",
            c.costPerPostPerYear(),
            f * svc.community().posts() / 12,
            "a post a year, for " + grouped(svc.community().posts()) + " posts");
      }
      if (svc.inpatient() != null) {
        InpatientSpec in = svc.inpatient();
        double f = prices.factor(in.priceYear()) * uplift;
        fits(at + ".inpatient.costPerBedDay", in.costPerBedDay(), f * in.beds() * 31, "a bed day");
        fits(
            at + ".inpatient.outOfAreaCostPerDay",
            in.outOfAreaCostPerDay(),
            f * people * 31,
            "a day, for up to " + grouped(people) + " people");
        fits(at + ".inpatient.setUpCost", in.setUpCost(), f, "once");
        fits(at + ".inpatient.fixedPerYear", in.fixedPerYear(), f / 12, "a year");
      }
      if (svc.crisis() != null) {
        double f = prices.factor(svc.crisis().priceYear()) * uplift;
        fits(
            at + ".crisis.costPerArrival",
            svc.crisis().costPerArrival(),
            f * people * 31,
            "an arrival, for up to " + grouped(people) + " people");
        fits(
            at + ".crisis.costPerDay",
            svc.crisis().costPerDay(),
            f * people * 31,
            "a day, for up to " + grouped(people) + " people");
      }
    }
    if (s.primaryCare() != null) {
      double f = prices.factor(s.primaryCare().priceYear()) * uplift;
      double most = 0;
      for (SegmentSpec seg : s.segments()) {
        most = Math.max(most, seg.gpConsultationsPerYear());
      }
      fits(
          "primaryCare.costPerConsultation",
          s.primaryCare().costPerConsultation(),
          f * people * Math.max(1, most),
          "a consultation, for up to " + grouped(people) + " people");
    }
    BudgetsSpec b = s.budgets();
    if (b != null) {
      double f = prices.factor(b.priceYear()) * uplift;
      for (int k = 0; k < b.setUp().size(); k++) {
        SetUpSpec stage = b.setUp().get(k);
        if (stage != null) {
          fits(
              "budgets.setUp[" + k + "].amount",
              stage.amount(),
              prices.factor(stage.priceYear(), b.priceYear()) * uplift,
              "in all");
        }
      }
      fits("budgets.supportPlanningPerPlan", b.supportPlanningPerPlan(), f * people, "a plan");
      fits(
          "budgets.brokeragePerBudgetPerMonth",
          b.brokeragePerBudgetPerMonth(),
          f * people,
          "a budget a month");
      for (int i = 0; i < s.segments().size(); i++) {
        SegmentBudgetSpec sb = s.segments().get(i).budget();
        if (sb != null) {
          fits(
              "segments[" + i + "].budget.annualAllocation",
              sb.annualAllocation(),
              prices.factor(sb.priceYear(), b.priceYear())
                  * uplift
                  * people
                  * (1 + b.thirdPartyFeePercent() / 100)
                  / 12,
              "a budget a year");
        }
      }
    }
  }

  private static String grouped(double v) {
    return String.format(java.util.Locale.UK, "%,.0f", v);
  }

  private void fits(String path, double pounds, double perMonth, String unit) {
    double worst = Math.abs(pounds) * perMonth;
    if (!(worst <= MAX_POUNDS_A_MONTH)) {
      add(
          path,
          "found £"
              + grouped(pounds)
              + " "
              + unit
              + ", which could reach £"
              + String.format(java.util.Locale.UK, "%.3g", worst)
              + " in a month over the horizon (prices brought to the price base, inflation"
              + " included): more than phbsim can count in pence (about £"
              + String.format(java.util.Locale.UK, "%.3g", MAX_POUNDS_A_MONTH)
              + " a month); expected a smaller amount");
    }
  }

  private Map<String, ServiceSpec> checkServices(List<ServiceSpec> list) {
    Map<String, ServiceSpec> byId = new LinkedHashMap<>(); // file order, for messages
    if (list.isEmpty()) {
      add("services", "is empty; expected at least one COMMUNITY team and one EXIT");
    }
    for (int i = 0; i < list.size(); i++) {
      ServiceSpec svc = list.get(i);
      String path = "services[" + i + "]";
      if (svc == null) {
        add(path, "is empty; expected a service with an id and a kind");
        continue;
      }
      if (!isId(svc.id())) {
        add(path + ".id", "found '" + svc.id() + "'; " + ID_RULE);
      } else if (byId.putIfAbsent(svc.id(), svc) != null) {
        add(path + ".id", "'" + svc.id() + "' is used by an earlier service; expected unique ids");
      }
      if (BranchSpec.HOME.equals(svc.id()) || InpatientSpec.OUT_OF_AREA.equals(svc.id())) {
        add(path + ".id", "'" + svc.id() + "' is a reserved word; expected another id");
      }
      if (svc.kind() == null) {
        add(path + ".kind", "is missing; expected one of COMMUNITY, INPATIENT, CRISIS, EXIT");
        continue;
      }
      section(path, "community", svc.community() != null, svc.kind() == ServiceKind.COMMUNITY);
      section(path, "inpatient", svc.inpatient() != null, svc.kind() == ServiceKind.INPATIENT);
      section(path, "crisis", svc.crisis() != null, svc.kind() == ServiceKind.CRISIS);
      if (svc.community() != null) {
        CommunitySpec c = svc.community();
        atLeast(path + ".community.posts", c.posts(), 0);
        if (c.caseloadPerPost() < 1) {
          add(
              path + ".community.caseloadPerPost",
              "found " + c.caseloadPerPost() + "; expected at least 1 person per post");
        }
        ContractSpec k = c.contract();
        if (k == null) {
          add(
              path + ".community.contract",
              "is missing; expected fixedPerYear and costPerPostPerYear (pounds)");
        } else {
          atLeast(path + ".community.contract.fixedPerYear", k.fixedPerYear(), 0);
          priceYear(path + ".community.contract.priceYear", k.priceYear());
          atLeast(path + ".community.contract.costPerPostPerYear", k.costPerPostPerYear(), 0);
          between(path + ".community.contract.noticeMonths", k.noticeMonths(), 0, 60, "months");
          UnbundlingSpec u = k.unbundling();
          if (u != null) {
            String up = path + ".community.contract.unbundling";
            between(up + ".reviewPeriod", u.reviewPeriod(), 1, 12, "(1 = April ... 12 = March)");
            if (!(u.threshold() > 0 && u.threshold() <= 1)) {
              add(
                  up + ".threshold",
                  "found " + round(u.threshold()) + "; expected more than 0 and at most 1");
            }
            between(up + ".heldMonths", u.heldMonths(), 1, 60, "months");
            between(up + ".minimumPosts", u.minimumPosts(), 0, Math.max(0, c.posts()), "posts");
          }
          double released = 0;
          for (int r = 0; r < k.releases().size(); r++) {
            ReleaseSpec rel = k.releases().get(r);
            String rp = path + ".community.contract.releases[" + r + "]";
            if (rel == null || rel.decided() == null) {
              add(rp, "is incomplete; expected decided (a date) and posts");
              continue;
            }
            if (!(rel.posts() > 0)) {
              add(rp + ".posts", "found " + round(rel.posts()) + "; expected more than 0 posts");
            }
            released += rel.posts();
            if (startDate != null && rel.decided().isBefore(startDate)) {
              add(
                  rp + ".decided",
                  "found " + rel.decided() + "; expected a date on or after startDate");
            }
          }
          if (released > 0 && c.posts() >= 0 && released > c.posts() + 1e-9) {
            add(
                path + ".community.contract.releases",
                "release "
                    + round(released)
                    + " posts in all; expected no more than the "
                    + round(c.posts())
                    + " posts the contract has");
          }
        }
      }
      if (svc.inpatient() != null) {
        InpatientSpec in = svc.inpatient();
        if (in.beds() < 0) {
          add(path + ".inpatient.beds", "found " + in.beds() + "; expected 0 or more beds");
        }
        duration(path + ".inpatient.lengthOfStay", in.lengthOfStay());
        atLeast(path + ".inpatient.costPerBedDay", in.costPerBedDay(), 0);
        atLeast(path + ".inpatient.outOfAreaCostPerDay", in.outOfAreaCostPerDay(), 0);
        atLeast(path + ".inpatient.setUpCost", in.setUpCost(), 0);
        atLeast(path + ".inpatient.fixedPerYear", in.fixedPerYear(), 0);
        if (in.setUpCost() > 0 && in.inStatusQuo()) {
          add(
              path + ".inpatient.setUpCost",
              "found £"
                  + grouped(in.setUpCost())
                  + " for a service that runs today; expected a set-up only for a service the"
                  + " options bring in (inStatusQuo: false): a service running today has paid its"
                  + " set-up");
        }
        priceYear(path + ".inpatient.priceYear", in.priceYear());
      }
      if (svc.crisis() != null) {
        duration(path + ".crisis.episodeLength", svc.crisis().episodeLength());
        atLeast(path + ".crisis.costPerArrival", svc.crisis().costPerArrival(), 0);
        atLeast(path + ".crisis.costPerDay", svc.crisis().costPerDay(), 0);
        priceYear(path + ".crisis.priceYear", svc.crisis().priceYear());
      }
    }
    for (int i = 0; i < list.size(); i++) {
      ServiceSpec svc = list.get(i);
      if (svc == null || svc.inpatient() == null || svc.inpatient().overflowsOutOfArea()) {
        continue;
      }
      String target = svc.inpatient().whenFull();
      ServiceSpec t = byId.get(target);
      String path = "services[" + i + "].inpatient.whenFull";
      if (t == null) {
        add(path, "found '" + target + "'; expected out-of-area or the id of an INPATIENT service");
      } else if (t.kind() != ServiceKind.INPATIENT || target.equals(svc.id())) {
        add(path, "found '" + target + "'; expected out-of-area or another INPATIENT service");
      }
    }
    checkOverflowCycles(list, byId);
    return byId;
  }

  private void checkOverflowCycles(List<ServiceSpec> list, Map<String, ServiceSpec> byId) {
    for (int i = 0; i < list.size(); i++) {
      ServiceSpec start = list.get(i);
      Set<String> seen = new HashSet<>();
      ServiceSpec at = start;
      while (at != null && at.inpatient() != null && !at.inpatient().overflowsOutOfArea()) {
        if (!seen.add(at.id())) {
          add(
              "services[" + i + "].inpatient.whenFull",
              "the services' whenFull settings form a loop through '"
                  + at.id()
                  + "'; expected the chain to end at out-of-area");
          break;
        }
        at = byId.get(at.inpatient().whenFull());
      }
    }
  }

  private void checkSegments(List<SegmentSpec> list, Map<String, ServiceSpec> services) {
    if (list.isEmpty()) {
      add("segments", "is empty; expected at least one population segment");
    }
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      SegmentSpec seg = list.get(i);
      String path = "segments[" + i + "]";
      if (seg == null) {
        add(path, "is empty; expected a segment");
        continue;
      }
      if (!isId(seg.id())) {
        add(path + ".id", "found '" + seg.id() + "'; " + ID_RULE);
      } else if (!ids.add(seg.id())) {
        add(path + ".id", "'" + seg.id() + "' is used by an earlier segment; expected unique ids");
      }
      if (seg.startingCaseload() < 0) {
        add(
            path + ".startingCaseload",
            "found " + seg.startingCaseload() + "; expected 0 or more people");
      }
      atLeast(path + ".referralsPerYear", seg.referralsPerYear(), 0);
      atLeast(path + ".crisesPerYear", seg.crisesPerYear(), 0);
      atLeast(path + ".frailtyVariance", seg.frailtyVariance(), 0);
      ServiceSpec team = services.get(seg.team());
      if (team == null) {
        add(path + ".team", "found '" + seg.team() + "'; expected the id of a COMMUNITY service");
      } else if (team.kind() != ServiceKind.COMMUNITY) {
        add(
            path + ".team",
            "found '"
                + seg.team()
                + "', "
                + article(team.kind())
                + " service; expected a COMMUNITY team");
      }
      atLeast(path + ".gpConsultationsPerYear", seg.gpConsultationsPerYear(), 0);
      between(
          path + ".needsTrendPerYear",
          seg.needsTrendPerYear(),
          -1,
          1,
          "(a rate of change of the crisis hazard a year)");
      checkExits(path + ".exitsPerYear", seg.exitsPerYear(), services);
      if (seg.waitingExitsPerYear() != seg.exitsPerYear()) {
        checkExits(path + ".waitingExitsPerYear", seg.waitingExitsPerYear(), services);
      }
    }
  }

  private void checkExits(String at, Map<String, Double> exits, Map<String, ServiceSpec> services) {
    for (Map.Entry<String, Double> e : exits.entrySet()) {
      String p = at + "." + e.getKey();
      ServiceSpec exit = services.get(e.getKey());
      if (exit == null) {
        add(p, "'" + e.getKey() + "' is not a service; expected the id of an EXIT service");
      } else if (exit.kind() != ServiceKind.EXIT) {
        add(p, "'" + e.getKey() + "' is " + article(exit.kind()) + " service; expected an EXIT");
      }
      if (e.getValue() == null) {
        add(p, "is empty; expected a rate per person per year");
      } else {
        atLeast(p, e.getValue(), 0);
      }
    }
  }

  private void checkPathway(List<BranchSpec> list, Map<String, ServiceSpec> services) {
    Set<String> froms = new HashSet<>();
    for (int i = 0; i < list.size(); i++) {
      BranchSpec b = list.get(i);
      String path = "pathway[" + i + "]";
      if (b == null) {
        add(path, "is empty; expected 'from' and 'to'");
        continue;
      }
      ServiceSpec from = services.get(b.from());
      if (from == null) {
        add(path + ".from", "found '" + b.from() + "'; expected the id of a service");
      } else if (from.kind() == ServiceKind.EXIT) {
        add(path + ".from", "'" + b.from() + "' is an EXIT; people do not leave an exit");
      } else if (!froms.add(b.from())) {
        add(path + ".from", "'" + b.from() + "' has an earlier entry; expected one per service");
      }
      if (b.to().isEmpty()) {
        add(path + ".to", "is empty; expected destinations with probabilities summing to 1");
      }
      double sum = 0;
      for (Map.Entry<String, Double> e : b.to().entrySet()) {
        String p = path + ".to." + e.getKey();
        String dest = e.getKey();
        ServiceSpec target = services.get(dest);
        if (BranchSpec.HOME.equals(dest)) {
          if (from != null && from.kind() == ServiceKind.COMMUNITY) {
            add(p, "a crisis cannot send people 'home' from their own team; expected a service");
          }
        } else if (target == null) {
          add(p, "'" + dest + "' is not a service; expected a service id or 'home'");
        } else if (from != null
            && from.kind() == ServiceKind.COMMUNITY
            && target.kind() == ServiceKind.COMMUNITY) {
          add(p, "a crisis on a team leads to crisis care or a bed; found another team");
        }
        Double prob = e.getValue();
        if (prob == null || !(prob >= 0 && prob <= 1)) {
          add(p, "found " + prob + "; expected a probability between 0 and 1");
        }
        if (prob != null && Double.isFinite(prob)) {
          // Sum the numbers as written, so that the sum reported below is the one the user sees.
          sum += prob;
        }
      }
      if (!b.to().isEmpty() && Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
        add(path + ".to", "probabilities sum to " + round(sum) + "; expected them to sum to 1");
      }
    }
    for (ServiceSpec svc : services.values()) {
      boolean branches = svc.kind() == ServiceKind.INPATIENT || svc.kind() == ServiceKind.CRISIS;
      if (branches && !froms.contains(svc.id())) {
        add(
            "pathway",
            "has no entry 'from: "
                + svc.id()
                + "'; expected one saying where people go after "
                + svc.id());
      }
    }
  }

  /** GP consultations need a price; a price needs no consultations (it is then unused). */
  private void checkPrimaryCare(Scenario s) {
    PrimaryCareSpec pc = s.primaryCare();
    if (pc != null) {
      atLeast("primaryCare.costPerConsultation", pc.costPerConsultation(), 0);
      priceYear("primaryCare.priceYear", pc.priceYear());
      return;
    }
    for (int i = 0; i < s.segments().size(); i++) {
      SegmentSpec seg = s.segments().get(i);
      if (seg != null && seg.gpConsultationsPerYear() > 0) {
        add(
            "segments[" + i + "].gpConsultationsPerYear",
            "found "
                + round(seg.gpConsultationsPerYear())
                + " but the scenario has no primaryCare section; expected primaryCare:"
                + " costPerConsultation (such as 45 [pssru-2024]) to price them, or 0");
      }
    }
  }

  private void checkMoney(Scenario s) {
    MoneySpec money = s.money();
    between("money.inflationPercent", money.inflationPercent(), -50, 100, "per cent a year");
    between("money.discountRatePercent", money.discountRatePercent(), 0, 100, "per cent a year");
    Map<FinancialYear, Double> own = new LinkedHashMap<>();
    for (Map.Entry<String, Double> e : money.costIndex().entrySet()) {
      String p = "money.costIndex." + e.getKey();
      var year = FinancialYear.parse(e.getKey());
      if (year.isEmpty()) {
        add(p, "'" + e.getKey() + "' is not a financial year; " + YEAR_RULE);
      }
      if (e.getValue() == null || !(e.getValue() > -50 && e.getValue() < 100)) {
        add(p, "found " + e.getValue() + "; expected a percentage change between -50 and 100");
      } else {
        year.ifPresent(y -> own.put(y, e.getValue()));
      }
    }
    index = PriceIndex.builtIn().with(own);
    base =
        startDate == null
            ? null
            : money.priceBase() == null
                ? FinancialYear.containing(s.startDate())
                : year("money.priceBase", money.priceBase());
    if (money.priceYear() != null) {
      priceYear("money.priceYear", money.priceYear());
    }
  }

  /**
   * Checks a section's price year: readable, and convertible to the price base with the cost index.
   */
  private void priceYear(String path, String text) {
    if (text == null) {
      return;
    }
    FinancialYear y = year(path, text);
    if (y == null || base == null) {
      return;
    }
    var gaps = index.missing(y, base);
    if (!gaps.isEmpty()) {
      add(
          path,
          "prices of "
              + y.label()
              + " cannot be brought to the price base "
              + base.label()
              + ": the cost index has no figure for "
              + gaps.get(0).label()
              + "; expected a year the index covers ("
              + index.table().keySet().iterator().next().label()
              + " onwards), or money.costIndex giving that year's change");
    }
  }

  private FinancialYear year(String path, String text) {
    var y = FinancialYear.parse(text);
    if (y.isEmpty()) {
      add(path, "found '" + text + "'; " + YEAR_RULE);
      return null;
    }
    return y.get();
  }

  private static final String YEAR_RULE =
      "expected a financial year written like 2023/24 (the year it starts, '/', the last two"
          + " digits of the next)";

  private void checkOptions(List<OptionSpec> options) {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < options.size(); i++) {
      OptionSpec o = options.get(i);
      String path = "options[" + i + "]";
      if (o == null) {
        add(path, "is empty; expected an option with an id and its changes under 'set'");
        continue;
      }
      if (!isId(o.id())) {
        add(path + ".id", "found '" + o.id() + "'; " + ID_RULE);
      } else if (!ids.add(o.id())) {
        add(path + ".id", "'" + o.id() + "' is used by an earlier option; expected unique ids");
      } else if (o.id().equals("status-quo") || o.id().equals("status_quo")) {
        add(path + ".id", "'" + o.id() + "' is the name of the status quo; expected another id");
      }
      for (int k = 0; k < o.set().size(); k++) {
        String change = o.set().get(k);
        if (change == null || change.indexOf('=') < 1) {
          add(
              path + ".set[" + k + "]",
              "found '"
                  + change
                  + "'; expected a change written path=value, as --set takes it, such as"
                  + " budgets.rollout.marketSize=300");
        } else if (change.strip().startsWith("options")) {
          add(path + ".set[" + k + "]", "an option cannot change the options; expected a setting");
        } else if (change.strip().matches("areas\\s*[=\\[.].*")) {
          // Options run inside each area; an option that changed the areas would change the
          // places it is compared in.
          add(path + ".set[" + k + "]", "an option cannot change the areas; expected a setting");
        }
      }
    }
  }

  private void checkBudgets(Scenario s) {
    if (s.budgets() != null && s.budgets().culture() != null) {
      var c = s.budgets().culture();
      if (!(c.offersPerMonth() > 0) || Double.isInfinite(c.offersPerMonth())) {
        add(
            "budgets.culture.offersPerMonth",
            "found " + round(c.offersPerMonth()) + "; expected offers a month, more than 0");
      }
      atLeast("budgets.culture.growthPerPlan", c.growthPerPlan(), 0);
      between("budgets.culture.rushedAcceptance", c.rushedAcceptance(), 0, 1, "(a multiplier)");
    }
    BudgetsSpec b = s.budgets();
    for (int i = 0; i < s.segments().size(); i++) {
      SegmentSpec seg = s.segments().get(i);
      if (seg == null || seg.budget() == null) {
        continue;
      }
      String path = "segments[" + i + "].budget";
      SegmentBudgetSpec sb = seg.budget();
      if (sb.startingHolders() < 0 || sb.startingHolders() > seg.startingCaseload()) {
        add(
            path + ".startingHolders",
            "found "
                + sb.startingHolders()
                + "; expected 0 to the segment's startingCaseload"
                + (s.startingPopulation() != null
                    // counted from a person-level file: the head count is not printed
                    ? ", its people in the starting population's file"
                    : " (" + seg.startingCaseload() + ")"));
      }
      atLeast(path + ".annualAllocation", sb.annualAllocation(), 0);
      priceYear(path + ".priceYear", sb.priceYear());
      between(path + ".spentShare", sb.spentShare(), 0, 1, "(a share)");
      between(path + ".acceptance", sb.acceptance(), 0, 1, "(a probability)");
      between(path + ".crisisEffect", sb.crisisEffect(), 0, 10, "(a multiplier of the hazard)");
      between(
          path + ".restrictiveCrisisEffect",
          sb.restrictiveCrisisEffect(),
          0,
          10,
          "(a multiplier of the hazard)");
      between(path + ".runOutShare", sb.runOutShare(), 0, 1, "(a share of budget-years)");
      between(path + ".teamContactShare", sb.teamContactShare(), 0, 1, "(a share of a place)");
      between(path + ".gpEffect", sb.gpEffect(), 0, 10, "(a multiplier of the GP consultations)");
      if (!sb.spendingProfile().isEmpty()) {
        if (sb.spendingProfile().size() != 12) {
          add(
              path + ".spendingProfile",
              "has " + sb.spendingProfile().size() + " weights; expected 12, one per month");
        } else {
          double total = 0;
          for (int k = 0; k < 12; k++) {
            Double w = sb.spendingProfile().get(k);
            if (w == null || !(w >= 0) || Double.isInfinite(w)) {
              add(
                  path + ".spendingProfile[" + k + "]",
                  "found " + w + "; expected a weight of 0 or more");
            } else {
              total += w;
            }
          }
          if (!(total > 0)) {
            add(path + ".spendingProfile", "weights sum to 0; expected some spending");
          }
        }
      }
      if (b == null && sb.startingHolders() > 0) {
        add(
            path,
            "gives budget holders, but the scenario has no 'budgets' section; expected one"
                + " saying how budgets are managed and what running them costs");
      }
    }
    if (b == null) {
      return;
    }
    OptionMixSpec o = b.options();
    if (o == null) {
      add("budgets.options", "is missing; expected directPayment, thirdParty and notional shares");
    } else {
      between("budgets.options.directPayment", o.directPayment(), 0, 1, "(a share)");
      between("budgets.options.thirdParty", o.thirdParty(), 0, 1, "(a share)");
      between("budgets.options.notional", o.notional(), 0, 1, "(a share)");
      double sum = o.directPayment() + o.thirdParty() + o.notional();
      if (Double.isFinite(sum) && Math.abs(sum - 1) > PROBABILITY_TOLERANCE) {
        add("budgets.options", "shares sum to " + round(sum) + "; expected them to sum to 1");
      }
    }
    between("budgets.thirdPartyFeePercent", b.thirdPartyFeePercent(), 0, 100, "per cent");
    for (int i = 0; i < b.setUp().size(); i++) {
      SetUpSpec stage = b.setUp().get(i);
      String path = "budgets.setUp[" + i + "]";
      if (stage == null) {
        add(path, "is empty; expected months and amount");
        continue;
      }
      between(path + ".months", stage.months(), 1, 360, "months");
      atLeast(path + ".amount", stage.amount(), 0);
      priceYear(path + ".priceYear", stage.priceYear());
    }
    atLeast("budgets.supportPlanningPerPlan", b.supportPlanningPerPlan(), 0);
    priceYear("budgets.priceYear", b.priceYear());
    atLeast("budgets.brokeragePerBudgetPerMonth", b.brokeragePerBudgetPerMonth(), 0);
    between("budgets.restrictiveShare", b.restrictiveShare(), 0, 1, "(a share)");
    // Gradients of take-up by need: beyond 5 a frailty of 2 would change a probability 32-fold,
    // far past anything the concern it models could mean.
    between(
        "budgets.takeUp.acceptanceByNeed",
        b.takeUp().acceptanceByNeed(),
        -5,
        5,
        "(a gradient by frailty)");
    between(
        "budgets.takeUp.capacityByNeed",
        b.takeUp().capacityByNeed(),
        -5,
        5,
        "(a gradient by frailty)");
    if (b.costPerBudgetTarget() != null) {
      atLeast("budgets.costPerBudgetTarget", b.costPerBudgetTarget(), 0);
    }
    checkRollout(b.rollout(), s);
    PlanningSpec pl = b.planning();
    if (pl != null) {
      between("budgets.planning.planners", pl.planners(), 1, 10_000, "planners");
      if (!(pl.firstPlanDays() > 0) || Double.isInfinite(pl.firstPlanDays())) {
        add(
            "budgets.planning.firstPlanDays",
            "found " + round(pl.firstPlanDays()) + "; expected more than 0 days");
      }
      if (!(pl.progressRatio() > 0 && pl.progressRatio() <= 1)) {
        add(
            "budgets.planning.progressRatio",
            "found " + round(pl.progressRatio()) + "; expected more than 0 and at most 1");
      }
    }
    ReviewSpec r = b.review();
    between("budgets.review.stepDown", r.stepDown(), 0, 1, "(a probability)");
    if (r.endRecovered() != null) {
      add(
          "budgets.review.endRecovered",
          "is no longer used: a budget holder recovers at their segment's exitsPerYear, the one"
              + " recovery mechanism, and their budget ends when they leave; remove it");
    }
    between("budgets.review.stop", r.stop(), 0, 1, "(a probability)");
    double sum = r.stepDown() + r.stop();
    if (Double.isFinite(sum) && sum > 1 + PROBABILITY_TOLERANCE) {
      add("budgets.review", "outcome probabilities sum to " + round(sum) + "; expected at most 1");
    }
    between("budgets.review.stepDownShare", r.stepDownShare(), 0, 1, "(a share)");
    between("budgets.review.dependentShare", r.dependentShare(), 0, 1, "(a share)");
    between("budgets.review.stopAfterCrisis", r.stopOnRelapse(), 0, 1, "(a probability)");
    if (r.stepDown() + r.stopOnRelapse() > 1 + 1e-9) {
      add(
          "budgets.review.stopAfterCrisis",
          "with stepDown sums to "
              + round(r.stepDown() + r.stopOnRelapse())
              + "; expected at most 1");
    }
    var clinical = b.clinicalCare();
    between("budgets.clinicalCare.underspendShare", clinical.underspendShare(), 0, 1, "(a share)");
    between(
        "budgets.clinicalCare.underspendCrisisEffect",
        clinical.underspendCrisisEffect(),
        0,
        10,
        "(a multiplier of the hazard)");
  }

  private void checkRollout(RolloutSpec r, Scenario s) {
    String path = "budgets.rollout";
    if (r.kind() == null) {
      add(path + ".kind", "is missing; expected NONE, TARGET or BASS");
      return;
    }
    if (r.start() != null && startDate != null && r.start().isBefore(startDate)) {
      add(path + ".start", "found " + r.start() + "; expected a date on or after startDate");
    }
    if (r.kind() == RolloutKind.TARGET) {
      if (r.offersPerQuarter().isEmpty()) {
        add(path + ".offersPerQuarter", "is missing; expected offers for each quarter");
      }
      for (int i = 0; i < r.offersPerQuarter().size(); i++) {
        Integer n = r.offersPerQuarter().get(i);
        if (n == null || n < 0) {
          add(path + ".offersPerQuarter[" + i + "]", "found " + n + "; expected 0 or more offers");
        }
      }
    }
    if (r.kind() == RolloutKind.BASS) {
      if (r.p() == null || !(r.p() > 0)) {
        add(path + ".p", "found " + r.p() + "; expected an innovation rate above 0 (per year)");
      }
      if (r.q() == null || !(r.q() >= 0)) {
        add(path + ".q", "found " + r.q() + "; expected an imitation rate of 0 or more (per year)");
      }
      if (r.marketSize() == null || !(r.marketSize() >= 0)) {
        add(path + ".marketSize", "found " + r.marketSize() + "; expected 0 or more offers");
      }
    }
  }

  private void between(String path, double value, double min, double max, String unit) {
    if (!(value >= min && value <= max)) {
      add(
          path,
          "found " + round(value) + "; expected " + round(min) + " to " + round(max) + " " + unit);
    }
  }

  private void section(String path, String name, boolean present, boolean expected) {
    if (present && !expected) {
      add(path + "." + name, "is given, but this service's kind does not use it; remove it");
    } else if (!present && expected) {
      add(path + "." + name, "is missing; expected it for this kind of service");
    }
  }

  /** A number as written, without an exponent: 0.000000001, 1000000000000. */
  private static String plain(double v) {
    return Double.isFinite(v)
        ? java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString()
        : Double.toString(v);
  }

  /** Whether the financial years from {@code start} to the end of a horizon can all be named. */
  private static boolean inCalendar(java.time.LocalDate start, int years) {
    if (start.getYear() < 1900 || start.getYear() > 9998) {
      return false;
    }
    java.time.LocalDate end = start.plusYears(years).minusDays(1);
    int first = start.getMonthValue() >= 4 ? start.getYear() : start.getYear() - 1;
    int last = end.getMonthValue() >= 4 ? end.getYear() : end.getYear() - 1;
    return first >= 1900 && last <= 9998;
  }

  /**
   * The shortest and longest mean a duration may have, in days: about a tenth of a second (a stay
   * that is over as it starts, as a test may want), and a hundred years. Outside them a stay is
   * either over before anything can happen in it or never ends in a run of at most 30 years, and
   * the samplers' arithmetic (a gamma's inversion, a lognormal's tail) leaves the range it is
   * accurate in.
   */
  static final double MIN_MEAN_DAYS = 0.000001;

  static final double MAX_MEAN_DAYS = 36_525;

  /**
   * The narrowest and widest spread, as the standard deviation over the mean: a gamma of shape
   * (mean / sd)^2 above 10,000 or below 0.01 cannot be inverted in a bounded time, and a lognormal
   * that far from its mean is all tail. A fixed duration is the way to say "no spread".
   */
  static final double MIN_SPREAD = 0.01;

  static final double MAX_SPREAD = 10;

  private void duration(String path, DurationSpec d) {
    if (d == null) {
      add(path, "is missing; expected family, meanDays and (except exponential/fixed) sdDays");
      return;
    }
    if (d.family() == null) {
      add(path + ".family", "is missing; expected EXPONENTIAL, LOGNORMAL, GAMMA or FIXED");
    }
    if (!(d.meanDays() > 0)) {
      add(path + ".meanDays", "found " + round(d.meanDays()) + "; expected more than 0 days");
    } else if (!(d.meanDays() >= MIN_MEAN_DAYS && d.meanDays() <= MAX_MEAN_DAYS)) {
      add(
          path + ".meanDays",
          "found "
              + plain(d.meanDays())
              + "; expected from 0.000001 days (about a tenth of a second) to 36,525 days (a"
              + " hundred years)");
    }
    boolean needsSd = d.family() == DurationFamily.LOGNORMAL || d.family() == DurationFamily.GAMMA;
    if (needsSd && !(d.sdDays() > 0)) {
      add(
          path + ".sdDays",
          "found "
              + round(d.sdDays())
              + "; expected more than 0 days for a "
              + d.family()
              + " family");
    } else if (needsSd && d.meanDays() >= MIN_MEAN_DAYS && d.meanDays() <= MAX_MEAN_DAYS) {
      double spread = d.sdDays() / d.meanDays();
      if (!(spread >= MIN_SPREAD && spread <= MAX_SPREAD)) {
        add(
            path + ".sdDays",
            "found "
                + plain(d.sdDays())
                + " against a mean of "
                + plain(d.meanDays())
                + " days; expected from a hundredth to ten times the mean (for no spread at all,"
                + " family FIXED)");
      }
    }
  }

  private void atLeast(String path, double value, double min) {
    if (!(value >= min) || Double.isInfinite(value)) {
      add(path, "found " + round(value) + "; expected a number of at least " + round(min));
    }
  }

  private static final String ID_RULE =
      "expected a short id of letters, digits, '-' or '_', starting with a letter";

  private static boolean isId(String id) {
    return id != null && id.matches("[A-Za-z][A-Za-z0-9_-]{0,63}");
  }

  /** A number as a person would write it: 0 rather than 0.0, at most 6 decimals. */
  private static String round(double v) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return Double.toString(v);
    }
    return java.math.BigDecimal.valueOf(v)
        .setScale(6, java.math.RoundingMode.HALF_EVEN)
        .stripTrailingZeros()
        .toPlainString();
  }

  private static String article(ServiceKind kind) {
    return (kind == ServiceKind.INPATIENT || kind == ServiceKind.EXIT ? "an " : "a ") + kind;
  }

  private void add(String path, String message) {
    problems.add(new Problem(path, message));
  }
}
