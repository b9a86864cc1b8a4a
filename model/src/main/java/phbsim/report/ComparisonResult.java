package phbsim.report;

import java.util.List;
import java.util.OptionalInt;
import phbsim.money.CashFlow;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;

/**
 * One option against the status quo, and the cash-flow figures a finance lead reads from them:
 * every ledger line per month and per financial year for each {@link Arm}, the net saving, the
 * cumulative position, the break-even month, double running and the NPV, each for the cash and the
 * economic {@link Position}.
 *
 * <p>Money is reported in pounds (pence / 100) as means and 95% intervals across replications.
 * Differences are paired: each replication's status quo minus the same replication's option, then
 * summarised, so the interval of a difference is much narrower than the intervals of the two arms.
 */
public final class ComparisonResult {
  /*
   * Definitions (docs/model.md sections 5 and 7). The sign rule: a difference is status quo minus
   * option, so a positive figure is a saving (Arm.SIGN_RULE).
   *
   * - Net saving: status quo minus option, summed over the horizon; in the cash position only
   *   cash lines count (LedgerLine.cash()), in the economic position every line.
   * - Cumulative saving in month m: the net saving of months 0..m.
   * - Break-even month of a replication: the first month from which the cumulative saving is at
   *   least 0 and stays so to the end of the horizon; none if it ends below 0. The report gives
   *   the break-even month of the mean cumulative path and the share of replications that break
   *   even within the horizon.
   * - Double running: recorded by the option's replications month by month (World.doubleRunning:
   *   the block-contract cost of the places budget holders left and that have not been released,
   *   capped by what was paid on those budgets).
   * - NPV: Green Book discounting of each financial year's saving (see Discounting for the
   *   convention). In real terms at the scenario's real rate; in cash terms (inflation on) at the
   *   matching nominal rate, (1 + real) x (1 + inflation) - 1.
   */

  private final String id;
  private final String label;
  private final ExperimentResult option;
  private final ExperimentResult statusQuo;
  private final int replications;
  private final int months;

  /** Each replication's net saving in pence, [position][replication], for replicationsNeeded. */
  private final long[][] netSavingPence;

  private final List<Cohort.Figures> cohort;

  /** The layout of the monthly and annual blocks (ComparisonTables). */
  private final ComparisonTables.Shape shape;

  /** The blocks given or computed so far. */
  private final java.util.concurrent.ConcurrentHashMap<ComparisonTables.Block, Summary[]> blocks =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final int given;

  /**
   * @param id the option's id, as in output files
   * @param label the option's name for people
   * @param cohort each replication's cohort view (Cohort), paired with the status quo
   */
  public ComparisonResult(
      String id,
      String label,
      ExperimentResult option,
      ExperimentResult statusQuo,
      List<Cohort.Figures> cohort) {
    this(id, label, option, statusQuo, cohort, java.util.Map.of());
  }

  /**
   * As above, with the summaries of every monthly and annual block already computed from these
   * replications elsewhere (by ComparisonTables, as a distributed job does on its executors), or
   * with none.
   *
   * @throws IllegalArgumentException if some but not all blocks are given, or a block is the wrong
   *     size
   */
  public ComparisonResult(
      String id,
      String label,
      ExperimentResult option,
      ExperimentResult statusQuo,
      List<Cohort.Figures> cohort,
      java.util.Map<ComparisonTables.Block, Summary[]> tables) {
    this.shape = ComparisonTables.Shape.of(option.compiled());
    if (!tables.isEmpty()) {
      for (ComparisonTables.Block b : shape.blocks()) {
        Summary[] s = tables.get(b);
        if (s == null || s.length != ComparisonTables.columns(shape, b.kind())) {
          throw new IllegalArgumentException("block " + b + " is missing or the wrong size");
        }
      }
      if (tables.size() != shape.blocks().size()) {
        throw new IllegalArgumentException("blocks given that this comparison does not have");
      }
    }
    this.blocks.putAll(tables);
    this.given = tables.size();
    this.cohort = List.copyOf(cohort);
    if (option.replications().size() != statusQuo.replications().size()
        || cohort.size() != option.replications().size()) {
      throw new IllegalArgumentException("arms must have the same number of replications");
    }
    this.id = id;
    this.label = label;
    this.option = option;
    this.statusQuo = statusQuo;
    this.replications = option.replications().size();
    this.months = shape.months();
    this.netSavingPence = new long[Position.values().length][replications];
    for (int r = 0; r < replications; r++) {
      CashFlow a = option.replications().get(r).cashFlow();
      CashFlow b = statusQuo.replications().get(r).cashFlow();
      for (Position p : Position.values()) {
        long running = 0;
        for (int m = 0; m < months; m++) {
          running += sum(b, m, p) - sum(a, m, p);
        }
        netSavingPence[p.ordinal()][r] = running;
      }
    }
  }

  /**
   * The net saving of replication {@code r} over the horizon (status quo minus option), in pence:
   * the paired figure every interval of the saving is computed from.
   */
  long netSavingPence(Position position, int r) {
    return netSavingPence[position.ordinal()][r];
  }

  /** Pence of a position's lines in one month of one replication. */
  static long sum(CashFlow c, int month, Position p) {
    if (p == Position.ECONOMIC) {
      return c.total(month);
    }
    long s = 0;
    for (LedgerLine line : LedgerLine.values()) {
      if (line.cash()) {
        s += c.amount(month, line);
      }
    }
    return s;
  }

  /** The option's id, as written in output files. */
  /** Each replication's cohort view (docs/model.md section 7.5). */
  public List<Cohort.Figures> cohort() {
    return cohort;
  }

  private boolean cohortWithheld;

  /** A figure of the cohort view, summarised across replications; withheld with the view. */
  public Summary cohort(java.util.function.ToDoubleFunction<Cohort.Figures> figure) {
    return cohortWithheld ? Summary.WITHHELD : Cohort.summary(cohort, figure, below);
  }

  /** The threshold of small-number suppression, 0 if nothing is withheld (Disclosure). */
  private volatile int below;

  /** The threshold of small-number suppression, 0 if nothing is withheld (Disclosure). */
  public int suppressBelow() {
    return below;
  }

  /**
   * Protects every figure of this comparison at {@code threshold} (Disclosure): intervals are
   * summarised with Summary.protectedOf, so the blocks summarised so far are dropped and summarised
   * again from the replications when next asked for.
   */
  void protect(int threshold, boolean rounds) {
    if (threshold != below) {
      below = threshold;
      blocks.clear();
      rounded.clear();
      adjustments = null;
    }
    if (rounds != this.rounds) {
      this.rounds = rounds;
      rounded.clear();
      adjustments = null;
    }
  }

  /** Whether counts are published rounded to the nearest 5, money derived from them. */
  private volatile boolean rounds;

  /** The blocks as published under rounding (NhsRounding), made from the unrounded blocks. */
  private final java.util.concurrent.ConcurrentHashMap<ComparisonTables.Block, Summary[]> rounded =
      new java.util.concurrent.ConcurrentHashMap<>();

  private volatile NhsRounding.Adjustments adjustments;

  /** How far rounding moves each money line (NhsRounding), worked out once. */
  private NhsRounding.Adjustments adjustments() {
    NhsRounding.Adjustments a = adjustments;
    if (a == null) {
      a =
          new NhsRounding.Adjustments(
              shape,
              this::rawBlock,
              (arm, month, line) -> withheld(arm, w -> w.money(month, line)));
      adjustments = a;
    }
    return a;
  }

  /** Whether counts are published rounded to the nearest 5 (the NHS convention, NhsRounding). */
  public boolean rounds() {
    return rounds;
  }

  /** Whether small-number suppression withholds the whole cohort view (Disclosure). */
  public boolean cohortWithheld() {
    return cohortWithheld;
  }

  /** A figure of the cohort view, whether withheld or not: for Disclosure only. */
  Summary cohortUnmasked(java.util.function.ToDoubleFunction<Cohort.Figures> figure) {
    return Cohort.summary(cohort, figure);
  }

  void withholdCohort(boolean withheld) {
    this.cohortWithheld = withheld;
  }

  /**
   * Whether a measure of an arm is withheld: an arm's own figure when its arm withholds it; a
   * difference when either arm does (Disclosure).
   */
  private boolean withheld(Arm arm, java.util.function.Predicate<Disclosure.Withheld> of) {
    Disclosure.Withheld a = option.withheld();
    Disclosure.Withheld b = statusQuo.withheld();
    boolean inOption = a != null && of.test(a);
    boolean inStatusQuo = b != null && of.test(b);
    return switch (arm) {
      case OPTION -> inOption;
      case STATUS_QUO -> inStatusQuo;
      default -> inOption || inStatusQuo;
    };
  }

  /** Whether a team measure of an arm in a month is withheld (Resilience). */
  boolean teamWithheld(Arm arm, int month, int team, phbsim.observe.TeamMeasure measure) {
    return withheld(arm, w -> w.team(month, team, measure));
  }

  public String id() {
    return id;
  }

  /** The option's name for people. */
  public String label() {
    return label;
  }

  public ExperimentResult option() {
    return option;
  }

  public ExperimentResult statusQuo() {
    return statusQuo;
  }

  /** The arm's replications (the difference arm reads the option's calendar and scenario). */
  public ExperimentResult arm(Arm arm) {
    return arm == Arm.STATUS_QUO ? statusQuo : option;
  }

  /** Whether money is in cash terms (prices uplifted each April) rather than real terms. */
  public boolean cashTerms() {
    return option.compiled().scenario().money().inflationPercent() != 0;
  }

  /**
   * The discount rate used for NPV, as a fraction: the scenario's real rate, or in cash terms the
   * matching nominal rate (1 + real) x (1 + inflation) - 1.
   */
  public double discountRate() {
    return discountRate(option.compiled());
  }

  /** The discount rate of an option's NPV (as above). */
  static double discountRate(phbsim.world.CompiledScenario option) {
    var money = option.scenario().money();
    double real = money.discountRatePercent() / 100.0;
    double inflation = money.inflationPercent() / 100.0;
    return (1 + real) * (1 + inflation) - 1;
  }

  // ------------------------------------------------------------ per month and per year

  /*
   * The monthly and annual figures come in blocks (ComparisonTables): a block is computed from the
   * replications the first time one of its figures is asked for, then kept; or it was given, with
   * every other block, by the job that ran the replications (the spark module aggregates them on
   * its executors). Either way by the same code on the same values, so to the same bits.
   */

  /**
   * The summaries of one block as published: computed now if not yet given or computed, and under
   * the NHS convention rounded (NhsRounding).
   */
  private Summary[] block(ComparisonTables.Kind kind, int period) {
    if (!rounds) {
      return rawBlock(kind, period);
    }
    ComparisonTables.Block b = new ComparisonTables.Block(kind, period);
    Summary[] done = rounded.get(b);
    if (done == null) {
      done = NhsRounding.block(b, shape, rawBlock(kind, period), this::adjustments);
      Summary[] earlier = rounded.putIfAbsent(b, done);
      done = earlier == null ? done : earlier;
    }
    return done;
  }

  /** The summaries of one block before any rounding. */
  private Summary[] rawBlock(ComparisonTables.Kind kind, int period) {
    return blocks.computeIfAbsent(new ComparisonTables.Block(kind, period), this::tabulate);
  }

  /** Every summary of one block, in ComparisonTables' column order (for tests over all figures). */
  Summary[] summaries(ComparisonTables.Block b) {
    return block(b.kind(), b.period());
  }

  private Summary[] tabulate(ComparisonTables.Block b) {
    List<double[]> values = new java.util.ArrayList<>(replications);
    for (int r = 0; r < replications; r++) {
      values.add(
          ComparisonTables.values(
              b, shape, option.replications().get(r), statusQuo.replications().get(r)));
    }
    return ComparisonTables.summarise(b, shape, values, below);
  }

  /** How many of the monthly and annual blocks were given by the job that ran the replications. */
  public int blocksGiven() {
    return given;
  }

  /** One ledger line (or, with {@code line == null}, the total) in one month, in pounds. */
  public Summary monthly(Arm arm, int month, LedgerLine line) {
    if (line != null && withheld(arm, w -> w.money(month, line))) {
      return Summary.WITHHELD;
    }
    return line == null
        ? monthlyTotal(arm, month, Position.ECONOMIC)
        : block(ComparisonTables.Kind.CASH_MONTH, month)[
            ComparisonTables.column(arm, shape, line, ComparisonTables.Kind.CASH_MONTH)];
  }

  /** One ledger line (or the total) in one financial year, in pounds. */
  public Summary annual(Arm arm, int year, LedgerLine line) {
    if (line != null && withheld(arm, w -> w.moneyAnnual(year, line))) {
      return Summary.WITHHELD;
    }
    return line == null
        ? annualTotal(arm, year, Position.ECONOMIC)
        : block(ComparisonTables.Kind.CASH_YEAR, year)[
            ComparisonTables.column(arm, shape, line, ComparisonTables.Kind.CASH_YEAR)];
  }

  /** One ledger line (or the total) over the whole horizon, in pounds. */
  public Summary horizon(Arm arm, LedgerLine line) {
    if (line == null
        ? withheld(arm, w -> w.runningTotal(0))
        : withheld(arm, w -> w.moneyHorizon(line))) {
      return Summary.WITHHELD;
    }
    return line == null
        ? block(ComparisonTables.Kind.HORIZON, 0)[
            ComparisonTables.horizonColumn(
                arm, shape, ComparisonTables.Horizon.TOTAL, Position.ECONOMIC)]
        : block(ComparisonTables.Kind.HORIZON, 0)[
            ComparisonTables.column(arm, shape, line, ComparisonTables.Kind.HORIZON)];
  }

  /** The total of one position's lines in one month, in pounds. */
  public Summary monthlyTotal(Arm arm, int month, Position position) {
    if (withheld(arm, w -> w.money(month, position))) {
      return Summary.WITHHELD;
    }
    return block(ComparisonTables.Kind.CASH_MONTH, month)[
        ComparisonTables.column(arm, shape, position)];
  }

  /** The total of one position's lines in one financial year, in pounds. */
  public Summary annualTotal(Arm arm, int year, Position position) {
    if (withheld(arm, w -> w.moneyAnnual(year, position))) {
      return Summary.WITHHELD;
    }
    return block(ComparisonTables.Kind.CASH_YEAR, year)[
        ComparisonTables.column(arm, shape, position)];
  }

  /**
   * The sum over the horizon of the ledger lines {@code lines} picks (a group of lines, or a
   * position's), in pounds, summed replication by replication and then summarised. Withheld when
   * any of its lines is withheld over the horizon: with every line published the sum adds nothing,
   * and with one withheld the sum minus the others would give it back (Disclosure). For the printed
   * summary's groups, which the tables do not carry.
   */
  public Summary horizonOf(Arm arm, java.util.function.Predicate<LedgerLine> lines) {
    for (LedgerLine line : LedgerLine.values()) {
      if (lines.test(line) && withheld(arm, w -> w.moneyHorizon(line))) {
        return Summary.WITHHELD;
      }
    }
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      long sum = 0;
      for (LedgerLine line : LedgerLine.values()) {
        if (lines.test(line)) {
          long a =
              arm == Arm.STATUS_QUO ? 0 : option.replications().get(r).cashFlow().lineTotal(line);
          long b =
              arm == Arm.OPTION ? 0 : statusQuo.replications().get(r).cashFlow().lineTotal(line);
          sum += arm == Arm.OPTION ? a : arm == Arm.STATUS_QUO ? b : b - a;
        }
      }
      v[r] = sum / 100.0;
    }
    Summary s = Summary.protectedOf(v, below);
    return rounds ? NhsRounding.shifted(s, adjustments().horizonOf(arm, lines)) : s;
  }

  /**
   * A measure over the horizon, for all segments (the sum of its financial years; a stock's last
   * year), of one arm or the paired difference. Withheld when any year is: the horizon with the
   * other years would give a withheld year back.
   */
  public Summary metricHorizon(Arm arm, Measure m) {
    int years = option.financialYears().size();
    for (int y = 0; y < years; y++) {
      if (metricAnnual(arm, y, ExperimentResult.ALL_SEGMENTS, m).withheld()) {
        return Summary.WITHHELD;
      }
    }
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      double a = 0;
      double b = 0;
      for (int y = 0; y < years; y++) {
        if (arm != Arm.STATUS_QUO) {
          a += option.annualValue(option.replications().get(r).metrics(), y, -1, m);
        }
        if (arm != Arm.OPTION) {
          b += statusQuo.annualValue(statusQuo.replications().get(r).metrics(), y, -1, m);
        }
      }
      v[r] = arm == Arm.OPTION ? a : arm == Arm.STATUS_QUO ? b : b - a;
    }
    Summary s = Summary.protectedOf(v, below);
    return rounds ? NhsRounding.count(s) : s;
  }

  /**
   * The mean number of months in which the option's double running is capped (some team's freed
   * places cost more than was paid on their former occupants' budgets): a count of months, not of
   * people, read from every team's record.
   */
  public double cappedMonths() {
    double sum = 0;
    for (var r : option.replications()) {
      var teams = r.teams();
      for (int m = 0; m < teams.months(); m++) {
        for (int t = 0; t < teams.teams(); t++) {
          if (teams.get(m, t, phbsim.observe.TeamMeasure.DOUBLE_RUNNING_CAPPED) > 0) {
            sum++;
            break;
          }
        }
      }
    }
    return sum / replications;
  }

  /** A monthly measure of one arm, or the paired difference, for a segment or ALL_SEGMENTS. */
  public Summary metricMonthly(Arm arm, int month, int segment, Measure measure) {
    if (withheld(arm, w -> w.monthly(month, segment, measure))) {
      return Summary.WITHHELD;
    }
    return block(ComparisonTables.Kind.MEASURES_MONTH, month)[
        ComparisonTables.column(arm, shape, segment, measure)];
  }

  /** An annual measure of one arm, or the paired difference (see ExperimentResult.annual). */
  public Summary metricAnnual(Arm arm, int year, int segment, Measure measure) {
    if (withheld(arm, w -> w.annual(year, segment, measure))) {
      return Summary.WITHHELD;
    }
    return block(ComparisonTables.Kind.MEASURES_YEAR, year)[
        ComparisonTables.column(arm, shape, segment, measure)];
  }

  /** A team measure of one arm, or the paired difference, in one month (Resilience). */
  Summary teamMonthly(Arm arm, int month, int team, phbsim.observe.TeamMeasure measure) {
    if (teamWithheld(arm, month, team, measure)) {
      return Summary.WITHHELD;
    }
    return block(ComparisonTables.Kind.TEAMS_MONTH, month)[
        ComparisonTables.column(arm, shape, team, measure)];
  }

  /**
   * An infrastructure figure of one arm, or the paired difference, in one month (Infrastructure).
   */
  Summary infrastructure(Arm arm, Infrastructure.Figure figure, int month) {
    return block(ComparisonTables.Kind.INFRASTRUCTURE_MONTH, month)[
        ComparisonTables.column(arm, shape, figure)];
  }

  /**
   * Every monthly measure of one month at once: element {@code [arm.ordinal()][segment + 1]
   * [measure.ordinal()]} equals {@link #metricMonthly(Arm, int, int, Measure)}.
   */
  public Summary[][][] metricMonthlyAll(int month) {
    return withheldAll(
        metricsAll(ComparisonTables.Kind.MEASURES_MONTH, month),
        (w, segment, measure) -> w.monthly(month, segment, measure));
  }

  /** A measure's withholding in one arm. */
  private interface MetricWithheld {
    boolean of(Disclosure.Withheld w, int segment, Measure measure);
  }

  /** The summaries all[arm][segment + 1][measure], with those withheld replaced. */
  private Summary[][][] withheldAll(Summary[][][] all, MetricWithheld withheld) {
    if (option.withheld() == null && statusQuo.withheld() == null) {
      return all;
    }
    for (Arm arm : Arm.values()) {
      for (int g = 0; g < all[arm.ordinal()].length; g++) {
        for (Measure m : Measure.values()) {
          int segment = g - 1;
          if (withheld(arm, w -> withheld.of(w, segment, m))) {
            all[arm.ordinal()][g][m.ordinal()] = Summary.WITHHELD;
          }
        }
      }
    }
    return all;
  }

  /**
   * Every annual measure of one financial year at once, indexed as in {@link
   * #metricMonthlyAll(int)}; element for element equal to {@link #metricAnnual(Arm, int, int,
   * Measure)}.
   */
  public Summary[][][] metricAnnualAll(int year) {
    return withheldAll(
        metricsAll(ComparisonTables.Kind.MEASURES_YEAR, year),
        (w, segment, measure) -> w.annual(year, segment, measure));
  }

  /** A measures block as [arm][segment + 1][measure] (a copy: withholding writes into it). */
  private Summary[][][] metricsAll(ComparisonTables.Kind kind, int period) {
    Summary[] block = block(kind, period);
    Measure[] measures = Measure.values();
    int groups = shape.segments() + 1;
    Summary[][][] all = new Summary[Arm.values().length][groups][measures.length];
    for (Arm arm : Arm.values()) {
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          all[arm.ordinal()][g][k.ordinal()] = block[ComparisonTables.column(arm, shape, g - 1, k)];
        }
      }
    }
    return all;
  }

  // ------------------------------------------------------------ the headline figures

  /** Status quo minus option over the horizon, in pounds: positive is a saving. */
  public Summary netSaving(Position position) {
    return cumulativeSaving(months - 1, position);
  }

  /** The cumulative saving at the end of month {@code month}, in pounds. */
  public Summary cumulativeSaving(int month, Position position) {
    if (withheld(Arm.DIFFERENCE, w -> w.runningTotal(month))) {
      return Summary.WITHHELD;
    }
    return block(ComparisonTables.Kind.CASH_MONTH, month)[
        ComparisonTables.cumulativeColumn(Arm.DIFFERENCE, shape, position)];
  }

  /**
   * The break-even month of the mean cumulative saving: the first month from which it stays at or
   * above zero; empty if it ends the horizon below zero.
   */
  public OptionalInt breakEvenMonthOfMean(Position position) {
    double[] path = new double[months];
    for (int m = 0; m < months; m++) {
      path[m] = cumulativeSaving(m, position).mean();
    }
    return breakEven(path);
  }

  /** The share of replications whose cumulative saving breaks even within the horizon. */
  public double shareBreakingEven(Position position) {
    return block(ComparisonTables.Kind.HORIZON, 0)[
        ComparisonTables.horizonColumn(
            Arm.DIFFERENCE, shape, ComparisonTables.Horizon.BREAKS_EVEN, position)]
        .mean();
  }

  /**
   * The replications needed for the 95 % confidence interval of the mean net saving to be within
   * plus or minus {@code halfWidth} pounds: the smallest n with t(0.975, n-1) x sd / sqrt(n) at
   * most the half-width, sd being the standard deviation of the paired net saving over this run's
   * replications. 1 when every replication gives the same saving; undefined (0) with one
   * replication, whose spread is unknown.
   */
  public int replicationsNeeded(Position position, double halfWidth) {
    if (replications < 2) {
      return 0;
    }
    double[] v = new double[replications];
    double mean = 0;
    for (int r = 0; r < replications; r++) {
      v[r] = netSavingPence[position.ordinal()][r] / 100.0;
      mean += v[r];
    }
    mean /= replications;
    double squares = 0;
    for (double x : v) {
      squares += (x - mean) * (x - mean);
    }
    double sd = Math.sqrt(squares / (replications - 1));
    if (sd == 0) {
      return 1;
    }
    // Start from the normal quantile, then step n up until the t quantile is met.
    int n = Math.max(2, (int) Math.ceil(Math.pow(1.959964 * sd / halfWidth, 2)));
    while (Summary.t975(n - 1) * sd / Math.sqrt(n) > halfWidth) {
      n++;
    }
    return n;
  }

  /** Double running in one month of the option, in pounds. */
  public Summary doubleRunning(int month) {
    if (withheld(Arm.OPTION, w -> w.doubleRunning(month))) {
      return Summary.WITHHELD;
    }
    return block(ComparisonTables.Kind.CASH_MONTH, month)[
        ComparisonTables.doubleRunningColumn(Arm.OPTION, shape)];
  }

  /** Double running in one financial year of the option, in pounds. */
  public Summary doubleRunningYear(int year) {
    if (withheld(Arm.OPTION, w -> w.doubleRunning(option.monthsOfYear(year)))) {
      return Summary.WITHHELD;
    }
    return block(ComparisonTables.Kind.CASH_YEAR, year)[
        ComparisonTables.doubleRunningColumn(Arm.OPTION, shape)];
  }

  /** Double running over the horizon, in pounds. */
  public Summary doubleRunningTotal() {
    // Withheld with any month's: the horizon minus the published months would give it back.
    int[] all = java.util.stream.IntStream.range(0, months).toArray();
    if (withheld(Arm.OPTION, w -> w.doubleRunning(all))) {
      return Summary.WITHHELD;
    }
    return block(ComparisonTables.Kind.HORIZON, 0)[
        ComparisonTables.horizonColumn(
            Arm.OPTION, shape, ComparisonTables.Horizon.DOUBLE_RUNNING, null)];
  }

  /**
   * Double running under the sign rule (status quo minus option), for the tables of savings: the
   * option's double running is a cost, so it is negative there. The cash flow's memo rows give it
   * as the option's spending (positive), beside the option's other lines.
   */
  public Summary doubleRunningSaving() {
    return doubleRunningTotal().negated();
  }

  /** The number of months with double running. */
  public Summary doubleRunningMonths() {
    return block(ComparisonTables.Kind.HORIZON, 0)[
        ComparisonTables.horizonColumn(
            Arm.OPTION, shape, ComparisonTables.Horizon.DOUBLE_RUNNING_MONTHS, null)];
  }

  /** NPV of the saving (status quo minus option), in pounds: positive is a saving. */
  public Summary npv(Position position) {
    if (withheld(Arm.DIFFERENCE, w -> w.runningTotal(0))) {
      return Summary.WITHHELD;
    }
    return block(ComparisonTables.Kind.HORIZON, 0)[
        ComparisonTables.horizonColumn(
            Arm.DIFFERENCE, shape, ComparisonTables.Horizon.NPV, position)];
  }

  static OptionalInt breakEven(double[] cumulative) {
    int from = -1;
    for (int m = 0; m < cumulative.length; m++) {
      if (cumulative[m] >= 0) {
        if (from < 0) {
          from = m;
        }
      } else {
        from = -1;
      }
    }
    return from < 0 ? OptionalInt.empty() : OptionalInt.of(from);
  }
}
