package phbsim.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.observe.TeamMeasure;
import phbsim.observe.TeamMetrics;
import phbsim.scenario.ServiceKind;
import phbsim.world.CompiledScenario;

/**
 * Small-number suppression of an appraisal whose starting population came from person-level data
 * (docs/model.md section 2): which figures are withheld from every table, workbook, chart and
 * printed summary.
 *
 * <p>Which figures are counts: every activity measure (people, events and days, per segment and in
 * total, per month and per year), the teams' people (caseload, waiting list, freed places) and the
 * budgets' (active budgets, people in planning). A count whose mean over replications is above 0
 * and below the threshold is withheld (SmallNumbers), and so is whatever would let it be worked
 * out:
 *
 * <ul>
 *   <li>a segment's figure from the total over segments, and the total from its segments;
 *   <li>a month's flow from its year's total (a year's stock is its last month's);
 *   <li>a team's caseload or waiting list from the segments the team serves;
 *   <li>a ratio from its count where the other term is published: a team's cost per person, mean
 *       frailty, utilisation and waits; the cost per active budget and the days from offer to plan;
 *   <li>a difference (status quo minus option) is withheld whenever either side is, and then
 *       neither side can be worked out from it.
 * </ul>
 *
 * <p>The sums among counts (segments and their total, a year and its months, a stock and its last
 * month, a team and its segments) are given to SmallNumbers as equations with their coefficients,
 * so that after the group rule it bounds every withheld small count by linear programming, as the
 * attacker does, and withholds more until none can be put in an interval narrower than the
 * threshold (SmallNumbers' third rule): groups alone let a count be pinned by crossing them (issue
 * 21, generated caseload 18).
 *
 * <p>The cohort view of an option (people who started a budget against their twins) is withheld
 * whole when it follows fewer people than the threshold.
 *
 * <p>Money is protected against a reader who knows every unit price and allocation: a ledger line
 * that is a price times a count ({@link #countOf}) is tied to that count, so each is withheld when
 * the other is; and the money tables' identities are groups like the counts' (a position's total
 * and its lines, the infrastructure cost and its lines, a year and its months, the horizon and its
 * years), so that no total minus the published parts gives a withheld line back. A figure summed
 * over months (the cumulative saving, the net saving, the NPV) is withheld from the first month
 * whose total is. Intervals: Summary.protectedOf.
 */
public final class Disclosure {
  private Disclosure() {}

  /**
   * The threshold of small-number suppression of a run made of these scenarios (every arm, area and
   * scenario whose figures are published together): the highest {@code suppressBelow} of any of
   * them whose people come from a person-level file, or 0 if none does. One arm drawn from a file
   * protects the whole run, since a built-in arm's figures published beside it (a difference, a
   * total over areas) would otherwise give the protected arm's away. A population that asks for the
   * NHS convention ({@code disclosure: nhs-rounding}) counts at {@link NhsRounding#THRESHOLD} at
   * least (counts from 1 to 7 withheld).
   */
  public static int threshold(java.util.Collection<phbsim.scenario.Scenario> scenarios) {
    int below = 0;
    for (phbsim.scenario.Scenario s : scenarios) {
      var from = s.startingPopulation();
      if (from != null && from.rounds()) {
        below = Math.max(below, Math.max(NhsRounding.THRESHOLD, from.suppressBelow()));
      } else if (from != null && from.suppressBelow() > 1) {
        below = Math.max(below, from.suppressBelow());
      }
    }
    return below;
  }

  /**
   * Whether a run made of these scenarios publishes its counts rounded to the nearest 5 (the NHS
   * convention, NhsRounding): when any of them whose people come from a person-level file asks for
   * it. One run, one policy, as one run has one threshold: the rounded arm's counts would else be
   * given back unrounded by the other arms and the differences published beside them.
   */
  public static boolean rounds(java.util.Collection<phbsim.scenario.Scenario> scenarios) {
    for (phbsim.scenario.Scenario s : scenarios) {
      var from = s.startingPopulation();
      if (from != null && from.rounds()) {
        return true;
      }
    }
    return false;
  }

  /**
   * The appraisal released: every arm's figures read as this policy allows (the appraisal applied
   * it when it was made, and again at a higher threshold if it is one area of several). What a
   * writer is given (Release).
   */
  public static Release<AppraisalResult> release(AppraisalResult appraisal) {
    return new Release<>(appraisal, appraisal.suppressBelow());
  }

  /**
   * A line of a table of areas side by side (areas_per_100k.csv), as the policy judges it: {@code
   * count}, the mean count of people or events it stands for (NaN if it is not a count); {@code
   * over}, for an average, the mean count it averages over (NaN if it is not an average). Lines of
   * one {@code group} (an option, an arm and a figure, over every area and the total) add up: the
   * total's count is the sum of the areas'. A difference ({@code arm} "difference") follows its two
   * sides: the line just before it, and the status quo line of its {@code block} and {@code
   * figure}.
   */
  public record AreaLine(
      String block, String group, String arm, String figure, double count, double over) {}

  /**
   * Which lines of a table of areas side by side are withheld at {@code below} (nothing if {@code
   * below <= 1}): a count for fewer people or events than the threshold, with what would let it be
   * worked out (the areas and their total, SmallNumbers); an average over fewer than the threshold;
   * a difference with either side.
   */
  public static boolean[] withheldOfAreas(List<AreaLine> lines, int below) {
    boolean[] withheld = new boolean[lines.size()];
    if (below <= 1) {
      return withheld;
    }
    SmallNumbers cells = new SmallNumbers(below);
    int[] cell = new int[lines.size()];
    Map<String, List<Integer>> groups = new java.util.LinkedHashMap<>();
    for (int i = 0; i < lines.size(); i++) {
      AreaLine l = lines.get(i);
      cell[i] = -1;
      if (!Double.isNaN(l.count())) {
        cell[i] = cells.cell(l.count(), true);
        groups.computeIfAbsent(l.group(), k -> new ArrayList<>()).add(cell[i]);
      }
    }
    for (List<Integer> g : groups.values()) {
      cells.group(g.stream().mapToInt(Integer::intValue).toArray());
    }
    BitSet out = cells.solve();
    for (int i = 0; i < lines.size(); i++) {
      AreaLine l = lines.get(i);
      if (cell[i] >= 0) {
        withheld[i] = out.get(cell[i]);
      } else if (!Double.isNaN(l.over())) {
        withheld[i] = l.over() > 0 && l.over() < below;
      }
    }
    // A difference goes with its two sides: the option's line just before it, and the status quo.
    for (int i = 0; i < lines.size(); i++) {
      AreaLine d = lines.get(i);
      if (d.arm().equals("difference")) {
        boolean sq = false;
        for (int j = 0; j < lines.size(); j++) {
          AreaLine l = lines.get(j);
          if (l.block().equals(d.block())
              && l.arm().equals("status_quo")
              && l.figure().equals(d.figure())) {
            sq = withheld[j];
            break;
          }
        }
        withheld[i] = (i > 0 && withheld[i - 1]) || sq;
      }
    }
    return withheld;
  }

  /** What is withheld of one arm's results (one ExperimentResult). */
  public static final class Withheld {
    private final int below;
    private final boolean rounds;
    private final int groups;
    private final int services;
    private final BitSet monthly = new BitSet();
    private final BitSet annual = new BitSet();
    private final BitSet teams = new BitSet();
    private final BitSet plansFew = new BitSet();
    private final BitSet moneyMonthly = new BitSet();
    private final BitSet moneyAnnual = new BitSet();
    private final BitSet moneyHorizon = new BitSet();
    private final BitSet infrastructureCost = new BitSet();
    private final BitSet doubleRunning = new BitSet();
    private int firstTotalWithheld = Integer.MAX_VALUE;

    private Withheld(int below, boolean rounds, int groups, int services) {
      this.below = below;
      this.rounds = rounds;
      this.groups = groups;
      this.services = services;
    }

    private int metricIndex(int period, int segment, Measure m) {
      return (period * groups + segment + 1) * Measure.values().length + m.ordinal();
    }

    private int teamIndex(int month, int team, TeamMeasure m) {
      return (month * services + team) * TeamMeasure.values().length + m.ordinal();
    }

    /** The threshold: counts from 1 to this less one are withheld. */
    public int below() {
      return below;
    }

    /** Whether the published counts are rounded to the nearest 5 (NhsRounding). */
    public boolean rounds() {
      return rounds;
    }

    /** Whether a month's measure, for a segment or ALL_SEGMENTS, is withheld. */
    public boolean monthly(int month, int segment, Measure m) {
      return monthly.get(metricIndex(month, segment, m));
    }

    private static int moneyIndex(int period, int column) {
      return period * MONEY_COLUMNS + column;
    }

    /** Whether a ledger line's money in a month is withheld (a price times a withheld count). */
    public boolean money(int month, phbsim.money.LedgerLine line) {
      return moneyMonthly.get(moneyIndex(month, line.ordinal()));
    }

    /** Whether a position's total in a month is withheld. */
    public boolean money(int month, Position p) {
      return moneyMonthly.get(moneyIndex(month, LINES.length + p.ordinal()));
    }

    /** Whether a ledger line's money in a financial year is withheld. */
    public boolean moneyAnnual(int year, phbsim.money.LedgerLine line) {
      return moneyAnnual.get(moneyIndex(year, line.ordinal()));
    }

    /** Whether a position's total in a financial year is withheld. */
    public boolean moneyAnnual(int year, Position p) {
      return moneyAnnual.get(moneyIndex(year, LINES.length + p.ordinal()));
    }

    /** Whether a ledger line's money over the horizon is withheld. */
    public boolean moneyHorizon(phbsim.money.LedgerLine line) {
      return moneyHorizon.get(line.ordinal());
    }

    /**
     * Whether a figure summed over months up to {@code month} (the cumulative saving, and at the
     * last month the net saving and the NPV) is withheld: from the first month whose total is
     * withheld on, else two published running sums would give that month's total back.
     */
    public boolean runningTotal(int month) {
      return month >= firstTotalWithheld;
    }

    /**
     * Whether the double running of a month is withheld. It is the block cost of places freed by
     * holders, capped by the payments on those holders' budgets (docs/model.md section 5): where
     * the cap binds it is an allocation times a count of holders, so it is withheld whenever a
     * count it could give back is: the holders in the month, a team's freed places, or a budget
     * payment line.
     */
    public boolean doubleRunning(int month) {
      return doubleRunning.get(month);
    }

    /** Whether double running summed over {@code months} is withheld: when any month's is. */
    public boolean doubleRunning(int[] months) {
      for (int m : months) {
        if (doubleRunning.get(m)) {
          return true;
        }
      }
      return false;
    }

    /** Whether a financial year's measure is withheld. */
    public boolean annual(int year, int segment, Measure m) {
      return annual.get(metricIndex(year, segment, m));
    }

    /** Whether a team's measure in a month is withheld. */
    public boolean team(int month, int team, TeamMeasure m) {
      return teams.get(teamIndex(month, team, m));
    }

    /** Whether an infrastructure figure in a month is withheld. */
    public boolean infrastructure(int month, Infrastructure.Figure f) {
      return switch (f) {
        case COST -> infrastructureCost.get(month);
        case ACTIVE_BUDGETS ->
            monthly(month, ExperimentResult.ALL_SEGMENTS, Measure.BUDGET_HOLDERS);
        case COST_PER_ACTIVE_BUDGET ->
            infrastructureCost.get(month)
                || monthly(month, ExperimentResult.ALL_SEGMENTS, Measure.BUDGET_HOLDERS);
        case PLANNING_QUEUE ->
            monthly(month, ExperimentResult.ALL_SEGMENTS, Measure.PLANNING_QUEUE);
        // A mean over the month's plans: withheld with its count or with the days it divides (the
        // mean times the plans gives the days back, and the days over the mean the plans).
        case DAYS_FROM_OFFER_TO_PLAN ->
            plansFew.get(month)
                || monthly(month, ExperimentResult.ALL_SEGMENTS, Measure.PLANS_SIGNED_OFF)
                || monthly(month, ExperimentResult.ALL_SEGMENTS, Measure.DAYS_FROM_OFFER_TO_PLAN);
      };
    }
  }

  private static final phbsim.money.LedgerLine[] LINES = phbsim.money.LedgerLine.values();
  private static final int MONEY_COLUMNS = LINES.length + Position.values().length;

  /**
   * The count each ledger line is a price times (docs/model.md section 2, "money and small
   * numbers"): the line divided by its unit price, or by the allocation, gives the count back, so
   * the two are tied, and one is withheld whenever the other is. Lines not listed (block contracts'
   * fixed parts and posts, stranded costs, reclaims and fees) are not a known price times a count
   * the tables publish.
   */
  static Measure countOf(phbsim.money.LedgerLine line) {
    return switch (line) {
      case BED_DAYS, BED_DAYS_BLOCK -> Measure.BED_DAYS;
      case OUT_OF_AREA_PLACEMENTS -> Measure.OUT_OF_AREA_DAYS;
      case CRISIS_HOUSE_NIGHTS, CRISIS_HOUSE_NIGHTS_BLOCK -> Measure.CRISIS_HOUSE_NIGHTS;
      case AE_ATTENDANCES, AE_ATTENDANCES_BLOCK -> Measure.AE_ATTENDANCES;
      case CRISIS_TEAM_EPISODES, CRISIS_TEAM_EPISODES_BLOCK -> Measure.CRISIS_TEAM_EPISODES;
      case GP_CONSULTATIONS, GP_CONSULTATIONS_BLOCK -> Measure.GP_CONSULTATIONS;
      case PHB_DIRECT_PAYMENTS, PHB_THIRD_PARTY, PHB_NOTIONAL -> Measure.BUDGET_DAYS;
      case PHB_SET_UP -> Measure.PLANS_SIGNED_OFF;
      case PHB_SUPPORT_PLANNING -> Measure.PLANNING_QUEUE;
      case PHB_BROKERAGE_AND_MONITORING -> Measure.BUDGET_HOLDERS;
      default -> null;
    };
  }

  /** The team measures that count people. */
  private static final List<TeamMeasure> TEAM_COUNTS =
      List.of(
          TeamMeasure.CASELOAD,
          TeamMeasure.WAITING_LIST,
          TeamMeasure.FREED_PLACES,
          TeamMeasure.FREED_PLACES_REFILLED,
          TeamMeasure.FREED_PLACES_EMPTY);

  /** A team's count and the segments' count it is the sum of. */
  private record Tied(TeamMeasure team, Measure segment) {}

  private static final List<Tied> TIED =
      List.of(
          new Tied(TeamMeasure.CASELOAD, Measure.CASELOAD),
          new Tied(TeamMeasure.WAITING_LIST, Measure.WAITING_LIST));

  /** Ratios over the caseload, which publish the caseload with the other published terms. */
  private static final List<TeamMeasure> OVER_CASELOAD =
      List.of(
          TeamMeasure.COST_PER_PERSON,
          TeamMeasure.MEAN_FRAILTY_ON_CASELOAD,
          TeamMeasure.UTILISATION);

  /**
   * Works out what is withheld from an appraisal at this threshold (counts from 1 to threshold - 1
   * are withheld) and marks it on each of its results, so that every reader of them sees withheld
   * figures as {@link Summary#WITHHELD}.
   */
  public static void apply(AppraisalResult appraisal, int threshold, boolean rounds) {
    Map<ExperimentResult, Boolean> done = new IdentityHashMap<>();
    List<ExperimentResult> arms = new ArrayList<>();
    arms.add(appraisal.statusQuo());
    for (ComparisonResult c : appraisal.options()) {
      arms.add(c.statusQuo());
      arms.add(c.option());
    }
    for (ExperimentResult arm : arms) {
      if (done.put(arm, Boolean.TRUE) == null) {
        arm.withhold(of(arm, threshold, rounds));
      }
    }
    for (ComparisonResult c : appraisal.options()) {
      Summary holders = c.cohortUnmasked(Cohort.Figures::holders);
      c.withholdCohort(!(holders.mean() >= threshold));
      // Blocks summarised before the threshold was known are summarised again, protected.
      c.protect(threshold, rounds);
    }
  }

  /** What is withheld of one arm. */
  static Withheld of(ExperimentResult arm, int threshold, boolean rounds) {
    CompiledScenario compiled = arm.compiled();
    int segments = compiled.segments().size();
    int groups = segments + 1;
    int months = compiled.calendar().monthCount();
    int years = arm.financialYears().size();
    int services = compiled.services().size();
    Measure[] measures = Measure.values();
    int reps = arm.replications().size();
    Withheld w = new Withheld(threshold, rounds, groups, services);
    SmallNumbers cells = new SmallNumbers(threshold);

    // Cells, numbered in blocks: monthly metrics, annual metrics, team counts.
    int[][][] monthly = new int[months][groups][measures.length];
    int[][][] annual = new int[years][groups][measures.length];
    for (int m = 0; m < months; m++) {
      double[][] mean = new double[groups][measures.length];
      for (int r = 0; r < reps; r++) {
        MonthlyMetrics mm = arm.replications().get(r).metrics();
        for (int g = 0; g < groups; g++) {
          for (Measure k : measures) {
            mean[g][k.ordinal()] += ExperimentResult.value(mm, m, g - 1, k);
          }
        }
      }
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          monthly[m][g][k.ordinal()] = cells.cell(mean[g][k.ordinal()] / reps, true);
        }
      }
    }
    for (int y = 0; y < years; y++) {
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          double sum = 0;
          for (int r = 0; r < reps; r++) {
            sum += arm.annualValue(arm.replications().get(r).metrics(), y, g - 1, k);
          }
          annual[y][g][k.ordinal()] = cells.cell(sum / reps, true);
        }
      }
    }
    List<Integer> teamIds = new ArrayList<>();
    for (int s = 0; s < services; s++) {
      if (compiled.services().kind(s) == ServiceKind.COMMUNITY) {
        teamIds.add(s);
      }
    }
    int[][][] team = new int[months][services][TeamMeasure.values().length];
    for (int m = 0; m < months; m++) {
      for (int t : teamIds) {
        for (TeamMeasure k : TEAM_COUNTS) {
          double sum = 0;
          for (int r = 0; r < reps; r++) {
            sum += teamMetrics(arm, r).get(m, t, k);
          }
          team[m][t][k.ordinal()] = cells.cell(sum / reps, true);
        }
      }
    }

    // Groups: segments and their total; months and their year; a team and its segments.
    int[] parts = new int[groups];
    for (int m = 0; m < months; m++) {
      for (Measure k : measures) {
        for (int g = 0; g < groups; g++) {
          parts[g] = monthly[m][g][k.ordinal()];
        }
        cells.sum(parts[0], java.util.Arrays.copyOfRange(parts, 1, groups));
      }
    }
    for (int y = 0; y < years; y++) {
      for (Measure k : measures) {
        for (int g = 0; g < groups; g++) {
          parts[g] = annual[y][g][k.ordinal()];
        }
        cells.sum(parts[0], java.util.Arrays.copyOfRange(parts, 1, groups));
      }
    }
    for (int y = 0; y < years; y++) {
      int[] inYear = arm.monthsOfYear(y);
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          if (inYear.length == 0) {
            continue;
          }
          if (k.kind() == Measure.Kind.STOCK) {
            cells.sum(
                annual[y][g][k.ordinal()], monthly[inYear[inYear.length - 1]][g][k.ordinal()]);
          } else {
            int[] group = new int[inYear.length];
            for (int i = 0; i < inYear.length; i++) {
              group[i] = monthly[inYear[i]][g][k.ordinal()];
            }
            cells.sum(annual[y][g][k.ordinal()], group);
          }
        }
      }
    }
    for (int t : teamIds) {
      List<Integer> served = new ArrayList<>();
      for (int g = 0; g < segments; g++) {
        if (compiled.segments().team(g) == t) {
          served.add(g);
        }
      }
      for (int m = 0; m < months; m++) {
        for (Tied tied : TIED) {
          int[] group = new int[served.size()];
          for (int i = 0; i < served.size(); i++) {
            group[i] = monthly[m][served.get(i) + 1][tied.segment().ordinal()];
          }
          cells.sum(team[m][t][tied.team().ordinal()], group);
        }
      }
    }

    // Money: each line and each position's total, per month, per year and over the horizon.
    // A line tied to its count (a 2-cell group: price x count); a position's total and its lines;
    // a year and its months; the horizon and its years.
    int[][] money = new int[months][MONEY_COLUMNS];
    int[][] moneyYear = new int[years][MONEY_COLUMNS];
    int[] moneyHorizon = new int[MONEY_COLUMNS];
    double[][] mean = new double[months][MONEY_COLUMNS];
    for (int r = 0; r < reps; r++) {
      phbsim.money.CashFlow c = arm.replications().get(r).cashFlow();
      for (int m = 0; m < months; m++) {
        for (phbsim.money.LedgerLine line : LINES) {
          mean[m][line.ordinal()] += c.amount(m, line) / 100.0 / reps;
        }
        for (Position p : Position.values()) {
          mean[m][LINES.length + p.ordinal()] += ComparisonResult.sum(c, m, p) / 100.0 / reps;
        }
      }
    }
    double[] horizonMean = new double[MONEY_COLUMNS];
    for (int y = 0; y < years; y++) {
      for (int k = 0; k < MONEY_COLUMNS; k++) {
        double sum = 0;
        for (int m : arm.monthsOfYear(y)) {
          sum += mean[m][k];
        }
        moneyYear[y][k] = cells.cell(sum, false, sign(k, sum));
        horizonMean[k] += sum;
      }
    }
    for (int k = 0; k < MONEY_COLUMNS; k++) {
      moneyHorizon[k] = cells.cell(horizonMean[k], false, sign(k, horizonMean[k]));
    }
    for (int m = 0; m < months; m++) {
      for (int k = 0; k < MONEY_COLUMNS; k++) {
        money[m][k] = cells.cell(mean[m][k], false, sign(k, mean[m][k]));
      }
    }
    java.util.function.Consumer<int[]> byPosition =
        row -> {
          for (Position p : Position.values()) {
            List<Integer> g = new ArrayList<>();
            for (phbsim.money.LedgerLine line : LINES) {
              if (p == Position.ECONOMIC || line.cash()) {
                g.add(row[line.ordinal()]);
              }
            }
            cells.sum(
                row[LINES.length + p.ordinal()], g.stream().mapToInt(Integer::intValue).toArray());
          }
        };
    // A line that is a price times a count: line = price x count, the price each month's line over
    // its count (the reader knows it from the scenario; where the line is not one price times the
    // count, this is more than the reader knows, so the audit is the stricter for it). A month
    // with no count takes the price of another month of the line.
    int all = ExperimentResult.ALL_SEGMENTS + 1;
    for (phbsim.money.LedgerLine line : LINES) {
      Measure count = countOf(line);
      if (count == null) {
        continue;
      }
      double[] count1 = new double[months];
      double fallback = Double.NaN;
      for (int m = 0; m < months; m++) {
        count1[m] = cells.value(monthly[m][all][count.ordinal()]);
        if (Double.isNaN(fallback) && count1[m] != 0) {
          fallback = mean[m][line.ordinal()] / count1[m];
        }
      }
      for (int m = 0; m < months; m++) {
        double price = count1[m] != 0 ? mean[m][line.ordinal()] / count1[m] : fallback;
        price(
            cells, money[m][line.ordinal()], monthly[m][all][count.ordinal()], tied(price, rounds));
      }
      for (int y = 0; y < years; y++) {
        int annualCount = annual[y][all][count.ordinal()];
        double n = cells.value(annualCount);
        double price =
            count.kind() == Measure.Kind.STOCK
                ? Double.NaN
                : n != 0 ? cells.value(moneyYear[y][line.ordinal()]) / n : fallback;
        price(cells, moneyYear[y][line.ordinal()], annualCount, tied(price, rounds));
      }
    }
    for (int m = 0; m < months; m++) {
      byPosition.accept(money[m]);
    }
    for (int y = 0; y < years; y++) {
      byPosition.accept(moneyYear[y]);
      int[] inYear = arm.monthsOfYear(y);
      for (int k = 0; k < MONEY_COLUMNS; k++) {
        int[] months1 = new int[inYear.length];
        for (int i = 0; i < inYear.length; i++) {
          months1[i] = money[inYear[i]][k];
        }
        cells.sum(moneyYear[y][k], months1);
      }
    }
    // The infrastructure cost of a month (Infrastructure.Figure.COST) is the sum of its lines.
    int[] infrastructureCost = new int[months];
    for (int m = 0; m < months; m++) {
      double sum = 0;
      List<Integer> g = new ArrayList<>();
      for (phbsim.money.LedgerLine line : LINES) {
        if (line.group() == phbsim.money.LedgerLine.Group.INFRASTRUCTURE) {
          sum += mean[m][line.ordinal()];
          g.add(money[m][line.ordinal()]);
        }
      }
      infrastructureCost[m] = cells.cell(sum, false, 1);
      cells.sum(infrastructureCost[m], g.stream().mapToInt(Integer::intValue).toArray());
    }
    byPosition.accept(moneyHorizon);
    for (int k = 0; k < MONEY_COLUMNS; k++) {
      int[] years1 = new int[years];
      for (int y = 0; y < years; y++) {
        years1[y] = moneyYear[y][k];
      }
      cells.sum(moneyHorizon[k], years1);
    }

    BitSet out = cells.solve();
    for (int m = 0; m < months; m++) {
      if (out.get(infrastructureCost[m])) {
        w.infrastructureCost.set(m);
      }
    }
    for (int m = 0; m < months; m++) {
      for (int k = 0; k < MONEY_COLUMNS; k++) {
        if (out.get(money[m][k])) {
          w.moneyMonthly.set(Withheld.moneyIndex(m, k));
          if (k >= LINES.length) {
            w.firstTotalWithheld = Math.min(w.firstTotalWithheld, m);
          }
        }
      }
    }
    for (int y = 0; y < years; y++) {
      for (int k = 0; k < MONEY_COLUMNS; k++) {
        if (out.get(moneyYear[y][k])) {
          w.moneyAnnual.set(Withheld.moneyIndex(y, k));
          if (k >= LINES.length) {
            int[] inYear = arm.monthsOfYear(y);
            w.firstTotalWithheld =
                Math.min(w.firstTotalWithheld, inYear.length == 0 ? 0 : inYear[0]);
          }
        }
      }
    }
    for (int k = 0; k < MONEY_COLUMNS; k++) {
      if (out.get(moneyHorizon[k])) {
        w.moneyHorizon.set(k);
        if (k >= LINES.length) {
          w.firstTotalWithheld = Math.min(w.firstTotalWithheld, 0);
        }
      }
    }
    for (int m = 0; m < months; m++) {
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          if (out.get(monthly[m][g][k.ordinal()])) {
            w.monthly.set(w.metricIndex(m, g - 1, k));
          }
        }
      }
      // The days from offer to plan are a mean over the month's plans: too few plans, withheld.
      double plans = 0;
      for (int r = 0; r < reps; r++) {
        plans += arm.replications().get(r).metrics().total(m, Measure.PLANS_SIGNED_OFF);
      }
      plans /= reps;
      if (plans > 0 && plans < threshold) {
        w.plansFew.set(m);
      }
    }
    for (int y = 0; y < years; y++) {
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          if (out.get(annual[y][g][k.ordinal()])) {
            w.annual.set(w.metricIndex(y, g - 1, k));
          }
        }
      }
    }
    for (int m = 0; m < months; m++) {
      for (int t : teamIds) {
        for (TeamMeasure k : TEAM_COUNTS) {
          if (out.get(team[m][t][k.ordinal()])) {
            w.teams.set(w.teamIndex(m, t, k));
          }
        }
        if (w.teams.get(w.teamIndex(m, t, TeamMeasure.CASELOAD))) {
          for (TeamMeasure k : OVER_CASELOAD) {
            w.teams.set(w.teamIndex(m, t, k));
          }
        }
        // Waits describe the people given a place in the month: withheld with the waiting list,
        // or when the team's segments gave places to fewer people than the threshold.
        double placed = 0;
        boolean placedWithheld = false;
        for (int g = 0; g < segments; g++) {
          if (compiled.segments().team(g) == t) {
            placedWithheld |=
                out.get(monthly[m][g + 1][Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST.ordinal()]);
            for (int r = 0; r < reps; r++) {
              placed +=
                  arm.replications()
                      .get(r)
                      .metrics()
                      .get(m, g, Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST);
            }
          }
        }
        placed /= reps;
        if (placedWithheld
            || (placed > 0 && placed < threshold)
            || w.teams.get(w.teamIndex(m, t, TeamMeasure.WAITING_LIST))) {
          w.teams.set(w.teamIndex(m, t, TeamMeasure.WAIT_MEDIAN_DAYS));
          w.teams.set(w.teamIndex(m, t, TeamMeasure.WAIT_P90_DAYS));
        }
      }
    }
    // Double running, after the teams' counts it is judged by.
    for (int m = 0; m < months; m++) {
      boolean dr = w.monthly(m, ExperimentResult.ALL_SEGMENTS, Measure.BUDGET_HOLDERS);
      for (phbsim.money.LedgerLine line : LINES) {
        dr |= countOf(line) == Measure.BUDGET_DAYS && w.money(m, line);
      }
      for (int t : teamIds) {
        dr |= w.team(m, t, TeamMeasure.FREED_PLACES);
      }
      if (dr) {
        w.doubleRunning.set(m);
      }
    }
    return w;
  }

  /** The lines that are money coming back or a saving: never above 0. */
  private static final java.util.Set<phbsim.money.LedgerLine> CREDITS =
      java.util.EnumSet.of(
          phbsim.money.LedgerLine.POSTS_RELEASED,
          phbsim.money.LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED,
          phbsim.money.LedgerLine.COMMUNITY_PLACES_EMPTY);

  /**
   * The sign the reader knows of a money column: a payment line is never below 0, a credit never
   * above (a line whose figure says otherwise is given no sign: the audit assumes nothing false); a
   * position's total may be either.
   */
  private static int sign(int column, double value) {
    if (column >= LINES.length) {
      return 0;
    }
    boolean credit = CREDITS.contains(LINES[column]);
    return credit ? (value <= 0 ? -1 : 0) : (value >= 0 ? 1 : 0);
  }

  /**
   * The price a line is tied to its count by, or NaN (tied as a group only) under the NHS rounding
   * policy: there a published line is the price times the published rounded count, so it tells the
   * reader nothing the rounded count does not, and an equation with the true count would hold for
   * none of the published figures (the audit would withhold every priced line to no purpose).
   */
  private static double tied(double price, boolean rounds) {
    return rounds ? Double.NaN : price;
  }

  /** {@code line = price x count}, as an identity (kept as a group if the price is not known). */
  private static void price(SmallNumbers cells, int line, int count, double price) {
    if (Double.isNaN(price) || Double.isInfinite(price)) {
      cells.group(line, count);
    } else {
      cells.identity(new int[] {line, count}, new double[] {1, -price});
    }
  }

  private static TeamMetrics teamMetrics(ExperimentResult arm, int r) {
    return arm.replications().get(r).teams();
  }
}
