package phbsim.world;

import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.money.Money;
import phbsim.observe.CohortLog;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.population.Segments;
import phbsim.random.RandomStreams;
import phbsim.scenario.ServiceKind;
import phbsim.service.ServiceNetwork;

/**
 * The crisis and bed pathway: a crisis at home, the services it leads through (A&amp;E, crisis
 * teams, crisis houses, wards in area or out of area), the end of each stay, and the costs of the
 * days spent in them at each month end.
 */
final class Pathway {
  /*
   * Design notes
   *
   * 1. Beds. An admission takes a bed in the service the pathway names, or in the one its
   *    whenFull names (and so on), or else goes out of area for its whole stay (ASSUMPTION: no
   *    repatriation when a bed frees). Bed days are the time integral of occupied beds. A
   *    crisis-house stay is not an admission: it has its own measures, and a budget carries on
   *    through it, while a ward admission pauses the budget.
   *
   * 2. Costs. Arrivals at crisis services are costed as they happen; days spent in a place (bed
   *    days, out-of-area days, crisis episode days) from the exact time integral at each month end
   *    (closeMonth), on the cash or the capacity line as the service is paid (World note 6).
   *
   * 3. The cohort view (CohortLog) gets a followed person's beds and crisis episodes when they
   *    start, valued at unit cost: their length is drawn then.
   */

  private final People people;
  private final ServiceNetwork services;
  private final Segments segments;
  private final EventCalendar calendar;
  private final MonthlyMetrics metrics;
  private final Ledger ledger;
  private final CohortLog cohort;
  private final Budgets budgets;
  private final Hazards hazards;
  private final Caseloads caseloads;
  private final OpenMonth open;
  private final RandomStreams.Family branchStream;
  private final RandomStreams.Family stayStream;
  private final int firstPersonKey;

  private final int[] bedsUsed;
  private final int[] inBed;
  private final int[] outOfArea;
  private final Occupancy inArea;
  private final Occupancy outOfAreaPlaces;

  Pathway(
      World w,
      Hazards hazards,
      Caseloads caseloads,
      RandomStreams.Family branchStream,
      RandomStreams.Family stayStream,
      int firstPersonKey) {
    this.people = w.people;
    this.services = w.services;
    this.segments = w.segments;
    this.calendar = w.calendar;
    this.metrics = w.metrics;
    this.ledger = w.ledger;
    this.cohort = w.cohort;
    this.budgets = w.budgets;
    this.open = w.open;
    this.hazards = hazards;
    this.caseloads = caseloads;
    this.branchStream = branchStream;
    this.stayStream = stayStream;
    this.firstPersonKey = firstPersonKey;
    int n = services.size();
    int s = segments.size();
    this.bedsUsed = new int[n];
    this.inBed = new int[s];
    this.outOfArea = new int[s];
    this.inArea = new Occupancy(n, s);
    this.outOfAreaPlaces = new Occupancy(n, s);
  }

  /** Person p at home has a crisis (their crisis clock ran out): the pathway's first step. */
  void crisis(int p) {
    hazards.runDownClocks(p);
    hazards.redrawCrisisClock(p);
    int g = people.segment[p];
    metrics.add(open.month, g, Measure.CRISES, 1);
    if (people.status[p] == People.ON_BUDGET) {
      // A relapse on a budget: its next review may stop it (ReviewSpec.stopAfterCrisis).
      people.crisisSinceReview[p] = true;
    }
    if (people.cohortIndex[p] >= 0) {
      cohort.crisis(p, calendar.now());
    }
    int team = segments.team(g);
    moveTo(p, services.branch(team, branchStream.nextDouble(p)));
  }

  private void moveTo(int p, int destination) {
    if (destination == ServiceNetwork.HOME) {
      goHome(p);
      return;
    }
    switch (services.kind(destination)) {
      case INPATIENT -> admit(p, destination);
      case CRISIS -> startCrisisEpisode(p, destination);
      case EXIT -> caseloads.leaveSecondaryCare(p, destination);
      case COMMUNITY -> goHome(p);
    }
  }

  private void goHome(int p) {
    people.location[p] = (short) segments.team(people.segment[p]);
    hazards.armHazards(p);
  }

  private void startCrisisEpisode(int p, int service) {
    int g = people.segment[p];
    int month = open.month;
    double uplift = open.uplift();
    boolean ae = services.aeAttendance(service);
    metrics.add(month, g, ae ? Measure.AE_ATTENDANCES : Measure.CRISIS_TEAM_EPISODES, 1);
    people.location[p] = (short) service;
    double now = calendar.now();
    ledger.post(
        now,
        month,
        crisisLine(service),
        service,
        g,
        Money.times(services.costPerArrival(service), uplift));
    inArea.change(service, g, 1, now);
    double days = services.duration(service).days(stayStream.nextDouble(p));
    if (people.cohortIndex[p] >= 0) {
      cohort.point(
          p, now, CohortLog.Component.CRISIS, services.costPerArrival(service) * uplift / 100);
      cohort.interval(
          p,
          now,
          now + days,
          CohortLog.Component.CRISIS,
          services.costPerDay(service) * uplift / 100);
    }
    calendar.schedule(
        firstPersonKey + p, calendar.now() + days, EventPriority.RELEASE, World.LEAVE);
  }

  /** The ledger line of a crisis service's costs: A&amp;E or crisis team, cash or capacity. */
  private LedgerLine crisisLine(int service) {
    boolean block = services.blockFunded(service);
    if (services.aeAttendance(service)) {
      return block ? LedgerLine.AE_ATTENDANCES_BLOCK : LedgerLine.AE_ATTENDANCES;
    }
    return block ? LedgerLine.CRISIS_TEAM_EPISODES_BLOCK : LedgerLine.CRISIS_TEAM_EPISODES;
  }

  /** The ledger line of in-area days in an in-patient service. */
  private LedgerLine bedLine(int service) {
    boolean block = services.blockFunded(service);
    if (services.crisisHouse(service)) {
      return block ? LedgerLine.CRISIS_HOUSE_NIGHTS_BLOCK : LedgerLine.CRISIS_HOUSE_NIGHTS;
    }
    return block ? LedgerLine.BED_DAYS_BLOCK : LedgerLine.BED_DAYS;
  }

  /** Whether p is in a ward bed (in area or out of area), not a crisis house. */
  boolean inWardBed(int p) {
    int at = people.location[p];
    return services.kind(at) == ServiceKind.INPATIENT && !services.crisisHouse(at);
  }

  private void admit(int p, int requested) {
    int g = people.segment[p];
    int month = open.month;
    double now = calendar.now();
    // Try the service asked for, then each service its whenFull names; if all are full, the
    // person is placed out of area in place of the last one tried (its day rate, its stays).
    int ward = requested;
    int lastTried = requested;
    while (ward != ServiceNetwork.OUT_OF_AREA && bedsUsed[ward] >= services.beds(ward)) {
      lastTried = ward;
      ward = services.overflow(ward);
    }
    boolean placedOut = ward == ServiceNetwork.OUT_OF_AREA;
    if (placedOut) {
      ward = lastTried;
    }
    // A crisis-house stay is an alternative to admission, not an admission (docs/model.md section
    // 7), and a budget carries on through it; a ward admission pauses the budget (section 4).
    boolean house = services.crisisHouse(ward);
    metrics.add(month, g, house ? Measure.CRISIS_HOUSE_STAYS : Measure.ADMISSIONS, 1);
    people.location[p] = (short) ward;
    people.outOfArea[p] = placedOut;
    if (placedOut) {
      outOfArea[g]++;
      outOfAreaPlaces.change(ward, g, 1, now);
      if (!house) {
        metrics.add(month, g, Measure.OUT_OF_AREA_ADMISSIONS, 1);
      }
    } else {
      bedsUsed[ward]++;
      if (!house) {
        inBed[g]++;
      }
      inArea.change(ward, g, 1, now);
    }
    if (!house) {
      budgets.setPaused(p, true);
    }
    double days = services.duration(ward).days(stayStream.nextDouble(p));
    if (people.cohortIndex[p] >= 0) {
      long perDay = placedOut ? services.outOfAreaCostPerDay(ward) : services.costPerBedDay(ward);
      cohort.interval(
          p,
          now,
          now + days,
          house ? CohortLog.Component.CRISIS : CohortLog.Component.INPATIENT,
          perDay * open.uplift() / 100);
    }
    calendar.schedule(
        firstPersonKey + p, calendar.now() + days, EventPriority.RELEASE, World.LEAVE);
  }

  /** End of a stay in a bed, or of a crisis episode: free the place and follow the pathway. */
  void leave(int p) {
    int service = people.location[p];
    int g = people.segment[p];
    double now = calendar.now();
    if (services.kind(service) == ServiceKind.INPATIENT) {
      boolean house = services.crisisHouse(service);
      if (people.outOfArea[p]) {
        people.outOfArea[p] = false;
        outOfArea[g]--;
        outOfAreaPlaces.change(service, g, -1, now);
      } else {
        bedsUsed[service]--;
        if (!house) {
          inBed[g]--;
        }
        inArea.change(service, g, -1, now);
      }
      if (!house) {
        budgets.setPaused(p, false);
      }
    } else {
      inArea.change(service, g, -1, now);
    }
    moveTo(p, services.branch(service, branchStream.nextDouble(p)));
  }

  /**
   * Closes segment g's month on the pathway: posts the month's bed days, out-of-area days and
   * crisis episode days at the month's prices (note 2) and records them, with the beds and
   * placements in use now.
   */
  void closeMonth(int g, double now) {
    int month = open.month;
    double price = open.uplift();
    double bedDays = 0;
    double houseNights = 0;
    double outOfAreaDays = 0;
    for (int svc = 0; svc < services.size(); svc++) {
      ServiceKind kind = services.kind(svc);
      if (kind == ServiceKind.INPATIENT) {
        double inDays = inArea.takeDays(svc, g, now);
        double outDays = outOfAreaPlaces.takeDays(svc, g, now);
        if (services.crisisHouse(svc)) {
          houseNights += inDays;
        } else {
          bedDays += inDays;
        }
        outOfAreaDays += outDays;
        long dayPrice = Money.times(services.costPerBedDay(svc), price);
        ledger.post(now, month, bedLine(svc), svc, g, Money.times(dayPrice, inDays));
        long outPrice = Money.times(services.outOfAreaCostPerDay(svc), price);
        ledger.post(
            now, month, LedgerLine.OUT_OF_AREA_PLACEMENTS, svc, g, Money.times(outPrice, outDays));
      } else if (kind == ServiceKind.CRISIS) {
        double episodeDays = inArea.takeDays(svc, g, now);
        long dayPrice = Money.times(services.costPerDay(svc), price);
        ledger.post(now, month, crisisLine(svc), svc, g, Money.times(dayPrice, episodeDays));
      }
    }
    metrics.add(month, g, Measure.BED_DAYS, bedDays);
    metrics.add(month, g, Measure.CRISIS_HOUSE_NIGHTS, houseNights);
    metrics.add(month, g, Measure.OUT_OF_AREA_DAYS, outOfAreaDays);
    metrics.set(month, g, Measure.OCCUPIED_BEDS, inBed[g]);
    metrics.set(month, g, Measure.OUT_OF_AREA_PLACEMENTS, outOfArea[g]);
  }

  /** Whether segment g's count of people in a ward bed or placed out of area fell below zero. */
  boolean countBelowZero(int g) {
    return inBed[g] < 0 || outOfArea[g] < 0;
  }

  /** Fails if any ward holds more people than its beds. */
  void checkBeds() {
    for (int i = 0; i < services.size(); i++) {
      if (bedsUsed[i] > services.beds(i)) {
        throw new IllegalStateException("beds over-occupied in " + services.id(i));
      }
    }
  }
}
