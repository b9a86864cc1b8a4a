package phbsim.writers;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Function;
import phbsim.money.LedgerLine;
import phbsim.observe.CohortLog;
import phbsim.observe.Measure;
import phbsim.observe.TeamMeasure;
import phbsim.report.AppraisalResult;
import phbsim.report.Arm;
import phbsim.report.BudgetImpact;
import phbsim.report.Cohort;
import phbsim.report.ComparisonResult;
import phbsim.report.ExperimentResult;
import phbsim.report.Infrastructure;
import phbsim.report.Position;
import phbsim.report.Release;
import phbsim.report.Releases;
import phbsim.report.Resilience;
import phbsim.report.Summary;
import phbsim.report.UnitCosts;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialYear;

/**
 * What {@code phbsim run} prints, laid out as a board paper would: the basis and the sign rule once
 * at the top; an options appraisal in £000s over the horizon; then, for each option, its cash flow
 * per financial year, its activity, the community teams left behind and its budgets.
 *
 * <p>One sign rule throughout: a difference is the status quo minus the option, so a positive
 * figure is a saving (or less activity). One interval style: the 95 % confidence interval of the
 * mean, in square brackets as [low to high]. Percentages are printed as percentages.
 */
public final class AppraisalText {
  /** The width a printout is laid out for when it is not shown on a terminal. */
  public static final int DEFAULT_WIDTH = PrintedTable.DEFAULT_WIDTH;

  private final AppraisalResult appraisal;
  private final PrintWriter out;

  /** The width, in characters, every table is laid out within (TextTable, in blocks of columns). */
  private final int width;

  /**
   * Where warnings go: the error stream in a terminal (so a redirected report keeps them apart).
   */
  private final PrintWriter warnings;

  private final double precision;
  private final FinancialCalendar cal;
  private final int replications;

  private AppraisalText(
      AppraisalResult appraisal,
      PrintWriter out,
      PrintWriter warnings,
      double precision,
      int width) {
    this.appraisal = appraisal;
    this.out = out;
    this.warnings = warnings;
    this.precision = precision;
    this.width = width;
    this.cal = appraisal.first().option().compiled().calendar();
    this.replications = appraisal.statusQuo().replicationCount();
  }

  /**
   * Prints the whole summary of an appraisal.
   *
   * @param precision the half-width, in pounds, wanted for the confidence interval of the cash net
   *     saving: the replications needed for it are printed, with a warning if the run had fewer
   */
  public static void print(Release<AppraisalResult> appraisal, PrintWriter out, double precision) {
    print(appraisal, out, out, precision, DEFAULT_WIDTH);
  }

  /**
   * Prints the whole summary, its warnings (too few replications for the precision asked, none for
   * an interval) to {@code warnings}: a terminal's error stream, so that they are seen even when
   * the report itself is redirected to a file, and never mixed into it.
   */
  public static void print(
      Release<AppraisalResult> released, PrintWriter out, PrintWriter warnings, double precision) {
    print(released, out, warnings, precision, DEFAULT_WIDTH);
  }

  /**
   * Prints the whole summary with its tables laid out within {@code width} characters: the width of
   * the terminal it is shown on, as the caller measured it (the writers know no terminal). A table
   * wider than that is printed in blocks of columns, each repeating the row labels.
   */
  public static void print(
      Release<AppraisalResult> released,
      PrintWriter out,
      PrintWriter warnings,
      double precision,
      int width) {
    AppraisalResult appraisal = released.result();
    // The prose between the tables (the basis, the notes, the warnings) wrapped to the width.
    PrintWriter page = Prose.around(out, width);
    PrintWriter warn = Prose.around(warnings, width);
    AppraisalText t = new AppraisalText(appraisal, page, warn, precision, width);
    t.basis();
    t.options();
    t.appraisalTable();
    t.yearTable();
    for (ComparisonResult c : appraisal.options()) {
      t.option(c);
    }
    page.flush();
    warn.flush();
  }

  /**
   * The options table of a board paper: per financial year, in £000s of cash, the status quo, each
   * option, and each option's saving.
   */
  private void yearTable() {
    List<FinancialYear> years = appraisal.first().option().financialYears();
    List<String> heads = new ArrayList<>();
    for (FinancialYear y : years) {
      heads.add(Text.yearHeading(cal, y));
    }
    heads.add("Total");
    PrintedTable table = new PrintedTable("Cash by financial year, £000s", heads);
    List<ArmRow> rows = ArmRow.of(appraisal);
    for (ArmRow row : rows) {
      List<String> cells = new ArrayList<>();
      for (int y = 0; y < years.size(); y++) {
        cells.add(
            Numbers.thousands(row.comparison().annualTotal(row.arm(), y, Position.CASH).mean()));
      }
      cells.add(Numbers.thousands(horizonTotal(row.comparison(), row.arm(), Position.CASH).mean()));
      String label =
          switch (row.arm()) {
            case STATUS_QUO -> "  Status quo";
            case OPTION -> "  " + row.comparison().id();
            case DIFFERENCE -> "    saving against the status quo";
          };
      table.row(label, cells);
    }
    table.print(out, width);
    out.println();
  }

  /** The basis of every figure, stated once. */
  private void basis() {
    out.println(Text.moneyBasis(appraisal) + ".");
    out.println(
        "Cash position: money paid or no longer paid. Economic position: cash plus the capacity"
            + " used or freed inside block-funded services, valued at unit cost.");
    out.println(Arm.SIGN_RULE);
    out.println(
        "Figures are means over "
            + Text.count(replications, "replication", "replications")
            + (replications > 1
                ? "; [low to high] is the 95 % confidence interval of the mean. The range of"
                    + " outcomes (the middle 95 % of replications) is in the CSV files."
                : "; run more replications for intervals."));
    if (appraisal.suppressBelow() > 0) {
      out.println(
          "The starting population came from person-level data: counts from 1 to "
              + (appraisal.suppressBelow() - 1)
              + ", and the figures that would let them be worked out, are withheld (- here, * in"
              + " the files)."
              + (appraisal.rounds() ? " " + Columns.ROUNDED_NOTE + "." : ""));
    }
    out.println();
  }

  private void options() {
    ExperimentResult sq = appraisal.statusQuo();
    int held =
        sq.monthly(0, -1, Measure.BUDGET_HOLDERS).withheld()
            ? 0
            : (int) Math.round(sq.monthly(0, -1, Measure.BUDGET_HOLDERS).mean());
    int last = sq.compiled().calendar().monthCount() - 1;
    // The held budgets do not carry on for ever: they end at their own rates (recovery, a review
    // that stops or steps them down to nothing, moving away, death), and the status quo offers
    // none to replace them, so a finance lead reads how many are left at the end.
    String left =
        sq.monthly(last, -1, Measure.BUDGET_HOLDERS).withheld()
            ? ""
            : ", "
                + Numbers.readable(sq.monthly(last, -1, Measure.BUDGET_HOLDERS).mean())
                + " at the end of the horizon";
    out.println(
        "Status quo: nothing new. "
            + (held > 0
                ? "The budgets already held carry on until they end at their own rates (about "
                    + Text.count(held, "holder", "holders")
                    + " at the end of the first month"
                    + left
                    + "); "
                : "")
            + "no new offers; block contracts as let.");
    out.println("Options, each against the status quo on the same random numbers:");
    int idWidth = 0;
    for (ComparisonResult c : appraisal.options()) {
      idWidth = Math.max(idWidth, c.id().length());
    }
    for (ComparisonResult c : appraisal.options()) {
      out.println("  " + pad(c.id(), idWidth + 2) + c.label());
    }
    out.println();
  }

  // ---------------------------------------------------------------- the options appraisal

  /** Groups of ledger lines in the appraisal table. */
  private record Group(String title, Function<LedgerLine, Boolean> member) {}

  private static final List<Group> GROUPS =
      List.of(
          new Group("Block contracts", l -> l.group() == LedgerLine.Group.BLOCK),
          new Group(
              "Care paid per case or placement",
              l -> l.group() == LedgerLine.Group.ACTIVITY && l.cash()),
          new Group(
              "Care inside blocks (capacity, not cash)",
              l -> l.group() == LedgerLine.Group.ACTIVITY && !l.cash()),
          new Group("Personal health budgets", l -> l.group() == LedgerLine.Group.BUDGETS),
          new Group("Budget infrastructure", l -> l.group() == LedgerLine.Group.INFRASTRUCTURE));

  private void appraisalTable() {
    List<String> heads = new ArrayList<>(List.of("Status quo"));
    for (ComparisonResult c : appraisal.options()) {
      heads.add(c.id());
    }
    PrintedTable table =
        new PrintedTable("Options appraisal, £000s over " + Text.horizon(cal), heads);
    for (Group g : GROUPS) {
      List<Summary> cells = new ArrayList<>();
      cells.add(groupTotal(appraisal.first(), Arm.STATUS_QUO, g));
      for (ComparisonResult c : appraisal.options()) {
        cells.add(groupTotal(c, Arm.OPTION, g));
      }
      if (cells.stream().allMatch(s -> s.mean() == 0)) {
        continue;
      }
      moneyRow(table, "  " + g.title(), cells);
    }
    for (Position p : Position.values()) {
      List<Summary> cells = new ArrayList<>();
      cells.add(horizonTotal(appraisal.first(), Arm.STATUS_QUO, p));
      for (ComparisonResult c : appraisal.options()) {
        cells.add(horizonTotal(c, Arm.OPTION, p));
      }
      moneyRow(table, "  Total, " + shortName(p), cells);
    }
    table.print(out, width);
    out.println();
    // The savings are the options' own: no status-quo column beside them.
    PrintedTable saving =
        new PrintedTable("Saving against the status quo, £000s", heads.subList(1, heads.size()));
    for (Position p : Position.values()) {
      savingRow(saving, "  Net saving, " + shortName(p), c -> c.netSaving(p));
    }
    for (Position p : Position.values()) {
      savingRow(saving, "  NPV of the saving, " + shortName(p), c -> c.npv(p));
    }
    textRow(
        saving,
        "  Break-even month of the mean, cash",
        c -> {
          OptionalInt be = c.breakEvenMonthOfMean(Position.CASH);
          return be.isPresent() ? Text.month(cal.month(be.getAsInt())) : "not in horizon";
        });
    textRow(
        saving,
        "  Replications breaking even, cash",
        c -> Text.share(c.shareBreakingEven(Position.CASH)));
    savingRow(
        saving, "  Double running (a cost within the cash)", ComparisonResult::doubleRunningSaving);
    textRow(
        saving,
        "    months capped at the holders' budgets",
        c ->
            Numbers.readable(c.cappedMonths())
                + " of "
                + Numbers.readable(c.doubleRunningMonths().mean())
                + " months");
    for (Position p : Position.values()) {
      textRow(
          saving,
          "  Replications for ±£" + Numbers.thousands(precision) + "k, " + shortName(p),
          c -> {
            int n = c.replicationsNeeded(p, precision);
            return n == 0 ? "-" : String.format(java.util.Locale.UK, "%,d", n);
          });
    }
    saving.print(out, width);
    out.println();
    for (ComparisonResult c : appraisal.options()) {
      for (Position p : Position.values()) {
        int n = c.replicationsNeeded(p, precision);
        if (n > replications) {
          warnings.println(
              "Warning: "
                  + Text.count(replications, "replication gives", "replications give")
                  + " a confidence interval wider than ±£"
                  + Numbers.thousands(precision)
                  + "k on the "
                  + shortName(p)
                  + " net saving of "
                  + c.id()
                  + "; run with -r "
                  + n
                  + " or more for that precision.");
        }
      }
    }
    optionsAgainstEachOther();
    unitCosts();
    if (replications == 1) {
      warnings.println(
          "Warning: one replication gives no interval; run with -r 2 or more to see how sure the"
              + " figures are.");
    }
    out.println();
  }

  /**
   * Each later option against each earlier one, on the same random numbers: the paired increment a
   * finance lead choosing between two options needs (the first's cost minus the second's).
   */
  private void optionsAgainstEachOther() {
    if (appraisal.options().size() < 2) {
      return;
    }
    List<String> heads = new ArrayList<>();
    for (Position p : Position.values()) {
      heads.add("Saving, " + shortName(p));
    }
    out.println();
    PrintedTable table =
        new PrintedTable("Option against option, £000s over " + Text.horizon(cal), heads);
    for (ComparisonResult[] pair : appraisal.pairs()) {
      List<String> cells = new ArrayList<>();
      List<String> intervals = new ArrayList<>();
      for (Position p : Position.values()) {
        Summary s = appraisal.increment(pair[0], pair[1], p);
        cells.add(Numbers.thousands(s.mean()));
        intervals.add(interval(s, true));
      }
      table.row("  " + pair[1].id() + " instead of " + pair[0].id(), cells);
      if (replications > 1) {
        table.row("", intervals);
      }
    }
    table.print(out, width);
    out.println(
        "The first option's cost minus the second's, replication by replication: a positive"
            + " figure is what the second saves over the first.");
  }

  /**
   * Per budget-holder-year of the budgets each option adds, beside the national pilot's figures
   * brought to the price base (UnitCosts).
   */
  private void unitCosts() {
    List<UnitCosts.Figures> figures = new ArrayList<>();
    boolean any = false;
    for (ComparisonResult c : appraisal.options()) {
      UnitCosts.Figures f = UnitCosts.of(c);
      figures.add(f);
      any |= f.holderYears().withheld() || f.holderYears().mean() > 0;
    }
    if (!any) {
      return; // no option adds budgets: nothing to set beside the pilot's
    }
    ComparisonResult first = appraisal.first();
    List<String> heads = new ArrayList<>();
    for (ComparisonResult c : appraisal.options()) {
      heads.add(c.id());
    }
    heads.add("pilot");
    out.println();
    PrintedTable table = new PrintedTable("A budget-holder-year of the budgets added, £", heads);
    List<String> years = new ArrayList<>();
    for (UnitCosts.Figures f : figures) {
      years.add(Numbers.readable(f.holderYears().mean()));
    }
    years.add("");
    table.row("  Budget-holder-years added", years);
    unitRow(
        table, "  Budget paid", figures, UnitCosts.Figures::budgetsPaid, UnitCosts.PILOT_BUDGET);
    unitRow(
        table,
        "  Budget infrastructure paid",
        figures,
        UnitCosts.Figures::infrastructurePaid,
        Double.NaN);
    unitRow(
        table,
        "  Other care saved, cash",
        figures,
        UnitCosts.Figures::otherCareSavedCash,
        Double.NaN);
    unitRow(
        table,
        "  Other care saved, economic",
        figures,
        UnitCosts.Figures::otherCareSavedEconomic,
        UnitCosts.PILOT_OTHER_CARE_SAVED);
    table.print(out, width);
    out.println(
        "Each option against the status quo over its extra budget-holder-years; other care is every"
            + " line but budgets and their infrastructure (a positive figure is a saving). The pilot"
            + " column is the national pilot's mental health average budget and its holders' lower"
            + " use of other NHS services, at "
            + UnitCosts.PILOT_PRICE_YEAR
            + " prices (an assumption: the pilot does not state them) brought to "
            + first.option().compiled().prices().base().label()
            + ".");
  }

  private void unitRow(
      PrintedTable table,
      String label,
      List<UnitCosts.Figures> figures,
      Function<UnitCosts.Figures, Summary> figure,
      double pilot) {
    List<String> cells = new ArrayList<>();
    for (UnitCosts.Figures f : figures) {
      cells.add(Numbers.readable(figure.apply(f).mean()));
    }
    cells.add(
        Double.isNaN(pilot)
            ? "-"
            : Numbers.readable(UnitCosts.pilotAtPriceBase(appraisal.first(), pilot)));
    table.row(label, cells);
  }

  private Summary groupTotal(ComparisonResult c, Arm arm, Group g) {
    // The sum of a group's lines, replication by replication, then summarised.
    return c.horizonOf(arm, g.member()::apply);
  }

  /** An arm's total over the horizon (for the difference: the net saving). */
  private static Summary horizonTotal(ComparisonResult c, Arm arm, Position p) {
    if (arm == Arm.DIFFERENCE) {
      return c.netSaving(p);
    }
    return c.horizonOf(arm, line -> p == Position.ECONOMIC || line.cash());
  }

  private void savingRow(
      PrintedTable table, String label, Function<ComparisonResult, Summary> figure) {
    List<String> cells = new ArrayList<>();
    List<String> intervals = new ArrayList<>();
    for (ComparisonResult c : appraisal.options()) {
      Summary s = figure.apply(c);
      cells.add(Numbers.thousands(s.mean()));
      intervals.add(interval(s, true));
    }
    table.row(label, cells);
    if (replications > 1) {
      table.row("", intervals);
    }
  }

  private void textRow(
      PrintedTable table, String label, Function<ComparisonResult, String> figure) {
    List<String> cells = new ArrayList<>();
    for (ComparisonResult c : appraisal.options()) {
      cells.add(figure.apply(c));
    }
    table.row(label, cells);
  }

  private static void moneyRow(PrintedTable table, String label, List<Summary> cells) {
    List<String> means = new ArrayList<>();
    for (Summary s : cells) {
      means.add(Numbers.thousands(s.mean()));
    }
    table.row(label, means);
  }

  // ---------------------------------------------------------------- one option in detail

  private void option(ComparisonResult c) {
    out.println("=".repeat(Math.min(width, 91)));
    out.println("Option " + c.id() + ": " + c.label());
    out.println();
    cashFlow(c);
    activity(c);
    teams(c);
    budgets(c);
    cohort(c);
  }

  /**
   * The cohort view (docs/model.md section 7.5): the people who started a budget, a year before and
   * a year after, against the same people in the status quo.
   */
  private void cohort(ComparisonResult c) {
    Summary holders = c.cohort(Cohort.Figures::holders);
    out.println("The cohort view: people who started a budget, a year before and after the start");
    if (!(holders.mean() > 0)) {
      out.println(
          "  nobody started a budget with a whole year before and after it within the horizon");
      out.println();
      return;
    }
    out.println(
        "  "
            + Numbers.readable(holders.mean())
            + " people a replication, against the same people in the status quo (their twins);"
            + " £ a person a year");
    PrintedTable table =
        new PrintedTable(
            "",
            List.of(
                "holders\nyear before",
                "holders\nyear after",
                "twins\nyear before",
                "twins\nyear after"));
    double[] totals = new double[4];
    for (CohortLog.Component k : CohortLog.Component.values()) {
      double[] row = {
        c.cohort(f -> f.perHolder(f.holderBefore(), k)).mean(),
        c.cohort(f -> f.perHolder(f.holderAfter(), k)).mean(),
        c.cohort(f -> f.perHolder(f.twinBefore(), k)).mean(),
        c.cohort(f -> f.perHolder(f.twinAfter(), k)).mean()
      };
      for (int i = 0; i < 4; i++) {
        totals[i] += row[i];
      }
      table.row("  " + k.title(), readable(row));
    }
    table.row("  Total", readable(totals));
    table.print(out, width);
    Summary holdersChange = c.cohort(f -> 100 * f.holdersChange());
    Summary twinsChange = c.cohort(f -> 100 * f.twinsChange());
    Summary otherNhs = c.cohort(Cohort.Figures::otherNhsSaving);
    out.println(
        "  change in total costs, year after against year before: holders "
            + percentWithInterval(holdersChange)
            + Text.direction(holdersChange.mean(), "fell", "rose")
            + ", twins "
            + percentWithInterval(twinsChange)
            + Text.direction(twinsChange.mean(), "fell", "rose"));
    out.println(
        "  in-patient, crisis and GP costs in the year after, twins minus holders: £"
            + Numbers.readable(otherNhs.mean())
            + " a holder "
            + plainInterval(otherNhs));
    Summary avoided = c.cohort(Cohort.Figures::restrictiveCrisesAvoided);
    if (!Double.isNaN(avoided.mean())) {
      out.println(
          "  restrictive budgets: crises avoided in the year after, twins' minus theirs, "
              + Numbers.twoPlaces(avoided.mean())
              + " a holder "
              + twoPlacesInterval(avoided)
              + (avoided.mean() < 0
                  ? " (negative: more crises than their twins)"
                  : avoided.mean() > 0 ? " (fewer crises than their twins)" : ""));
    }
    out.println();
  }

  /**
   * The length of a budget, Kaplan-Meier: its median and its restricted mean up to the horizon,
   * each with its 95 % confidence interval over replications, and how many replications are behind
   * them.
   */
  static List<String> budgetLength(phbsim.report.ExperimentResult.BudgetLength length) {
    if (length.replications() == 0) {
      return List.of("  length of a budget: - (no budget was held)");
    }
    String median =
        Double.isNaN(length.median().mean())
            ? "not reached within the horizon (reached in "
                + length.medianReached()
                + " of "
                + length.replications()
                + " replications)"
            : Numbers.twoPlaces(length.median().mean())
                + " years "
                + twoPlacesInterval(length.median());
    return List.of(
        "  length of a budget, Kaplan-Meier (budgets still running at the end are censored), over "
            + Text.count(length.replications(), "replication", "replications")
            + " with a budget:",
        "    median " + median + ";",
        "    restricted mean to the "
            + Numbers.readable(length.horizonYears())
            + "-year horizon "
            + Numbers.twoPlaces(length.restrictedMean().mean())
            + " years "
            + twoPlacesInterval(length.restrictedMean()));
  }

  private static String twoPlacesInterval(Summary s) {
    return Double.isNaN(s.ciLow())
        ? ""
        : "[" + Numbers.twoPlaces(s.ciLow()) + " to " + Numbers.twoPlaces(s.ciHigh()) + "]";
  }

  private static String percentWithInterval(Summary s) {
    if (Double.isNaN(s.mean())) {
      return "-";
    }
    return Text.percent(s.mean())
        + (Double.isNaN(s.ciLow())
            ? ""
            : " [" + Text.percent(s.ciLow()) + " to " + Text.percent(s.ciHigh()) + "]");
  }

  private static String plainInterval(Summary s) {
    return Double.isNaN(s.ciLow())
        ? ""
        : "[" + Numbers.readable(s.ciLow()) + " to " + Numbers.readable(s.ciHigh()) + "]";
  }

  private void cashFlow(ComparisonResult c) {
    List<FinancialYear> years = c.option().financialYears();
    List<String> heads = new ArrayList<>();
    for (FinancialYear y : years) {
      heads.add(Text.yearHeading(cal, y));
    }
    heads.add("Total");
    PrintedTable table = new PrintedTable("Cash flow, £000s", heads);
    for (Arm arm : Arm.values()) {
      table.section(
          switch (arm) {
            case STATUS_QUO -> "Status quo";
            case OPTION -> "Option " + c.id();
            case DIFFERENCE -> "Saving (status quo minus option)";
          });
      for (LedgerLine line : LedgerLine.values()) {
        Summary total = c.horizon(arm, line);
        if (total.mean() == 0 && total.rangeLow() == 0 && total.rangeHigh() == 0) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (int y = 0; y < years.size(); y++) {
          cells.add(Numbers.thousands(c.annual(arm, y, line).mean()));
        }
        cells.add(Numbers.thousands(total.mean()));
        table.row("  " + line.title() + (line.cash() ? "" : " *"), cells);
      }
      for (Position p : Position.values()) {
        List<String> cells = new ArrayList<>();
        for (int y = 0; y < years.size(); y++) {
          cells.add(Numbers.thousands(c.annualTotal(arm, y, p).mean()));
        }
        Summary total = horizonTotal(c, arm, p);
        cells.add(Numbers.thousands(total.mean()));
        table.row("  Total, " + shortName(p), cells);
        if (arm == Arm.DIFFERENCE && replications > 1) {
          table.note("    95 % confidence interval of the total", interval(total, true));
        }
      }
    }
    table.print(out, width);
    out.println("  * capacity inside a block, valued at unit cost: no cash moves when it changes.");
    releases(c, heads);
    budgetImpact(c, heads);
    out.println();
  }

  /**
   * The cash saving as a budget-impact statement (BudgetImpact): recurrent and non-recurrent by
   * year, each year's full-year effect beside its part-year one, and the run rate at year 5.
   */
  private void budgetImpact(ComparisonResult c, List<String> heads) {
    BudgetImpact.Statement st = BudgetImpact.of(c);
    if (st.runRate().withheld()) {
      return;
    }
    out.println();
    PrintedTable table =
        new PrintedTable("Budget impact, cash, £000s (status quo minus option)", heads);
    double recurrent = 0;
    double once = 0;
    List<String> r = new ArrayList<>();
    List<String> n = new ArrayList<>();
    List<String> t = new ArrayList<>();
    List<String> f = new ArrayList<>();
    for (BudgetImpact.Year y : st.years()) {
      r.add(Numbers.thousands(y.recurrent().mean()));
      n.add(Numbers.thousands(y.nonRecurrent().mean()));
      t.add(Numbers.thousands(y.total().mean()));
      f.add(Numbers.thousands(y.fullYearEffect().mean()));
      recurrent += y.recurrent().mean();
      once += y.nonRecurrent().mean();
    }
    r.add(Numbers.thousands(recurrent));
    n.add(Numbers.thousands(once));
    t.add(Numbers.thousands(recurrent + once));
    f.add("");
    table.row("  Recurrent (the part-year effect)", r);
    table.row("  Non-recurrent (set-up, spent once)", n);
    table.row("  Total, cash", t);
    table.row("  Full-year effect at the year end", f);
    table.print(out, width);
    out.println(
        "  run rate at the end of "
            + (st.atYearFive() ? "year 5" : "the horizon")
            + ", "
            + Text.month(cal.month(st.runRateMonth()))
            + ", recurrent, £000s a year: "
            + Numbers.thousands(st.runRate().mean())
            + (replications > 1 ? " " + interval(st.runRate(), true) : "")
            + " (that month's recurrent saving x 12)");
  }

  /**
   * An option's post releases: the gross saving, the fixed costs they strand and the net, side by
   * side by year (Releases), so the stranded line is not read as a loss of its own.
   */
  private void releases(ComparisonResult c, List<String> heads) {
    Releases.Figures total = Releases.horizon(c);
    if (!total.any() || total.gross().withheld()) {
      return;
    }
    List<Releases.Figures> byYear = Releases.byYear(c);
    int years = heads.size() - 1;
    out.println();
    PrintedTable table = new PrintedTable("Posts released, £000s (status quo minus option)", heads);
    List<Map.Entry<String, Function<Releases.Figures, Summary>>> rows =
        List.of(
            Map.entry("  Gross saving (posts, their fixed share)", f -> f.gross()),
            Map.entry("  Stranded fixed costs (still paid)", f -> f.stranded()),
            Map.entry("  Net saving (cash no longer paid)", f -> f.net()));
    for (var row : rows) {
      List<String> cells = new ArrayList<>();
      for (int y = 0; y < years; y++) {
        cells.add(Numbers.thousands(row.getValue().apply(byYear.get(y)).mean()));
      }
      cells.add(Numbers.thousands(row.getValue().apply(total).mean()));
      table.row(row.getKey(), cells);
    }
    if (replications > 1) {
      table.note("    95 % confidence interval of the net", interval(total.net(), true));
    }
    table.print(out, width);
    // Each release on its own, over the horizon: gross, stranded and net side by side.
    List<Releases.Release> each = Releases.perRelease(c);
    if (each.size() > 2) {
      Resilience teams = new Resilience(c);
      var cal = c.option().compiled().calendar();
      PrintedTable releases =
          new PrintedTable("  Each release, over the horizon", List.of("Gross", "Stranded", "Net"));
      for (Releases.Release r : each) {
        String name =
            r.teamTotal()
                ? "    " + teams.id(r.team()) + ", all releases"
                : "      "
                    + r.source().label()
                    + ", from "
                    + cal.month(r.effectiveMonth()).month()
                    + " ("
                    + Numbers.readable(r.posts().mean())
                    + " posts)";
        releases.row(
            name,
            List.of(
                Numbers.thousands(r.horizon().gross().mean()),
                Numbers.thousands(r.horizon().stranded().mean()),
                Numbers.thousands(r.horizon().net().mean())));
      }
      releases.print(out, width);
      out.println("    releases.csv gives each release by financial year, with intervals.");
    }
  }

  /** A printed activity row: its title and measure. */
  private record Row(String label, Measure measure) {}

  private static final List<Row> ACTIVITY =
      List.of(
          new Row("Referrals", Measure.REFERRALS),
          new Row("Crises", Measure.CRISES),
          new Row("A&E attendances", Measure.AE_ATTENDANCES),
          new Row("Crisis team episodes", Measure.CRISIS_TEAM_EPISODES),
          new Row("Admissions to a ward", Measure.ADMISSIONS),
          new Row("  of which out of area", Measure.OUT_OF_AREA_ADMISSIONS),
          new Row("Ward bed days in area", Measure.BED_DAYS),
          new Row("Out-of-area days", Measure.OUT_OF_AREA_DAYS),
          new Row("Crisis-house stays", Measure.CRISIS_HOUSE_STAYS),
          new Row("Crisis-house nights", Measure.CRISIS_HOUSE_NIGHTS),
          new Row("Exits from secondary care", Measure.EXITS),
          new Row("  of which while waiting for a place", Measure.EXITS_WHILE_WAITING),
          new Row("Budget offers made", Measure.BUDGET_OFFERS),
          new Row("Budgets started", Measure.PLANS_SIGNED_OFF),
          new Row("Budgets ended", Measure.BUDGETS_ENDED));

  private void activity(ComparisonResult c) {
    PrintedTable table =
        new PrintedTable(
            "Activity over the horizon", List.of("Status quo", "Option", "Difference"));
    int years = c.option().financialYears().size();
    for (Row row : ACTIVITY) {
      Summary sq = horizonMetric(c, Arm.STATUS_QUO, row.measure(), years);
      Summary op = horizonMetric(c, Arm.OPTION, row.measure(), years);
      Summary d = horizonMetric(c, Arm.DIFFERENCE, row.measure(), years);
      if (sq.mean() == 0 && op.mean() == 0) {
        continue;
      }
      table.row(
          "  " + row.label(),
          List.of(
              Numbers.readable(sq.mean()),
              Numbers.readable(op.mean()),
              Numbers.readable(d.mean())));
      if (replications > 1 && d.rangeHigh() - d.rangeLow() > 0) {
        table.row("", List.of("", "", interval(d, false)));
      }
    }
    table.print(out, width);
    out.println();
  }

  /** A flow summed over the horizon, replication by replication. */
  private static Summary horizonMetric(ComparisonResult c, Arm arm, Measure m, int years) {
    return c.metricHorizon(arm, m);
  }

  private void teams(ComparisonResult c) {
    Resilience resilience = new Resilience(c);
    int last = cal.monthCount() - 1;
    PrintedTable table =
        new PrintedTable(
            "Community teams in " + Text.month(cal.month(last)), List.of("Status quo", "Option"));
    for (int team : resilience.teams()) {
      table.section("  " + resilience.label(team));
      teamRow(
          table, resilience, last, team, TeamMeasure.POSTS, "posts in force", Numbers::readable);
      teamRow(
          table,
          resilience,
          last,
          team,
          TeamMeasure.CASELOAD,
          "people on the caseload",
          Numbers::readable);
      teamRow(
          table,
          resilience,
          last,
          team,
          TeamMeasure.UTILISATION,
          "places in use (caseload + holders' share)",
          Text::share);
      teamRow(
          table,
          resilience,
          last,
          team,
          TeamMeasure.WAITING_LIST,
          "people waiting",
          Numbers::readable);
      table.row(
          "      replications with anyone waiting",
          List.of(
              Text.share(
                  resilience.shareAboveZero(Arm.STATUS_QUO, last, team, TeamMeasure.WAITING_LIST)),
              Text.share(
                  resilience.shareAboveZero(Arm.OPTION, last, team, TeamMeasure.WAITING_LIST))));
      teamRow(
          table,
          resilience,
          last,
          team,
          TeamMeasure.WAIT_MEDIAN_DAYS,
          "median wait of those placed, days",
          AppraisalText::readableOrDash);
      teamRow(
          table,
          resilience,
          last,
          team,
          TeamMeasure.WAIT_P90_DAYS,
          "90th centile wait, days",
          AppraisalText::readableOrDash);
      teamRow(
          table,
          resilience,
          last,
          team,
          TeamMeasure.COST_PER_PERSON,
          "block cost per person on caseload, £/month",
          AppraisalText::readableOrDash);
      teamRow(
          table,
          resilience,
          last,
          team,
          TeamMeasure.MEAN_FRAILTY_ON_CASELOAD,
          "left-behind index (1 = average frailty)",
          AppraisalText::twoPlacesOrDash);
      teamRow(
          table,
          resilience,
          last,
          team,
          TeamMeasure.FREED_PLACES,
          "places freed by holders, not released",
          Numbers::readable);
      teamRow(
          table,
          resilience,
          last,
          team,
          TeamMeasure.FREED_PLACES_REFILLED,
          "  of which refilled from the waiting list",
          Numbers::readable);
      teamRow(
          table,
          resilience,
          last,
          team,
          TeamMeasure.FREED_PLACES_EMPTY,
          "  of which standing empty",
          Numbers::readable);
      double below = resilience.shareFallingBelowMinimum(Arm.OPTION, team);
      double belowSq = resilience.shareFallingBelowMinimum(Arm.STATUS_QUO, team);
      table.row(
          "    replications below minimum viable size",
          List.of(Text.share(belowSq), Text.share(below)));
    }
    table.print(out, width);
    out.println();
  }

  private static void teamRow(
      PrintedTable table,
      Resilience r,
      int month,
      int team,
      TeamMeasure measure,
      String label,
      Function<Double, String> format) {
    Summary a = r.monthly(Arm.STATUS_QUO, month, team, measure);
    Summary b = r.monthly(Arm.OPTION, month, team, measure);
    table.row("    " + label, List.of(format.apply(a.mean()), format.apply(b.mean())));
  }

  private void budgets(ComparisonResult c) {
    int last = cal.monthCount() - 1;
    out.println("Budgets and their infrastructure (option)");
    Summary holders = c.metricMonthly(Arm.OPTION, last, -1, Measure.BUDGET_HOLDERS);
    Summary restrictive = c.metricMonthly(Arm.OPTION, last, -1, Measure.BUDGET_HOLDERS_RESTRICTIVE);
    out.println(
        "  budgets active at the end: "
            + Numbers.readable(holders.mean())
            + " ("
            + Numbers.readable(restrictive.mean())
            + " run the restrictive way, "
            + Numbers.readable(holders.mean() - restrictive.mean())
            + " flexibly)");
    for (String line : budgetLength(c.option().budgetLength())) {
      out.println(line);
    }
    Infrastructure infra = new Infrastructure(c, Arm.OPTION);
    Summary perBudget = infra.costPerActiveBudget(last);
    out.println(
        "  infrastructure cost per active budget in the last month: "
            + (Double.isNaN(perBudget.mean()) ? "-" : "£" + Numbers.readable(perBudget.mean())));
    OptionalInt below = infra.firstMonthBelowTarget();
    out.println(
        "  first month at or below the target"
            + (Double.isNaN(infra.target())
                ? " (none set)"
                : " of £" + Numbers.readable(infra.target()))
            + ": "
            + (below.isPresent()
                ? Text.month(cal.month(below.getAsInt()))
                : "not within the horizon"));
    OptionalInt half = infra.halfLifeMonths();
    out.println(
        "  half-life of the cost per active budget: "
            + (half.isPresent()
                ? Text.count(half.getAsInt(), "month", "months")
                : "not within the horizon"));
    Summary dr = c.doubleRunningTotal();
    if (dr.withheld()) {
      // A person-level run: it could give back a count of holders (Disclosure.Withheld).
      out.println("  double running: - (withheld: it could give a small count away)");
      out.println();
      return;
    }
    out.println(
        "  double running: £"
            + Numbers.thousands(dr.mean())
            + "k paid twice over "
            + Text.count(Math.round(c.doubleRunningMonths().mean()), "month", "months")
            + " (the block cost of places holders left and that were not released, capped by"
            + " their budgets; a cost, so "
            + Numbers.thousands(-dr.mean())
            + " among the savings by the sign rule)");
    out.println();
  }

  // ---------------------------------------------------------------- formatting

  /** "[-350.8 to -189.4]" in £000s, or for a count "[-3 to 5]"; empty if undefined. */
  private static String interval(Summary s, boolean money) {
    if (Double.isNaN(s.ciLow())) {
      return "";
    }
    return money
        ? "[" + Numbers.thousands(s.ciLow()) + " to " + Numbers.thousands(s.ciHigh()) + "]"
        : "[" + Numbers.readable(s.ciLow()) + " to " + Numbers.readable(s.ciHigh()) + "]";
  }

  private static List<String> readable(double[] figures) {
    List<String> cells = new ArrayList<>();
    for (double f : figures) {
      cells.add(Numbers.readable(f));
    }
    return cells;
  }

  private static String readableOrDash(Double v) {
    return v == null || Double.isNaN(v) ? "-" : Numbers.readable(v);
  }

  private static String twoPlacesOrDash(Double v) {
    return v == null || Double.isNaN(v) ? "-" : Numbers.twoPlaces(v);
  }

  /** "cash" or "economic", for row labels. */
  private static String shortName(Position p) {
    return p == Position.CASH ? "cash" : "economic";
  }

  /** An option's id padded for the list of options (a label, not a table). */
  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }
}
