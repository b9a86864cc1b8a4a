package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.money.CashFlow;
import phbsim.money.LedgerLine;
import phbsim.scenario.Scenario;
import phbsim.testing.TestScenarios;

/** The paired increment of one option over another (issue 20, item 15). */
class OptionsAgainstEachOtherTest {

  private static TestScenarios house(int beds, Double setUp, double standing) {
    return TestScenarios.builder()
        .years(2)
        .startingCaseload(200)
        .slots(300)
        .crisesPerYear(2)
        .crisisToWard(0.3)
        .beds(3)
        .crisisHouse(beds, 0.4)
        .houseCosts(setUp, standing, false);
  }

  @Test
  @DisplayName(
      "two options that differ only in a fixed cost differ by exactly that cost, in every"
          + " replication, with no spread")
  void fixedCostDifferenceWorkedByHand() {
    Scenario a = house(2, null, 24_000).build();
    Scenario b = house(2, 12_000.0, 60_000).build();
    AppraisalResult r =
        Appraisal.run(
            a.statusQuo(),
            List.of(new OptionArm("a", "A", a), new OptionArm("b", "B", b)),
            new RunSpec(5, 11, 2));
    ComparisonResult first = r.options().get(0);
    ComparisonResult second = r.options().get(1);
    // Worked by hand: B costs £12,000 set-up + 2 years x (£60,000 - £24,000) = £84,000 more than
    // A; the standing cost changes nothing people do, so on the same random numbers every
    // replication differs by exactly that. A's cost minus B's: -£84,000.
    for (Position p : Position.values()) {
      Summary inc = r.increment(first, second, p);
      assertThat(inc.mean()).isCloseTo(-84_000, within(1e-6));
      assertThat(inc.ciLow()).isCloseTo(-84_000, within(1e-6));
      assertThat(inc.ciHigh()).isCloseTo(-84_000, within(1e-6));
      assertThat(inc.replications()).isEqualTo(5);
    }
    assertThat(r.pairs()).hasSize(1);
    assertThat(r.pairs().get(0)).containsExactly(first, second);
  }

  @Test
  @DisplayName(
      "the increment is a recount of the two options' cash flows replication by replication, and"
          + " the difference of their savings")
  void recountFromTheReplications() {
    Scenario small = house(1, null, 0).build();
    Scenario large = house(4, null, 0).build();
    AppraisalResult r =
        Appraisal.run(
            small.statusQuo(),
            List.of(new OptionArm("small", "Small", small), new OptionArm("large", "Large", large)),
            new RunSpec(6, 5, 2));
    ComparisonResult a = r.options().get(0);
    ComparisonResult b = r.options().get(1);
    for (Position p : Position.values()) {
      double[] recount = new double[6];
      for (int i = 0; i < 6; i++) {
        recount[i] =
            (total(a.option().replications().get(i).cashFlow(), p)
                    - total(b.option().replications().get(i).cashFlow(), p))
                / 100.0;
      }
      Summary expected = Summary.ofDefined(recount);
      Summary inc = r.increment(a, b, p);
      assertThat(inc.mean()).isCloseTo(expected.mean(), within(1e-6));
      assertThat(inc.ciLow()).isCloseTo(expected.ciLow(), within(1e-6));
      assertThat(inc.ciHigh()).isCloseTo(expected.ciHigh(), within(1e-6));
      assertThat(inc.mean()).isCloseTo(b.netSaving(p).mean() - a.netSaving(p).mean(), within(1e-6));
    }
    // The options really differ: a bigger house takes more crises out of the ward.
    assertThat(r.increment(a, b, Position.ECONOMIC).mean()).isNotZero();
  }

  private static long total(CashFlow c, Position p) {
    long sum = 0;
    for (LedgerLine line : LedgerLine.values()) {
      if (p == Position.ECONOMIC || line.cash()) {
        sum += c.lineTotal(line);
      }
    }
    return sum;
  }
}
