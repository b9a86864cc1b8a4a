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
import org.dhatim.fastexcel.Workbook;
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
 * <p>Numbers are numbers with number formats (negatives in brackets), headers are frozen, and every
 * figure is the same as in the CSV files and on screen (the same summaries are read).
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

    /** The SHA-256 of a scenario's text (UTF-8), in hex: which file a run read. */
    public static String sha256(String text) {
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
      List<Explain.Assumption> assumptions,
      RunInfo info,
      OutputStream out)
      throws IOException {
    Workbook wb = new Workbook(out, "phbsim", "1.0");
    summary(wb, a, scenario);
    optionsCompared(wb, a, scenario);
    cashFlow(wb, a, scenario);
    budgetImpact(wb, a, scenario);
    monthlyProfile(wb, a, scenario);
    teams(wb, a, scenario);
    infrastructure(wb, a, scenario);
    activity(wb, a, scenario);
    cohort(wb, a, scenario);
    assumptions(wb, assumptions);
    run(wb, info, scenario);
    wb.finish();
  }

  // ------------------------------------------------------------------ appraisal sheets

  private static Sheet start(Workbook wb, String name, String title, Scenario s) {
    return new Sheet(wb, name)
        .title(title)
        .line(Text.moneyBasis(s) + ".")
        .line(phbsim.report.Arm.SIGN_RULE)
        .line(Summary.CI_NOTE + ".")
        .blank();
  }

  private static void summary(Workbook wb, AppraisalResult a, Scenario s) {
    Sheet sh = start(wb, "Summary", s.name() + ": options appraisal against the status quo", s);
    FinancialCalendar cal = a.first().option().compiled().calendar();
    sh.header("Option", "Figure", "£000s", "95 % CI low", "95 % CI high", "Share", "Note");
    String[] f = {null, null, Sheet.THOUSANDS, Sheet.THOUSANDS, Sheet.THOUSANDS};
    for (ComparisonResult c : a.options()) {
      for (Position p : Position.values()) {
        String basis = p == Position.CASH ? "cash" : "economic";
        money(
            sh,
            f,
            c.id() + ": " + c.label(),
            "Net saving over the horizon, " + basis,
            c.netSaving(p),
            "");
        money(
            sh,
            f,
            c.id() + ": " + c.label(),
            "NPV of the saving, " + basis,
            c.npv(p),
            "at " + Text.percent(c.discountRate() * 100) + " a year");
      }
      money(
          sh,
          f,
          c.id() + ": " + c.label(),
          "Double running (a cost within the cash)",
          c.doubleRunningSaving(),
          "a cost, so negative; places left by holders and not released");
      // Releases side by side: the stranded line alone reads as a loss.
      phbsim.report.Releases.Figures released = phbsim.report.Releases.horizon(c);
      if (released.any()) {
        money(
            sh,
            f,
            c.id() + ": " + c.label(),
            "Posts released: gross saving (the posts and their share of the fixed part)",
            released.gross(),
            "over the horizon");
        money(
            sh,
            f,
            c.id() + ": " + c.label(),
            "Posts released: stranded fixed costs (that share, still paid)",
            released.stranded(),
            "a cost, so negative");
        money(
            sh,
            f,
            c.id() + ": " + c.label(),
            "Posts released: net saving (the cash no longer paid)",
            released.net(),
            "gross plus stranded");
      }
      OptionalInt be = c.breakEvenMonthOfMean(Position.CASH);
      sh.cells(
          f,
          c.id() + ": " + c.label(),
          "Break-even month of the mean, cash",
          null,
          null,
          null,
          null,
          be.isPresent() ? Text.month(cal.month(be.getAsInt())) : "not within the horizon");
      sh.cells(
          new String[] {null, null, null, null, null, Sheet.PERCENT},
          c.id() + ": " + c.label(),
          "Replications breaking even, cash",
          null,
          null,
          null,
          c.shareBreakingEven(Position.CASH));
    }
    sh.finish();
  }

  private static void money(
      Sheet sh, String[] f, String option, String figure, Summary s, String note) {
    sh.cells(f, option, figure, s.mean() / 1000, s.ciLow() / 1000, s.ciHigh() / 1000, null, note);
  }

  /**
   * Each later option against each earlier one (AppraisalResult.increment): written only when the
   * scenario has two or more options.
   */
  private static void optionsCompared(Workbook wb, AppraisalResult a, Scenario s) {
    if (a.options().size() < 2) {
      return;
    }
    Sheet sh =
        start(
            wb,
            "Options compared",
            s.name() + ": each option against each earlier option, on the same random numbers",
            s);
    sh.line(
            "The first option's cost minus the second's, replication by replication: a positive"
                + " figure is what choosing the second instead of the first saves.")
        .blank();
    sh.header("First option", "Second option", "Figure", "£000s", "95 % CI low", "95 % CI high");
    String[] f = {null, null, null, Sheet.THOUSANDS, Sheet.THOUSANDS, Sheet.THOUSANDS};
    for (ComparisonResult[] pair : a.pairs()) {
      for (Position p : Position.values()) {
        Summary inc = a.increment(pair[0], pair[1], p);
        sh.cells(
            f,
            pair[0].id() + ": " + pair[0].label(),
            pair[1].id() + ": " + pair[1].label(),
            "Saving of the second over the first, over the horizon, "
                + (p == Position.CASH ? "cash" : "economic"),
            inc.mean() / 1000,
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
  private static void budgetImpact(Workbook wb, AppraisalResult a, Scenario s) {
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
      for (var fig : figures) {
        List<Object> cells = new ArrayList<>(List.of(c.id() + ": " + c.label(), fig.getKey()));
        double sum = 0;
        boolean withheld = false;
        for (BudgetImpact.Year y : st.years()) {
          Summary v = fig.getValue().apply(y);
          withheld |= v.withheld();
          cells.add(v.withheld() ? Sheet.WITHHELD : v.mean() / 1000);
          sum += v.mean();
        }
        boolean additive = !fig.getKey().startsWith("Full-year");
        cells.add(!additive ? null : withheld ? Sheet.WITHHELD : sum / 1000);
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

  private static void cashFlow(Workbook wb, AppraisalResult a, Scenario s) {
    Sheet sh = start(wb, "Cash flow", "Cash flow by financial year, £000s", s);
    List<FinancialYear> years = a.first().option().financialYears();
    List<String> head =
        new ArrayList<>(List.of("Option", "Arm", "Line", "What a saving on it is", "Recurrent"));
    for (FinancialYear y : years) {
      head.add(Text.yearHeading(a.first().option().compiled().calendar(), y));
    }
    head.addAll(List.of("Total", "Total, CI low", "Total, CI high"));
    sh.header(head.toArray(String[]::new));
    String[] f = new String[head.size()];
    for (int k = 5; k < f.length; k++) {
      f[k] = Sheet.THOUSANDS;
    }
    for (ArmRow row : ArmRow.of(a)) {
      ComparisonResult c = row.comparison();
      for (LedgerLine line : LedgerLine.values()) {
        Summary total = c.horizon(row.arm(), line);
        if (total.mean() == 0 && total.ciLow() == 0 && total.ciHigh() == 0) {
          continue; // a line that is never used, in any replication
        }
        List<Object> cells =
            new ArrayList<>(
                List.of(
                    row.option().isEmpty() ? "status quo" : row.option(),
                    row.arm().label(),
                    line.title(),
                    line.release().label(),
                    line.recurrent() ? "recurrent" : "non-recurrent"));
        for (int y = 0; y < years.size(); y++) {
          cells.add(c.annual(row.arm(), y, line).mean() / 1000);
        }
        cells.add(total.mean() / 1000);
        cells.add(total.ciWithheld() ? Sheet.WITHHELD : total.ciLow() / 1000);
        cells.add(total.ciWithheld() ? Sheet.WITHHELD : total.ciHigh() / 1000);
        sh.cells(f, cells.toArray());
      }
      for (Position p : Position.values()) {
        List<Object> cells =
            new ArrayList<>(
                List.of(
                    row.option().isEmpty() ? "status quo" : row.option(),
                    row.arm().label(),
                    "Total, " + (p == Position.CASH ? "cash" : "economic"),
                    p == Position.CASH ? "cash" : "cash and capacity",
                    ""));
        double sum = 0;
        for (int y = 0; y < years.size(); y++) {
          double v = c.annualTotal(row.arm(), y, p).mean();
          sum += v;
          cells.add(v / 1000);
        }
        Summary total = row.arm() == Arm.DIFFERENCE ? c.netSaving(p) : Summary.sumOfPublished(sum);
        cells.add(total.mean() / 1000);
        cells.add(total.ciWithheld() ? Sheet.WITHHELD : total.ciLow() / 1000);
        cells.add(total.ciWithheld() ? Sheet.WITHHELD : total.ciHigh() / 1000);
        sh.cells(f, cells.toArray());
      }
      if (row.arm() == Arm.OPTION) {
        // A memo inside the cash, never added to a total: the budgets and places paid twice.
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
        cells.add(total.mean() / 1000);
        cells.add(total.ciWithheld() ? Sheet.WITHHELD : total.ciLow() / 1000);
        cells.add(total.ciWithheld() ? Sheet.WITHHELD : total.ciHigh() / 1000);
        sh.cells(f, cells.toArray());
      }
    }
    sh.finish();
  }

  private static void monthlyProfile(Workbook wb, AppraisalResult a, Scenario s) {
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
            cells[at] = c.monthlyTotal(row.arm(), m, p).mean() / 1000;
          }
        }
        sh.cells(f, cells);
      }
    }
    sh.finish();
  }

  private static void teams(Workbook wb, AppraisalResult a, Scenario s) {
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
    for (ArmRow row : ArmRow.of(a)) {
      Resilience r = new Resilience(row.comparison());
      for (int team : r.teams()) {
        for (TeamMeasure measure : TeamMeasure.values()) {
          for (int m = 0; m < cal.monthCount(); m++) {
            Summary v = r.monthly(row.arm(), m, team, measure);
            sh.cells(
                f,
                cal.month(m).firstDay().toString(),
                cal.month(m).financialYear().label(),
                cal.month(m).label(),
                row.option().isEmpty() ? "status quo" : row.option(),
                row.arm().label(),
                r.label(team),
                measure.title(),
                Sheet.mean(v),
                Sheet.low(v),
                Sheet.high(v));
          }
        }
      }
    }
    sh.finish();
  }

  private static void infrastructure(Workbook wb, AppraisalResult a, Scenario s) {
    Sheet sh = start(wb, "Infrastructure", "The cost of running budgets, by month", s);
    FinancialCalendar cal = a.first().option().compiled().calendar();
    sh.header("Month", "Option", "Arm", "Figure", "Mean", "CI low", "CI high");
    String[] f = {null, null, null, null, Sheet.COUNT, Sheet.COUNT, Sheet.COUNT};
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
              cal.month(m).firstDay().toString(),
              row.option().isEmpty() ? "status quo" : row.option(),
              row.arm().label(),
              infrastructureTitle(fig),
              Sheet.mean(v),
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

  private static void activity(Workbook wb, AppraisalResult a, Scenario s) {
    Sheet sh = start(wb, "Activity", "Activity by financial year, all segments", s);
    List<FinancialYear> years = a.first().option().financialYears();
    sh.header("Financial year", "Option", "Arm", "Measure", "Mean", "CI low", "CI high");
    String[] f = {null, null, null, null, Sheet.COUNT, Sheet.COUNT, Sheet.COUNT};
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
              Sheet.mean(v),
              Sheet.low(v),
              Sheet.high(v));
        }
      }
    }
    sh.finish();
  }

  private static void cohort(Workbook wb, AppraisalResult a, Scenario s) {
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

  private static void assumptions(Workbook wb, List<Explain.Assumption> assumptions) {
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

  private static void run(Workbook wb, RunInfo info, Scenario s) {
    Sheet sh = new Sheet(wb, "Run").title("How this workbook was made").blank();
    sh.header("Item", "Value");
    sh.pair("phbsim version", info.version());
    sh.pair("commit", info.commit());
    sh.pair("command line", String.join(" ", info.command()));
    sh.pair("scenario", s.name());
    sh.pair("scenario SHA-256", String.join(", ", info.scenarioSha256()));
    sh.pair("seed", (double) info.seed());
    sh.pair("replications", (double) info.replications());
    sh.pair("threads", (double) info.threads());
    sh.pair("Java", info.java());
    sh.pair("written", info.created());
    sh.finish();
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
    Workbook wb = new Workbook(out, "phbsim", "1.0");
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
    Workbook wb = new Workbook(out, "phbsim", "1.0");
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
