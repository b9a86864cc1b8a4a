package phbsim.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.observe.TeamMeasure;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.RolloutKind;
import phbsim.scenario.RolloutSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.testing.TestScenarios;

/**
 * The blocks behind the monthly and annual tables: each figure recounted from the replications
 * themselves, and a comparison given its blocks (as the spark module gives them) reading those and
 * no others.
 */
class ComparisonTablesTest {
  private static final AppraisalResult APPRAISAL = appraisal();

  private static AppraisalResult appraisal() {
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .crisesPerYear(2)
            .budgets(
                new BudgetsSpec(
                    true,
                    new OptionMixSpec(0, 0, 1),
                    0,
                    List.of(),
                    0,
                    0,
                    new RolloutSpec(RolloutKind.TARGET, null, List.of(20), null, null, null, null),
                    null,
                    null,
                    null,
                    null,
                    null,
                    null),
                new SegmentBudgetSpec(
                    5, 1200, 1.0, null, null, 0.5, null, null, null, null, null, null))
            .build();
    return Appraisal.run(
        s.statusQuo(), List.of(new OptionArm("budgets", "Budgets", s)), new RunSpec(5, 11, 2));
  }

  private static ComparisonResult comparison() {
    return APPRAISAL.first();
  }

  /** The mean of the values, summed in order: what Summary.of's mean is. */
  private static double mean(double[] v) {
    double sum = 0;
    for (double x : v) {
      sum += x;
    }
    return sum / v.length;
  }

  @Test
  void aYearsMoneyIsRecountedFromEachReplicationsLedger() {
    ComparisonResult c = comparison();
    var shape = ComparisonTables.Shape.of(c.option().compiled());
    int n = c.option().replications().size();
    int year = 1;
    for (LedgerLine line : LedgerLine.values()) {
      double[] saving = new double[n];
      for (int r = 0; r < n; r++) {
        long pence = 0;
        var sq = c.statusQuo().replications().get(r).cashFlow();
        var opt = c.option().replications().get(r).cashFlow();
        for (int m : shape.monthsOfYear()[year]) {
          pence += sq.amount(m, line) - opt.amount(m, line);
        }
        saving[r] = pence / 100.0;
      }
      Summary s = c.annual(Arm.DIFFERENCE, year, line);
      assertThat(s.mean()).as(line.label()).isEqualTo(mean(saving));
      assertThat(s.replications()).isEqualTo(n);
    }
    // Twelve months in a financial year, months 12 to 23 of a run starting in April.
    assertThat(shape.monthsOfYear()[year]).hasSize(12).startsWith(12).endsWith(23);
  }

  @Test
  void aYearsStockIsItsLastMonthAndAFlowItsSum() {
    ComparisonResult c = comparison();
    int n = c.option().replications().size();
    double[] holders = new double[n];
    double[] crises = new double[n];
    for (int r = 0; r < n; r++) {
      var m = c.option().replications().get(r).metrics();
      holders[r] = m.total(23, Measure.BUDGET_HOLDERS);
      for (int month = 12; month < 24; month++) {
        crises[r] += m.total(month, Measure.CRISES);
      }
    }
    assertThat(Measure.BUDGET_HOLDERS.kind()).isEqualTo(Measure.Kind.STOCK);
    assertThat(c.metricAnnual(Arm.OPTION, 1, -1, Measure.BUDGET_HOLDERS).mean())
        .isEqualTo(mean(holders))
        .isPositive();
    assertThat(c.metricAnnual(Arm.OPTION, 1, -1, Measure.CRISES).mean())
        .isCloseTo(mean(crises), within(1e-9))
        .isPositive();
  }

  @Test
  void aTeamMeasureLeavesOutReplicationsWhereItIsUndefined() {
    double[][] values = {{1, Double.NaN}, {3, 2}, {Double.NaN, 4}};
    ComparisonResult c = comparison();
    Summary[] s =
        ComparisonTables.summarise(
            new ComparisonTables.Block(ComparisonTables.Kind.CASH_MONTH, 0),
            ComparisonTables.Shape.of(c.option().compiled()),
            List.of(values));
    assertThat(s[0].mean()).isEqualTo(2.0);
    assertThat(s[0].replications()).isEqualTo(2);
    assertThat(s[1].mean()).isEqualTo(3.0);
    int team = new Resilience(c).teams().get(0);
    int n = c.option().replications().size();
    double[] caseload = new double[n];
    for (int r = 0; r < n; r++) {
      caseload[r] =
          c.statusQuo().replications().get(r).teams().get(5, team, TeamMeasure.CASELOAD)
              - c.option().replications().get(r).teams().get(5, team, TeamMeasure.CASELOAD);
    }
    assertThat(new Resilience(c).monthly(Arm.DIFFERENCE, 5, team, TeamMeasure.CASELOAD).mean())
        .isEqualTo(mean(caseload));
  }

  @Test
  void givenBlocksAreReadAndNoneComputed() {
    ComparisonResult c = comparison();
    var shape = ComparisonTables.Shape.of(c.option().compiled());
    // Blocks of made-up summaries, told apart by their mean: the period.
    Map<ComparisonTables.Block, Summary[]> made = new HashMap<>();
    for (ComparisonTables.Block b : shape.blocks()) {
      Summary[] s = new Summary[ComparisonTables.columns(shape, b.kind())];
      java.util.Arrays.fill(s, new Summary(b.period(), 0, 0, 0, 0, 99));
      made.put(b, s);
    }
    ComparisonResult given =
        new ComparisonResult("o", "O", c.option(), c.statusQuo(), c.cohort(), made);
    assertThat(given.blocksGiven()).isEqualTo(shape.blocks().size());
    assertThat(given.monthly(Arm.OPTION, 7, LedgerLine.values()[0]).mean()).isEqualTo(7);
    assertThat(given.metricMonthlyAll(3)[Arm.DIFFERENCE.ordinal()][0][0].replications())
        .isEqualTo(99);
    assertThat(given.annualTotal(Arm.STATUS_QUO, 1, Position.CASH).mean()).isEqualTo(1);
    // The net saving is the last month's cumulative saving; the NPV is in the horizon's block (its
    // one period, 0); the replications needed still read the replications.
    assertThat(given.netSaving(Position.CASH).mean()).isEqualTo(23);
    assertThat(given.doubleRunning(4).mean()).isEqualTo(4);
    assertThat(new Infrastructure(given, Arm.OPTION).cost(9).mean()).isEqualTo(9);
    assertThat(given.npv(Position.CASH).replications()).isEqualTo(99);
    assertThat(given.replicationsNeeded(Position.CASH, 1_000))
        .isEqualTo(c.replicationsNeeded(Position.CASH, 1_000))
        .isPositive();

    made.remove(shape.blocks().get(0));
    assertThatThrownBy(
            () -> new ComparisonResult("o", "O", c.option(), c.statusQuo(), c.cohort(), made))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("missing");
  }
}
