package phbsim.writers;

import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import phbsim.analysis.Areas;
import phbsim.analysis.ArmTotals;
import phbsim.analysis.Output;
import phbsim.observe.Measure;
import phbsim.report.Summary;
import phbsim.scenario.Scenario;

/** What {@code phbsim run} prints for a scenario of several areas: a table per option. */
public final class AreasText {
  private AreasText() {}

  /** Each option: its net savings by area and in total, and the main rates per 100,000. */
  public static void print(
      phbsim.report.Release<Areas.Result> released, Scenario scenario, PrintWriter out) {
    print(released, scenario, out, PrintedTable.DEFAULT_WIDTH);
  }

  /**
   * As {@link #print(phbsim.report.Release, Scenario, PrintWriter)}, each table laid out within
   * {@code width} characters (in blocks of columns, repeating the areas, when it does not fit).
   */
  public static void print(
      phbsim.report.Release<Areas.Result> released,
      Scenario scenario,
      PrintWriter printout,
      int width) {
    // the notes between the tables wrapped to the width
    PrintWriter out = Prose.around(printout, width);
    try {
      printAreas(released, scenario, out, width);
    } finally {
      out.flush();
    }
  }

  private static void printAreas(
      phbsim.report.Release<Areas.Result> released, Scenario scenario, PrintWriter out, int width) {
    Areas.Result r = released.result();
    Areas.AreaTotals first = r.areas().get(0);
    Output cash = Output.parse("net_saving_cash");
    Output economic = Output.parse("net_saving_economic");
    double years = scenario.years();
    for (int k = 0; k < first.optionIds().size(); k++) {
      out.println("Option " + first.optionIds().get(k) + ": " + first.optionLabels().get(k));
      PrintedTable table =
          new PrintedTable(
              "  area",
              List.of(
                  "population",
                  "net saving, cash, £000s",
                  "net saving, economic",
                  "budgets /100k",
                  "crises /100k/yr"));
      // A rate per 100,000 times the area's population gives its count back: on a person-level
      // run a column is withheld whole (every area and the total, so that no total minus the
      // published areas recovers one) if any count under it is from 1 to the threshold less one.
      int opt = k;
      boolean budgetsWithheld = smallAnywhere(r, a -> a.options().get(opt), Measure.BUDGET_HOLDERS);
      boolean crisesWithheld = smallAnywhere(r, a -> a.options().get(opt), Measure.CRISES);
      for (int i = 0; i < r.areas().size(); i++) {
        Areas.AreaTotals a = r.areas().get(i);
        int option = k;
        row(
            table,
            budgetsWithheld,
            crisesWithheld,
            a.area().label(),
            a.area().population(),
            r.headline(i, k, cash),
            r.headline(i, k, economic),
            mean(a.options().get(option), t -> t.measures()[Measure.BUDGET_HOLDERS.ordinal()])
                / a.area().population()
                * 100_000,
            mean(a.options().get(option), t -> t.measures()[Measure.CRISES.ordinal()])
                / years
                / a.area().population()
                * 100_000);
      }
      int option = k;
      var total = r.sum(a -> a.options().get(option));
      row(
          table,
          budgetsWithheld,
          crisesWithheld,
          "All areas",
          r.population(),
          r.headline(-1, k, cash),
          r.headline(-1, k, economic),
          mean(total, t -> t.measures()[Measure.BUDGET_HOLDERS.ordinal()])
              / r.population()
              * 100_000,
          mean(total, t -> t.measures()[Measure.CRISES.ordinal()])
              / years
              / r.population()
              * 100_000);
      table.print(out, width);
      out.println();
    }
    out.println(
        "Each area's own files are under areas/ID/; areas.csv and areas_per_100k.csv compare them.");
    if (r.suppressBelow() > 0) {
      out.println(
          "The starting population came from person-level data: counts from 1 to "
              + (r.suppressBelow() - 1)
              + ", and the figures that would let them be worked out, are withheld (- here, * in"
              + " the files).");
    }
  }

  /** Whether a person-level run has a count from 1 to the threshold less one in any area. */
  private static boolean smallAnywhere(
      Areas.Result r,
      java.util.function.Function<Areas.AreaTotals, java.util.List<ArmTotals>> arm,
      Measure m) {
    if (r.suppressBelow() <= 0) {
      return false;
    }
    double total = 0;
    for (Areas.AreaTotals a : r.areas()) {
      double v = mean(arm.apply(a), t -> t.measures()[m.ordinal()]);
      total += v;
      if (v > 0 && v < r.suppressBelow()) {
        return true;
      }
    }
    return total > 0 && total < r.suppressBelow();
  }

  private static double mean(
      java.util.List<ArmTotals> arm, java.util.function.ToDoubleFunction<ArmTotals> f) {
    double s = 0;
    for (ArmTotals t : arm) {
      s += f.applyAsDouble(t);
    }
    return s / arm.size();
  }

  private static void row(
      PrintedTable table,
      boolean budgetsWithheld,
      boolean crisesWithheld,
      String label,
      double population,
      Summary cash,
      Summary economic,
      double budgets,
      double crises) {
    table.row(
        "  " + label,
        List.of(
            String.format(Locale.UK, "%,.0f", population),
            withInterval(cash),
            withInterval(economic),
            budgetsWithheld ? "-" : Numbers.readable(budgets),
            crisesWithheld ? "-" : Numbers.readable(crises)));
  }

  private static String withInterval(Summary s) {
    return Numbers.thousands(s.mean())
        + (Double.isNaN(s.ciLow())
            ? ""
            : " [" + Numbers.thousands(s.ciLow()) + " to " + Numbers.thousands(s.ciHigh()) + "]");
  }
}
