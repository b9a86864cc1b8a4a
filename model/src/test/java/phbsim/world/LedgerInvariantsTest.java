package phbsim.world;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import phbsim.money.CashFlow;
import phbsim.money.Ledger;
import phbsim.money.LedgerLine;
import phbsim.money.Money;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.random.RandomStreams;
import phbsim.scenario.BudgetsSpec;
import phbsim.scenario.MoneySpec;
import phbsim.scenario.OptionMixSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentBudgetSpec;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.SetUpSpec;
import phbsim.testing.TestScenarios;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialYear;

/**
 * The ledger of a whole run balances to the penny and agrees with itself every way it can be added
 * up, over many small random scenarios with and without budgets and inflation (docs/model.md
 * section 5; docs/architecture.md section 7, property-style tests).
 */
class LedgerInvariantsTest {

  private static final LedgerLine[] LINES = LedgerLine.values();

  /** The contract of every TestScenarios team: £1,000,000 fixed and £50,000 a post, a year. */
  private static final long FIXED = Money.toPence(1_000_000.0);

  private static final long PER_POST = Money.toPence(50_000.0);

  /** One random scenario, with what the test needs to know about how it was made. */
  record Case(int index, Scenario scenario, int posts, boolean budgets, boolean directOnly) {
    @Override
    public String toString() {
      return "#"
          + index
          + " "
          + scenario.startDate()
          + " "
          + scenario.years()
          + "y, "
          + scenario.segments().get(0).startingCaseload()
          + " people, "
          + posts
          + " posts, inflation "
          + scenario.money().inflationPercent()
          + " %"
          + (budgets ? (directOnly ? ", direct payments only" : ", mixed budgets") : "")
          + (scenario.budgets() != null && !budgets ? ", budgets switched off" : "");
    }
  }

  static Stream<Case> scenarios() {
    SplittableRandom r = new SplittableRandom(20260401);
    LocalDate[] starts = {
      LocalDate.of(2026, 4, 1),
      LocalDate.of(2026, 4, 1),
      LocalDate.of(2025, 10, 1),
      LocalDate.of(2027, 1, 15),
      LocalDate.of(2026, 6, 30)
    };
    return IntStream.range(0, 50).mapToObj(i -> randomCase(i, r, starts));
  }

  private static Case randomCase(int i, SplittableRandom r, LocalDate[] starts) {
    int posts = r.nextInt(1, 120);
    int startingCaseload = r.nextInt(150);
    Scenario base =
        TestScenarios.builder()
            .years(1 + r.nextInt(3))
            .start(starts[r.nextInt(starts.length)])
            .startingCaseload(startingCaseload)
            .referralsPerYear(r.nextDouble() * 200)
            .crisesPerYear(r.nextDouble() * 3)
            .frailtyVariance(r.nextDouble())
            .exitsPerYear(r.nextDouble() * 2)
            .slots(posts)
            .beds(r.nextInt(12))
            .crisisToWard(r.nextDouble())
            .build();
    // Inflation in two cases of three: 0 to 8 % a year, uplifting every April.
    double inflation = r.nextInt(3) == 0 ? 0 : Math.round(r.nextDouble() * 800) / 100.0;
    // Budgets: absent, present but switched off, or on (half of those direct payments only).
    int kind = r.nextInt(4);
    boolean directOnly = kind == 3;
    OptionMixSpec mix =
        directOnly ? new OptionMixSpec(1, 0, 0) : new OptionMixSpec(0.15, 0.05, 0.80);
    BudgetsSpec spec =
        new BudgetsSpec(
            true,
            mix,
            r.nextInt(0, 16),
            List.of(new SetUpSpec(r.nextInt(1, 25), 93_280, null), new SetUpSpec(12, 52_720, null)),
            250.0,
            Math.round(r.nextDouble() * 5_000) / 100.0,
            null,
            null,
            null,
            null,
            null,
            null,
            null);
    SegmentSpec s = base.segments().get(0);
    SegmentSpec withBudget =
        new SegmentSpec(
            s.id(),
            s.label(),
            s.startingCaseload(),
            s.referralsPerYear(),
            s.team(),
            s.crisesPerYear(),
            s.frailtyVariance(),
            s.exitsPerYear(),
            null,
            new SegmentBudgetSpec(
                r.nextInt(startingCaseload + 1),
                1_000 + Math.round(r.nextDouble() * 800_000) / 100.0,
                0.5 + r.nextDouble() / 2,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null),
            null,
            null);
    Scenario scenario =
        new Scenario(
            "ledger-" + i,
            null,
            base.startDate(),
            base.years(),
            kind == 0 ? base.segments() : List.of(withBudget),
            base.services(),
            base.pathway(),
            null,
            new MoneySpec(inflation, null, null, null, null),
            switch (kind) {
              case 0 -> null;
              case 1 -> spec.disabled();
              default -> spec;
            },
            null,
            null,
            null,
            null);
    return new Case(i, scenario, posts, kind >= 2, directOnly);
  }

  @Test
  @DisplayName("the random scenarios cover every kind: budgets absent, off, mixed, direct only")
  void scenariosCoverEveryKind() {
    List<Case> cases = scenarios().toList();
    assertThat(cases).hasSize(50);
    assertThat(cases).filteredOn(c -> c.scenario().budgets() == null).hasSizeGreaterThan(5);
    assertThat(cases)
        .filteredOn(c -> c.scenario().budgets() != null && !c.budgets())
        .hasSizeGreaterThan(5);
    assertThat(cases).filteredOn(c -> c.budgets() && !c.directOnly()).hasSizeGreaterThan(5);
    assertThat(cases).filteredOn(Case::directOnly).hasSizeGreaterThan(5);
    assertThat(cases)
        .filteredOn(c -> c.budgets() && c.scenario().money().inflationPercent() > 0)
        .hasSizeGreaterThan(5);
    assertThat(cases)
        .filteredOn(c -> c.scenario().startDate().getDayOfMonth() != 1)
        .hasSizeGreaterThan(5);
  }

  private static World run(Scenario scenario, long seed) {
    return new World(new CompiledScenario(scenario), new RandomStreams(seed, 0), true).run();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName("the ledger balances and every way of adding it up agrees")
  void ledgerBalances(Case c) {
    World world = run(c.scenario(), 1_000 + c.index());
    Ledger ledger = world.ledger();
    FinancialCalendar calendar = world.compiled().calendar();
    int months = calendar.monthCount();
    ledger.checkBalanced();
    assertThat(ledger.keepsEntries()).isTrue();
    assertThat(ledger.months()).isEqualTo(months);

    // The cash-flow table adds up to the ledger total by month and by line.
    CashFlow cashFlow = ledger.cashFlow();
    long byMonth = 0;
    for (int m = 0; m < months; m++) {
      byMonth += cashFlow.total(m);
    }
    long byLine = 0;
    for (LedgerLine line : LINES) {
      byLine += cashFlow.lineTotal(line);
    }
    assertThat(cashFlow.total()).isEqualTo(ledger.total());
    assertThat(byMonth).isEqualTo(ledger.total());
    assertThat(byLine).isEqualTo(ledger.total());

    // The entries, added up cell by cell, are the table; each lies in its own month.
    long[] fromEntries = new long[months * LINES.length];
    for (int i = 0; i < ledger.postings(); i++) {
      int m = ledger.entryMonth(i);
      assertThat(m).as("entry %d", i).isBetween(0, months - 1);
      assertThat(ledger.entryDay(i))
          .as("day of entry %d (%s, month %d)", i, ledger.entryLine(i), m)
          .isBetween((double) calendar.monthStart(m), (double) calendar.monthStart(m + 1));
      assertThat(ledger.entryPence(i)).as("entry %d", i).isNotZero();
      fromEntries[m * LINES.length + ledger.entryLine(i).ordinal()] += ledger.entryPence(i);
    }
    assertThat(fromEntries).isEqualTo(cashFlow.toArray());

    checkContractInstalments(c, calendar, ledger);

    for (int m = 0; m < months; m++) {
      for (LedgerLine line : LINES) {
        long amount = ledger.amount(m, line);
        boolean phb =
            line.group() == LedgerLine.Group.BUDGETS
                || line.group() == LedgerLine.Group.INFRASTRUCTURE;
        if (phb && !c.budgets()) {
          assertThat(amount).as("%s in month %d with budgets off", line, m).isZero();
        }
        if (c.directOnly()
            && (line == LedgerLine.PHB_THIRD_PARTY
                || line == LedgerLine.PHB_THIRD_PARTY_FEES
                || line == LedgerLine.PHB_NOTIONAL)) {
          assertThat(amount).as("%s in month %d, direct payments only", line, m).isZero();
        }
        // Money back is never a payment; payments are never money back. No posts are released
        // in these runs, so nothing is stranded either.
        if (line == LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED
            || line == LedgerLine.COMMUNITY_PLACES_EMPTY) {
          // capacity standing empty is a credit in the economic position, never a payment
          assertThat(amount).as("%s in month %d", line, m).isNotPositive();
        } else if (line == LedgerLine.POSTS_RELEASED || line == LedgerLine.STRANDED_FIXED_COSTS) {
          assertThat(amount).as("%s in month %d", line, m).isZero();
        } else {
          assertThat(amount).as("%s in month %d", line, m).isNotNegative();
        }
      }
    }
    if (c.budgets()) {
      // Budgets on: the set-up schedule is always paid, and holders are paid from month 0.
      assertThat(cashFlow.lineTotal(LedgerLine.PHB_SET_UP)).isPositive();
      int holders = c.scenario().segments().get(0).budget().startingHolders();
      if (c.directOnly() && holders > 0) {
        assertThat(cashFlow.amount(0, LedgerLine.PHB_DIRECT_PAYMENTS)).isPositive();
      }
      // A direct payment can only give back what it was paid.
      assertThat(
              cashFlow.lineTotal(LedgerLine.PHB_DIRECT_PAYMENTS)
                  + cashFlow.lineTotal(LedgerLine.PHB_DIRECT_PAYMENTS_RECLAIMED))
          .isNotNegative();
    }
  }

  /**
   * In every financial year the horizon covers in full (12 months of full length), fixed + stranded
   * + staff add up to the contract, uplifted by the inflation of that year: fixed x u + posts x
   * cost a post x u, each rounded half-even.
   */
  private static void checkContractInstalments(Case c, FinancialCalendar calendar, Ledger ledger) {
    double inflation = c.scenario().money().inflationPercent() / 100.0;
    List<FinancialYear> years = calendar.financialYears();
    int fullYears = 0;
    for (int y = 0; y < years.size(); y++) {
      List<Integer> inYear = new ArrayList<>();
      for (int m = 0; m < calendar.monthCount(); m++) {
        if (calendar.month(m).financialYear().equals(years.get(y))
            && calendar.monthLength(m) == calendar.month(m).month().lengthOfMonth()) {
          inYear.add(m);
        }
      }
      if (inYear.size() != 12) {
        continue;
      }
      fullYears++;
      double uplift = Math.pow(1 + inflation, y);
      long value =
          Money.times(FIXED, uplift) + Money.times(Money.times(PER_POST, c.posts()), uplift);
      long paid = 0;
      for (int m : inYear) {
        paid +=
            ledger.amount(m, LedgerLine.BLOCK_CONTRACT_FIXED)
                + ledger.amount(m, LedgerLine.STRANDED_FIXED_COSTS)
                + ledger.amount(m, LedgerLine.BLOCK_CONTRACT_STAFF);
      }
      assertThat(paid).as("block instalments in %s", years.get(y).label()).isEqualTo(value);
    }
    // A horizon of n whole years from 1 April covers n financial years; from any other date,
    // n - 1 of them.
    boolean fromApril =
        calendar.startDate().getMonthValue() == 4 && calendar.startDate().getDayOfMonth() == 1;
    assertThat(fullYears).isEqualTo(fromApril ? calendar.years() : calendar.years() - 1);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("scenarios")
  @DisplayName(
      "the status quo of a scenario with no roll-out differs from it by the set-up spending alone")
  void statusQuoPairing(Case c) {
    long seed = 1_000 + c.index();
    World option = run(c.scenario(), seed);
    World statusQuo = run(c.scenario().statusQuo(), seed);
    MonthlyMetrics a = option.metrics();
    MonthlyMetrics b = statusQuo.metrics();
    // These scenarios make no offers, so the budgets held on day 0 run their course in both arms
    // on the same random numbers: every person and every penny is the same but the programme's
    // set-up, which belongs to the option (docs/model.md section 5).
    assertThat(b.toArray()).isEqualTo(a.toArray());
    Ledger sq = statusQuo.ledger();
    sq.checkBalanced();
    for (int m = 0; m < sq.months(); m++) {
      assertThat(b.get(m, 0, Measure.BUDGET_OFFERS)).isZero();
      for (LedgerLine line : LINES) {
        long expected = line == LedgerLine.PHB_SET_UP ? 0 : option.ledger().amount(m, line);
        assertThat(sq.amount(m, line)).as("%s in month %d", line, m).isEqualTo(expected);
      }
    }
  }
}
