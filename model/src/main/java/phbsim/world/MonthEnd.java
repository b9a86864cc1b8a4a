package phbsim.world;

import phbsim.engine.EventCalendar;
import phbsim.engine.EventPriority;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.money.Money;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.population.Segments;
import phbsim.scenario.Payment;
import phbsim.scenario.PrimaryCareSpec;
import phbsim.scenario.ServiceKind;
import phbsim.service.ServiceNetwork;
import phbsim.time.FinancialCalendar;

/**
 * The turn of each month: closing its books (the days spent in places, GP consultations, empty
 * places, double running), acting on budget reviews, recording and checking its counts, and opening
 * the next month with its advance payments; and the checks at the end of the run.
 */
final class MonthEnd {
  /*
   * Design notes
   *
   * 1. Money. Payments in advance (block contract instalments, direct payments, third-party
   *    budgets, set-up) are posted at the start of their month (monthStart); costs accrued over
   *    the month from exact time integrals (bed days, out-of-area days, crisis episode days, GP
   *    consultations) at its end, after which the reviews that fell due are acted on with the
   *    month's spending already charged (Caseloads.closingMonth).
   *
   * 2. GP consultations (docs/model.md section 5) are costed at their expected number, the
   *    segment's rate x the person-days present (a holder's x the budget's gpEffect), at each
   *    month end from exact time integrals, like bed days: nothing in the model depends on when a
   *    consultation happens, so drawing them one by one would only add noise and events.
   *
   * 3. The order of the postings within a month end is part of the ledger's record (its entries
   *    are kept in order for audit): each segment's pathway days, then its GP consultations, then
   *    every team's empty places.
   */

  private final ServiceNetwork services;
  private final Segments segments;
  private final FinancialCalendar financialCalendar;
  private final EventCalendar calendar;
  private final MonthlyMetrics metrics;
  private final Ledger ledger;
  private final Budgets budgets;
  private final OpenMonth open;
  private final Teams teams;
  private final Caseloads caseloads;
  private final Pathway pathway;
  private final BudgetPolicy policy;
  private final int monthEndKey;
  private final long gpPricePence;
  private final LedgerLine gpLine;

  /** Place-days in use this month by team (service number), holders' shares included. */
  private final double[] placeDaysInUse;

  private final long[] doubleRunning;
  private World.MonthEndProbe probe;

  MonthEnd(
      World w,
      Teams teams,
      Caseloads caseloads,
      Pathway pathway,
      BudgetPolicy policy,
      int monthEndKey,
      long gpPricePence) {
    this.services = w.services;
    this.segments = w.segments;
    this.financialCalendar = w.financialCalendar;
    this.calendar = w.calendar;
    this.metrics = w.metrics;
    this.ledger = w.ledger;
    this.budgets = w.budgets;
    this.open = w.open;
    this.teams = teams;
    this.caseloads = caseloads;
    this.pathway = pathway;
    this.policy = policy;
    this.monthEndKey = monthEndKey;
    this.gpPricePence = gpPricePence;
    PrimaryCareSpec gp = w.compiled().scenario().primaryCare();
    this.gpLine =
        gp != null && gp.payment() == Payment.COST_PER_CASE
            ? LedgerLine.GP_CONSULTATIONS
            : LedgerLine.GP_CONSULTATIONS_BLOCK;
    this.placeDaysInUse = new double[services.size()];
    this.doubleRunning = new long[financialCalendar.monthCount()];
  }

  /** Watches every month end from now on, after the month's record is complete. */
  void probe(World.MonthEndProbe p) {
    this.probe = p;
  }

  /** Double running per month, in pence, so far. */
  long[] doubleRunning() {
    return doubleRunning.clone();
  }

  /**
   * Closes the open month's books and records its metrics, then opens the next month. Returns false
   * after the last month of the horizon.
   */
  boolean monthEnd() {
    double now = calendar.now();
    int month = open.month;
    double price = open.uplift();
    budgets.monthEnd(ledger, now, month, price);
    caseloads.closingMonth(true);
    try {
      policy.reviewBudgets();
    } finally {
      caseloads.closingMonth(false);
    }
    for (int g = 0; g < segments.size(); g++) {
      pathway.closeMonth(g, now);
      double budgetDays = caseloads.takeBudgetDays(g, now);
      metrics.add(month, g, Measure.BUDGET_DAYS, budgetDays);
      placeDaysInUse[segments.team(g)] +=
          caseloads.takeCaseloadDays(g, now) + caseloads.contactShare(g) * budgetDays;
      double presentDays = caseloads.takePresentDays(g, now);
      if (segments.gpPerDay(g) > 0) {
        var b = segments.spec(g).budget();
        double effect = b == null ? 1 : b.gpEffect();
        double consultations = segments.gpPerDay(g) * (presentDays - (1 - effect) * budgetDays);
        metrics.add(month, g, Measure.GP_CONSULTATIONS, consultations);
        ledger.post(
            now,
            month,
            gpLine,
            Ledger.NONE,
            g,
            Money.times(Money.times(gpPricePence, price), consultations));
      }
      caseloads.recordCounts(g);
      metrics.set(month, g, Measure.PLANNING_QUEUE, policy.inPlanning(g));
      caseloads.checkConservation(g, pathway.countBelowZero(g));
    }
    postEmptyPlaces(now);
    long[] paidBySegment = budgets.takePaidOnLeavers();
    long[] paidByTeam = new long[services.size()];
    for (int g = 0; g < segments.size(); g++) {
      paidByTeam[segments.team(g)] += paidBySegment[g];
    }
    doubleRunning[month] = teams.recordMonth(month, price, paidByTeam);
    if (probe != null) {
      probe.atMonthEnd(month);
    }
    open.month = ++month;
    if (month == financialCalendar.monthCount()) {
      return false;
    }
    calendar.schedule(
        monthEndKey, financialCalendar.monthStart(month + 1), EventPriority.MONTH_END, 0);
    monthStart();
    return true;
  }

  /**
   * Values each team's places that stood empty this month (docs/model.md section 5, "one economic
   * position"): capacity the block pays for and nobody used, at the contract's cost per place, the
   * same rate that Caseloads.restate puts on a cohort member's place. Posted as a credit (negative)
   * on a capacity line, so the economic position counts a place a holder gave up while it stands
   * empty, and stops counting it once the post is released (the saving is then cash) or someone
   * from the waiting list fills it (the benefit is theirs, a shorter wait).
   */
  private void postEmptyPlaces(double now) {
    int month = open.month;
    double days = financialCalendar.monthLength(month);
    for (int team = 0; team < placeDaysInUse.length; team++) {
      double inUse = placeDaysInUse[team];
      placeDaysInUse[team] = 0;
      double pencePerDay = teams.placeCostPerDay(team, open.uplift()) * 100;
      if (pencePerDay == 0) {
        continue;
      }
      double empty = Math.max(0, teams.slots[team] * days - inUse);
      ledger.post(
          now,
          month,
          LedgerLine.COMMUNITY_PLACES_EMPTY,
          team,
          Ledger.NONE,
          -Math.round(pencePerDay * empty));
    }
  }

  /** Opens the open month: teams' slots as their contracts now stand, advance payments, offers. */
  void monthStart() {
    int month = open.month;
    double day = financialCalendar.monthStart(month);
    teams.monthStart(ledger, month, open.uplift());
    services.postStandingCosts(
        ledger, day, month, financialCalendar.month(month).period(), open.uplift());
    budgets.monthStart(ledger, day, month, open.uplift());
    policy.makeOffers();
  }

  // ---------------------------------------------------------------- invariants

  /**
   * The checks at the horizon: the ledger balances, contract instalments add up, no caseload above
   * its slots, no ward above its beds, and a recount of the people agrees with every segment's.
   */
  void checkFinalState() {
    ledger.checkBalanced();
    checkContractInstalments();
    for (int i = 0; i < services.size(); i++) {
      if (teams.caseload[i] > services.slots(i) && services.kind(i) == ServiceKind.COMMUNITY) {
        throw new IllegalStateException("caseload above slots in " + services.id(i));
      }
    }
    pathway.checkBeds();
    caseloads.checkRecount();
  }

  /**
   * Block instalments (fixed, stranded and staff lines together) add up, in every financial year
   * the horizon covers in full, to the value of the contracts as let, uplifted to that year.
   */
  private void checkContractInstalments() {
    var years = financialCalendar.financialYears();
    for (int y = 0; y < years.size(); y++) {
      long paid = 0;
      int monthsInYear = 0;
      int anyMonth = -1;
      for (int m = 0; m < financialCalendar.monthCount(); m++) {
        if (financialCalendar.month(m).financialYear().equals(years.get(y))
            && financialCalendar.monthLength(m)
                == financialCalendar.month(m).month().lengthOfMonth()) {
          monthsInYear++;
          anyMonth = m;
          paid +=
              ledger.amount(m, LedgerLine.BLOCK_CONTRACT_FIXED)
                  + ledger.amount(m, LedgerLine.STRANDED_FIXED_COSTS)
                  + ledger.amount(m, LedgerLine.BLOCK_CONTRACT_STAFF);
        }
      }
      if (monthsInYear != 12) {
        continue;
      }
      long value = teams.annualValue(open.uplift(anyMonth));
      if (paid != value) {
        throw new IllegalStateException(
            "block instalments in "
                + years.get(y).label()
                + " add up to "
                + paid
                + "p, but the contracts are worth "
                + value
                + "p");
      }
    }
  }
}
