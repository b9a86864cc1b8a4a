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

  /**
   * Two teams releasing at different months, each release on its own. Team {@code a}: 3 posts at
   * £120,000 and a fixed part of £60,000, 3 months' notice; it releases 1 post decided in April
   * 2026 (out from July 2026) and another decided in January 2027 (out from April 2027). Team
   * {@code b}: 4 posts at £90,000 and a fixed part of £40,000, 6 months' notice; it releases 2
   * posts decided in October 2026 (out from April 2027). By hand:
   *
   * <ul>
   *   <li>a's first release: 2026/27 net 120,000 x 9/12 = £90,000, stranded 60,000 / 3 x 9/12 =
   *       £15,000, gross £105,000; 2027/28 £120,000, -£20,000, £140,000;
   *   <li>a's second release: nothing in 2026/27; 2027/28 £120,000, -£20,000, £140,000;
   *   <li>b's release: nothing in 2026/27; 2027/28 net 2 x 90,000 = £180,000, stranded 40,000 x 2/4
   *       = £20,000, gross £200,000;
   *   <li>a's two together over the horizon: net £330,000, stranded -£55,000, gross £385,000.
   * </ul>
   */
  private static final String TWO_TEAMS =
      """
      name: two-teams-by-hand
      startDate: 2026-04-01
      years: 2
      segments:
        - id: of-a
          startingCaseload: 20
          referralsPerYear: 0
          team: a
          crisesPerYear: 0
          frailtyVariance: 0
          exitsPerYear: {gone: 0}
        - id: of-b
          startingCaseload: 20
          referralsPerYear: 0
          team: b
          crisesPerYear: 0
          frailtyVariance: 0
          exitsPerYear: {gone: 0}
      services:
        - id: a
          kind: COMMUNITY
          community:
            posts: 3
            caseloadPerPost: 10
            contract:
              fixedPerYear: 60000
              costPerPostPerYear: 120000
              noticeMonths: 3
        - id: b
          kind: COMMUNITY
          community:
            posts: 4
            caseloadPerPost: 10
            contract:
              fixedPerYear: 40000
              costPerPostPerYear: 90000
              noticeMonths: 6
        - id: gone
          kind: EXIT
      pathway: []
      money:
        priceYear: 2026/27
      options:
        - id: release
          set:
            services[a].community.contract.releases: [{decided: 2026-04-01, posts: 1}, {decided: 2027-01-01, posts: 1}]
            services[b].community.contract.releases: [{decided: 2026-10-01, posts: 2}]
      """;

  @Test
  @DisplayName("two teams releasing at different months: each release's gross, stranded and net")
  void eachReleaseByHand() {
    Scenario s = ScenarioLoader.parse("two-teams.yaml", TWO_TEAMS, List.of());
    ComparisonResult c =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 11, 1)).first();
    List<Releases.Release> rows = Releases.perRelease(c);
    // a (all), a July 2026, a April 2027, b (all), b April 2027.
    assertThat(rows).hasSize(5);
    var services = c.option().compiled().services();
    assertThat(rows)
        .extracting(r -> services.id(r.team()), Releases.Release::effectiveMonth)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("a", -1),
            org.assertj.core.groups.Tuple.tuple("a", 3),
            org.assertj.core.groups.Tuple.tuple("a", 12),
            org.assertj.core.groups.Tuple.tuple("b", -1),
            org.assertj.core.groups.Tuple.tuple("b", 12));
    // {gross, stranded, net} in 2026/27, then 2027/28, then over the horizon; then posts.
    double[][] byHand = {
      {105_000, -15_000, 90_000, 280_000, -40_000, 240_000, 385_000, -55_000, 330_000, 2},
      {105_000, -15_000, 90_000, 140_000, -20_000, 120_000, 245_000, -35_000, 210_000, 1},
      {0, 0, 0, 140_000, -20_000, 120_000, 140_000, -20_000, 120_000, 1},
      {0, 0, 0, 200_000, -20_000, 180_000, 200_000, -20_000, 180_000, 2},
      {0, 0, 0, 200_000, -20_000, 180_000, 200_000, -20_000, 180_000, 2}
    };
    for (int i = 0; i < rows.size(); i++) {
      Releases.Release r = rows.get(i);
      assertThat(r.teamTotal()).isEqualTo(r.effectiveMonth() < 0);
      assertThat(r.source()).isIn(null, phbsim.observe.TeamReleases.Source.PLANNED);
      List<Releases.Figures> periods = new java.util.ArrayList<>(r.byYear());
      periods.add(r.horizon());
      for (int p = 0; p < 3; p++) {
        Releases.Figures f = periods.get(p);
        // Each month's stranded share is rounded to the penny, and split to the penny between a
        // team's releases in force: within a penny a month (12 in a year, 24 over the horizon).
        double tolerance = p < 2 ? 0.121 : 0.241;
        String what = services.id(r.team()) + " " + r.effectiveMonth() + ", period " + p;
        assertThat(f.gross().mean()).as(what).isCloseTo(byHand[i][3 * p], within(tolerance));
        assertThat(f.stranded().mean()).as(what).isCloseTo(byHand[i][3 * p + 1], within(tolerance));
        assertThat(f.net().mean()).as(what).isCloseTo(byHand[i][3 * p + 2], within(tolerance));
      }
      assertThat(r.posts().mean()).isEqualTo(byHand[i][9]);
    }
    // The teams together are the option's releases read off the ledger's lines.
    Releases.Figures all = Releases.horizon(c);
    assertThat(rows.get(0).horizon().net().mean() + rows.get(3).horizon().net().mean())
        .isCloseTo(all.net().mean(), within(0.001));
    assertThat(rows.get(0).horizon().stranded().mean() + rows.get(3).horizon().stranded().mean())
        .isCloseTo(all.stranded().mean(), within(0.001));
  }

  static java.util.stream.Stream<String> shipped() {
    // england's 1.5 million people are for the slow suite; its teams release as the others do.
    return BuiltInScenarios.names().stream().filter(n -> !n.equals("england"));
  }

  @org.junit.jupiter.params.ParameterizedTest(name = "{0}")
  @org.junit.jupiter.params.provider.MethodSource("shipped")
  @DisplayName(
      "every shipped scenario: in every arm, replication and month, the releases' pence add up to"
          + " the ledger's posts-released and stranded lines to the penny")
  void eachReleaseAddsUpToTheLedgerLines(String name) {
    Scenario s = BuiltInScenarios.load(name, List.of());
    AppraisalResult a =
        Appraisal.run(s.statusQuo(), ScenarioLoader.options(s), new RunSpec(2, 5, 2));
    List<ExperimentResult> arms = new java.util.ArrayList<>();
    arms.add(a.statusQuo());
    a.options().forEach(c -> arms.add(c.option()));
    for (var arm : arms) {
      for (ReplicationResult r : arm.replications()) {
        phbsim.observe.TeamReleases t = r.teams().releases();
        for (int m = 0; m < t.months(); m++) {
          long saved = 0;
          long stranded = 0;
          for (int i = 0; i < t.count(); i++) {
            saved += t.saved(i, m);
            stranded += t.stranded(i, m);
            if (m < t.effectiveMonth(i)) {
              assertThat(t.saved(i, m) + t.stranded(i, m)).as("before it took effect").isZero();
            }
          }
          String where = name + ", replication " + r.replication() + ", month " + m;
          assertThat(saved)
              .as(where + ", posts released")
              .isEqualTo(-r.cashFlow().amount(m, LedgerLine.POSTS_RELEASED));
          assertThat(stranded)
              .as(where + ", stranded")
              .isEqualTo(r.cashFlow().amount(m, LedgerLine.STRANDED_FIXED_COSTS));
        }
      }
    }
    for (ComparisonResult c : a.options()) {
      Releases.Figures all = Releases.horizon(c);
      double net = 0;
      double stranded = 0;
      for (Releases.Release r : Releases.perRelease(c)) {
        if (r.teamTotal()) {
          net += r.horizon().net().mean();
          stranded += r.horizon().stranded().mean();
        }
      }
      assertThat(net)
          .as(c.id() + ": the teams' net, together")
          .isCloseTo(all.net().mean(), within(0.01));
      assertThat(stranded).as(c.id()).isCloseTo(all.stranded().mean(), within(0.01));
    }
  }
}
