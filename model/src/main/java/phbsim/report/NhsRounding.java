package phbsim.report;

import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.observe.TeamMeasure;

/**
 * The NHS convention as a disclosure policy beside cell suppression (issue 21, item 4;
 * docs/model.md section 2.4), chosen by {@code startingPopulation.disclosure: nhs-rounding}: counts
 * from 1 to 7 are withheld and every other count is published rounded to the nearest 5, as NHS
 * England and NHS Digital publish HES and MHSDS figures; money that is a unit price or allocation
 * times a count is published as that price times the rounded count, so that dividing it by the
 * price gives the rounded count back, never the count.
 *
 * <p>How it is built, and why it is safe. The withholding is the cell-suppression policy's
 * (Disclosure, SmallNumbers with its self-audit) at a threshold of {@link #THRESHOLD} at least, run
 * on the unrounded figures; rounding is then applied to what is published. Every figure published
 * under rounding is a function of what cell suppression at the same threshold publishes (a rounded
 * count of the count; a derived line of its count and the price; a total of the unrounded total and
 * the published lines' adjustments), so a reader learns nothing from the rounded tables that the
 * suppressed tables at that threshold would not tell them, which AttackerAuditTest checks.
 *
 * <ul>
 *   <li><b>Counts</b> (every activity measure by segment, month and year, of each arm and of the
 *       difference; the teams' caseloads, waiting lists and freed places; active budgets and people
 *       in planning) are rounded one by one, each to the nearest 5 (halves away from zero): a total
 *       is rounded from its own unrounded value, independently of its rounded parts, as the NHS
 *       does, so the parts of a table need not add up to its total.
 *   <li><b>Money</b>: a ledger line that is a price times a count ({@link Disclosure#countOf}),
 *       when published, is multiplied by the rounded count over the count, in each month and arm;
 *       the totals that contain it (a position's, the infrastructure cost, a year, the horizon, the
 *       cumulative saving and the NPV) are computed from the derived lines (their unrounded value
 *       plus the lines' adjustments), so that the sums of the money tables hold. A withheld line
 *       enters its totals unrounded, exactly as under cell suppression.
 *   <li><b>Intervals</b>: the confidence interval of a rounded or derived figure is withheld (its
 *       ends would give the unrounded mean back); the range of outcomes is withheld on every
 *       person-level run already.
 * </ul>
 *
 * <p>Not rounded: ratios and means (a team's cost per person, utilisation, waits, the days from
 * offer to plan), which are published from unrounded counts as NHS rates are, and protected by the
 * withholding; the cohort view; the areas' comparison per 100,000 (areas_per_100k.csv), which is
 * withheld as under cell suppression.
 */
public final class NhsRounding {
  private NhsRounding() {}

  /** The NHS threshold: counts from 1 to 7 are withheld. */
  public static final int THRESHOLD = 8;

  /** The rounding base: every other count is published to the nearest 5. */
  public static final int BASE = 5;

  /** A count rounded to the nearest 5, halves away from zero (12.5 to 15, -2.5 to -5). */
  public static double round(double count) {
    if (Double.isNaN(count) || Double.isInfinite(count)) {
      return count;
    }
    double r = Math.signum(count) * Math.floor(Math.abs(count) / BASE + 0.5) * BASE;
    return r == 0 ? 0 : r;
  }

  /** A count's summary as published: its mean rounded, its intervals withheld. */
  public static Summary count(Summary s) {
    if (s.withheld() || s.replications() <= 0) {
      return s;
    }
    return published(s, round(s.mean()));
  }

  /**
   * A money figure moved by {@code adjustment} pounds (its lines derived from rounded counts): the
   * mean moved, the intervals withheld; unchanged if nothing moved it.
   */
  public static Summary shifted(Summary s, double adjustment) {
    if (s.withheld() || s.replications() <= 0 || adjustment == 0) {
      return s;
    }
    return published(s, s.mean() + adjustment);
  }

  /** {@code s} published as {@code mean} alone: its intervals withheld (they would undo it). */
  private static Summary published(Summary s, double mean) {
    return new Summary(
        mean, Double.NaN, Double.NaN, Double.NaN, Double.NaN, s.replications(), true, true);
  }

  /**
   * How far a line that is a price times a count moves when derived from the rounded count: {@code
   * money * (round(count) / count - 1)}, so that the line becomes {@code price * round(count)}; 0
   * for a count of 0 (the line is then no money at all) or not a number.
   */
  public static double adjustment(double money, double count) {
    if (!(count > 0) || Double.isNaN(money)) {
      return 0;
    }
    return money * (round(count) / count - 1);
  }

  /** Whether a ledger line of an arm in a month is withheld (then it is not derived). */
  interface LineWithheld {
    boolean test(Arm arm, int month, LedgerLine line);
  }

  /** The unrounded summaries of a block, as the comparison computed or was given them. */
  interface RawBlocks {
    Summary[] of(ComparisonTables.Kind kind, int period);
  }

  private static final LedgerLine[] LINES = LedgerLine.values();
  private static final Position[] POSITIONS = Position.values();
  private static final Measure[] MEASURES = Measure.values();
  private static final TeamMeasure[] TEAM_MEASURES = TeamMeasure.values();

  /** The team measures that count people (rounded); the others are ratios or flags. */
  private static final java.util.Set<TeamMeasure> TEAM_COUNTS =
      java.util.EnumSet.of(
          TeamMeasure.CASELOAD,
          TeamMeasure.WAITING_LIST,
          TeamMeasure.FREED_PLACES,
          TeamMeasure.FREED_PLACES_REFILLED,
          TeamMeasure.FREED_PLACES_EMPTY);

  /**
   * The adjustments of one comparison's money: per arm (option and status quo; the difference is
   * the status quo's minus the option's), month and column of a money block (lines, then
   * positions), in pounds.
   */
  static final class Adjustments {
    private final double[][][] byMonth;

    Adjustments(ComparisonTables.Shape shape, RawBlocks raw, LineWithheld withheld) {
      int months = shape.months();
      int width = LINES.length + POSITIONS.length;
      byMonth = new double[Arm.values().length][months][width];
      for (int m = 0; m < months; m++) {
        Summary[] cash = raw.of(ComparisonTables.Kind.CASH_MONTH, m);
        Summary[] counts = raw.of(ComparisonTables.Kind.MEASURES_MONTH, m);
        for (Arm arm : new Arm[] {Arm.OPTION, Arm.STATUS_QUO}) {
          double[] a = byMonth[arm.ordinal()][m];
          for (LedgerLine line : LINES) {
            Measure k = Disclosure.countOf(line);
            if (k == null || withheld.test(arm, m, line)) {
              continue;
            }
            double money =
                cash[ComparisonTables.column(arm, shape, line, ComparisonTables.Kind.CASH_MONTH)]
                    .mean();
            double count =
                counts[ComparisonTables.column(arm, shape, ExperimentResult.ALL_SEGMENTS, k)]
                    .mean();
            a[line.ordinal()] = adjustment(money, count);
          }
          for (Position p : POSITIONS) {
            double sum = 0;
            for (LedgerLine line : LINES) {
              if (p == Position.ECONOMIC || line.cash()) {
                sum += a[line.ordinal()];
              }
            }
            a[LINES.length + p.ordinal()] = sum;
          }
        }
        double[] d = byMonth[Arm.DIFFERENCE.ordinal()][m];
        for (int k = 0; k < width; k++) {
          d[k] = byMonth[Arm.STATUS_QUO.ordinal()][m][k] - byMonth[Arm.OPTION.ordinal()][m][k];
        }
      }
    }

    /** The adjustment of a column (a line, or LINES.length + a position) summed over months. */
    double over(Arm arm, int[] months, int column) {
      double sum = 0;
      for (int m : months) {
        sum += byMonth[arm.ordinal()][m][column];
      }
      return sum;
    }

    /** The adjustment of a column summed over months 0 to {@code last}. */
    double through(Arm arm, int last, int column) {
      double sum = 0;
      for (int m = 0; m <= last; m++) {
        sum += byMonth[arm.ordinal()][m][column];
      }
      return sum;
    }

    /** The adjustment of the lines {@code lines} picks over the whole horizon. */
    double horizonOf(Arm arm, java.util.function.Predicate<LedgerLine> lines) {
      double sum = 0;
      for (LedgerLine line : LINES) {
        if (lines.test(line)) {
          sum += through(arm, byMonth[arm.ordinal()].length - 1, line.ordinal());
        }
      }
      return sum;
    }
  }

  /** A block as published under rounding, from its unrounded summaries. */
  static Summary[] block(
      ComparisonTables.Block block,
      ComparisonTables.Shape shape,
      Summary[] raw,
      java.util.function.Supplier<Adjustments> adjustments) {
    Summary[] out = raw.clone();
    int width = shape.width(block.kind());
    switch (block.kind()) {
      case MEASURES_MONTH, MEASURES_YEAR -> {
        for (int c = 0; c < out.length; c++) {
          out[c] = count(raw[c]);
        }
      }
      case TEAMS_MONTH -> {
        for (int c = 0; c < out.length; c++) {
          if (TEAM_COUNTS.contains(TEAM_MEASURES[(c % width) % TEAM_MEASURES.length])) {
            out[c] = count(raw[c]);
          }
        }
      }
      case INFRASTRUCTURE_MONTH -> {
        Adjustments a = adjustments.get();
        int[] month = {block.period()};
        for (Arm arm : Arm.values()) {
          double cost = 0;
          for (LedgerLine line : LINES) {
            if (line.group() == LedgerLine.Group.INFRASTRUCTURE) {
              cost += a.over(arm, month, line.ordinal());
            }
          }
          int costAt = ComparisonTables.column(arm, shape, Infrastructure.Figure.COST);
          int budgetsAt = ComparisonTables.column(arm, shape, Infrastructure.Figure.ACTIVE_BUDGETS);
          int perAt =
              ComparisonTables.column(arm, shape, Infrastructure.Figure.COST_PER_ACTIVE_BUDGET);
          int queueAt = ComparisonTables.column(arm, shape, Infrastructure.Figure.PLANNING_QUEUE);
          out[costAt] = shifted(raw[costAt], cost);
          out[budgetsAt] = count(raw[budgetsAt]);
          out[queueAt] = count(raw[queueAt]);
          // The cost per budget from the published cost and budgets, which it would else give
          // back unrounded.
          Summary per = raw[perAt];
          if (per.replications() > 0 && !per.withheld()) {
            double budgets = out[budgetsAt].mean();
            out[perAt] =
                new Summary(
                    budgets > 0 ? out[costAt].mean() / budgets : Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    Double.NaN,
                    per.replications(),
                    true,
                    true);
          }
        }
      }
      case CASH_MONTH, CASH_YEAR -> {
        Adjustments a = adjustments.get();
        int[] months =
            block.kind() == ComparisonTables.Kind.CASH_MONTH
                ? new int[] {block.period()}
                : shape.monthsOfYear()[block.period()];
        int last = months.length == 0 ? -1 : months[months.length - 1];
        for (Arm arm : Arm.values()) {
          for (LedgerLine line : LINES) {
            int at = ComparisonTables.column(arm, shape, line, block.kind());
            out[at] = shifted(raw[at], a.over(arm, months, line.ordinal()));
          }
          for (Position p : POSITIONS) {
            int at = ComparisonTables.column(arm, shape, p);
            out[at] = shifted(raw[at], a.over(arm, months, LINES.length + p.ordinal()));
            int since = ComparisonTables.cumulativeColumn(arm, shape, p);
            out[since] = shifted(raw[since], a.through(arm, last, LINES.length + p.ordinal()));
          }
        }
      }
      case HORIZON -> {
        Adjustments a = adjustments.get();
        int last = shape.months() - 1;
        int[][] years = shape.monthsOfYear();
        for (Arm arm : Arm.values()) {
          for (LedgerLine line : LINES) {
            int at = ComparisonTables.column(arm, shape, line, ComparisonTables.Kind.HORIZON);
            out[at] = shifted(raw[at], a.through(arm, last, line.ordinal()));
          }
          for (Position p : POSITIONS) {
            int column = LINES.length + p.ordinal();
            int at = ComparisonTables.horizonColumn(arm, shape, ComparisonTables.Horizon.TOTAL, p);
            out[at] = shifted(raw[at], a.through(arm, last, column));
            // The NPV is linear in the years' totals: its adjustment is the present value of
            // theirs (Discounting's factors).
            double pv = 0;
            for (int y = 0; y < years.length; y++) {
              pv += a.over(arm, years[y], column) * phbsim.money.Discounting.factor(y, rate(shape));
            }
            int npv = ComparisonTables.horizonColumn(arm, shape, ComparisonTables.Horizon.NPV, p);
            out[npv] = shifted(raw[npv], pv);
          }
        }
      }
    }
    return out;
  }

  private static double rate(ComparisonTables.Shape shape) {
    return shape.discountRate();
  }
}
