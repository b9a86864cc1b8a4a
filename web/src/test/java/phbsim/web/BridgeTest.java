package phbsim.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.runs.Invocation;
import phbsim.runs.Output;
import phbsim.runs.RunRequest;
import phbsim.runs.RunService;
import phbsim.runs.RunSettings;

/**
 * The bridge (waterfall) from the status quo to each option by ledger line, checked against what
 * did not draw it: a case worked by hand, and a recount from the files of {@code phbsim compare}
 * (cash_summary.csv's net saving, written by another writer from the same released result).
 */
class BridgeTest {
  @TempDir Path tmp;

  @Test
  void aCaseWorkedByHand() throws Exception {
    // Status quo: 100,000 + 60,000 (two years) = £160,000. The option spends £20,000 more on
    // budgets and £50,000 less on bed days over the two years, and £100 less on GP visits (too
    // small a step to draw): 160,000 + 20,000 - 50,000 - 100 = £129,900.
    String head =
        "financial_year,months_in_year,option,option_title,arm,line,line_title,basis,row_type,"
            + "saving_is,mean\n";
    String csv =
        head
            + "2026/27,12,,Status quo,status_quo,total_cash,Total,cash,total,x,100000\n"
            + "2027/28,12,,Status quo,status_quo,total_cash,Total,cash,total,x,60000\n"
            + "2026/27,12,a,Option A,option,total_cash,Total,cash,total,x,95000\n"
            + "2027/28,12,a,Option A,option,total_cash,Total,cash,total,x,34900\n"
            + "2026/27,12,a,Option A,difference,budgets,Budgets,cash,line,x,-15000\n"
            + "2027/28,12,a,Option A,difference,budgets,Budgets,cash,line,x,-5000\n"
            + "2026/27,12,a,Option A,difference,bed_days,Bed days,cash,line,x,20000\n"
            + "2027/28,12,a,Option A,difference,bed_days,Bed days,cash,line,x,30000\n"
            + "2027/28,12,a,Option A,difference,gp,GP,cash,line,x,100\n"
            + "2027/28,12,a,Option A,difference,beds_block,Beds in block,capacity,line,x,9999\n";
    Files.writeString(tmp.resolve("cashflow_annual.csv"), "# a comment line\n" + csv);
    var steps = Figures.bridges(tmp).get("Option A");
    assertThat(steps)
        .containsExactly(
            new Figures.Step("Status quo", 0, 160_000),
            new Figures.Step("Budgets", 160_000, 180_000),
            new Figures.Step("Bed days", 180_000, 130_000),
            new Figures.Step("Option A", 0, 129_900));
  }

  @Test
  void withheldLinesAreOneStepAndAWithheldTotalDrawsNoBridge() throws Exception {
    // The case above as a person-level run publishes it: the bed days' second year withheld
    // (with the GP line, its secondary cell). The bed days and GP lines then go into one step,
    // worked by hand from the published figures: 129,900 - 160,000 - 20,000 (budgets) = -50,100.
    String head =
        "financial_year,months_in_year,option,option_title,arm,line,line_title,basis,row_type,"
            + "saving_is,mean\n";
    String csv =
        head
            + "2026/27,12,,Status quo,status_quo,total_cash,Total,cash,total,x,100000\n"
            + "2027/28,12,,Status quo,status_quo,total_cash,Total,cash,total,x,60000\n"
            + "2026/27,12,a,Option A,option,total_cash,Total,cash,total,x,95000\n"
            + "2027/28,12,a,Option A,option,total_cash,Total,cash,total,x,34900\n"
            + "2026/27,12,a,Option A,difference,budgets,Budgets,cash,line,x,-15000\n"
            + "2027/28,12,a,Option A,difference,budgets,Budgets,cash,line,x,-5000\n"
            + "2026/27,12,a,Option A,difference,bed_days,Bed days,cash,line,x,20000\n"
            + "2027/28,12,a,Option A,difference,bed_days,Bed days,cash,line,x,*\n"
            + "2027/28,12,a,Option A,difference,gp,GP,cash,line,x,*\n";
    Files.writeString(tmp.resolve("cashflow_annual.csv"), csv);
    assertThat(Figures.bridges(tmp).get("Option A"))
        .containsExactly(
            new Figures.Step("Status quo", 0, 160_000),
            new Figures.Step("Budgets", 160_000, 180_000),
            new Figures.Step(Figures.WITHHELD_LINES, 180_000, 129_900),
            new Figures.Step("Option A", 0, 129_900));

    // With the option's second-year total withheld too, there is nothing to draw it from.
    Files.writeString(
        tmp.resolve("cashflow_annual.csv"),
        csv.replace(
            "option,total_cash,Total,cash,total,x,34900",
            "option,total_cash,Total,cash,total,x,*"));
    assertThat(Figures.bridges(tmp)).containsEntry("Option A", List.of());
  }

  @Test
  void itsStepsAddUpToTheOptionMinusTheStatusQuoOfPhbsimCompare() throws Exception {
    Path out = tmp.resolve("compare");
    try (RunService service = RunService.inProcess()) {
      service.run(
          RunRequest.compare(
              List.of("default", "crisis-house:crisis-house"),
              List.of("years=2"),
              RunSettings.of(3, 11),
              new Invocation("phbsim", "test", "test", false, List.of("phbsim", "compare"))),
          new Output(out, true),
          (d, t) -> {});
    }
    Map<String, List<Figures.Step>> bridges = Figures.bridges(out);
    assertThat(bridges).isNotEmpty();
    // The net saving of each option, status quo minus option, from cash_summary.csv.
    Map<String, Double> saving = new java.util.HashMap<>();
    for (var r : Figures.read(out.resolve("cash_summary.csv"))) {
      if (r.get("figure").equals("net_saving_cash")) {
        saving.put(r.get("option_title"), Double.parseDouble(r.get("mean")));
      }
    }
    assertThat(saving.keySet()).containsExactlyInAnyOrderElementsOf(bridges.keySet());
    for (var e : bridges.entrySet()) {
      List<Figures.Step> s = e.getValue();
      double statusQuo = s.get(0).to();
      double option = s.get(s.size() - 1).to();
      // Totals and means are written to the penny; a few rows are summed.
      assertThat(option - statusQuo).as(e.getKey()).isCloseTo(-saving.get(e.getKey()), within(1.0));
      // The steps between chain from one bar to the next, and end within the steps too small to
      // draw (under £500 each, at most one for each ledger line) of the option's bar.
      double at = statusQuo;
      for (Figures.Step step : s.subList(1, s.size() - 1)) {
        assertThat(step.from()).isCloseTo(at, within(1e-6));
        at = step.to();
      }
      int lines = phbsim.money.LedgerLine.values().length;
      assertThat(at).as(e.getKey()).isCloseTo(option, within(500.0 * lines + 1));
      assertThat(s.size()).as("at least one ledger line moved: %s", e.getKey()).isGreaterThan(2);
    }
  }
}
