package phbsim.cli.write;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import phbsim.money.LedgerLine;
import phbsim.report.Arm;
import phbsim.report.ComparisonResult;
import phbsim.report.Summary;
import phbsim.time.FinancialYear;

/**
 * The cash-flow table {@code phbsim run} prints, as it would go into a board paper: £000s, a row
 * per ledger line, a column per financial year and one for the whole horizon, for the scenario, its
 * baseline and the difference; then the headline figures.
 */
public final class CashFlowText {
  private static final int LABEL = 38;
  private static final int CELL = 16;

  private CashFlowText() {}

  public static void print(ComparisonResult result, PrintWriter out) {
    List<FinancialYear> years = result.scenario().financialYears();
    boolean real = result.scenario().compiled().scenario().money().inflationPercent() == 0;
    out.println(
        "Cash flow, £000s"
            + (real
                ? " (real terms: prices as in the scenario file)"
                : " (cash terms: prices uplifted each April)"));
    StringBuilder head = new StringBuilder(pad("", LABEL));
    for (FinancialYear y : years) {
      head.append(padLeft(y.label(), CELL));
    }
    head.append(padLeft("Total", CELL));
    out.println(head);
    block(result, out, Arm.SCENARIO, "Scenario", years.size());
    block(result, out, Arm.BASELINE, "Baseline (no personal health budgets)", years.size());
    block(result, out, Arm.DIFFERENCE, "Difference (scenario - baseline)", years.size());
    headlines(result, out);
  }

  private static void block(
      ComparisonResult result, PrintWriter out, Arm arm, String title, int years) {
    out.println(title);
    for (LedgerLine line : linesShown(result, arm)) {
      row(result, out, arm, "  " + line.title(), line, years, false);
    }
    row(result, out, arm, "  Total", null, years, arm == Arm.DIFFERENCE);
  }

  private static List<LedgerLine> linesShown(ComparisonResult result, Arm arm) {
    List<LedgerLine> shown = new ArrayList<>();
    for (LedgerLine line : LedgerLine.values()) {
      Summary s = result.horizon(arm, line);
      if (s.mean() != 0 || s.lower() != 0 || s.upper() != 0) {
        shown.add(line);
      }
    }
    return shown;
  }

  private static void row(
      ComparisonResult result,
      PrintWriter out,
      Arm arm,
      String label,
      LedgerLine line,
      int years,
      boolean withInterval) {
    StringBuilder means = new StringBuilder(pad(label, LABEL));
    StringBuilder ranges = new StringBuilder(pad("", LABEL));
    for (int y = 0; y < years; y++) {
      Summary s = result.annual(arm, y, line);
      means.append(padLeft(Numbers.thousands(s.mean()), CELL));
      ranges.append(padLeft(range(s), CELL));
    }
    Summary whole = result.horizon(arm, line);
    means.append(padLeft(Numbers.thousands(whole.mean()), CELL));
    ranges.append(padLeft(range(whole), CELL));
    out.println(means);
    if (withInterval && result.scenario().replications().size() > 1) {
      out.println(ranges);
    }
  }

  private static String range(Summary s) {
    return "(" + Numbers.thousands(s.lower()) + ", " + Numbers.thousands(s.upper()) + ")";
  }

  private static void headlines(ComparisonResult result, PrintWriter out) {
    var cal = result.scenario().compiled().calendar();
    Summary saving = result.netSaving();
    out.println();
    out.println(
        "Net saving over the horizon: "
            + money(saving.mean())
            + " (95% of replications "
            + money(saving.lower())
            + " to "
            + money(saving.upper())
            + ")");
    Summary npv = result.npvOfDifference();
    out.println(
        "NPV of the difference at "
            + Numbers.plain(result.discountRate() * 100)
            + "% (Green Book): "
            + money(npv.mean())
            + " (95%: "
            + money(npv.lower())
            + " to "
            + money(npv.upper())
            + ")");
    OptionalInt be = result.breakEvenMonthOfMean();
    out.println(
        "Break-even: "
            + (be.isPresent()
                ? CashFlowCsv.describe(cal.month(be.getAsInt()))
                : "not within the horizon")
            + "; "
            + Math.round(result.shareBreakingEven() * 100)
            + "% of replications break even");
    Summary dr = result.doubleRunningTotal();
    out.println(
        "Double running: "
            + money(dr.mean())
            + " over "
            + Numbers.readable(result.doubleRunningMonths().mean())
            + " months (budget payments while the teams' staffed places stand empty)");
  }

  private static String money(double pounds) {
    String sign = pounds < 0 ? "-" : "";
    return sign + "£" + Numbers.thousands(Math.abs(pounds)) + "k";
  }

  private static String pad(String s, int width) {
    return s.length() >= width ? s + " " : s + " ".repeat(width - s.length());
  }

  private static String padLeft(String s, int width) {
    return s.length() >= width ? " " + s : " ".repeat(width - s.length()) + s;
  }
}
