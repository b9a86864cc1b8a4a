package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.analysis.Calibration;
import phbsim.analysis.Output;
import phbsim.report.Summary;

/** The analyses' printed tables, on a calibration whose figures were written by hand. */
class AnalysisTextTest {
  private static final Calibration.Result FIT =
      new Calibration.Result(
          List.of(
              new Calibration.Parameter("budgets.rollout.marketSize", 100, 900, 150),
              new Calibration.Parameter("segments[0].budget.crisisEffect", 0, 0.5, 0.2)),
          new double[] {412.5, 0.25},
          List.of(
              new Calibration.Fit(
                  new Calibration.Target(Output.parse("option.budget_offers"), 300, 5),
                  new Summary(302, 298, 306, 290, 310, 20)),
              new Calibration.Fit(
                  new Calibration.Target(Output.parse("net_saving_cash"), -230_000, 1_000),
                  new Summary(-232_500, -240_000, -225_000, -250_000, -210_000, 20))),
          6.41,
          true,
          37);

  private static String print(java.util.function.Consumer<PrintWriter> table) {
    StringWriter s = new StringWriter();
    PrintWriter out = new PrintWriter(s);
    table.accept(out);
    out.flush();
    return s.toString().replace(System.lineSeparator(), "\n");
  }

  @Test
  @DisplayName("a calibration's targets: each row's figures as worked by hand, in one block")
  void targetsWorkedByHand() {
    String printed = print(out -> AnalysisText.targets(out, FIT, 200));
    List<String> lines = printed.lines().toList();
    assertThat(lines).hasSize(3);
    assertThat(lines.get(0).split(" {2,}"))
        .containsExactly(
            "Targets", "target", "tolerance", "achieved", "95 % interval", "residual", "fit");
    // 302 - 300 = 2, within ± 5; -232,500 - -230,000 = -2,500, outside ± 1,000.
    assertThat(lines.get(1).trim().split(" {2,}"))
        .containsExactly(
            "option.budget_offers", "300", "± 5", "302", "[298 to 306]", "2", "within tolerance");
    assertThat(lines.get(2).trim().split(" {2,}"))
        .containsExactly(
            "net_saving_cash",
            "-230,000",
            "± 1,000",
            "-232,500",
            "[-240,000 to -225,000]",
            "-2,500",
            "OUTSIDE tolerance");
  }

  @Test
  @DisplayName(
      "on a narrow terminal the tables are laid out in blocks, no line wider, no figure cut")
  void narrowTerminal() {
    int width = 60;
    String wide = print(out -> AnalysisText.targets(out, FIT, 200));
    String narrow = print(out -> AnalysisText.targets(out, FIT, width));
    assertThat(narrow.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
    assertThat(narrow).contains("Targets (continued)");
    for (String figure : wide.replace("\n", "  ").trim().split(" {2,}")) {
      assertThat(narrow).as(figure).contains(figure);
    }
    String fitted = print(out -> AnalysisText.fitted(out, FIT, width));
    assertThat(fitted.lines()).allSatisfy(l -> assertThat(l.length()).isLessThanOrEqualTo(width));
    assertThat(fitted)
        .contains("  budgets.rollout.marketSize", "412.5", "100", "900", "150")
        .contains("  segments[0].budget.crisisEffect", "0.25", "0.5", "0.2");
  }
}
