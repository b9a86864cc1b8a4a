package phbsim.service;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import phbsim.money.Instalments;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.money.Money;
import phbsim.money.Prices;
import phbsim.scenario.BranchSpec;
import phbsim.scenario.Payment;
import phbsim.scenario.Scenario;
import phbsim.scenario.ServiceKind;
import phbsim.scenario.ServiceSpec;
import phbsim.validation.ScenarioChecks;

/**
 * A scenario's services and pathway compiled into arrays indexed by service number (the order of
 * {@code services} in the scenario), for the event loop. Immutable; shared by all replications.
 */
public final class ServiceNetwork {
  /** Destination code meaning "back to where the person came from". */
  public static final int HOME = -1;

  /** Overflow code meaning "an out-of-area placement". */
  public static final int OUT_OF_AREA = -1;

  private final List<ServiceSpec> specs;
  private final Map<String, Integer> index = new HashMap<>();
  private final ServiceKind[] kind;
  private final int[] slots;
  private final int[] beds;
  private final int[] overflow;
  private final boolean[] aeAttendance;
  private final DurationSampler[] duration;
  private final long[] costPerBedDay;
  private final long[] outOfAreaCostPerDay;
  private final boolean[] crisisHouse;
  private final long[] costPerArrival;
  private final long[] costPerDay;
  private final boolean[] blockFunded;
  private final long[] contractFixed;
  private final long[] contractPerPost;
  private final long[] setUpCost;
  private final long[] standingPerYear;
  private final double[][] branchCumulative;
  private final int[][] branchTarget;

  /**
   * Compiles a scenario that has passed {@link ScenarioChecks}, its prices at its price base.
   *
   * @throws phbsim.scenario.ScenarioException if it has not
   */
  public ServiceNetwork(Scenario scenario) {
    this(checked(scenario), null);
  }

  private static Scenario checked(Scenario scenario) {
    ScenarioChecks.requireValid(scenario);
    return scenario;
  }

  /**
   * Compiles a scenario that has passed {@link ScenarioChecks}, with its prices converted by {@code
   * prices} (null: built here).
   */
  public ServiceNetwork(Scenario scenario, Prices prices) {
    if (prices == null) {
      prices = new Prices(scenario);
    }
    specs = scenario.services();
    int n = specs.size();
    kind = new ServiceKind[n];
    slots = new int[n];
    beds = new int[n];
    overflow = new int[n];
    aeAttendance = new boolean[n];
    duration = new DurationSampler[n];
    costPerBedDay = new long[n];
    outOfAreaCostPerDay = new long[n];
    crisisHouse = new boolean[n];
    costPerArrival = new long[n];
    costPerDay = new long[n];
    blockFunded = new boolean[n];
    contractFixed = new long[n];
    contractPerPost = new long[n];
    setUpCost = new long[n];
    standingPerYear = new long[n];
    branchCumulative = new double[n][];
    branchTarget = new int[n][];
    for (int i = 0; i < n; i++) {
      index.put(specs.get(i).id(), i);
    }
    for (int i = 0; i < n; i++) {
      ServiceSpec s = specs.get(i);
      kind[i] = s.kind();
      overflow[i] = OUT_OF_AREA;
      switch (s.kind()) {
        case COMMUNITY -> {
          slots[i] = s.community().slots();
          var k = s.community().contract();
          contractFixed[i] = prices.pence(k.fixedPerYear(), k.priceYear());
          contractPerPost[i] = prices.pence(k.costPerPostPerYear(), k.priceYear());
        }
        case INPATIENT -> {
          beds[i] = s.inpatient().beds();
          String year = s.inpatient().priceYear();
          costPerBedDay[i] = prices.pence(s.inpatient().costPerBedDay(), year);
          outOfAreaCostPerDay[i] = prices.pence(s.inpatient().outOfAreaCostPerDay(), year);
          crisisHouse[i] = s.inpatient().crisisHouse();
          setUpCost[i] = prices.pence(s.inpatient().setUpCost(), year);
          standingPerYear[i] = prices.pence(s.inpatient().fixedPerYear(), year);
          blockFunded[i] = s.inpatient().payment() == Payment.BLOCK;
          duration[i] = DurationSampler.of(s.inpatient().lengthOfStay());
          if (!s.inpatient().overflowsOutOfArea()) {
            overflow[i] = index.get(s.inpatient().whenFull());
          }
        }
        case CRISIS -> {
          aeAttendance[i] = s.crisis().aeAttendance();
          String year = s.crisis().priceYear();
          costPerArrival[i] = prices.pence(s.crisis().costPerArrival(), year);
          costPerDay[i] = prices.pence(s.crisis().costPerDay(), year);
          blockFunded[i] = s.crisis().payment() == Payment.BLOCK;
          duration[i] = DurationSampler.of(s.crisis().episodeLength());
        }
        case EXIT -> {
          // Nothing to compile: people who arrive here leave the simulation.
        }
      }
      branchCumulative[i] = new double[0];
      branchTarget[i] = new int[0];
    }
    for (BranchSpec b : scenario.pathway()) {
      int from = index.get(b.from());
      List<Integer> targets = new ArrayList<>();
      List<Double> cumulative = new ArrayList<>();
      double sum = 0;
      for (Map.Entry<String, Double> e : b.to().entrySet()) {
        if (e.getValue() <= 0) {
          continue;
        }
        sum += e.getValue();
        targets.add(BranchSpec.HOME.equals(e.getKey()) ? HOME : index.get(e.getKey()));
        cumulative.add(sum);
      }
      // Normalise away the rounding the checks tolerate, so the last branch ends at exactly 1.
      double[] cum = new double[cumulative.size()];
      for (int k = 0; k < cum.length; k++) {
        cum[k] = cumulative.get(k) / sum;
      }
      cum[cum.length - 1] = 1.0;
      branchCumulative[from] = cum;
      branchTarget[from] = targets.stream().mapToInt(Integer::intValue).toArray();
    }
  }

  /**
   * Posts this month's set-up (in the run's first month only) and standing instalments of the
   * bed-based services. A service the options bring in carries neither in the status quo, whose
   * copy of it has none ({@link phbsim.scenario.InpatientSpec#asInStatusQuo()}), so the difference
   * between the arms is the whole cost of opening it.
   *
   * @param period 1 (April) to 12 (March)
   * @param uplift price factor for this financial year (1 in real terms)
   */
  public void postStandingCosts(Ledger ledger, double day, int month, int period, double uplift) {
    for (int i = 0; i < kind.length; i++) {
      if (month == 0 && setUpCost[i] != 0) {
        ledger.post(
            day,
            month,
            LedgerLine.SERVICE_SET_UP,
            i,
            Ledger.NONE,
            Money.times(setUpCost[i], uplift));
      }
      if (standingPerYear[i] != 0) {
        long year = Money.times(standingPerYear[i], uplift);
        ledger.post(
            day,
            month,
            LedgerLine.SERVICE_STANDING_COSTS,
            i,
            Ledger.NONE,
            Instalments.instalment(year, 12, period - 1));
      }
    }
  }

  /** A bed-based service's standing cost a year, in pence at the price base. */
  public long standingPerYear(int service) {
    return standingPerYear[service];
  }

  /** Set-up of a bed-based service, in pence at the price base. */
  public long setUpCost(int service) {
    return setUpCost[service];
  }

  public int size() {
    return specs.size();
  }

  public int indexOf(String id) {
    Integer i = index.get(id);
    if (i == null) {
      throw new IllegalArgumentException("no service '" + id + "'");
    }
    return i;
  }

  public String id(int service) {
    return specs.get(service).id();
  }

  public ServiceSpec spec(int service) {
    return specs.get(service);
  }

  public ServiceKind kind(int service) {
    return kind[service];
  }

  /** Caseload slots of a COMMUNITY team; 0 for other kinds. */
  public int slots(int service) {
    return slots[service];
  }

  /** In-area beds of an INPATIENT service; 0 for other kinds. */
  public int beds(int service) {
    return beds[service];
  }

  /** The INPATIENT service an admission goes to when this one is full, or {@link #OUT_OF_AREA}. */
  public int overflow(int service) {
    return overflow[service];
  }

  /** Whether arriving at this CRISIS service counts as an A&amp;E attendance. */
  public boolean aeAttendance(int service) {
    return aeAttendance[service];
  }

  /** Pence per occupied in-area bed day (INPATIENT), at the start's prices. */
  public long costPerBedDay(int service) {
    return costPerBedDay[service];
  }

  /** Pence per day of an out-of-area placement made for this INPATIENT service. */
  public long outOfAreaCostPerDay(int service) {
    return outOfAreaCostPerDay[service];
  }

  /** Whether this INPATIENT service is a crisis house (its nights have their own line). */
  public boolean crisisHouse(int service) {
    return crisisHouse[service];
  }

  /**
   * Whether an INPATIENT or CRISIS service is paid as a block, so that its activity is capacity
   * valued at unit cost rather than cash (docs/model.md section 5).
   */
  public boolean blockFunded(int service) {
    return blockFunded[service];
  }

  /** Pence per arrival at a CRISIS service. */
  public long costPerArrival(int service) {
    return costPerArrival[service];
  }

  /** Pence per day of an episode in a CRISIS service. */
  public long costPerDay(int service) {
    return costPerDay[service];
  }

  /** A new block contract for a COMMUNITY team, as let at the start of a run. */
  public BlockContract newContract(int service) {
    var c = specs.get(service).community();
    return new BlockContract(
        service,
        c.posts(),
        contractFixed[service],
        contractPerPost[service],
        c.contract().noticeMonths());
  }

  /** Length of stay (INPATIENT) or of the episode (CRISIS); null for other kinds. */
  public DurationSampler duration(int service) {
    return duration[service];
  }

  /**
   * Where a person goes when leaving {@code service}, chosen by a uniform {@code u} in [0, 1): a
   * service index or {@link #HOME}.
   */
  public int branch(int service, double u) {
    double[] cum = branchCumulative[service];
    int[] target = branchTarget[service];
    for (int k = 0; k < cum.length - 1; k++) {
      if (u < cum[k]) {
        return target[k];
      }
    }
    return target[cum.length - 1];
  }

  /** Whether people leaving {@code service} have somewhere to go. */
  public boolean hasBranches(int service) {
    return branchTarget[service].length > 0;
  }
}
