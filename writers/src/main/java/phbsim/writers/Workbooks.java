package phbsim.writers;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import phbsim.analysis.OneWaySensitivity;
import phbsim.analysis.Output;
import phbsim.analysis.ProbabilisticSensitivity;
import phbsim.analysis.Sweep;
import phbsim.money.LedgerLine;
import phbsim.observe.CohortLog;
import phbsim.observe.Measure;
import phbsim.observe.TeamMeasure;
import phbsim.report.AppraisalResult;
import phbsim.report.Arm;
import phbsim.report.BudgetImpact;
import phbsim.report.Cohort;
import phbsim.report.ComparisonResult;
import phbsim.report.Infrastructure;
import phbsim.report.Position;
import phbsim.report.Resilience;
import phbsim.report.Summary;
import phbsim.scenario.Scenario;
import phbsim.scenarios.Explain;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialYear;

/**
 * The Excel workbooks (fastexcel): one for an options appraisal ({@code run}, {@code compare}), one
 * for a sweep and one for a sensitivity analysis. A finance lead's layout: the headline as a board
 * paper states it, cash by financial year in £000s, the monthly profile M1 to M12 under each year,
 * then the detail, the assumptions with their sources, and how the run was made.
 *
 * <p>Numbers are numbers with number formats (negatives in brackets), dates are dates, headers are
 * frozen, and every figure is the same as in the CSV files and on screen (the same summaries are
 * read). Totals and savings are formulas over the cells they add or take apart, each with phbsim's
 * figure cached, so an auditor can trace the summary's net saving to the ledger lines: the summary
 * names the cash by year, that the Cash flow sheet's saving rows, those the status quo's rows minus
 * the option's. Every sheet prints A4 landscape, one page wide (see {@link Sheet}).
 */
public final class Workbooks {
  /**
   * How a run was made, for the Run sheet.
   *
   * @param command the command line as typed
   * @param scenarioSha256 a SHA-256 of each scenario's text
   * @param created when the workbook was written, as text
   */
  public record RunInfo(
      String version,
      String commit,
      List<String> command,
      long seed,
      int replications,
      int threads,
      List<String> scenarioSha256,
      String java,
      String created) {
    /**
     * How a run made now was made: the scenario texts hashed, this Java, the time to the second.
     *
     * @param command the program and the arguments as given
     */
    public static RunInfo of(
        String version,
        String commit,
        List<String> command,
        phbsim.experiment.RunSpec run,
        List<String> scenarioTexts) {
      List<String> hashes = new ArrayList<>();
      for (String text : scenarioTexts) {
        hashes.add(sha256(text));
      }
      return new RunInfo(
          version,
          commit,
          command,
          run.masterSeed(),
          run.replications(),
          run.threads(),
          hashes,
          System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")",
          // As a person reads a time ("2026-12-07 14:05:09 GMT"), not Java's "...Z[Etc/UTC]".
          ZonedDateTime.now(ZoneId.systemDefault())
              .truncatedTo(ChronoUnit.SECONDS)
              .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.UK)));
    }

    /**
     * The SHA-256 of a scenario's text (UTF-8), in hex: which file a run read. For a scenario read
     * from an assumptions workbook, the workbook's own SHA-256 (its bytes, as {@code sha256sum}
     * gives it), which the text it was read as carries on its first line.
     */
    public static String sha256(String text) {
      var workbook = phbsim.scenarios.ScenarioYaml.workbookSha256(text);
      if (workbook.isPresent()) {
        return workbook.get();
      }
      try {
        return HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
      } catch (NoSuchAlgorithmException e) {
        throw new IllegalStateException("every Java has SHA-256", e);
      }
    }
  }

  private static final String[] NONE = {};

  private Workbooks() {}

  /** The workbook of an options appraisal. */
  static void appraisal(
      AppraisalResult a,
      Scenario scenario,
      Origin origin,
      List<Explain.Assumption> assumptions,
      RunInfo info,
      OutputStream out)
      throws IOException {
    Book wb = new Book(out, origin);
    // The summary is the first tab but is written last: its cash by year are formulas over the
    // cash flow's saving rows, whose places are known once that sheet is written.
    Sheet summary = new Sheet(wb, "Summary");
    // Written after the cash flow too: each figure is two of its saving rows' totals.
    Sheet compared = a.options().size() < 2 ? null : new Sheet(wb, "Options compared");
    CashFlowRows cash = cashFlow(wb, a, scenario);
    optionsCompared(compared, a, scenario, cash);
    budgetImpact(wb, a, scenario);
    releases(wb, a, scenario);
    monthlyProfile(wb, a, scenario);
    teams(wb, a, scenario);
    infrastructure(wb, a, scenario);
    activity(wb, a, scenario);
    cohort(wb, a, scenario);
    assumptions(wb, assumptions);
    run(wb, info, scenario);
    summary(summary, a, scenario, info, cash);
    wb.finish();
  }

  // ------------------------------------------------------------------ appraisal sheets

  private static Sheet start(Book wb, String name, String title, Scenario s) {
    return basis(new Sheet(wb, name).title(title), s);
  }

  private static Sheet basis(Sheet sh, Scenario s) {
    if (sh.origin() != null) {
      sh.line(sh.origin().sentence() + ".");
    }
    return sh.line(Text.moneyBasis(s) + ".")
        .line(phbsim.report.Arm.SIGN_RULE)
        .line(Summary.CI_NOTE + ".")
        .blank();
  }

  /** The summary's figures, one row each: the label and each option's summary (null: none). */
  private record Figure(String label, java.util.function.Function<ComparisonResult, Summary> of) {}

  /**
   * The board paper's page: the headline of each option, the basis (prices, discount rate,
   * replications, the sign rule), the figures with the options side by side, the cash saving by
   * financial year (formulas over the cash flow's saving rows, totalled by SUM), the cumulative
   * position and its chart. Printed on one page.
   */
  private static void summary(
      Sheet sh, AppraisalResult a, Scenario s, RunInfo info, CashFlowRows cash) {
    FinancialCalendar cal = a.first().option().compiled().calendar();
    List<FinancialYear> years = a.first().option().financialYears();
    List<ComparisonResult> options = a.options();
    sh.onePage().title("options appraisal against the status quo");
    for (ComparisonResult c : options) {
      sh.section(headline(c, cal));
    }
    basis(sh, s);
    sh.line(
            "Replications: "
                + Text.count(info.replications(), "replication", "replications")
                + " of the status quo and of each option on the same random numbers (seed "
                + info.seed()
                + ").")
        .blank();
    List<String> head = new ArrayList<>(List.of("Figure, £000s unless stated"));
    String[] f = new String[1 + 3 * options.size()];
    for (int k = 0; k < options.size(); k++) {
      ComparisonResult c = options.get(k);
      head.addAll(List.of(c.id() + ": " + c.label(), "95 % CI low", "95 % CI high"));
      f[1 + 3 * k] = Sheet.THOUSANDS;
      f[2 + 3 * k] = Sheet.THOUSANDS;
      f[3 + 3 * k] = Sheet.THOUSANDS;
    }
    sh.header(head.toArray(String[]::new));
    // The net saving, cash, links to the total of the cash by year below (that SUM over the
    // years, each a cell of the cash flow's saving row): the headline traces to the ledger.
    List<Figure> figures = new ArrayList<>();
    figures.add(new Figure("Net saving over the horizon, cash", c -> c.netSaving(Position.CASH)));
    figures.add(
        new Figure(
            "NPV of the saving, cash (at "
                + Text.percent(options.get(0).discountRate() * 100)
                + ")",
            c -> c.npv(Position.CASH)));
    figures.add(
        new Figure("Net saving over the horizon, economic", c -> c.netSaving(Position.ECONOMIC)));
    figures.add(
        new Figure(
            "NPV of the saving, economic (at "
                + Text.percent(options.get(0).discountRate() * 100)
                + ")",
            c -> c.npv(Position.ECONOMIC)));
    figures.add(
        new Figure(
            "Double running (a cost within the cash)", ComparisonResult::doubleRunningSaving));
    if (releasesRows(options) > 0) {
      // Releases side by side: the stranded line alone reads as a loss.
      figures.add(
          new Figure(
              "Posts released: gross saving (the posts and their share of the fixed part)",
              c -> phbsim.report.Releases.horizon(c).gross()));
      figures.add(
          new Figure(
              "Posts released: stranded fixed costs (that share, still paid; a cost)",
              c -> phbsim.report.Releases.horizon(c).stranded()));
      figures.add(
          new Figure(
              "Posts released: net saving (the cash no longer paid: gross plus stranded)",
              c -> phbsim.report.Releases.horizon(c).net()));
    }
    int netCashRow = sh.row();
    // below the figures: break-even and its share, a blank, the section's title and its header
    int cashByYearFirstRow = netCashRow + figures.size() + 2 + 3;
    for (Figure fig : figures) {
      Object[] cells = new Object[f.length];
      cells[0] = fig.label();
      for (int k = 0; k < options.size(); k++) {
        Summary v = fig.of().apply(options.get(k));
        cells[1 + 3 * k] = v.mean() / 1000;
        cells[2 + 3 * k] = v.ciLow() / 1000;
        cells[3 + 3 * k] = v.ciHigh() / 1000;
      }
      if (sh.row() == netCashRow) {
        for (int k = 0; k < options.size(); k++) {
          cells[1 + 3 * k] =
              new Sheet.Formula(
                  phbsim.writers.xlsx.Cells.ref(cashByYearFirstRow + k, 1 + years.size()),
                  options.get(k).netSaving(Position.CASH).mean() / 1000);
        }
      }
      sh.cells(f, cells);
    }
    Object[] breakEven = new Object[f.length];
    Object[] share = new Object[f.length];
    String[] shareFormat = new String[f.length];
    breakEven[0] = "Break-even month of the mean, cash";
    share[0] = "Replications breaking even within the horizon, cash";
    for (int k = 0; k < options.size(); k++) {
      OptionalInt be = options.get(k).breakEvenMonthOfMean(Position.CASH);
      breakEven[1 + 3 * k] =
          be.isPresent() ? Text.month(cal.month(be.getAsInt())) : "not within the horizon";
      share[1 + 3 * k] = options.get(k).shareBreakingEven(Position.CASH);
      shareFormat[1 + 3 * k] = Sheet.PERCENT;
    }
    sh.cells(f, breakEven);
    sh.cells(shareFormat, share);
    // Cash by financial year: each cell the cash flow's saving row, the total their SUM.
    sh.blank().section("Cash saving by financial year, £000s: the Cash flow sheet's saving rows");
    List<String> yearHead = new ArrayList<>(List.of("Option"));
    for (FinancialYear y : years) {
      yearHead.add(Text.yearHeading(cal, y));
    }
    sh.header(append(yearHead, "Total").toArray(String[]::new));
    if (sh.row() != cashByYearFirstRow) {
      throw new IllegalStateException(
          "the summary's cash by year is at row " + sh.row() + ", not " + cashByYearFirstRow);
    }
    String[] yf = new String[years.size() + 2];
    java.util.Arrays.fill(yf, 1, yf.length, Sheet.THOUSANDS);
    for (ComparisonResult c : options) {
      Object[] cells = new Object[yf.length];
      cells[0] = c.id() + ": " + c.label();
      int row = cash.savingRow(c.id());
      for (int y = 0; y < years.size(); y++) {
        cells[1 + y] =
            new Sheet.Formula(
                cash.sheet().ref(row, CashFlowRows.FIRST_YEAR + y),
                c.annualTotal(Arm.DIFFERENCE, y, Position.CASH).mean() / 1000);
      }
      cells[1 + years.size()] =
          new Sheet.Formula(
              "SUM(" + phbsim.writers.xlsx.Cells.range(sh.row(), 1, sh.row(), years.size()) + ")",
              c.netSaving(Position.CASH).mean() / 1000);
      sh.cells(yf, cells);
    }
    // The cumulative position at each year end, and its chart.
    sh.blank().section("Cumulative cash saving at each year end, £000s (the chart's figures)");
    int cumulativeHeadRow = sh.row();
    sh.header(yearHead.toArray(String[]::new));
    List<phbsim.writers.xlsx.LineChart.Series> series = new ArrayList<>();
    for (int k = 0; k < options.size(); k++) {
      ComparisonResult c = options.get(k);
      int row = sh.row();
      Object[] cells = new Object[years.size() + 1];
      cells[0] = c.id() + ": " + c.label();
      double[] values = new double[years.size()];
      double sum = 0;
      for (int y = 0; y < years.size(); y++) {
        sum += c.annualTotal(Arm.DIFFERENCE, y, Position.CASH).mean() / 1000;
        values[y] = sum;
        String year = phbsim.writers.xlsx.Cells.ref(cashByYearFirstRow + k, 1 + y);
        cells[1 + y] =
            new Sheet.Formula(
                y == 0 ? year : phbsim.writers.xlsx.Cells.ref(row, y) + "+" + year, sum);
      }
      sh.cells(yf, cells);
      series.add(
          new phbsim.writers.xlsx.LineChart.Series(
              c.id() + ": " + c.label(),
              phbsim.writers.xlsx.Cells.absolute(sh.name(), row, 0, row, 0),
              phbsim.writers.xlsx.Cells.absolute(sh.name(), row, 1, row, years.size()),
              values));
    }
    List<String> labels = yearHead.subList(1, yearHead.size());
    int chartTop = sh.row() + 1;
    sh.chart(
        new phbsim.writers.xlsx.LineChart(
            "Cumulative cash saving by year end, each option against the status quo",
            "£000s (above 0: a saving)",
            "#,##0;(#,##0)",
            phbsim.writers.xlsx.Cells.absolute(
                sh.name(), cumulativeHeadRow, 1, cumulativeHeadRow, years.size()),
            labels,
            series,
            new int[] {0, chartTop, Math.max(4, Math.min(f.length, 8)), chartTop + 18}));
    sh.finish();
  }

  private static List<String> append(List<String> list, String more) {
    List<String> l = new ArrayList<>(list);
    l.add(more);
    return l;
  }

  /** The rows the releases take on the summary: three when any option releases posts, or none. */
  private static int releasesRows(List<ComparisonResult> options) {
    for (ComparisonResult c : options) {
      if (phbsim.report.Releases.horizon(c).any()) {
        return 3;
      }
    }
    return 0;
  }

  /**
   * "B: roll-out saves £1,234 thousand in cash over 5 years (95 % CI £900 to £1,600 thousand); the
   * mean breaks even in 2028-04 (2028/29 M1)."
   */
  private static String headline(ComparisonResult c, FinancialCalendar cal) {
    Summary net = c.netSaving(Position.CASH);
    boolean saves = net.mean() >= 0;
    OptionalInt be = c.breakEvenMonthOfMean(Position.CASH);
    return c.id()
        + ": "
        + c.label()
        + (saves ? " saves " : " costs ")
        + thousands(Math.abs(net.mean()))
        + " in cash over "
        + Text.horizon(cal)
        + " (95 % CI of the saving "
        + thousands(net.ciLow())
        + " to "
        + thousands(net.ciHigh())
        + "); "
        + (be.isPresent()
            ? "the mean breaks even in " + Text.month(cal.month(be.getAsInt()))
            : "the mean does not break even within the horizon")
        + ".";
  }

  /** Pounds as "£1,234 thousand", a cost as "-£1,234 thousand". */
  private static String thousands(double pounds) {
    return (pounds < 0 ? "-" : "")
        + "£"
        + String.format(Locale.UK, "%,.0f", Math.abs(pounds) / 1000)
        + " thousand";
  }

  /**
   * Each later option against each earlier one (AppraisalResult.increment): written only when the
   * scenario has two or more options.
   */
  private static void optionsCompared(Sheet sh, AppraisalResult a, Scenario s, CashFlowRows cash) {
    if (sh == null) {
      return;
    }
    basis(sh.title("each option against each earlier option, on the same random numbers"), s);
    sh.line(
            "The first option's cost minus the second's, replication by replication: a positive"
                + " figure is what choosing the second instead of the first saves. The figure is"
                + " the second's saving on the Cash flow sheet minus the first's.")
        .blank();
    sh.header("First option", "Second option", "Figure", "£000s", "95 % CI low", "95 % CI high");
    String[] f = {null, null, null, Sheet.THOUSANDS, Sheet.THOUSANDS, Sheet.THOUSANDS};
    int total = CashFlowRows.FIRST_YEAR + a.first().option().financialYears().size();
    for (ComparisonResult[] pair : a.pairs()) {
      for (Position p : Position.values()) {
        Summary inc = a.increment(pair[0], pair[1], p);
        // the saving rows' totals: cash, and economic on the row below it
        int below = p == Position.CASH ? 0 : 1;
        sh.cells(
            f,
            pair[0].id() + ": " + pair[0].label(),
            pair[1].id() + ": " + pair[1].label(),
            "Saving of the second over the first, over the horizon, "
                + (p == Position.CASH ? "cash" : "economic"),
            new Sheet.Formula(
                cash.sheet().ref(cash.savingRow(pair[1].id()) + below, total)
                    + "-"
                    + cash.sheet().ref(cash.savingRow(pair[0].id()) + below, total),
                inc.mean() / 1000),
            inc.ciLow() / 1000,
            inc.ciHigh() / 1000);
      }
    }
    sh.finish();
  }

  /**
   * Each option's cash saving as a budget-impact statement (BudgetImpact): recurrent and
   * non-recurrent by year, each year's full-year effect, and the run rate at the end of year 5.
   */
  private static void budgetImpact(Book wb, AppraisalResult a, Scenario s) {
    Sheet sh = start(wb, "Budget impact", "Budget impact, cash, £000s", s);
    sh.line(
            "Status quo minus option: a positive figure is a saving. Recurrent: every line but the"
                + " set-ups; the part-year effect is what the year saves, the full-year effect its"
                + " last month's recurrent saving x 12.")
        .blank();
    var cal = a.first().option().compiled().calendar();
    List<FinancialYear> years = a.first().option().financialYears();
    List<String> head = new ArrayList<>(List.of("Option", "Figure"));
    for (FinancialYear y : years) {
      head.add(Text.yearHeading(cal, y));
    }
    head.add("Total");
    sh.header(head.toArray(String[]::new));
    String[] f = new String[head.size()];
    for (int k = 2; k < f.length; k++) {
      f[k] = Sheet.THOUSANDS;
    }
    for (ComparisonResult c : a.options()) {
      BudgetImpact.Statement st = BudgetImpact.of(c);
      List<java.util.Map.Entry<String, java.util.function.Function<BudgetImpact.Year, Summary>>>
          figures =
              List.of(
                  java.util.Map.entry(
                      "Recurrent (the part-year effect)", BudgetImpact.Year::recurrent),
                  java.util.Map.entry(
                      "Non-recurrent (set-up, spent once)", BudgetImpact.Year::nonRecurrent),
                  java.util.Map.entry("Total, cash", BudgetImpact.Year::total),
                  java.util.Map.entry(
                      "Full-year effect at the year end", BudgetImpact.Year::fullYearEffect));
      // The total, cash, is each year's recurrent plus non-recurrent, and each additive row's
      // total the SUM of its years: formulas over the cells, phbsim's figures cached in them.
      int recurrentRow = sh.row();
      for (var fig : figures) {
        int at = sh.row();
        List<Object> cells = new ArrayList<>(List.of(c.id() + ": " + c.label(), fig.getKey()));
        double sum = 0;
        boolean withheld = false;
        boolean total = fig.getKey().equals("Total, cash");
        for (int y = 0; y < st.years().size(); y++) {
          Summary v = fig.getValue().apply(st.years().get(y));
          withheld |= v.withheld();
          String above = phbsim.writers.xlsx.Cells.ref(recurrentRow, 2 + y);
          String below = phbsim.writers.xlsx.Cells.ref(recurrentRow + 1, 2 + y);
          cells.add(
              v.withheld()
                  ? Sheet.WITHHELD
                  : total
                      ? new Sheet.Formula(above + "+" + below, v.mean() / 1000)
                      : v.mean() / 1000);
          sum += v.mean();
        }
        boolean additive = !fig.getKey().startsWith("Full-year");
        cells.add(
            !additive
                ? null
                : withheld
                    ? Sheet.WITHHELD
                    : new Sheet.Formula(sumOfYears(at, 2, st.years().size()), sum / 1000));
        sh.cells(f, cells.toArray());
      }
      Summary rate = st.runRate();
      sh.cells(
          f,
          c.id() + ": " + c.label(),
          "Run rate a year at the end of "
              + (st.atYearFive() ? "year 5" : "the horizon")
              + " ("
              + Text.month(cal.month(st.runRateMonth()))
              + ")",
          rate.withheld() ? Sheet.WITHHELD : rate.mean() / 1000);
    }
    sh.finish();
  }

  /**
   * Each post release on its own (Releases.perRelease), over the horizon: for each option and team,
   * all its releases, then each release, with its gross saving, the fixed costs it strands and the
   * net side by side, as releases.csv gives them by year. No sheet when no option releases a post.
   */
  private static void releases(Book wb, AppraisalResult a, Scenario s) {
    List<List<Object>> rows = new ArrayList<>();
    for (ComparisonResult c : a.options()) {
      phbsim.report.Resilience teams = new phbsim.report.Resilience(c);
      var cal = c.option().compiled().calendar();
      for (phbsim.report.Releases.Release r : phbsim.report.Releases.perRelease(c)) {
        Summary posts = r.posts();
        var h = r.horizon();
        rows.add(
            java.util.Arrays.asList(
                c.id() + ": " + c.label(),
                teams.label(r.team()),
                r.teamTotal() ? "all its releases" : r.source().label(),
                r.teamTotal() ? "" : Text.month(cal.month(r.effectiveMonth())),
                Sheet.mean(posts),
                h.gross().withheld() ? Sheet.WITHHELD : h.gross().mean() / 1000,
                h.stranded().withheld() ? Sheet.WITHHELD : h.stranded().mean() / 1000,
                h.net().withheld() ? Sheet.WITHHELD : h.net().mean() / 1000));
      }
    }
    if (rows.isEmpty()) {
      return;
    }
    Sheet sh = start(wb, "Releases", "Each post release, over the horizon, £000s", s);
    sh.line(
            "Status quo minus option. Gross: the posts at their full cost; stranded: their share of"
                + " the fixed part, still paid; net: the cash no longer paid. releases.csv gives"
                + " each by financial year with intervals.")
        .blank();
    sh.header(
        "Option", "Team", "Release", "From", "Posts", "Gross saving", "Stranded", "Net saving");
    String[] f = {null, null, null, null, "0.0", Sheet.THOUSANDS, Sheet.THOUSANDS, Sheet.THOUSANDS};
    for (List<Object> row : rows) {
      sh.cells(f, row.toArray());
    }
    sh.finish();
  }

  /**
   * Where the cash flow sheet put each option's saving row (the difference's total, cash), so the
   * summary can point at it.
   */
  private record CashFlowRows(Sheet sheet, java.util.Map<String, Integer> savingRows) {
    /** The column of the first financial year. */
    static final int FIRST_YEAR = 5;

    int savingRow(String option) {
      return savingRows.get(option);
    }
  }

  /**
   * Each arm's ledger lines by financial year. The totals are formulas an auditor can trace: each
   * line's total the SUM of its years; each arm's total, economic, the SUM of its lines, its total,
   * cash, that SUM less the SUMIF of its lines that are "capacity, not cash" (column D); and every
   * saving row the status quo's cell minus the option's. The values phbsim computed are cached in
   * each formula cell (a line absent from an arm is 0 there, so its cell is left out).
   */
  private static CashFlowRows cashFlow(Book wb, AppraisalResult a, Scenario s) {
    Sheet sh = start(wb, "Cash flow", "Cash flow by financial year, £000s", s);
    List<FinancialYear> years = a.first().option().financialYears();
    int first = CashFlowRows.FIRST_YEAR;
    List<String> head =
        new ArrayList<>(List.of("Option", "Arm", "Line", "What a saving on it is", "Recurrent"));
    for (FinancialYear y : years) {
      head.add(Text.yearHeading(a.first().option().compiled().calendar(), y));
    }
    head.addAll(List.of("Total", "Total, CI low", "Total, CI high"));
    sh.header(head.toArray(String[]::new));
    String[] f = new String[head.size()];
    for (int k = first; k < f.length; k++) {
      f[k] = Sheet.THOUSANDS;
    }
    // The row of each arm's line ("status quo|line", "option|A|line"), for the saving rows.
    java.util.Map<String, Integer> rows = new java.util.HashMap<>();
    java.util.Map<String, Integer> savingRows = new java.util.LinkedHashMap<>();
    for (ArmRow row : ArmRow.of(a)) {
      ComparisonResult c = row.comparison();
      String option = row.option().isEmpty() ? "status quo" : row.option();
      int firstLine = sh.row();
      for (LedgerLine line : LedgerLine.values()) {
        Summary total = c.horizon(row.arm(), line);
        if (total.mean() == 0 && total.ciLow() == 0 && total.ciHigh() == 0) {
          continue; // a line that is never used, in any replication
        }
        int at = sh.row();
        rows.put(row.arm().label() + "|" + option + "|" + line.name(), at);
        List<Object> cells =
            new ArrayList<>(
                List.of(
                    option,
                    row.arm().label(),
                    line.title(),
                    line.release().label(),
                    line.recurrent() ? "recurrent" : "non-recurrent"));
        for (int y = 0; y < years.size(); y++) {
          double v = c.annual(row.arm(), y, line).mean() / 1000;
          cells.add(
              row.arm() == Arm.DIFFERENCE
                  ? new Sheet.Formula(difference(rows, option, line.name(), first + y), v)
                  : v);
        }
        cells.add(new Sheet.Formula(sumOfYears(at, first, years.size()), total.mean() / 1000));
        cells.add(total.ciWithheld() ? Sheet.WITHHELD : total.ciLow() / 1000);
        cells.add(total.ciWithheld() ? Sheet.WITHHELD : total.ciHigh() / 1000);
        sh.cells(f, cells.toArray());
      }
      int lastLine = sh.row() - 1;
      for (Position p : Position.values()) {
        int at = sh.row();
        String total = "Total, " + (p == Position.CASH ? "cash" : "economic");
        rows.put(row.arm().label() + "|" + option + "|" + total, at);
        if (row.arm() == Arm.DIFFERENCE && p == Position.CASH) {
          savingRows.put(row.option(), at);
        }
        List<Object> cells =
            new ArrayList<>(
                List.of(
                    option,
                    row.arm().label(),
                    total,
                    p == Position.CASH ? "cash" : "cash and capacity",
                    ""));
        for (int y = 0; y < years.size(); y++) {
          double v = c.annualTotal(row.arm(), y, p).mean() / 1000;
          String expression;
          if (row.arm() == Arm.DIFFERENCE) {
            expression = difference(rows, option, total, first + y);
          } else if (lastLine < firstLine) {
            expression = "0";
          } else {
            String lines =
                phbsim.writers.xlsx.Cells.range(firstLine, first + y, lastLine, first + y);
            // cash: every line but those that are capacity (no "<>" in a formula: fastexcel
            // writes a formula's text unescaped)
            expression =
                p == Position.ECONOMIC
                    ? "SUM(" + lines + ")"
                    : "SUM("
                        + lines
                        + ")-SUMIF("
                        + phbsim.writers.xlsx.Cells.range(firstLine, 3, lastLine, 3)
                        + ",\""
                        + LedgerLine.Release.CAPACITY.label()
                        + "\","
                        + lines
                        + ")";
          }
          cells.add(new Sheet.Formula(expression, v));
        }
        Summary horizon = c.netSaving(p);
        double sum = 0;
        for (int y = 0; y < years.size(); y++) {
          sum += c.annualTotal(row.arm(), y, p).mean();
        }
        Summary whole = row.arm() == Arm.DIFFERENCE ? horizon : Summary.sumOfPublished(sum);
        cells.add(new Sheet.Formula(sumOfYears(at, first, years.size()), whole.mean() / 1000));
        cells.add(whole.ciWithheld() ? Sheet.WITHHELD : whole.ciLow() / 1000);
        cells.add(whole.ciWithheld() ? Sheet.WITHHELD : whole.ciHigh() / 1000);
        sh.cells(f, cells.toArray());
      }
      if (row.arm() == Arm.OPTION) {
        // A memo inside the cash, never added to a total: the budgets and places paid twice.
        int at = sh.row();
        List<Object> cells =
            new ArrayList<>(
                List.of(
                    row.option(),
                    row.arm().label(),
                    Columns.DOUBLE_RUNNING_MEMO,
                    "memo: within the cash, not added",
                    ""));
        for (int y = 0; y < years.size(); y++) {
          cells.add(c.doubleRunningYear(y).mean() / 1000);
        }
        Summary total = c.doubleRunningTotal();
        cells.add(new Sheet.Formula(sumOfYears(at, first, years.size()), total.mean() / 1000));
        cells.add(total.ciWithheld() ? Sheet.WITHHELD : total.ciLow() / 1000);
        cells.add(total.ciWithheld() ? Sheet.WITHHELD : total.ciHigh() / 1000);
        sh.cells(f, cells.toArray());
      }
    }
    sh.finish();
    return new CashFlowRows(sh, savingRows);
  }

  /** "SUM(F12:J12)": a row's years. */
  private static String sumOfYears(int row, int first, int years) {
    return "SUM(" + phbsim.writers.xlsx.Cells.range(row, first, row, first + years - 1) + ")";
  }

  /**
   * A saving cell as the status quo's cell minus the option's, in the same column: "F10-F25". A
   * line an arm never uses has no row there, so it counts 0 ("0-F25", "F10-0").
   */
  private static String difference(
      java.util.Map<String, Integer> rows, String option, String line, int column) {
    Integer sq = rows.get(Arm.STATUS_QUO.label() + "|status quo|" + line);
    Integer opt = rows.get(Arm.OPTION.label() + "|" + option + "|" + line);
    return (sq == null ? "0" : phbsim.writers.xlsx.Cells.ref(sq, column))
        + "-"
        + (opt == null ? "0" : phbsim.writers.xlsx.Cells.ref(opt, column));
  }

  private static void monthlyProfile(Book wb, AppraisalResult a, Scenario s) {
    Sheet sh = start(wb, "Monthly profile", "Monthly profile, £000s: M1 (April) to M12 (March)", s);
    FinancialCalendar cal = a.first().option().compiled().calendar();
    List<FinancialYear> years = a.first().option().financialYears();
    int lead = 3;
    for (int y = 0; y < years.size(); y++) {
      sh.spanning(lead + 12 * y, 12, years.get(y).label());
    }
    sh.next();
    List<String> head = new ArrayList<>(List.of("Option", "Arm", "Line"));
    for (int m = 0; m < cal.monthCount(); m++) {
      head.add(cal.month(m).label());
    }
    sh.header(head.toArray(String[]::new));
    String[] f = new String[head.size()];
    for (int k = lead; k < f.length; k++) {
      f[k] = Sheet.THOUSANDS;
    }
    // Months are placed under their financial year: a run that starts mid-year leaves the months
    // before its start empty.
    int offset = cal.month(0).period() - 1;
    SavingCells savings = new SavingCells();
    for (ArmRow row : ArmRow.of(a)) {
      ComparisonResult c = row.comparison();
      for (Position p : Position.values()) {
        Object[] cells = new Object[lead + 12 * years.size()];
        cells[0] = row.option().isEmpty() ? "status quo" : row.option();
        cells[1] = row.arm().label();
        cells[2] = "Total, " + (p == Position.CASH ? "cash" : "economic");
        for (int m = 0; m < cal.monthCount(); m++) {
          int at = lead + offset + m;
          if (at < cells.length) {
            cells[at] =
                savings.cell(
                    row, p.name(), sh.row(), at, c.monthlyTotal(row.arm(), m, p).mean() / 1000);
          }
        }
        sh.cells(f, cells);
      }
    }
    sh.finish();
  }

  private static void teams(Book wb, AppraisalResult a, Scenario s) {
    Sheet sh = start(wb, "Teams", "The community teams left behind, by month", s);
    FinancialCalendar cal = a.first().option().compiled().calendar();
    sh.header(
        "Month",
        "Financial year",
        "Period",
        "Option",
        "Arm",
        "Team",
        "Measure",
        "Mean",
        "CI low",
        "CI high");
    String[] f = {null, null, null, null, null, null, null, Sheet.COUNT, Sheet.COUNT, Sheet.COUNT};
    SavingCells savings = new SavingCells();
    for (ArmRow row : ArmRow.of(a)) {
      Resilience r = new Resilience(row.comparison());
      for (int team : r.teams()) {
        for (TeamMeasure measure : TeamMeasure.values()) {
          for (int m = 0; m < cal.monthCount(); m++) {
            Summary v = r.monthly(row.arm(), m, team, measure);
            sh.cells(
                f,
                cal.month(m).firstDay(),
                cal.month(m).financialYear().label(),
                cal.month(m).label(),
                row.option().isEmpty() ? "status quo" : row.option(),
                row.arm().label(),
                r.label(team),
                measure.title(),
                savings.cell(row, team + "|" + measure + "|" + m, sh.row(), 7, Sheet.mean(v)),
                Sheet.low(v),
                Sheet.high(v));
          }
        }
      }
    }
    sh.finish();
  }

  private static void infrastructure(Book wb, AppraisalResult a, Scenario s) {
    Sheet sh = start(wb, "Infrastructure", "The cost of running budgets, by month", s);
    FinancialCalendar cal = a.first().option().compiled().calendar();
    sh.header("Month", "Option", "Arm", "Figure", "Mean", "CI low", "CI high");
    String[] f = {null, null, null, null, Sheet.COUNT, Sheet.COUNT, Sheet.COUNT};
    SavingCells savings = new SavingCells();
    for (ArmRow row : ArmRow.of(a)) {
      ComparisonResult c = row.comparison();
      Infrastructure sq = new Infrastructure(c, Arm.STATUS_QUO);
      Infrastructure option = new Infrastructure(c, Arm.OPTION);
      for (Infrastructure.Figure fig : Infrastructure.Figure.values()) {
        for (int m = 0; m < cal.monthCount(); m++) {
          Summary v =
              switch (row.arm()) {
                case STATUS_QUO -> sq.summary(fig, m);
                case OPTION -> option.summary(fig, m);
                case DIFFERENCE -> Infrastructure.difference(sq, option, fig, m);
              };
          sh.cells(
              f,
              cal.month(m).firstDay(),
              row.option().isEmpty() ? "status quo" : row.option(),
              row.arm().label(),
              infrastructureTitle(fig),
              savings.cell(row, fig + "|" + m, sh.row(), 4, Sheet.mean(v)),
              Sheet.low(v),
              Sheet.high(v));
        }
      }
    }
    sh.finish();
  }

  private static String infrastructureTitle(Infrastructure.Figure f) {
    return switch (f) {
      case COST -> "Infrastructure cost, £";
      case ACTIVE_BUDGETS -> "Budgets active";
      case COST_PER_ACTIVE_BUDGET -> "Infrastructure cost per active budget, £";
      case PLANNING_QUEUE -> "People in support planning";
      case DAYS_FROM_OFFER_TO_PLAN -> "Days from offer to signed-off plan";
    };
  }

  private static void activity(Book wb, AppraisalResult a, Scenario s) {
    Sheet sh = start(wb, "Activity", "Activity by financial year, all segments", s);
    List<FinancialYear> years = a.first().option().financialYears();
    sh.header("Financial year", "Option", "Arm", "Measure", "Mean", "CI low", "CI high");
    String[] f = {null, null, null, null, Sheet.COUNT, Sheet.COUNT, Sheet.COUNT};
    SavingCells savings = new SavingCells();
    for (int y = 0; y < years.size(); y++) {
      for (ArmRow row : ArmRow.of(a)) {
        for (Measure m : Measure.values()) {
          Summary v = row.comparison().metricAnnual(row.arm(), y, -1, m);
          sh.cells(
              f,
              years.get(y).label(),
              row.option().isEmpty() ? "status quo" : row.option(),
              row.arm().label(),
              m.title(),
              savings.cell(row, y + "|" + m, sh.row(), 4, Sheet.mean(v)),
              Sheet.low(v),
              Sheet.high(v));
        }
      }
    }
    sh.finish();
  }

  private static void cohort(Book wb, AppraisalResult a, Scenario s) {
    Sheet sh =
        start(
            wb,
            "Cohort",
            "The cohort view: people who started a budget, the year before and after, against"
                + " the same people in the status quo",
            s);
    sh.header("Option", "Figure", "Mean", "CI low", "CI high", "Unit");
    for (ComparisonResult c : a.options()) {
      cohortRow(
          sh,
          c,
          "People in the cohort, a replication",
          Cohort.Figures::holders,
          "people",
          Sheet.NUMBER);
      cohortRow(
          sh,
          c,
          "Holders' total costs, year after against year before",
          f -> 100 * f.holdersChange(),
          "per cent",
          Sheet.PERCENT_POINTS);
      cohortRow(
          sh,
          c,
          "The same people in the status quo (twins), year after against year before",
          f -> 100 * f.twinsChange(),
          "per cent",
          Sheet.PERCENT_POINTS);
      cohortRow(
          sh,
          c,
          "In-patient, crisis and GP costs in the year after, twins minus holders",
          Cohort.Figures::otherNhsSaving,
          "£ a holder",
          Sheet.POUNDS);
      cohortRow(
          sh,
          c,
          "Mean annual budget at the start",
          Cohort.Figures::meanAllocation,
          "£",
          Sheet.POUNDS);
      cohortRow(
          sh,
          c,
          "Crises avoided by restrictive holders in the year after, twins' minus theirs"
              + " (negative: more crises)",
          Cohort.Figures::restrictiveCrisesAvoided,
          "crises a holder",
          "0.00");
      List<java.util.Map.Entry<String, java.util.function.Function<Cohort.Figures, double[]>>>
          years =
              List.of(
                  java.util.Map.entry("holders, year before", Cohort.Figures::holderBefore),
                  java.util.Map.entry("holders, year after", Cohort.Figures::holderAfter),
                  java.util.Map.entry("twins, year before", Cohort.Figures::twinBefore),
                  java.util.Map.entry("twins, year after", Cohort.Figures::twinAfter));
      for (CohortLog.Component k : CohortLog.Component.values()) {
        for (var year : years) {
          cohortRow(
              sh,
              c,
              k.title() + ", " + year.getKey(),
              f -> f.perHolder(year.getValue().apply(f), k),
              "£ a person",
              Sheet.POUNDS);
        }
      }
    }
    sh.finish();
  }

  private static void cohortRow(
      Sheet sh,
      ComparisonResult c,
      String figure,
      java.util.function.ToDoubleFunction<Cohort.Figures> f,
      String unit,
      String format) {
    Summary v = c.cohort(f);
    sh.cells(
        new String[] {null, null, format, format, format},
        c.id(),
        figure,
        Sheet.mean(v),
        Sheet.low(v),
        Sheet.high(v),
        unit);
  }

  private static void assumptions(Book wb, List<Explain.Assumption> assumptions) {
    Sheet sh =
        new Sheet(wb, "Assumptions")
            .title("Every value the run used, its price year, and where it comes from")
            .line(
                "Sources in square brackets are entries of docs/sources.md; ASSUMPTION marks a"
                    + " value with no published source; (default) a value the file leaves to"
                    + " phbsim's default.")
            .blank()
            .header("Setting", "Value", "Price year", "Source or reasoning");
    for (Explain.Assumption x : assumptions) {
      Object value = x.value();
      try {
        value = Double.parseDouble(x.value());
      } catch (NumberFormatException notANumber) {
        // text stays text
      }
      sh.cells(new String[] {null, Sheet.COUNT}, x.path(), value, x.priceYear(), x.comment());
    }
    sh.finish();
  }

  private static void run(Book wb, RunInfo info, Scenario s) {
    Sheet sh = new Sheet(wb, "Run").title("How this workbook was made").blank();
    sh.header("Item", "Value");
    sh.pair("phbsim version", info.version());
    sh.pair("commit", info.commit());
    sh.pair("command line", String.join(" ", info.command()));
    sh.pair("scenario", s.name());
    if (sh.origin() != null) {
      sh.pair("read from", sh.origin().source());
      sh.pair(
          "overrides (--set)",
          sh.origin().overrides().isEmpty() ? "none" : String.join(", ", sh.origin().overrides()));
    }
    sh.pair("scenario SHA-256", String.join(", ", info.scenarioSha256()));
    sh.pair("seed", (double) info.seed());
    sh.pair("replications", (double) info.replications());
    sh.pair("threads", (double) info.threads());
    sh.pair("Java", info.java());
    Object written = written(info.created());
    String zone = info.created().length() > 20 ? info.created().substring(20) : "";
    sh.pair(written instanceof String ? "written" : "written (" + zone + ")", written);
    sh.finish();
  }

  /**
   * When the workbook was written, as a date-time cell (the zone in its label) where the text reads
   * as one ("2026-12-07 14:05:09 GMT"); any other text stays text.
   */
  private static Object written(String created) {
    try {
      return java.time.LocalDateTime.parse(
          created.substring(0, Math.min(19, created.length())),
          DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.UK));
    } catch (java.time.format.DateTimeParseException notATime) {
      return created;
    }
  }

  // ------------------------------------------------------------------ analyses

  /** The workbook of a sweep: its points with intervals, the crossing, assumptions, run. */
  public static void sweep(
      Sweep.Result result,
      Output chosen,
      Scenario scenario,
      List<Explain.Assumption> assumptions,
      RunInfo info,
      OutputStream out)
      throws IOException {
    Book wb = new Book(out);
    Sheet sh =
        start(
            wb,
            "Sweep",
            scenario.name() + ": a sweep, every point against its status quo",
            scenario);
    List<String> names = new ArrayList<>(AnalysisCsv.SWEEP_OUTPUTS);
    if (!names.contains(chosen.name())) {
      names.add(chosen.name());
    }
    List<String> head = new ArrayList<>();
    for (Sweep.Axis axis : result.axes()) {
      head.add(axis.path());
    }
    head.addAll(List.of("Output", "Mean", "CI low", "CI high", "Range low", "Range high"));
    sh.header(head.toArray(String[]::new));
    int lead = result.axes().size();
    for (Sweep.Point p : result.points()) {
      for (String name : names) {
        Output o = Output.parse(name);
        Summary v = p.outcome().summary(o);
        double scale = o.money() ? 1000 : 1;
        String fmt = o.money() ? Sheet.THOUSANDS : Sheet.COUNT;
        List<Object> cells = new ArrayList<>();
        String[] f = new String[lead + 6];
        for (int k = 0; k < lead; k++) {
          cells.add(number(p.values().get(k)));
          f[k] = Sheet.COUNT;
        }
        cells.add(o.title() + (o.money() ? ", £000s" : ""));
        cells.add(v.mean() / scale);
        cells.add(v.ciLow() / scale);
        cells.add(v.ciHigh() / scale);
        cells.add(v.rangeLow() / scale);
        cells.add(v.rangeHigh() / scale);
        for (int k = lead + 1; k < f.length; k++) {
          f[k] = fmt;
        }
        sh.cells(f, cells.toArray());
      }
    }
    sh.blank().section("Where the mean of " + chosen.name() + " crosses zero");
    if (result.crossings().isEmpty()) {
      sh.line("It does not cross zero between the values tried.");
    }
    for (Sweep.Crossing c : result.crossings()) {
      sh.cells(
          new String[] {Sheet.COUNT},
          c.value(),
          c.second().map(v -> "with " + result.axes().get(1).path() + " = " + v).orElse(""));
    }
    sh.finish();
    assumptions(wb, assumptions);
    run(wb, info, scenario);
    wb.finish();
  }

  private static Object number(String text) {
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return text;
    }
  }

  /** The workbook of a sensitivity analysis: the tornado, the probabilistic results. */
  public static void sensitivity(
      OneWaySensitivity.Result oneWay,
      ProbabilisticSensitivity.Result psa,
      List<FinancialYear> years,
      Scenario scenario,
      List<Explain.Assumption> assumptions,
      RunInfo info,
      OutputStream out)
      throws IOException {
    Book wb = new Book(out);
    if (oneWay != null) {
      boolean money = oneWay.output().money();
      double scale = money ? 1000 : 1;
      String fmt = money ? Sheet.THOUSANDS : Sheet.COUNT;
      Sheet sh =
          start(
              wb,
              "Tornado",
              "One-way sensitivity of " + oneWay.output().title() + (money ? ", £000s" : ""),
              scenario);
      sh.header(
          "Rank",
          "Parameter",
          "Value",
          "Low",
          "High",
          "At low",
          "At high",
          "Swing",
          "Source of the range");
      String[] f = {null, null, Sheet.COUNT, Sheet.COUNT, Sheet.COUNT, fmt, fmt, fmt};
      int rank = 1;
      for (OneWaySensitivity.Bar b : oneWay.bars()) {
        sh.cells(
            f,
            (double) rank++,
            b.range().path(),
            b.range().value(),
            b.range().low(),
            b.range().high(),
            b.atLow().mean() / scale,
            b.atHigh().mean() / scale,
            b.swing() / scale,
            b.range().source());
      }
      sh.finish();
    }
    if (psa != null) {
      boolean money = psa.output().money();
      double scale = money ? 1000 : 1;
      Sheet sh =
          start(
              wb,
              "Probabilistic",
              "Probabilistic sensitivity of " + psa.output().title() + (money ? ", £000s" : ""),
              scenario);
      sh.header("Figure", "Value");
      String fmt = money ? Sheet.THOUSANDS : Sheet.COUNT;
      sh.cells(new String[] {null, Sheet.COUNT}, "Parameter draws", (double) psa.draws().size());
      sh.cells(new String[] {null, fmt}, "Mean over the draws", psa.distribution().mean() / scale);
      sh.cells(
          new String[] {null, fmt},
          "95 % CI of that mean, low",
          psa.distribution().ciLow() / scale);
      sh.cells(
          new String[] {null, fmt},
          "95 % CI of that mean, high",
          psa.distribution().ciHigh() / scale);
      sh.cells(
          new String[] {null, fmt},
          "Middle 95 % of draws, low",
          psa.distribution().rangeLow() / scale);
      sh.cells(
          new String[] {null, fmt},
          "Middle 95 % of draws, high",
          psa.distribution().rangeHigh() / scale);
      for (int y = 0; y < psa.probabilityOfSaving().length && y < years.size(); y++) {
        sh.cells(
            new String[] {null, Sheet.PERCENT},
            "Probability of a cumulative cash saving by the end of " + years.get(y).label(),
            psa.probabilityOfSaving()[y]);
      }
      sh.blank().header("Parameter", "Partial rank correlation");
      for (int k = 0; k < psa.parameters().size(); k++) {
        sh.cells(new String[] {null, "0.00"}, psa.parameters().get(k).path(), psa.prcc()[k]);
      }
      sh.finish();
    }
    assumptions(wb, assumptions);
    run(wb, info, scenario);
    wb.finish();
  }
}
