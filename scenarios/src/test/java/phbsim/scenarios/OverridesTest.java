package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static phbsim.scenarios.Fixtures.problems;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.scenario.Scenario;
import phbsim.scenario.ServiceSpec;

class OverridesTest {
  private static Scenario good(String... overrides) {
    return ScenarioLoader.loadResource("bad/good.yaml", List.of(overrides));
  }

  private static LoadProblem only(List<LoadProblem> problems) {
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  @Test
  @DisplayName("top-level values and list items by index are overridden, parsed as YAML scalars")
  void byIndex() {
    Scenario s =
        good(
            "years=3",
            "startDate=2027-04-01",
            "segments[0].referralsPerYear=900",
            "services[2].crisis.aeAttendance=true",
            "description=what if");
    assertThat(s.years()).isEqualTo(3);
    assertThat(s.startDate()).isEqualTo(LocalDate.of(2027, 4, 1));
    assertThat(s.segments().get(0).referralsPerYear()).isEqualTo(900.0);
    assertThat(s.services().get(2).crisis().aeAttendance()).isTrue();
    assertThat(s.description()).isEqualTo("what if");
  }

  @Test
  @DisplayName("list items are selected by id, and pathway branches by their 'from'")
  void byId() {
    Scenario s =
        good(
            "segments[everyone].crisesPerYear=0.8",
            "services[team].community.posts=45",
            "pathway[crisis-team].to.ward=0.3",
            "pathway[crisis-team].to.home=0.7");
    assertThat(s.segments().get(0).crisesPerYear()).isEqualTo(0.8);
    assertThat(s.services().get(0).community().posts()).isEqualTo(45.0);
    assertThat(s.pathway().get(1).to()).containsEntry("ward", 0.3).containsEntry("home", 0.7);
  }

  @Test
  @DisplayName("an optional key absent from the file, and a new map entry, can be set")
  void absentButAllowed() {
    Scenario s =
        good(
            "segments[everyone].label=All of us",
            "services[ward].inpatient.whenFull=out-of-area",
            "segments[0].exitsPerYear.died=0.05");
    assertThat(s.segments().get(0).label()).isEqualTo("All of us");
    assertThat(s.segments().get(0).exitsPerYear()).containsEntry("died", 0.05);
  }

  @Test
  @DisplayName("money and budget values nested in lists and sections are overridden by id")
  void moneyById() {
    Scenario s =
        BuiltInScenarios.load(
            "default",
            List.of(
                "services[acute-ward].inpatient.costPerBedDay=600",
                "services[crisis-house].inpatient.crisisHouse=false",
                "services[cmht].community.contract.noticeMonths=3",
                "segments[complex].budget.startingHolders=3",
                "budgets.setUp[1].amount=0",
                "money.inflationPercent=2.5"));
    assertThat(service(s, "acute-ward").inpatient().costPerBedDay()).isEqualTo(600.0);
    assertThat(service(s, "crisis-house").inpatient().crisisHouse()).isFalse();
    assertThat(service(s, "cmht").community().contract().noticeMonths()).isEqualTo(3);
    assertThat(s.segments().get(2).id()).isEqualTo("complex");
    assertThat(s.segments().get(2).budget().startingHolders()).isEqualTo(3);
    assertThat(s.segments().get(2).budget().annualAllocation()).isEqualTo(3602.0);
    assertThat(s.budgets().setUp().get(1).amount()).isEqualTo(0.0);
    assertThat(s.budgets().setUp().get(0).amount()).isEqualTo(93_280.0);
    assertThat(s.money().inflationPercent()).isEqualTo(2.5);
    assertThat(s.money().discountRatePercent()).isEqualTo(3.5);
  }

  @Test
  @DisplayName("switching budgets off by override gives the scenario with budgets disabled")
  void budgetsOffByOverride() {
    Scenario off = BuiltInScenarios.load("default", List.of("budgets.enabled=false"));
    assertThat(off.budgetsEnabled()).isFalse();
    Scenario on = BuiltInScenarios.load("default");
    assertThat(off).isEqualTo(on.withBudgets(on.budgets().disabled()));
  }

  @Test
  @DisplayName("option shares made not to sum to 1 by an override are reported at the options")
  void optionSharesSum() {
    ScenarioLoadException e =
        org.assertj.core.api.Assertions.catchThrowableOfType(
            ScenarioLoadException.class,
            () -> BuiltInScenarios.load("default", List.of("budgets.options.directPayment=0.2")));
    LoadProblem p = only(e.problems());
    assertThat(p.path()).isEqualTo("budgets.options");
    assertThat(p.message()).isEqualTo("shares sum to 1.05; expected them to sum to 1");
    // The sum is of three values, two of them the file's: it is placed at the file's options.
    assertThat(p.source()).isEqualTo("phbsim/scenarios/default.yaml");
    List<String> lines = BuiltInScenarios.text("default").lines().toList();
    int budgets = lines.indexOf("budgets:");
    int options = budgets + 1;
    while (!lines.get(options).startsWith("  options:")) {
      options++;
    }
    assertThat(p.line()).isEqualTo(options + 1);
    assertThat(p.column()).isEqualTo(3);
  }

  @Test
  @DisplayName("a list index past the set-up schedule lists what exists")
  void setUpIndexOutOfRange() {
    LoadProblem p =
        only(
            Fixtures.problemsOfText(
                BuiltInScenarios.text("default"), "budgets.setUp[2].amount=1000"));
    assertThat(p.path()).isEqualTo("budgets.setUp[2]");
    assertThat(p.message())
        .isEqualTo(
            "index 2 is out of range: budgets.setUp has 2 items; expected an index from 0 to 1");
  }

  @Test
  @DisplayName("an optional section the file leaves out can be set, and takes its defaults")
  void absentSectionSet() {
    Scenario s = good("money.discountRatePercent=5");
    assertThat(s.money().discountRatePercent()).isEqualTo(5.0);
    assertThat(s.money().inflationPercent()).isEqualTo(0.0);
  }

  @Test
  @DisplayName("problems in a section an override created point at that override, not the file")
  void createdSectionPointsAtOverride() {
    String first = "segments[everyone].budget.startingHolders=5";
    List<LoadProblem> partial = problems("good", first);
    assertThat(partial)
        .extracting(LoadProblem::source, LoadProblem::path, LoadProblem::message)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "--set " + first,
                "segments[0].budget.annualAllocation",
                "is missing; expected a number"),
            org.assertj.core.groups.Tuple.tuple(
                "--set " + first,
                "segments[0].budget.spentShare",
                "is missing; expected a number"));

    LoadProblem p =
        only(
            problems(
                "good",
                first,
                "segments[everyone].budget.annualAllocation=3602",
                "segments[everyone].budget.spentShare=0.9"));
    assertThat(p.source()).isEqualTo("--set " + first);
    assertThat(p.path()).isEqualTo("segments[0].budget");
    assertThat(p.message())
        .startsWith("gives budget holders, but the scenario has no 'budgets' section");
  }

  private static ServiceSpec service(Scenario s, String id) {
    return s.services().stream().filter(svc -> svc.id().equals(id)).findFirst().orElseThrow();
  }

  @Test
  @DisplayName("a later override of the same path wins")
  void laterWins() {
    assertThat(good("years=3", "years=4").years()).isEqualTo(4);
  }

  @Test
  @DisplayName("an unknown key in a path names the key and the keys that exist there")
  void unknownPath() {
    LoadProblem p = only(problems("good", "segments[everyone].crisisPerYear=1"));
    assertThat(p.source()).isEqualTo("--set segments[everyone].crisisPerYear=1");
    assertThat(p.hasLocation()).isFalse();
    assertThat(p.path()).isEqualTo("segments[0].crisisPerYear");
    assertThat(p.message())
        .startsWith(
            "unknown key 'crisisPerYear' (did you mean 'crisesPerYear'?); expected one of id,")
        .endsWith("in segments[0]");
    assertThat(only(problems("good", "colour=blue")).message())
        .isEqualTo(
            "unknown key 'colour'; expected one of name, description, startDate, years, segments,"
                + " services, pathway, primaryCare, money, budgets, options, uncertainty, areas,"
                + " startingPopulation at the top level");
  }

  @Test
  @DisplayName("an id or index that selects nothing lists what exists")
  void selectorMisses() {
    LoadProblem byId = only(problems("good", "segments[psychosis].crisesPerYear=0.8"));
    assertThat(byId.path()).isEqualTo("segments[psychosis]");
    assertThat(byId.message())
        .isEqualTo(
            "no item has id 'psychosis'; expected an index from 0 to 0 or one of the ids everyone");
    LoadProblem byIndex = only(problems("good", "services[9].kind=EXIT"));
    assertThat(byIndex.path()).isEqualTo("services[9]");
    assertThat(byIndex.message())
        .startsWith("index 9 is out of range: services has 5 items; expected an index from 0 to 4")
        .contains("team, ward, crisis-team, primary-care, died");
    assertThat(only(problems("good", "pathway[died].to.home=1")).message())
        .contains("no item has from 'died'")
        .contains("team, crisis-team, ward");
  }

  @Test
  @DisplayName("a malformed override says what an override looks like")
  void malformed() {
    LoadProblem noEquals = only(problems("good", "years"));
    assertThat(noEquals.toString())
        .isEqualTo(
            "--set years: is not an override: it has no '='; expected path=value, such as years=1"
                + " or segments[psychosis].crisesPerYear=0.8");
    assertThat(only(problems("good", "=3")).message()).startsWith("has no path before '='");
    assertThat(only(problems("good", "years=")).message()).startsWith("has no value after '='");
    assertThat(only(problems("good", "segments[0.referralsPerYear=1")).message())
        .startsWith("has a '[' without a matching ']'");
    assertThat(only(problems("good", "segments..x=1")).message()).startsWith("has an empty key");
    assertThat(only(problems("good", "years.x=1")).message())
        .startsWith("'years' holds a whole number, which has no keys");
  }

  @Test
  @DisplayName("a value of the wrong type is reported against the override that set it")
  void badValueType() {
    LoadProblem p = only(problems("good", "services[team].community.posts=many"));
    assertThat(p.toString())
        .isEqualTo(
            "--set services[team].community.posts=many: services[0].community.posts: found 'many';"
                + " expected a number");
  }

  @Test
  @DisplayName("a model problem caused by an override points at the override, others at the file")
  void modelProblemsFromOverrides() {
    List<LoadProblem> ps = problems("probabilities", "segments[0].referralsPerYear=-1");
    assertThat(ps).hasSize(2);
    assertThat(ps.get(0).source()).isEqualTo("--set segments[0].referralsPerYear=-1");
    assertThat(ps.get(0).path()).isEqualTo("segments[0].referralsPerYear");
    assertThat(ps.get(1).source()).isEqualTo("bad/probabilities.yaml");
    assertThat(ps.get(1).line()).isEqualTo(52);
  }

  @Test
  @DisplayName("overrides fix a file: a bad value in the file can be overridden with a good one")
  void overrideFixesFile() {
    Scenario s =
        ScenarioLoader.loadResource(
            "bad/negative-rate.yaml", List.of("segments[0].referralsPerYear=3"));
    assertThat(s.segments().get(0).referralsPerYear()).isEqualTo(3.0);
  }

  @Test
  @DisplayName("overrides apply to a scenario already in memory")
  void overrideInMemory() {
    Scenario tiny = BuiltInScenarios.load("tiny");
    Scenario longer = ScenarioLoader.override(tiny, List.of("years=10"));
    assertThat(longer).isEqualTo(tiny.withYears(10));
  }
}
