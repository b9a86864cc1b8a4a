package phbsim.report;

import java.io.Serializable;
import java.util.List;
import phbsim.money.CashFlow;
import phbsim.money.Discounting;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.observe.TeamMeasure;
import phbsim.observe.TeamMetrics;

/**
 * The summaries behind an option's tables, for the option, the status quo and their paired
 * difference: per month and per financial year, every ledger line and position of the cash flow and
 * every measure of each segment and of all segments; per month, double running, the cumulative
 * saving, every team measure and the infrastructure of budgets; and over the whole horizon, each
 * line's total, the NPV, double running and the share of replications breaking even. What is left
 * to read from the replications themselves is the cohort view and the replications needed for a
 * precision.
 *
 * <p>They come in blocks: one kind of figure for one month or year. One replication gives a block's
 * values all at once ({@link #values}); the block's summaries are those values summarised column by
 * column, in replication order ({@link #summarise}). A comparison computes a block from its own
 * replications the first time it is asked for one; a distributed job (the spark module) computes
 * every block on its executors, where the replications are, and hands the summaries to the
 * comparison instead. Both run this code on the same values in the same order, so the summaries are
 * the same to the last bit, and so are the tables written from them.
 */
public final class ComparisonTables {
  private ComparisonTables() {}

  /** What a block holds. */
  public enum Kind {
    /**
     * Money in one month: [arm][each ledger line, each position's total, double running, each
     * position's total since the start], in pounds; for the difference arm the last is the
     * cumulative saving.
     */
    CASH_MONTH,
    /** Money in one financial year, as CASH_MONTH. */
    CASH_YEAR,
    /** Measures in one month: [arm][segment + 1][measure]. */
    MEASURES_MONTH,
    /** Measures in one financial year (ExperimentResult.annual's rule), as MEASURES_MONTH. */
    MEASURES_YEAR,
    /** Team measures in one month: [arm][team][team measure]. */
    TEAMS_MONTH,
    /** The infrastructure of budgets in one month: [arm][Infrastructure.Figure]. */
    INFRASTRUCTURE_MONTH,
    /**
     * The whole horizon (one period, 0): [arm][each ledger line, then the {@link Horizon} figures],
     * money in pounds.
     */
    HORIZON
  }

  /** The figures over the whole horizon after the ledger lines, in this order. */
  public enum Horizon {
    /** Each position's total. */
    TOTAL,
    /** Each position's net present value (of the saving, for the difference). */
    NPV,
    /** Double running, one column. */
    DOUBLE_RUNNING,
    /** Months with double running, one column. */
    DOUBLE_RUNNING_MONTHS,
    /**
     * For each position, 1 if the replication's cumulative saving breaks even within the horizon,
     * else 0 (the difference only: undefined for an arm on its own), so that the mean is the share
     * breaking even.
     */
    BREAKS_EVEN;

    /** How many columns: one for each position, or one. */
    int columns() {
      return this == DOUBLE_RUNNING || this == DOUBLE_RUNNING_MONTHS ? 1 : POSITIONS.length;
    }

    /** The first column after the ledger lines. */
    int offset() {
      int at = 0;
      for (Horizon h : values()) {
        if (h == this) {
          return at;
        }
        at += h.columns();
      }
      throw new AssertionError(this);
    }
  }

  /** One kind of figure for one month or financial year (an index into the comparison's). */
  public record Block(Kind kind, int period) implements Serializable {
    private static final long serialVersionUID = 1L;
  }

  /**
   * What a task needs to know of a comparison to lay out a block: its months, the months of each
   * financial year, its segments and its community teams (as service numbers).
   */
  public record Shape(
      int months, int[][] monthsOfYear, int segments, int[] teams, double discountRate)
      implements Serializable {
    private static final long serialVersionUID = 1L;

    /** The shape of the comparison of the option {@code option} with its status quo. */
    public static Shape of(phbsim.world.CompiledScenario option) {
      var cal = option.calendar();
      return new Shape(
          cal.monthCount(),
          ExperimentResult.monthsOfYear(cal),
          option.segments().size(),
          communityTeams(option.services()),
          ComparisonResult.discountRate(option));
    }

    private static int[] communityTeams(phbsim.service.ServiceNetwork services) {
      return java.util.stream.IntStream.range(0, services.size())
          .filter(s -> services.kind(s) == phbsim.scenario.ServiceKind.COMMUNITY)
          .toArray();
    }

    /** Every block of the comparison, months before years, money before measures and teams. */
    public List<Block> blocks() {
      List<Block> all = new java.util.ArrayList<>();
      for (Kind k : Kind.values()) {
        int periods =
            k == Kind.HORIZON
                ? 1
                : k == Kind.CASH_YEAR || k == Kind.MEASURES_YEAR ? monthsOfYear.length : months;
        for (int p = 0; p < periods; p++) {
          all.add(new Block(k, p));
        }
      }
      return all;
    }

    /** The number of raw figures one arm gives a block ({@link ComparisonTables#raw}). */
    public int rawWidth(Kind kind) {
      return kind == Kind.HORIZON
          ? LEDGER_LINES.length + POSITIONS.length * months + 2
          : width(kind);
    }

    /**
     * Whether another comparison lays out its blocks as this one (its arms' raw figures are the
     * same), whatever its discount rate.
     */
    public boolean sameLayout(Shape other) {
      return months == other.months
          && segments == other.segments
          && java.util.Arrays.deepEquals(monthsOfYear, other.monthsOfYear)
          && java.util.Arrays.equals(teams, other.teams);
    }

    /** The number of values a block has, for each arm. */
    int width(Kind kind) {
      return switch (kind) {
        case CASH_MONTH, CASH_YEAR -> LEDGER_LINES.length + 2 * POSITIONS.length + 1;
        case MEASURES_MONTH, MEASURES_YEAR -> (segments + 1) * MEASURES.length;
        case TEAMS_MONTH -> teams.length * TEAM_MEASURES.length;
        case INFRASTRUCTURE_MONTH -> FIGURES.length;
        case HORIZON -> LEDGER_LINES.length + HORIZON_COLUMNS;
      };
    }
  }

  /** The number of summaries in a block of the kind: every column of every arm. */
  static int columns(Shape shape, Kind kind) {
    return ARMS.length * shape.width(kind);
  }

  private static final LedgerLine[] LEDGER_LINES = LedgerLine.values();
  private static final Position[] POSITIONS = Position.values();
  private static final Measure[] MEASURES = Measure.values();
  private static final TeamMeasure[] TEAM_MEASURES = TeamMeasure.values();
  private static final Arm[] ARMS = Arm.values();
  private static final Infrastructure.Figure[] FIGURES = Infrastructure.Figure.values();
  private static final int HORIZON_COLUMNS =
      java.util.Arrays.stream(Horizon.values()).mapToInt(Horizon::columns).sum();

  /** The first money column after the ledger lines and positions: double running. */
  private static final int DOUBLE_RUNNING = LEDGER_LINES.length + POSITIONS.length;

  /** Where a position's summary is in a money block's arm. */
  static int column(Arm arm, Shape shape, Position position) {
    return arm.ordinal() * shape.width(Kind.CASH_MONTH) + LEDGER_LINES.length + position.ordinal();
  }

  /** Where double running's summary is in a money block's arm. */
  static int doubleRunningColumn(Arm arm, Shape shape) {
    return arm.ordinal() * shape.width(Kind.CASH_MONTH) + DOUBLE_RUNNING;
  }

  /**
   * Where a position's total since the start of the horizon (to the end of the block's month or
   * year) is in a money block's arm: the cumulative saving for the difference.
   */
  static int cumulativeColumn(Arm arm, Shape shape, Position position) {
    return arm.ordinal() * shape.width(Kind.CASH_MONTH) + DOUBLE_RUNNING + 1 + position.ordinal();
  }

  /** Where a ledger line's summary is in a money block's or the horizon block's arm. */
  static int column(Arm arm, Shape shape, LedgerLine line, Kind kind) {
    return arm.ordinal() * shape.width(kind) + line.ordinal();
  }

  /**
   * Where a figure over the horizon is in the horizon block's arm ({@code position} null for the
   * figures of one column).
   */
  static int horizonColumn(Arm arm, Shape shape, Horizon figure, Position position) {
    return arm.ordinal() * shape.width(Kind.HORIZON)
        + LEDGER_LINES.length
        + figure.offset()
        + (figure.columns() == 1 ? 0 : position.ordinal());
  }

  /** Where an infrastructure figure's summary is in an infrastructure block. */
  static int column(Arm arm, Shape shape, Infrastructure.Figure figure) {
    return arm.ordinal() * shape.width(Kind.INFRASTRUCTURE_MONTH) + figure.ordinal();
  }

  /** Where a measure's summary is in a measures block (segment -1 for all segments). */
  static int column(Arm arm, Shape shape, int segment, Measure measure) {
    return arm.ordinal() * shape.width(Kind.MEASURES_MONTH)
        + (segment + 1) * MEASURES.length
        + measure.ordinal();
  }

  /** Where a team measure's summary is in a teams block (the team as a service number). */
  static int column(Arm arm, Shape shape, int team, TeamMeasure measure) {
    int t = 0;
    while (t < shape.teams().length && shape.teams()[t] != team) {
      t++;
    }
    if (t == shape.teams().length) {
      throw new IllegalArgumentException("service " + team + " is not a community team");
    }
    return arm.ordinal() * shape.width(Kind.TEAMS_MONTH)
        + t * TEAM_MEASURES.length
        + measure.ordinal();
  }

  /**
   * One replication's values of a block: for each arm (in {@link Arm} order) the option's, the
   * status quo's, or the status quo's minus the option's. Money is summed in pence and given in
   * pounds; a year's measure follows ExperimentResult.annualValue.
   */
  public static double[] values(
      Block block, Shape shape, ReplicationResult option, ReplicationResult statusQuo) {
    return values(block, shape, raw(block, shape, option), raw(block, shape, statusQuo));
  }

  /**
   * What one arm of one replication gives a block, before it is paired with the other arm: money in
   * pence (exact in a double: below 2^53 pence, about 90 trillion pounds), measures as they are. A
   * distributed job ships these, each arm once, and pairs them where the block is summarised
   * ({@link #values(Block, Shape, double[], double[])}).
   */
  public static double[] raw(Block block, Shape shape, ReplicationResult arm) {
    int width = shape.rawWidth(block.kind());
    double[] v = new double[width];
    switch (block.kind()) {
      case CASH_MONTH, CASH_YEAR -> {
        int[] months =
            block.kind() == Kind.CASH_MONTH
                ? new int[] {block.period()}
                : shape.monthsOfYear()[block.period()];
        CashFlow c = arm.cashFlow();
        for (int i = 0; i < DOUBLE_RUNNING; i++) {
          long pence = 0;
          for (int m : months) {
            pence += i < LEDGER_LINES.length ? c.amount(m, LEDGER_LINES[i]) : total(c, m, i);
          }
          v[i] = pence;
        }
        long doubleRunning = 0;
        for (int m : months) {
          doubleRunning += arm.doubleRunning()[m];
        }
        v[DOUBLE_RUNNING] = doubleRunning;
        int last = months.length == 0 ? -1 : months[months.length - 1];
        for (Position p : POSITIONS) {
          long since = 0;
          for (int m = 0; m <= last; m++) {
            since += ComparisonResult.sum(c, m, p);
          }
          v[DOUBLE_RUNNING + 1 + p.ordinal()] = since;
        }
      }
      case MEASURES_MONTH, MEASURES_YEAR -> {
        MonthlyMetrics m = arm.metrics();
        int i = 0;
        for (int g = -1; g < shape.segments(); g++) {
          for (Measure k : MEASURES) {
            v[i++] = measure(block, shape, m, g, k);
          }
        }
      }
      case INFRASTRUCTURE_MONTH -> {
        for (Infrastructure.Figure f : FIGURES) {
          v[f.ordinal()] = Infrastructure.value(f, arm, block.period());
        }
      }
      case TEAMS_MONTH -> {
        TeamMetrics t = arm.teams();
        int i = 0;
        for (int team : shape.teams()) {
          for (TeamMeasure k : TEAM_MEASURES) {
            v[i++] = t.get(block.period(), team, k);
          }
        }
      }
      case HORIZON -> {
        // Each line's total, each position's monthly totals, double running and its months.
        CashFlow c = arm.cashFlow();
        int months = shape.months();
        for (LedgerLine line : LEDGER_LINES) {
          long pence = 0;
          for (int m = 0; m < months; m++) {
            pence += c.amount(m, line);
          }
          v[line.ordinal()] = pence;
        }
        for (Position p : POSITIONS) {
          for (int m = 0; m < months; m++) {
            v[LEDGER_LINES.length + p.ordinal() * months + m] = ComparisonResult.sum(c, m, p);
          }
        }
        long doubleRunning = 0;
        int withDoubleRunning = 0;
        for (int m = 0; m < months; m++) {
          doubleRunning += arm.doubleRunning()[m];
          withDoubleRunning += arm.doubleRunning()[m] > 0 ? 1 : 0;
        }
        v[width - 2] = doubleRunning;
        v[width - 1] = withDoubleRunning;
      }
    }
    return v;
  }

  /**
   * A block's values from the raw figures of the option and its status quo in one replication (as
   * {@link #raw} gives them): the option's, the status quo's and the difference, in {@link Arm}
   * order.
   */
  public static double[] values(Block block, Shape shape, double[] option, double[] statusQuo) {
    int width = shape.width(block.kind());
    double[] v = new double[ARMS.length * width];
    switch (block.kind()) {
      case CASH_MONTH, CASH_YEAR -> {
        for (int i = 0; i < width; i++) {
          set(v, width, i, (long) option[i], (long) statusQuo[i]);
        }
      }
      case HORIZON -> horizon(v, shape, width, option, statusQuo);
      default -> {
        int o = Arm.OPTION.ordinal() * width;
        int s = Arm.STATUS_QUO.ordinal() * width;
        int d = Arm.DIFFERENCE.ordinal() * width;
        for (int i = 0; i < width; i++) {
          // A figure undefined in one arm (a wait centile in a month when nobody got a place) is
          // left out of both arms and their difference in this replication, so that all three are
          // taken over the same replications and the difference of the means is the mean
          // difference.
          boolean both = !Double.isNaN(option[i]) && !Double.isNaN(statusQuo[i]);
          v[o + i] = both ? option[i] : Double.NaN;
          v[s + i] = both ? statusQuo[i] : Double.NaN;
          v[d + i] = statusQuo[i] - option[i];
        }
      }
    }
    return v;
  }

  /** The horizon block's values (Kind.HORIZON) from the two arms' raw figures. */
  private static void horizon(
      double[] v, Shape shape, int width, double[] option, double[] statusQuo) {
    int months = shape.months();
    for (LedgerLine line : LEDGER_LINES) {
      set(
          v,
          width,
          line.ordinal(),
          (long) option[line.ordinal()],
          (long) statusQuo[line.ordinal()]);
    }
    int[][] years = shape.monthsOfYear();
    for (Position p : POSITIONS) {
      int from = LEDGER_LINES.length + p.ordinal() * months;
      long[] annualA = new long[years.length];
      long[] annualB = new long[years.length];
      long[] annualSaving = new long[years.length];
      for (int y = 0; y < years.length; y++) {
        for (int m : years[y]) {
          long pa = (long) option[from + m];
          long pb = (long) statusQuo[from + m];
          annualA[y] += pa;
          annualB[y] += pb;
          annualSaving[y] += pb - pa;
        }
      }
      long ta = 0;
      long tb = 0;
      double[] path = new double[months];
      long running = 0;
      for (int m = 0; m < months; m++) {
        long pa = (long) option[from + m];
        long pb = (long) statusQuo[from + m];
        ta += pa;
        tb += pb;
        running += pb - pa;
        path[m] = running;
      }
      set(v, width, LEDGER_LINES.length + Horizon.TOTAL.offset() + p.ordinal(), ta, tb);
      int npv = LEDGER_LINES.length + Horizon.NPV.offset() + p.ordinal();
      double rate = shape.discountRate();
      v[Arm.OPTION.ordinal() * width + npv] = Discounting.presentValue(annualA, rate) / 100.0;
      v[Arm.STATUS_QUO.ordinal() * width + npv] = Discounting.presentValue(annualB, rate) / 100.0;
      v[Arm.DIFFERENCE.ordinal() * width + npv] =
          Discounting.presentValue(annualSaving, rate) / 100.0;
      int even = LEDGER_LINES.length + Horizon.BREAKS_EVEN.offset() + p.ordinal();
      v[Arm.OPTION.ordinal() * width + even] = Double.NaN;
      v[Arm.STATUS_QUO.ordinal() * width + even] = Double.NaN;
      v[Arm.DIFFERENCE.ordinal() * width + even] =
          ComparisonResult.breakEven(path).isPresent() ? 1 : 0;
    }
    int rawWidth = option.length;
    set(
        v,
        width,
        LEDGER_LINES.length + Horizon.DOUBLE_RUNNING.offset(),
        (long) option[rawWidth - 2],
        (long) statusQuo[rawWidth - 2]);
    int count = LEDGER_LINES.length + Horizon.DOUBLE_RUNNING_MONTHS.offset();
    v[Arm.OPTION.ordinal() * width + count] = option[rawWidth - 1];
    v[Arm.STATUS_QUO.ordinal() * width + count] = statusQuo[rawWidth - 1];
    v[Arm.DIFFERENCE.ordinal() * width + count] = statusQuo[rawWidth - 1] - option[rawWidth - 1];
  }

  /** Sets column i of every arm from pence: the option's, the status quo's, and the difference. */
  private static void set(double[] v, int width, int i, long option, long statusQuo) {
    v[Arm.OPTION.ordinal() * width + i] = option / 100.0;
    v[Arm.STATUS_QUO.ordinal() * width + i] = statusQuo / 100.0;
    v[Arm.DIFFERENCE.ordinal() * width + i] = (statusQuo - option) / 100.0;
  }

  /** Pence of a position (the i-th column after the ledger lines) in month m. */
  private static long total(CashFlow c, int m, int i) {
    return ComparisonResult.sum(c, m, POSITIONS[i - LEDGER_LINES.length]);
  }

  private static double measure(
      Block block, Shape shape, MonthlyMetrics m, int segment, Measure measure) {
    return block.kind() == Kind.MEASURES_MONTH
        ? ExperimentResult.value(m, block.period(), segment, measure)
        : ExperimentResult.annualValue(m, shape.monthsOfYear()[block.period()], segment, measure);
  }

  /**
   * A block's summaries from its values, one array per replication in replication order: each
   * column summarised over the replications in which it is defined (a team measure of an empty
   * caseload is not; {@link #values} leaves such a replication out of both arms and their
   * difference alike), its intervals kept within the range the figure can take ({@link #range}).
   */
  public static Summary[] summarise(Block block, Shape shape, List<double[]> inReplicationOrder) {
    return summarise(block, shape, inReplicationOrder, 0);
  }

  /**
   * As {@link #summarise(Block, Shape, List)}, protecting the intervals at threshold {@code below}
   * (Summary.protectedOf) when the run is person-level.
   */
  public static Summary[] summarise(
      Block block, Shape shape, List<double[]> inReplicationOrder, int below) {
    int n = inReplicationOrder.size();
    int columns = inReplicationOrder.get(0).length;
    int width = shape.width(block.kind());
    Summary[] out = new Summary[columns];
    double[] column = new double[n];
    for (int c = 0; c < columns; c++) {
      for (int r = 0; r < n; r++) {
        column[r] = inReplicationOrder.get(r)[c];
      }
      double[] range = range(block.kind(), shape, ARMS[c / width], c % width);
      out[c] = Summary.protectedOf(column, below).within(range[0], range[1]);
    }
    return out;
  }

  private static final double[] ANY = {Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY};
  private static final double[] NON_NEGATIVE = {0, Double.POSITIVE_INFINITY};
  private static final double[] SHARE = {0, 1};

  /**
   * The range a figure can take, [low, high], for the column {@code i} of an arm of a block: an
   * arm's activity measure, team measure or infrastructure figure is a count, a number of days, a
   * ratio of counts or a payment and cannot be below 0, and whether a team is below its minimum
   * size is 0 or 1; the share of replications breaking even is within 0 and 1. A difference between
   * the arms can take either sign; money lines keep the sign the ledger gives them.
   */
  static double[] range(Kind kind, Shape shape, Arm arm, int i) {
    switch (kind) {
      case MEASURES_MONTH, MEASURES_YEAR, INFRASTRUCTURE_MONTH -> {
        return arm == Arm.DIFFERENCE ? ANY : NON_NEGATIVE;
      }
      case TEAMS_MONTH -> {
        if (arm == Arm.DIFFERENCE) {
          return ANY;
        }
        TeamMeasure measure = TEAM_MEASURES[i % TEAM_MEASURES.length];
        return measure == TeamMeasure.BELOW_MINIMUM_VIABLE_SIZE
                || measure == TeamMeasure.DOUBLE_RUNNING_CAPPED
            ? SHARE
            : NON_NEGATIVE;
      }
      case HORIZON -> {
        int at = i - LEDGER_LINES.length;
        if (at >= Horizon.BREAKS_EVEN.offset()
            && at < Horizon.BREAKS_EVEN.offset() + Horizon.BREAKS_EVEN.columns()) {
          return SHARE;
        }
        if (at == Horizon.DOUBLE_RUNNING_MONTHS.offset() && arm != Arm.DIFFERENCE) {
          return NON_NEGATIVE;
        }
        return ANY;
      }
      default -> {
        return ANY;
      }
    }
  }
}
