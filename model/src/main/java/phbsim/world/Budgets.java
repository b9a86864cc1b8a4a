package phbsim.world;

import java.util.Arrays;
import phbsim.money.Instalments;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.money.Money;
import phbsim.money.Prices;
import phbsim.observe.CohortLog;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.SetUpSpec;

/**
 * The personal health budgets held in one replication, and the money they move: payments by
 * management option, the unspent balances of direct payments, reviews, and the running costs of the
 * PHB infrastructure (docs/model.md sections 5 and 6).
 */
final class Budgets {
  private CohortLog cohort;
  private java.util.function.IntUnaryOperator followed;

  /*
   * Design notes (policy: docs/model.md section 5; docs/sources.md [nhsd-phb-2024] for the option mix)
   *
   * 1. Allocation. A budget's annual allocation is paid as 12 instalments a budget-year that add
   *    up exactly to it (Instalments), uplifted each April with the scenario's inflation.
   *
   * 2. Options.
   *    - Direct payment: each instalment is paid to the person at the start of the month, in
   *      advance. They spend spentShare of it during the month. The unspent balance is reclaimed
   *      at each review (3 months after the budget starts, then every 12 months) and when the
   *      budget ends.
   *    - Third party: the instalment is paid to the organisation at the start of the month,
   *      with its management fee (a percentage of the instalment). ASSUMPTION: an organisation's
   *      underspend is not reclaimed (docs/sources.md has no figure for it).
   *    - Notional: nothing is paid in advance; what is spent is charged at the month end.
   *
   * 3. Ending part-way through a month: spending for the part of the month held is charged
   *    (pro rata by days), and a direct payment's whole remaining balance comes back.
   *
   * 4. Starting, pausing, reviewing. A budget whose plan is signed off during a month starts
   *    being paid at the next month start (ASSUMPTION: the first instalment follows sign-off).
   *    While its holder is in a bed the budget is paused, not cancelled: no instalment, no
   *    spending (docs/model.md section 4); its review clock keeps running. Reviews fall due at 3
   *    months, then every 12; the World decides their outcome (step down, continue, end,
   *    stop). A budget set to run out before the year end (fallback) is fully spent by then, so
   *    nothing is reclaimed, and the World returns its holder to the team.
   *
   * 5. Infrastructure. Set-up costs follow the scenario's schedule from the first month, each
   *    stage's amount brought to the price base from its price year (the pilot's set-up costs
   *    are 2010/11 prices) and uplifted with inflation like every other price; brokerage and
   *    monitoring are charged per budget active at the month end.
   */

  static final byte DIRECT_PAYMENT = 0;
  static final byte THIRD_PARTY = 1;
  static final byte NOTIONAL = 2;

  private static final int FIRST_REVIEW_MONTHS = 3;
  private static final int REVIEW_INTERVAL_MONTHS = 12;

  private final BudgetsSpec spec;
  private final double feeShare;
  private final long brokeragePerMonth;
  private final long supportPlanningPerPlan;

  /** Each set-up stage's amount, in pence at the price base. */
  private final long[] setUpPence;

  private int count;
  private int[] person = new int[64];
  private short[] segment = new short[64];
  private byte[] option = new byte[64];
  private long[] annualAllocation = new long[64];
  private double[] spentShare = new double[64];
  private double[][] profile = new double[64][];
  private long[] balance = new long[64];
  private int[] monthsHeld = new int[64];
  private int[] startMonth = new int[64];
  private int[] runOutAt = new int[64];
  private boolean[] paused = new boolean[64];
  private boolean[] leftPlace = new boolean[64];
  private int[] slotOfPerson = new int[0];

  /**
   * Pence paid since the last {@link #takePaidOnLeavers} on the budgets of people who left a place
   * on a caseload for them, by segment: what double running is capped by.
   */
  private final long[] paidOnLeavers;

  /** People whose review fell due at the last month end, for the World to decide outcomes. */
  private int[] dueForReview = new int[16];

  private int due;

  /** People whose budget ran out at the last month end (fallback), for the World to act on. */
  private int[] ranOut = new int[16];

  private int runOuts;

  private long plansSignedOff;
  private long reviews;

  /** Budgets of up to 16 segments, prices at face value: for tests of this class alone. */
  Budgets(BudgetsSpec spec) {
    this(spec, 16, Prices.atFaceValue());
  }

  Budgets(BudgetsSpec spec, int segments, Prices prices) {
    this.spec = spec;
    this.paidOnLeavers = new long[segments];
    this.feeShare = spec == null ? 0 : spec.thirdPartyFeePercent() / 100.0;
    this.brokeragePerMonth =
        spec == null ? 0 : prices.pence(spec.brokeragePerBudgetPerMonth(), spec.priceYear());
    this.supportPlanningPerPlan =
        spec == null ? 0 : prices.pence(spec.supportPlanningPerPlan(), spec.priceYear());
    int stages = spec == null ? 0 : spec.setUp().size();
    this.setUpPence = new long[stages];
    for (int k = 0; k < stages; k++) {
      SetUpSpec stage = spec.setUp().get(k);
      setUpPence[k] = prices.pence(stage.amount(), stage.priceYear(), spec.priceYear());
    }
  }

  /** Budgets active now. */
  int active() {
    return count;
  }

  long plansSignedOff() {
    return plansSignedOff;
  }

  long reviews() {
    return reviews;
  }

  boolean holds(int p) {
    return p < slotOfPerson.length && slotOfPerson[p] > 0;
  }

  /** Starts a budget for person p, newly taken up from a caseload, spending evenly. */
  void start(int p, int seg, byte opt, long annualPence, double share, int firstPaidMonth) {
    start(p, seg, opt, annualPence, share, firstPaidMonth, EVEN, true, 0);
  }

  /** A new budget taken up from a caseload, with monthly spending weights. */
  void start(
      int p, int seg, byte opt, long annualPence, double share, int firstPaidMonth, double[] w) {
    start(p, seg, opt, annualPence, share, firstPaidMonth, w, true, 0);
  }

  /** Even spending through the budget-year. */
  static final double[] EVEN = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1};

  /**
   * Starts a budget for person p, paid from the start of {@code firstPaidMonth}, with monthly
   * spending weights for the 12 months of each budget-year (average 1). A direct payment cannot
   * spend more than it has been paid: a front-loaded profile spends at most the balance, and what
   * it cannot spend early is reclaimed at review.
   *
   * @param leftPlace whether the person left a place on a caseload for this budget (double running)
   * @param monthsAlreadyHeld months the budget was held before now: 0 for a new budget (first
   *     review after 3 months); for a budget held on day 0, a number that puts its next yearly
   *     review where the caller wants it
   */
  void start(
      int p,
      int seg,
      byte opt,
      long annualPence,
      double share,
      int firstPaidMonth,
      double[] weights,
      boolean leftPlace,
      int monthsAlreadyHeld) {
    if (count == person.length) {
      grow();
    }
    if (p >= slotOfPerson.length) {
      slotOfPerson = Arrays.copyOf(slotOfPerson, Math.max(p + 1, slotOfPerson.length * 3 / 2));
    }
    int i = count++;
    person[i] = p;
    segment[i] = (short) seg;
    option[i] = opt;
    annualAllocation[i] = annualPence;
    spentShare[i] = share;
    profile[i] = weights;
    balance[i] = 0;
    monthsHeld[i] = monthsAlreadyHeld;
    startMonth[i] = firstPaidMonth;
    runOutAt[i] = -1;
    paused[i] = false;
    this.leftPlace[i] = leftPlace;
    slotOfPerson[p] = i + 1;
  }

  /** Sets the budget of p to run out after {@code months} more months held (fallback). */
  void runOutAfter(int p, int months) {
    int i = slotOfPerson[p] - 1;
    runOutAt[i] = monthsHeld[i] + months;
  }

  /** Whether p's budget is already set to run out at a later month end. */
  boolean runOutPending(int p) {
    int i = slotOfPerson[p] - 1;
    return runOutAt[i] > monthsHeld[i];
  }

  /** Pauses (true) or resumes (false) the budget of p, if p holds one. */
  void setPaused(int p, boolean pause) {
    if (holds(p)) {
      paused[slotOfPerson[p] - 1] = pause;
    }
  }

  /** Steps p's annual allocation down to {@code annualPence}. */
  void stepDown(int p, long annualPence) {
    annualAllocation[slotOfPerson[p] - 1] = annualPence;
  }

  long annualAllocation(int p) {
    return annualAllocation[slotOfPerson[p] - 1];
  }

  /** The number of reviews that fell due at the last month end; see {@link #dueForReview}. */
  int reviewsDue() {
    return due;
  }

  int dueForReview(int k) {
    return dueForReview[k];
  }

  int runOuts() {
    return runOuts;
  }

  int ranOut(int k) {
    return ranOut[k];
  }

  /** Charges support planning for one plan signed off. */
  void planSignedOff(Ledger ledger, double day, int month, int seg, long costPence) {
    plansSignedOff++;
    ledger.post(day, month, LedgerLine.PHB_SUPPORT_PLANNING, Ledger.NONE, seg, costPence);
  }

  /** Pounds-as-pence cost of the first plan, before learning. */
  long firstPlanCost() {
    return supportPlanningPerPlan;
  }

  /** Advance payments at the start of a month, for every active budget. */
  void monthStart(Ledger ledger, double day, int month, double uplift) {
    for (int i = 0; i < count; i++) {
      if (month >= startMonth[i] && !paused[i]) {
        payInstalment(ledger, day, month, uplift, i);
      }
    }
    postSetUp(ledger, day, month, uplift);
  }

  private void payInstalment(Ledger ledger, double day, int month, double uplift, int i) {
    long instalment = instalment(i, uplift);
    switch (option[i]) {
      case DIRECT_PAYMENT -> {
        pay(ledger, day, month, LedgerLine.PHB_DIRECT_PAYMENTS, i, instalment);
        balance[i] += instalment;
      }
      case THIRD_PARTY -> {
        pay(ledger, day, month, LedgerLine.PHB_THIRD_PARTY, i, instalment);
        pay(
            ledger,
            day,
            month,
            LedgerLine.PHB_THIRD_PARTY_FEES,
            i,
            Money.times(instalment, feeShare));
      }
      default -> {
        // Notional budgets are charged as spent, at the month end.
      }
    }
  }

  /** Spending, notional charges, brokerage and reviews at the end of a month. */
  void monthEnd(Ledger ledger, double day, int month, double uplift) {
    due = 0;
    runOuts = 0;
    for (int i = 0; i < count; i++) {
      if (month < startMonth[i]) {
        continue;
      }
      if (!paused[i]) {
        double weight = profile[i][monthsHeld[i] % REVIEW_INTERVAL_MONTHS];
        long spent = Money.times(instalment(i, uplift), spentShare[i] * weight);
        spend(ledger, day, month, i, spent);
      }
      monthsHeld[i]++;
      int held = monthsHeld[i];
      if (held == runOutAt[i]) {
        // Spent to the last penny before the year end: nothing left to reclaim.
        balance[i] = 0;
        ranOut = push(ranOut, runOuts++, person[i]);
      } else if (held == FIRST_REVIEW_MONTHS
          || (held > FIRST_REVIEW_MONTHS
              && (held - FIRST_REVIEW_MONTHS) % REVIEW_INTERVAL_MONTHS == 0)) {
        review(ledger, day, month, i);
        dueForReview = push(dueForReview, due++, person[i]);
      }
    }
    ledger.post(
        day,
        month,
        LedgerLine.PHB_BROKERAGE_AND_MONITORING,
        Ledger.NONE,
        Ledger.NONE,
        brokeragePerMonth * count);
  }

  /**
   * Ends person p's budget part-way through a month: the share of the month held is spent, and a
   * direct payment's balance comes back.
   */
  void end(Ledger ledger, double day, int month, double uplift, int p, double shareOfMonthHeld) {
    int i = slotOfPerson[p] - 1;
    if (month >= startMonth[i] && !paused[i]) {
      long spent = Money.times(Money.times(instalment(i, uplift), spentShare[i]), shareOfMonthHeld);
      spend(ledger, day, month, i, spent);
    }
    reclaim(ledger, day, month, i);
    int last = --count;
    slotOfPerson[p] = 0;
    if (i != last) {
      person[i] = person[last];
      segment[i] = segment[last];
      option[i] = option[last];
      annualAllocation[i] = annualAllocation[last];
      spentShare[i] = spentShare[last];
      profile[i] = profile[last];
      balance[i] = balance[last];
      monthsHeld[i] = monthsHeld[last];
      startMonth[i] = startMonth[last];
      runOutAt[i] = runOutAt[last];
      paused[i] = paused[last];
      leftPlace[i] = leftPlace[last];
      slotOfPerson[person[i]] = i + 1;
    }
  }

  private static int[] push(int[] array, int at, int value) {
    int[] a = at == array.length ? Arrays.copyOf(array, array.length * 2) : array;
    a[at] = value;
    return a;
  }

  private void spend(Ledger ledger, double day, int month, int i, long spent) {
    if (option[i] == DIRECT_PAYMENT) {
      balance[i] -= Math.min(spent, balance[i]);
    } else if (option[i] == NOTIONAL) {
      pay(ledger, day, month, LedgerLine.PHB_NOTIONAL, i, spent);
    }
  }

  private void review(Ledger ledger, double day, int month, int i) {
    reviews++;
    reclaim(ledger, day, month, i);
  }

  private void reclaim(Ledger ledger, double day, int month, int i) {
    if (option[i] == DIRECT_PAYMENT && balance[i] > 0) {
      pay(ledger, day, month, LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED, i, -balance[i]);
      balance[i] = 0;
    }
  }

  /** The cohort view's log, and who of the people it follows (World.followed). */
  void follow(CohortLog log, java.util.function.IntUnaryOperator followed) {
    this.cohort = log;
    this.followed = followed;
  }

  /** Posts a payment on budget i, noting it for double running if its holder left a place. */
  private void pay(Ledger ledger, double day, int month, LedgerLine line, int i, long pence) {
    ledger.post(day, month, line, Ledger.NONE, segment[i], pence);
    if (cohort != null && followed.applyAsInt(person[i]) >= 0) {
      cohort.point(person[i], day, CohortLog.Component.BUDGET, pence / 100.0);
    }
    if (leftPlace[i]) {
      paidOnLeavers[segment[i]] += pence;
    }
  }

  /**
   * Pence paid, since the last call, on the budgets of people who left a place for them, by
   * segment; the counts start again from zero.
   */
  long[] takePaidOnLeavers() {
    long[] paid = paidOnLeavers.clone();
    Arrays.fill(paidOnLeavers, 0);
    return paid;
  }

  /** The management option of p's budget: DIRECT_PAYMENT, THIRD_PARTY or NOTIONAL. */
  byte option(int p) {
    return option[slotOfPerson[p] - 1];
  }

  private long instalment(int i, double uplift) {
    return Instalments.instalment(
        Money.times(annualAllocation[i], uplift), 12, monthsHeld[i] % REVIEW_INTERVAL_MONTHS);
  }

  private void postSetUp(Ledger ledger, double day, int month, double uplift) {
    if (spec == null || !spec.enabled()) {
      return;
    }
    int stageStart = 0;
    for (int k = 0; k < setUpPence.length; k++) {
      int months = spec.setUp().get(k).months();
      if (month < stageStart + months) {
        long amount =
            Instalments.instalment(Money.times(setUpPence[k], uplift), months, month - stageStart);
        ledger.post(day, month, LedgerLine.PHB_SET_UP, Ledger.NONE, Ledger.NONE, amount);
        return;
      }
      stageStart += months;
    }
  }

  private void grow() {
    int n = person.length * 2;
    person = Arrays.copyOf(person, n);
    segment = Arrays.copyOf(segment, n);
    option = Arrays.copyOf(option, n);
    annualAllocation = Arrays.copyOf(annualAllocation, n);
    spentShare = Arrays.copyOf(spentShare, n);
    profile = Arrays.copyOf(profile, n);
    balance = Arrays.copyOf(balance, n);
    monthsHeld = Arrays.copyOf(monthsHeld, n);
    startMonth = Arrays.copyOf(startMonth, n);
    runOutAt = Arrays.copyOf(runOutAt, n);
    paused = Arrays.copyOf(paused, n);
    leftPlace = Arrays.copyOf(leftPlace, n);
  }
}
