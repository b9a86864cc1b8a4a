package phbsim.writers;

import java.io.PrintWriter;
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
  public static void print(Areas.Result r, Scenario scenario, PrintWriter out) {
    Areas.AreaTotals first = r.areas().get(0);
    Output cash = Output.parse("net_saving_cash");
    Output economic = Output.parse("net_saving_economic");
    double years = scenario.years();
    for (int k = 0; k < first.optionIds().size(); k++) {
      out.println("Option " + first.optionIds().get(k) + ": " + first.optionLabels().get(k));
      out.printf(
          Locale.UK,
          "  %-28s %12s %34s %34s %14s %16s%n",
          "area",
          "population",
          "net saving, cash, £000s",
          "net saving, economic",
          "budgets /100k",
          "crises /100k/yr");
      for (Areas.AreaTotals a : r.areas()) {
        int option = k;
        row(
            out,
            a.area().label(),
            a.area().population(),
            a.summary(k, cash),
            a.summary(k, economic),
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
          out,
          "All areas",
          r.population(),
          r.total(k, cash),
          r.total(k, economic),
          mean(total, t -> t.measures()[Measure.BUDGET_HOLDERS.ordinal()])
              / r.population()
              * 100_000,
          mean(total, t -> t.measures()[Measure.CRISES.ordinal()])
              / years
              / r.population()
              * 100_000);
      out.println();
    }
    out.println(
        "Each area's own files are under areas/ID/; areas.csv and areas_per_100k.csv compare them.");
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
      PrintWriter out,
      String label,
      double population,
      Summary cash,
      Summary economic,
      double budgets,
      double crises) {
    out.printf(
        Locale.UK,
        "  %-28s %,12.0f %34s %34s %14s %16s%n",
        label.length() > 28 ? label.substring(0, 27) + "." : label,
        population,
        withInterval(cash),
        withInterval(economic),
        Numbers.readable(budgets),
        Numbers.readable(crises));
  }

  private static String withInterval(Summary s) {
    return Numbers.thousands(s.mean())
        + (Double.isNaN(s.ciLow())
            ? ""
            : " [" + Numbers.thousands(s.ciLow()) + " to " + Numbers.thousands(s.ciHigh()) + "]");
  }
}
