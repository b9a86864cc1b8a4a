package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.RunSpec;
import phbsim.money.LedgerLine;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;

/**
 * A release's gross saving, stranded fixed costs and net (issue 20, item 11), worked by hand, and
 * reconciled with the cash flow.
 *
 * <p>The case: a team of 3 posts at £120,000 a post a year and a fixed part of £60,000 a year. The
 * option takes 1 post out, decided in April 2026 with 3 months' notice: out from July (month 3). By
 * hand, in 2026/27 (9 months without the post): net saving 120,000 x 9/12 = £90,000; stranded, the
 * post's third of the fixed part, 60,000 / 3 x 9/12 = £15,000, still paid (so -15,000); gross, the
 * post at its full cost, £105,000. In 2027/28, a whole year: £120,000, -£20,000, £140,000. Each
 * month's stranded share (£1,666.67) is rounded to the penny, so a year is within 12 half-pennies
 * of the hand's figure and the horizon within 21.
 */
class ReleasesTest {
  private static final String YAML =
      """
      name: releases-by-hand
      startDate: 2026-04-01
      years: 2
      segments:
        - id: everyone
          startingCaseload: 20
          referralsPerYear: 0
          team: team
          crisesPerYear: 0
          frailtyVariance: 0
          exitsPerYear: {gone: 0}
      services:
        - id: team
          kind: COMMUNITY
          community:
            posts: 3
            caseloadPerPost: 10
            contract:
              fixedPerYear: 60000
              costPerPostPerYear: 120000
              noticeMonths: 3
        - id: gone
          kind: EXIT
      pathway: []
      money:
        priceYear: 2026/27
      options:
        - id: release
          set:
            services[team].community.contract.releases: [{decided: 2026-04-01, posts: 1}]
      """;

  @Test
  @DisplayName("gross, stranded and net by year, as worked by hand")
  void byHand() {
    Scenario s = ScenarioLoader.parse("by-hand.yaml", YAML, List.of());
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 11, 1)).first();
    List<Releases.Figures> years = Releases.byYear(c);
    assertThat(years).hasSize(2);
    double[][] byHand = {{105_000, -15_000, 90_000}, {140_000, -20_000, 120_000}};
    for (int y = 0; y < 2; y++) {
      Releases.Figures f = years.get(y);
      assertThat(f.gross().mean()).as("gross, year %d", y).isCloseTo(byHand[y][0], within(0.06));
      assertThat(f.stranded().mean())
          .as("stranded, year %d", y)
          .isCloseTo(byHand[y][1], within(0.06));
      assertThat(f.net().mean()).as("net, year %d", y).isCloseTo(byHand[y][2], within(0.06));
    }
    Releases.Figures h = Releases.horizon(c);
    assertThat(h.gross().mean()).isCloseTo(245_000, within(0.105));
    assertThat(h.stranded().mean()).isCloseTo(-35_000, within(0.105));
    assertThat(h.net().mean()).isCloseTo(210_000, within(0.105));
    assertThat(h.any()).isTrue();
  }

  @Test
  @DisplayName(
      "the net saving is what the block lines of the cash flow save between them, on a shipped"
          + " scenario; an option without a release has none")
  void reconcilesWithTheCashFlow() {
    Scenario s = BuiltInScenarios.load("default", List.of("years=3"));
    AppraisalResult a =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(3, 5, 2));
    for (ComparisonResult c : a.options()) {
      double blockSaving = 0;
      for (LedgerLine line : LedgerLine.values()) {
        if (line.group() == LedgerLine.Group.BLOCK) {
          blockSaving += c.horizon(Arm.DIFFERENCE, line).mean();
        }
      }
      Releases.Figures h = Releases.horizon(c);
      assertThat(h.net().mean()).as(c.id()).isCloseTo(blockSaving, within(0.05));
      assertThat(h.gross().mean() + h.stranded().mean())
          .as(c.id())
          .isCloseTo(h.net().mean(), within(0.01));
      assertThat(h.stranded().mean())
          .as(c.id() + ": the stranded line of the cash flow, saving by the sign rule")
          .isCloseTo(
              c.horizon(Arm.DIFFERENCE, LedgerLine.STRANDED_FIXED_COSTS).mean(), within(0.05));
      if (c.id().equals("roll-out")) {
        assertThat(h.any()).isFalse();
      } else {
        assertThat(h.net().mean()).isPositive();
      }
    }
  }
}
