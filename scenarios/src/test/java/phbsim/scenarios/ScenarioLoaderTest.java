package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static phbsim.scenarios.Fixtures.problems;
import static phbsim.scenarios.Fixtures.problemsOfText;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.scenario.ContractSpec;
import phbsim.scenario.DurationFamily;
import phbsim.scenario.MoneySpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ServiceKind;
import phbsim.validation.ScenarioChecks;

class ScenarioLoaderTest {
  private static final String SOURCE = "bad/";

  private static LoadProblem only(List<LoadProblem> problems) {
    assertThat(problems).hasSize(1);
    return problems.get(0);
  }

  private static void assertAt(LoadProblem p, String file, int line, int column, String path) {
    assertThat(p.source()).isEqualTo(SOURCE + file);
    assertThat(p.line()).as("line of %s", p).isEqualTo(line);
    assertThat(p.column()).as("column of %s", p).isEqualTo(column);
    assertThat(p.path()).isEqualTo(path);
  }

  @Test
  @DisplayName("the valid fixture the bad ones are made from loads and passes the model's checks")
  void goodFixtureLoads() {
    Scenario s = ScenarioLoader.loadResource("bad/good.yaml", List.of());
    assertThat(ScenarioChecks.check(s)).isEmpty();
    assertThat(s.name()).isEqualTo("good");
    assertThat(s.segments().get(0).label())
        .as("optional label defaults to the id")
        .isEqualTo("everyone");
    assertThat(s.services().get(1).inpatient().whenFull()).isEqualTo("out-of-area");
    assertThat(s.services().get(2).crisis().episodeLength().sdDays()).isEqualTo(0.0);
    assertThat(s.pathway().get(1).to())
        .containsExactly(java.util.Map.entry("ward", 0.2), java.util.Map.entry("home", 0.8));
    ContractSpec contract = s.services().get(0).community().contract();
    assertThat(contract.fixedPerYear()).isEqualTo(50_000.0);
    assertThat(contract.costPerPostPerYear()).isEqualTo(98_836.0);
    assertThat(contract.noticeMonths()).as("optional notice defaults to 6 months").isEqualTo(6);
    assertThat(s.services().get(1).inpatient().costPerBedDay()).isEqualTo(575.0);
    assertThat(s.services().get(1).inpatient().outOfAreaCostPerDay()).isEqualTo(750.0);
    assertThat(s.services().get(1).inpatient().crisisHouse()).as("optional, default").isFalse();
    assertThat(s.services().get(2).crisis().costPerArrival()).isEqualTo(338.0);
    assertThat(s.services().get(2).crisis().costPerDay()).isEqualTo(169.0);
    assertThat(s.money()).as("optional money section defaults").isEqualTo(MoneySpec.defaults());
    assertThat(s.money().discountRatePercent()).isEqualTo(3.5);
    assertThat(s.budgets()).as("no budgets section: no budgets").isNull();
    assertThat(s.segments().get(0).budget()).isNull();
  }

  @Test
  @DisplayName("a YAML syntax error is one problem at the parser's line and column")
  void syntaxError() {
    LoadProblem p = only(problems("syntax"));
    assertAt(p, "syntax.yaml", 10, 4, "segments");
    assertThat(p.message()).startsWith("is not valid YAML: ").contains("began at line 6, column 3");
    assertThat(p.toString()).startsWith("bad/syntax.yaml:10:4: segments: is not valid YAML");
  }

  @Test
  @DisplayName("an unknown key is named, with a suggestion and the keys expected there")
  void unknownKey() {
    LoadProblem p = only(problems("unknown-key"));
    assertAt(p, "unknown-key.yaml", 8, 5, "segments[0].referalsPerYear");
    assertThat(p.message())
        .isEqualTo(
            "unknown key 'referalsPerYear' (did you mean 'referralsPerYear'?); expected one of"
                + " id, label, startingCaseload, referralsPerYear, team, crisesPerYear,"
                + " frailtyVariance, exitsPerYear, waitingExitsPerYear, budget,"
                + " gpConsultationsPerYear, needsTrendPerYear");
  }

  @Test
  @DisplayName("a missing required key is reported at its parent, saying what was expected")
  void missingKey() {
    LoadProblem p = only(problems("missing-key"));
    assertAt(p, "missing-key.yaml", 6, 5, "segments[0].team");
    assertThat(p.message()).startsWith("is missing; expected the id of the COMMUNITY service");
  }

  @Test
  @DisplayName(
      "values of the wrong type are all reported: text for a number, a list for a map, a bad date")
  void wrongTypes() {
    List<LoadProblem> ps = problems("wrong-type");
    assertThat(ps).hasSize(3);
    assertAt(ps.get(0), "wrong-type.yaml", 3, 12, "startDate");
    assertThat(ps.get(0).message())
        .isEqualTo("found '2026-02-30'; expected a date written YYYY-MM-DD, such as 2026-04-01");
    assertAt(ps.get(1), "wrong-type.yaml", 4, 8, "years");
    assertThat(ps.get(1).message()).isEqualTo("found 'abc'; expected a whole number");
    assertAt(ps.get(2), "wrong-type.yaml", 12, 5, "segments[0].exitsPerYear");
    assertThat(ps.get(2).message()).isEqualTo("found a list; expected a map of names to numbers");
  }

  @Test
  @DisplayName("a bad enum value lists the allowed values; lower-case values are accepted")
  void badEnum() {
    LoadProblem p = only(problems("bad-enum"));
    assertAt(p, "bad-enum.yaml", 25, 11, "services[1].kind");
    assertThat(p.message())
        .isEqualTo("found 'WARD'; expected one of COMMUNITY, INPATIENT, CRISIS, EXIT");
  }

  @Test
  @DisplayName("enum values bind whatever their case")
  void enumCaseInsensitive() {
    Scenario s =
        ScenarioLoader.loadResource(
            "bad/good.yaml",
            List.of(
                "services[team].kind=community",
                "services[ward].inpatient.lengthOfStay.family=Gamma"));
    assertThat(s.services().get(0).kind()).isEqualTo(ServiceKind.COMMUNITY);
    assertThat(s.services().get(1).inpatient().lengthOfStay().family())
        .isEqualTo(DurationFamily.GAMMA);
  }

  @Test
  @DisplayName("a negative rate is the model's problem, placed at the value in the file")
  void negativeRate() {
    LoadProblem p = only(problems("negative-rate"));
    assertAt(p, "negative-rate.yaml", 8, 23, "segments[0].referralsPerYear");
    assertThat(p.message()).startsWith("found -3; expected a number of at least 0");
  }

  @Test
  @DisplayName("branch probabilities that do not sum to 1 are placed at the 'to' key")
  void probabilitiesNotSummingToOne() {
    LoadProblem p = only(problems("probabilities"));
    assertAt(p, "probabilities.yaml", 52, 5, "pathway[1].to");
    assertThat(p.message()).contains("sum to 0.9").contains("expected them to sum to 1");
  }

  @Test
  @DisplayName("a pathway to an unknown service is placed at that destination")
  void pathwayToUnknownService() {
    LoadProblem p = only(problems("unknown-service"));
    assertAt(p, "unknown-service.yaml", 53, 13, "pathway[1].to.wrad");
    assertThat(p.message()).contains("'wrad' is not a service");
  }

  @Test
  @DisplayName("a service nobody can reach is placed at the start of that service")
  void unreachableService() {
    List<LoadProblem> ps = problems("unreachable");
    assertThat(ps).isNotEmpty();
    assertAt(ps.get(0), "unreachable.yaml", 43, 5, "services[3]");
    assertThat(ps.get(0).message()).contains("'respite' cannot be reached");
  }

  @Test
  @DisplayName("a segment whose team is not a COMMUNITY service")
  void teamNotCommunity() {
    LoadProblem p = only(problems("team-not-community"));
    assertAt(p, "team-not-community.yaml", 9, 11, "segments[0].team");
    assertThat(p.message()).contains("found 'ward'").contains("expected a COMMUNITY team");
  }

  @Test
  @DisplayName("a file with problems in every layer reports them all at once, in file order")
  void severalProblemsAtOnce() {
    List<LoadProblem> ps = problems("several");
    assertThat(ps)
        .extracting(LoadProblem::line, LoadProblem::column, LoadProblem::path)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(5, 1, "colour"),
            org.assertj.core.groups.Tuple.tuple(9, 23, "segments[0].referralsPerYear"),
            org.assertj.core.groups.Tuple.tuple(11, 20, "segments[0].crisesPerYear"),
            org.assertj.core.groups.Tuple.tuple(26, 11, "services[1].kind"),
            org.assertj.core.groups.Tuple.tuple(53, 5, "pathway[1].to"));
    assertThat(ps.get(0).message()).startsWith("unknown key 'colour'; expected one of name,");
    assertThat(ps.get(1).message()).isEqualTo("found 'many'; expected a number");
    assertThat(ps.get(2).message()).startsWith("found -1;");
    assertThat(ps.get(3).message()).startsWith("found 'WARD';");
    assertThat(ps.get(4).message()).contains("sum to 0.9");
  }

  @Test
  @DisplayName("a team without its block contract: the missing section is named at its parent")
  void missingContract() {
    LoadProblem p = only(problems("missing-contract"));
    assertAt(p, "missing-contract.yaml", 18, 5, "services[0].community.contract");
    assertThat(p.message())
        .isEqualTo(
            "is missing; expected a map with keys fixedPerYear, costPerPostPerYear, noticeMonths, releases,"
                + " unbundling, priceYear");
  }

  @Test
  @DisplayName("a negative price is the model's problem, placed at the value in the file")
  void negativePrice() {
    LoadProblem p = only(problems("negative-price"));
    assertAt(p, "negative-price.yaml", 32, 22, "services[1].inpatient.costPerBedDay");
    assertThat(p.message()).isEqualTo("found -575; expected a number of at least 0");
  }

  @Test
  @DisplayName(
      "money mistakes in every new section (types, a list item's missing key, ranges, a sum)"
          + " are reported at once, in file order")
  void moneyMistakesAtOnce() {
    List<LoadProblem> ps = problems("money");
    assertThat(ps)
        .extracting(LoadProblem::line, LoadProblem::column, LoadProblem::path, LoadProblem::message)
        .containsExactly(
            tuple(
                16,
                24,
                "segments[0].budget.startingHolders",
                "found 30; expected 0 to the segment's startingCaseload (25)"),
            tuple(18, 19, "segments[0].budget.spentShare", "found 1.5; expected 0 to 1 (a share)"),
            tuple(
                28,
                23,
                "services[0].community.contract.noticeMonths",
                "found 'six'; expected a whole number"),
            tuple(
                39,
                20,
                "services[1].inpatient.crisisHouse",
                "found 'sometimes'; expected true or false"),
            tuple(
                65, 24, "money.discountRatePercent", "found -1; expected 0 to 100 per cent a year"),
            tuple(68, 3, "budgets.options", "shares sum to 1.05; expected them to sum to 1"),
            tuple(74, 15, "budgets.setUp[0].months", "found 0; expected 1 to 360 months"),
            tuple(76, 7, "budgets.setUp[1].amount", "is missing; expected a number"),
            tuple(
                78,
                31,
                "budgets.brokeragePerBudgetPerMonth",
                "found -25; expected a number of at least 0"));
  }

  @Test
  @DisplayName("a file is named as given, and the exception's message lists every problem")
  void loadsFromFile(@TempDir Path dir) throws IOException {
    Path file = dir.resolve("myscenario.yaml");
    String good = BuiltInScenarios.text("tiny");
    Files.writeString(file, good.replace("years: 1", "years: 0"), StandardCharsets.UTF_8);
    ScenarioLoadException e =
        catchThrowableOfType(ScenarioLoadException.class, () -> ScenarioLoader.load(file));
    LoadProblem p = only(e.problems());
    assertThat(p.source()).isEqualTo(file.toString());
    assertThat(p.line()).isEqualTo(12);
    assertThat(p.column()).isEqualTo(8);
    assertThat(e.getMessage()).startsWith("1 problem").contains(p.toString());

    Files.writeString(file, good, StandardCharsets.UTF_8);
    assertThat(ScenarioLoader.load(file)).isEqualTo(BuiltInScenarios.load("tiny"));
  }

  @Test
  @DisplayName("a file that does not exist is one problem naming it")
  void missingFile(@TempDir Path dir) {
    Path file = dir.resolve("nowhere.yaml");
    ScenarioLoadException e =
        catchThrowableOfType(ScenarioLoadException.class, () -> ScenarioLoader.load(file));
    assertThat(only(e.problems()).toString())
        .isEqualTo(file + ": does not exist; expected a YAML scenario file");
  }

  @Test
  @DisplayName("an empty file, or one that is not a map, says what a scenario looks like")
  void notAMap() {
    assertThat(only(problemsOfText("# nothing here\n")).message())
        .startsWith("is empty; expected a map with keys name, description, startDate");
    LoadProblem p = only(problemsOfText("- a\n- b\n"));
    assertThat(p.path()).isEmpty();
    assertThat(p.line()).isEqualTo(1);
    assertThat(p.message()).startsWith("found a list; expected a map with keys name,");
  }

  @Test
  @DisplayName("a key given twice is a problem, not a silent last-one-wins")
  void duplicateKey() {
    String text = BuiltInScenarios.text("tiny").replace("years: 1\n", "years: 1\nyears: 2\n");
    LoadProblem p = only(problemsOfText(text));
    assertThat(p.path()).isEqualTo("years");
    assertThat(p.line()).isEqualTo(13);
    assertThat(p.column()).isEqualTo(1);
    assertThat(p.message()).isEqualTo("key 'years' appears twice; expected each key once");
  }

  @Test
  @DisplayName(
      "an empty value for a required key, a fractional whole number, and an empty list item")
  void emptyAndFractional() {
    String text =
        BuiltInScenarios.text("tiny")
            .replace("  - id: died\n    kind: EXIT\n", "  -\n")
            .replace("posts: 1\n", "posts:\n")
            .replace("beds: 2\n", "beds: 2.5\n");
    List<LoadProblem> ps = problemsOfText(text);
    assertThat(ps)
        .extracting(LoadProblem::path, LoadProblem::message)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "services[0].community.posts", "is empty; expected a number"),
            org.assertj.core.groups.Tuple.tuple(
                "services[1].inpatient.beds", "found 2.5; expected a whole number"),
            org.assertj.core.groups.Tuple.tuple(
                "services[4]",
                "is empty; expected a map with keys id, kind, label, community, inpatient, crisis"));
  }

  @Test
  @DisplayName(
      "an optional true/false may be left empty (the default) or written yes/no (YAML 1.1)")
  void optionalBoolean() {
    Scenario empty =
        ScenarioLoader.loadResource(
            "bad/good.yaml", List.of("services[ward].inpatient.crisisHouse=~"));
    assertThat(empty.services().get(1).inpatient().crisisHouse()).isFalse();
    Scenario yes =
        ScenarioLoader.loadResource(
            "bad/good.yaml", List.of("services[ward].inpatient.crisisHouse=yes"));
    assertThat(yes.services().get(1).inpatient().crisisHouse()).isTrue();
  }

  @Test
  @DisplayName("whole numbers written with a decimal point are accepted")
  void wholeNumberWithPoint() {
    Scenario s = ScenarioLoader.loadResource("bad/good.yaml", List.of("years=2.0"));
    assertThat(s.years()).isEqualTo(2);
  }
}
