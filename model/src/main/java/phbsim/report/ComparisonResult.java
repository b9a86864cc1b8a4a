package phbsim.report;

import java.util.List;
import java.util.OptionalInt;
import phbsim.money.CashFlow;
import phbsim.money.Discounting;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.time.FinancialCalendar;

/**
 * A scenario and its baseline, and the cash-flow figures a finance lead reads from them: every
 * ledger line per month and per financial year for each {@link Arm}, the net saving, the cumulative
 * position, the break-even month, double running and the NPV of the difference.
 *
 * <p>Money is reported in pounds (pence / 100) as means and 95% intervals across replications.
 * Differences are paired: each replication's scenario minus the same replication's baseline, then
 * summarised, so the interval of a difference is much narrower than the intervals of the two arms.
 */
public final class ComparisonResult {
  /*
   * Definitions (MODEL.md sections 5 and 7)
   *
   * - Net saving: baseline minus scenario, summed over the horizon (positive: the scenario
   *   spends less).
   * - Cumulative position in month m: the net saving of months 0..m.
   * - Break-even month of a replication: the first month from which the cumulative position is
   *   at least 0 and stays so to the end of the horizon; none if it ends below 0. The report
   *   gives the break-even month of the mean cumulative path and the share of replications
   *   that break even within the horizon.
   * - Double running in a month: what the commissioner pays at the same time for budgets and
   *   for community capacity those budgets have left empty, i.e. the smaller of (payments on the
   *   budget lines) and (the staffed cost of the teams' vacant caseload slots) in the scenario.
   *   A double-running month is one in which this is above zero.
   * - NPV of the difference: Green Book discounting of each financial year's scenario minus
   *   baseline (see Discounting for the convention).
   */

  private static final List<LedgerLine> BUDGET_LINES =
      List.of(
          LedgerLine.PHB_DIRECT_PAYMENTS,
          LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED,
          LedgerLine.PHB_THIRD_PARTY,
          LedgerLine.PHB_THIRD_PARTY_FEES,
          LedgerLine.PHB_NOTIONAL);

  private final ExperimentResult scenario;
  private final ExperimentResult baseline;
  private final int replications;
  private final int months;
  private final int[][] monthsOfYear;
  private final int years;

  /*
   * Per replication and month, computed once here (every summary reads them, and reporting asks
   * for thousands of summaries): the total pence of each arm, the cumulative paired difference
   * (scenario minus baseline, months 0..m) and the scenario's double running. All are sums of
   * integer pence, so precomputing them changes no bit of any result.
   */
  private final long[][] scenarioTotal;
  private final long[][] baselineTotal;
  private final long[][] cumulativeDifference;
  private final long[][] doubleRunning;

  public ComparisonResult(ExperimentResult scenario, ExperimentResult baseline) {
    if (scenario.replications().size() != baseline.replications().size()) {
      throw new IllegalArgumentException("arms must have the same number of replications");
    }
    this.scenario = scenario;
    this.baseline = baseline;
    this.replications = scenario.replications().size();
    FinancialCalendar cal = scenario.compiled().calendar();
    this.months = cal.monthCount();
    this.years = scenario.financialYears().size();
    int[] yearOfMonth = new int[months];
    for (int m = 0; m < months; m++) {
      yearOfMonth[m] = scenario.financialYears().indexOf(cal.month(m).financialYear());
    }
    this.monthsOfYear = ExperimentResult.monthsOfYear(yearOfMonth, years);
    this.scenarioTotal = new long[replications][months];
    this.baselineTotal = new long[replications][months];
    this.cumulativeDifference = new long[replications][months];
    this.doubleRunning = new long[replications][months];
    for (int r = 0; r < replications; r++) {
      CashFlow a = cash(scenario, r);
      CashFlow b = cash(baseline, r);
      long[] vacant = scenario.replications().get(r).vacantCapacityCost();
      long running = 0;
      for (int m = 0; m < months; m++) {
        scenarioTotal[r][m] = a.total(m);
        baselineTotal[r][m] = b.total(m);
        running += scenarioTotal[r][m] - baselineTotal[r][m];
        cumulativeDifference[r][m] = running;
        long budgets = 0;
        for (LedgerLine l : BUDGET_LINES) {
          budgets += a.amount(m, l);
        }
        doubleRunning[r][m] = Math.max(0, Math.min(budgets, vacant[m]));
      }
    }
  }

  public ExperimentResult scenario() {
    return scenario;
  }

  public ExperimentResult baseline() {
    return baseline;
  }

  /** The discount rate used for NPV, as a fraction (0.035). */
  public double discountRate() {
    return scenario.compiled().scenario().money().discountRatePercent() / 100.0;
  }

  // ------------------------------------------------------------ per month and per year

  /** One ledger line (or, with {@code line == null}, the total) in one month, in pounds. */
  public Summary monthly(Arm arm, int month, LedgerLine line) {
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      v[r] = pounds(monthPence(arm, r, month, line));
    }
    return Summary.of(v);
  }

  /** One ledger line (or the total) in one financial year, in pounds. */
  public Summary annual(Arm arm, int year, LedgerLine line) {
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      v[r] = pounds(yearPence(arm, r, year, line));
    }
    return Summary.of(v);
  }

  /** Scenario minus baseline over the whole horizon, per line or total, in pounds. */
  public Summary horizon(Arm arm, LedgerLine line) {
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      long sum = 0;
      for (int m = 0; m < months; m++) {
        sum += monthPence(arm, r, m, line);
      }
      v[r] = pounds(sum);
    }
    return Summary.of(v);
  }

  /** A monthly measure of one arm, or the paired difference, for a segment or ALL_SEGMENTS. */
  public Summary metricMonthly(Arm arm, int month, int segment, Measure measure) {
    return paired(
        arm,
        replications,
        r -> ExperimentResult.value(metrics(scenario, r), month, segment, measure),
        r -> ExperimentResult.value(metrics(baseline, r), month, segment, measure));
  }

  /** An annual measure of one arm, or the paired difference (see ExperimentResult.annual). */
  public Summary metricAnnual(Arm arm, int year, int segment, Measure measure) {
    return paired(
        arm,
        replications,
        r -> scenario.annualValue(metrics(scenario, r), year, segment, measure),
        r -> baseline.annualValue(metrics(baseline, r), year, segment, measure));
  }

  /**
   * Summarises, over replications, the scenario's value, the baseline's, or the paired difference
   * (scenario minus baseline, replication by replication). Only the arms asked for are read.
   */
  static Summary paired(
      Arm arm,
      int replications,
      java.util.function.IntToDoubleFunction scenarioValue,
      java.util.function.IntToDoubleFunction baselineValue) {
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      double a = arm == Arm.BASELINE ? 0 : scenarioValue.applyAsDouble(r);
      double b = arm == Arm.SCENARIO ? 0 : baselineValue.applyAsDouble(r);
      v[r] = arm == Arm.SCENARIO ? a : arm == Arm.BASELINE ? b : a - b;
    }
    return Summary.of(v);
  }

  /**
   * Every monthly measure of one month at once: element {@code [arm.ordinal()][segment + 1]
   * [measure.ordinal()]} equals {@link #metricMonthly(Arm, int, int, Measure)}, bit for bit. One
   * call per summary reads every replication's metrics once per summary, each read a cache miss
   * when there are thousands of replications; this reads each replication's month once.
   */
  public Summary[][][] metricMonthlyAll(int month) {
    return metricsAll(
        (arm, m, segment, measure) -> ExperimentResult.value(m, month, segment, measure));
  }

  /**
   * Every annual measure of one financial year at once, indexed as in {@link
   * #metricMonthlyAll(int)}; element for element equal to {@link #metricAnnual(Arm, int, int,
   * Measure)}.
   */
  public Summary[][][] metricAnnualAll(int year) {
    return metricsAll((arm, m, segment, measure) -> arm.annualValue(m, year, segment, measure));
  }

  /** A measure's value in one replication of one arm. */
  private interface MetricValue {
    double of(ExperimentResult arm, MonthlyMetrics m, int segment, Measure measure);
  }

  private Summary[][][] metricsAll(MetricValue value) {
    Measure[] measures = Measure.values();
    int groups = metrics(scenario, 0).segments() + 1;
    double[][][] a = new double[groups][measures.length][replications];
    double[][][] b = new double[groups][measures.length][replications];
    for (int r = 0; r < replications; r++) {
      MonthlyMetrics ma = metrics(scenario, r);
      MonthlyMetrics mb = metrics(baseline, r);
      for (int g = 0; g < groups; g++) {
        for (int k = 0; k < measures.length; k++) {
          a[g][k][r] = value.of(scenario, ma, g - 1, measures[k]);
          b[g][k][r] = value.of(baseline, mb, g - 1, measures[k]);
        }
      }
    }
    Summary[][][] all = new Summary[Arm.values().length][groups][measures.length];
    double[] difference = new double[replications];
    for (int g = 0; g < groups; g++) {
      for (int k = 0; k < measures.length; k++) {
        for (int r = 0; r < replications; r++) {
          difference[r] = a[g][k][r] - b[g][k][r];
        }
        all[Arm.SCENARIO.ordinal()][g][k] = Summary.of(a[g][k]);
        all[Arm.BASELINE.ordinal()][g][k] = Summary.of(b[g][k]);
        all[Arm.DIFFERENCE.ordinal()][g][k] = Summary.of(difference);
      }
    }
    return all;
  }

  private static MonthlyMetrics metrics(ExperimentResult arm, int r) {
    return arm.replications().get(r).metrics();
  }

  // ------------------------------------------------------------ the headline figures

  /** Baseline minus scenario over the horizon, in pounds: positive is a saving. */
  public Summary netSaving() {
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      v[r] = -pounds(totalDifference(r));
    }
    return Summary.of(v);
  }

  /** The cumulative net saving at the end of month {@code month}, in pounds. */
  public Summary cumulativeSaving(int month) {
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      v[r] = -pounds(cumulativeDifference(r, month));
    }
    return Summary.of(v);
  }

  /**
   * The break-even month of the mean cumulative net saving: the first month from which it stays at
   * or above zero; empty if it ends the horizon below zero.
   */
  public OptionalInt breakEvenMonthOfMean() {
    double[] path = new double[months];
    for (int m = 0; m < months; m++) {
      path[m] = cumulativeSaving(m).mean();
    }
    return breakEven(path);
  }

  /** The share of replications whose cumulative net saving breaks even within the horizon. */
  public double shareBreakingEven() {
    int count = 0;
    for (int r = 0; r < replications; r++) {
      double[] path = new double[months];
      for (int m = 0; m < months; m++) {
        path[m] = -cumulativeDifference(r, m);
      }
      if (breakEven(path).isPresent()) {
        count++;
      }
    }
    return (double) count / replications;
  }

  /** Double running in one month of the scenario, in pounds. */
  public Summary doubleRunning(int month) {
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      v[r] = pounds(doubleRunningPence(r, month));
    }
    return Summary.of(v);
  }

  /** Double running over the horizon, in pounds. */
  public Summary doubleRunningTotal() {
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      long sum = 0;
      for (int m = 0; m < months; m++) {
        sum += doubleRunningPence(r, m);
      }
      v[r] = pounds(sum);
    }
    return Summary.of(v);
  }

  /** The number of months with double running. */
  public Summary doubleRunningMonths() {
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      int n = 0;
      for (int m = 0; m < months; m++) {
        if (doubleRunningPence(r, m) > 0) {
          n++;
        }
      }
      v[r] = n;
    }
    return Summary.of(v);
  }

  /** NPV of scenario minus baseline, in pounds (negative: the scenario saves money). */
  public Summary npvOfDifference() {
    double[] v = new double[replications];
    for (int r = 0; r < replications; r++) {
      long[] annual = new long[years];
      for (int y = 0; y < years; y++) {
        annual[y] = yearPence(Arm.DIFFERENCE, r, y, null);
      }
      v[r] = pounds(Discounting.presentValue(annual, discountRate()));
    }
    return Summary.of(v);
  }

  // ------------------------------------------------------------ pence per replication

  private long monthPence(Arm arm, int r, int month, LedgerLine line) {
    if (line == null) {
      return switch (arm) {
        case SCENARIO -> scenarioTotal[r][month];
        case BASELINE -> baselineTotal[r][month];
        case DIFFERENCE -> scenarioTotal[r][month] - baselineTotal[r][month];
      };
    }
    return switch (arm) {
      case SCENARIO -> pence(cash(scenario, r), month, line);
      case BASELINE -> pence(cash(baseline, r), month, line);
      case DIFFERENCE ->
          pence(cash(scenario, r), month, line) - pence(cash(baseline, r), month, line);
    };
  }

  private long yearPence(Arm arm, int r, int year, LedgerLine line) {
    long sum = 0;
    for (int m : monthsOfYear[year]) {
      sum += monthPence(arm, r, m, line);
    }
    return sum;
  }

  private long totalDifference(int r) {
    return cumulativeDifference(r, months - 1);
  }

  private long cumulativeDifference(int r, int month) {
    return cumulativeDifference[r][month];
  }

  private long doubleRunningPence(int r, int month) {
    return doubleRunning[r][month];
  }

  private static CashFlow cash(ExperimentResult arm, int r) {
    return arm.replications().get(r).cashFlow();
  }

  private static long pence(CashFlow c, int month, LedgerLine line) {
    return line == null ? c.total(month) : c.amount(month, line);
  }

  private static double pounds(long pence) {
    return pence / 100.0;
  }

  private static OptionalInt breakEven(double[] cumulative) {
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
