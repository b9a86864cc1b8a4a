package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.random.RandomStreams;
import phbsim.scenario.MoneySpec;
import phbsim.scenario.Scenario;
import phbsim.testing.TestScenarios;

/** Money as the whole world posts it, with answers worked by hand. */
class WorldMoneyTest {

  private static World run(Scenario s) {
    return new World(new CompiledScenario(s), new RandomStreams(3, 0), true).run();
  }

  @Test
  @DisplayName(
      "a crisis house the option opens pays its set-up in month 1 and its standing cost every"
          + " month; the status quo pays neither")
  void newCrisisHousePaysItsSetUpAndStandingCost() {
    // Worked by hand. Prices in the price base (no money section): £12,000 set-up, £24,000 a
    // year standing. Set-up: 1,200,000p in month 0 only. Standing: £24,000 / 12 = £2,000 =
    // 200,000p in every one of the 24 months, whatever the house's occupancy.
    Scenario option =
        TestScenarios.builder()
            .years(2)
            .crisisHouse(2, 0.3)
            .houseCosts(12_000.0, 24_000.0, false)
            .build();
    Ledger withHouse = run(option).ledger();
    Ledger statusQuo = run(option.statusQuo()).ledger();
    assertThat(withHouse.amount(0, LedgerLine.SERVICE_SET_UP)).isEqualTo(1_200_000);
    long setUp = 0;
    long standing = 0;
    for (int m = 0; m < 24; m++) {
      if (m > 0) {
        assertThat(withHouse.amount(m, LedgerLine.SERVICE_SET_UP)).as("month %d", m).isZero();
      }
      assertThat(withHouse.amount(m, LedgerLine.SERVICE_STANDING_COSTS))
          .as("month %d", m)
          .isEqualTo(200_000);
      assertThat(statusQuo.amount(m, LedgerLine.SERVICE_SET_UP)).isZero();
      assertThat(statusQuo.amount(m, LedgerLine.SERVICE_STANDING_COSTS)).isZero();
      setUp += withHouse.amount(m, LedgerLine.SERVICE_SET_UP);
      standing += withHouse.amount(m, LedgerLine.SERVICE_STANDING_COSTS);
    }
    // Over the horizon the option pays £12,000 + 2 x £24,000 = £60,000 more on these lines.
    assertThat(setUp + standing).isEqualTo(6_000_000);
    // Both are cash: money paid to the provider.
    assertThat(LedgerLine.SERVICE_SET_UP.cash()).isTrue();
    assertThat(LedgerLine.SERVICE_STANDING_COSTS.cash()).isTrue();
  }

  @Test
  @DisplayName("a crisis house that runs today pays its standing cost in both arms: no difference")
  void standingCostOfAHouseRunningTodayIsInBothArms() {
    Scenario s =
        TestScenarios.builder()
            .years(1)
            .crisisHouse(2, 0.3)
            .houseCosts(null, 36_000.0, true)
            .build();
    Ledger option = run(s).ledger();
    Ledger statusQuo = run(s.statusQuo()).ledger();
    for (int m = 0; m < 12; m++) {
      assertThat(option.amount(m, LedgerLine.SERVICE_STANDING_COSTS)).isEqualTo(300_000);
      assertThat(statusQuo.amount(m, LedgerLine.SERVICE_STANDING_COSTS)).isEqualTo(300_000);
      assertThat(option.amount(m, LedgerLine.SERVICE_SET_UP)).isZero();
    }
  }

  @Test
  @DisplayName("a post released by the scenario saves money from decision + notice, never before")
  void releaseFromTheScenarioFile() {
    // TestScenarios.slots(10): 10 posts of 1 caseload slot each.
    // Contract: fixed £1,000,000 and £50,000 a post a year; 6 months' notice (the default).
    // Decision on 1 April 2026 (month 0) to take 2 posts out: effective in month 6, October.
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .slots(10)
            .startingCaseload(5)
            .release(LocalDate.of(2026, 4, 1), 2)
            .build();
    Ledger ledger = run(s).ledger();
    for (int m = 0; m < 6; m++) {
      assertThat(ledger.amount(m, LedgerLine.POSTS_RELEASED)).as("month %d", m).isZero();
      assertThat(ledger.amount(m, LedgerLine.STRANDED_FIXED_COSTS)).isZero();
    }
    // 2 posts x £50,000 = £100,000 a year = 10,000,000p; 12 instalments of 833,333p with the
    // 4 odd pence in M1..M4. Months 6..11 are periods M7..M12: 833,333p each.
    for (int m = 6; m < 12; m++) {
      assertThat(ledger.amount(m, LedgerLine.POSTS_RELEASED)).as("month %d", m).isEqualTo(-833_333);
    }
    // Year 2: M1..M4 carry the odd penny.
    assertThat(ledger.amount(12, LedgerLine.POSTS_RELEASED)).isEqualTo(-833_334);
    assertThat(ledger.amount(23, LedgerLine.POSTS_RELEASED)).isEqualTo(-833_333);
    // Fixed instalment: £1,000,000 / 12 = 8,333,333.33p -> M1..M4 8,333,334p, M5..M12 8,333,333p.
    // Stranded: 2/10 of the fixed instalment, rounded half-even: 1,666,666.6p -> 1,666,667p.
    assertThat(ledger.amount(6, LedgerLine.STRANDED_FIXED_COSTS)).isEqualTo(1_666_667);
    assertThat(ledger.amount(6, LedgerLine.BLOCK_CONTRACT_FIXED)).isEqualTo(8_333_333 - 1_666_667);
    // Fixed + stranded is the fixed instalment whatever is released: nothing appears or vanishes.
    assertThat(
            ledger.amount(6, LedgerLine.BLOCK_CONTRACT_FIXED)
                + ledger.amount(6, LedgerLine.STRANDED_FIXED_COSTS))
        .isEqualTo(8_333_333);
    // Over the first year the saving is 6 x 833,333p = 4,999,998p: half a year of two posts.
    long saving = 0;
    for (int m = 0; m < 12; m++) {
      saving -= ledger.amount(m, LedgerLine.POSTS_RELEASED);
    }
    assertThat(saving).isEqualTo(4_999_998);
  }

  @Test
  @DisplayName("released posts shrink the team: caseload never exceeds the slots left")
  void releaseShrinksTheTeam() {
    Scenario s =
        TestScenarios.builder()
            .years(2)
            .slots(100)
            .startingCaseload(100)
            .referralsPerYear(100)
            .exitsPerYear(1.0)
            .release(LocalDate.of(2026, 4, 1), 40)
            .build();
    World w = run(s);
    // From October 2026 (month 6) the team has 60 slots. Nobody is discharged to make room: the
    // caseload of about 100 drains by exits at 1 a person-year, ln(100/60) = 0.51 years, so by
    // about month 12 it is within the 60, and from then on it stays there.
    for (int m = 15; m < 24; m++) {
      assertThat(w.metrics().get(m, 0, Measure.CASELOAD)).as("month %d", m).isLessThanOrEqualTo(60);
    }
    assertThat(w.metrics().get(23, 0, Measure.WAITING_LIST)).isPositive();
  }

  @Test
  @DisplayName("an April uplift raises every price from the second financial year on")
  void aprilUplift() {
    Scenario real = TestScenarios.builder().years(2).build();
    Scenario cash =
        TestScenarios.builder().years(2).money(new MoneySpec(10.0, null, null, null, null)).build();
    Ledger r = run(real).ledger();
    Ledger c = run(cash).ledger();
    for (int m = 0; m < 12; m++) {
      for (LedgerLine line : LedgerLine.values()) {
        assertThat(c.amount(m, line)).as("%s in month %d", line, m).isEqualTo(r.amount(m, line));
      }
    }
    // Year 2 block instalments: £1,000,000 x 1.1 = £1,100,000 fixed -> 9,166,667p in M1..M4.
    assertThat(c.amount(12, LedgerLine.BLOCK_CONTRACT_FIXED)).isEqualTo(9_166_667);
    assertThat(r.amount(12, LedgerLine.BLOCK_CONTRACT_FIXED)).isEqualTo(8_333_334);
    // Same events in both (prices do not touch the random numbers), so every activity line is
    // within rounding of 1.1 times the real-terms one.
    long realBedDays = r.amount(14, LedgerLine.BED_DAYS);
    assertThat(c.amount(14, LedgerLine.BED_DAYS))
        .isBetween(Math.round(realBedDays * 1.1) - 1, Math.round(realBedDays * 1.1) + 1);
  }
}
