package phbsim.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static phbsim.scenario.ScenarioFixtures.ACUTE;
import static phbsim.scenario.ScenarioFixtures.CMHT;
import static phbsim.scenario.ScenarioFixtures.CRISIS;
import static phbsim.scenario.ScenarioFixtures.DISCHARGED;
import static phbsim.scenario.ScenarioFixtures.FROM_ACUTE;
import static phbsim.scenario.ScenarioFixtures.FROM_CMHT;
import static phbsim.scenario.ScenarioFixtures.FROM_CRISIS;
import static phbsim.scenario.ScenarioFixtures.community;
import static phbsim.scenario.ScenarioFixtures.crisis;
import static phbsim.scenario.ScenarioFixtures.exit;
import static phbsim.scenario.ScenarioFixtures.inpatient;
import static phbsim.scenario.ScenarioFixtures.map;
import static phbsim.scenario.ScenarioFixtures.minimal;
import static phbsim.scenario.ScenarioFixtures.segment;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import phbsim.scenario.BranchSpec;
import phbsim.scenario.CommunitySpec;
import phbsim.scenario.ContractSpec;
import phbsim.scenario.CrisisSpec;
import phbsim.scenario.DurationFamily;
import phbsim.scenario.DurationSpec;
import phbsim.scenario.InpatientSpec;
import phbsim.scenario.Problem;
import phbsim.scenario.ScenarioException;
import phbsim.scenario.ScenarioFixtures.Draft;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.ServiceKind;
import phbsim.scenario.ServiceSpec;

class ScenarioChecksTest {

  private static List<Problem> check(Draft draft) {
    return ScenarioChecks.check(draft.build());
  }

  /** Asserts that there is exactly one problem, at {@code path}, whose message has every word. */
  private static void assertOnly(List<Problem> problems, String path, String... words) {
    assertThat(problems).as("problems").hasSize(1);
    assertProblem(problems.get(0), path, words);
  }

  private static void assertProblem(Problem problem, String path, String... words) {
    assertThat(problem.path()).as("path of %s", problem).isEqualTo(path);
    assertThat(problem.message()).as("message of %s", problem).contains(words);
  }

  private static SegmentSpec segmentWith(
      int startingCaseload,
      double referralsPerYear,
      double crisesPerYear,
      double frailtyVariance,
      Map<String, Double> exits) {
    return new SegmentSpec(
        "psychosis",
        null,
        startingCaseload,
        referralsPerYear,
        "cmht",
        crisesPerYear,
        frailtyVariance,
        exits,
        null,
        null,
        null,
        null);
  }

  private static ServiceSpec withLengthOfStay(DurationSpec lengthOfStay) {
    return new ServiceSpec(
        "acute",
        ServiceKind.INPATIENT,
        null,
        null,
        new InpatientSpec(20, lengthOfStay, null, 575.0, 750.0, null, null, null, null),
        null);
  }

  @Test
  @DisplayName("the minimal scenario has no problems")
  void minimalIsValid() {
    assertThat(check(minimal())).isEmpty();
    assertThatCode(() -> ScenarioChecks.requireValid(minimal().build())).doesNotThrowAnyException();
  }

  @Nested
  @DisplayName("the scenario as a whole")
  class Whole {
    @ParameterizedTest(name = "{0} years")
    @ValueSource(ints = {0, -1, 31})
    @DisplayName("a horizon outside 1 to 30 years is a problem")
    void yearsOutOfRange(int years) {
      Draft d = minimal();
      d.years = years;
      assertOnly(check(d), "years", "found " + years, "1 to 30");
    }

    @ParameterizedTest(name = "{0} years")
    @ValueSource(ints = {1, 30})
    @DisplayName("1 and 30 years are allowed")
    void yearsAtLimits(int years) {
      Draft d = minimal();
      d.years = years;
      assertThat(check(d)).isEmpty();
    }

    @Test
    @DisplayName("a blank name and a missing start date are problems")
    void nameAndStartDate() {
      Draft d = minimal();
      d.name = " ";
      d.startDate = null;
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "name", "empty");
      assertProblem(problems.get(1), "startDate", "missing", "2026-04-01");
    }

    @Test
    @DisplayName("no services and no segments are problems")
    void emptyLists() {
      Draft d = minimal();
      d.services.clear();
      d.segments.clear();
      d.pathway.clear();
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "services", "empty", "COMMUNITY", "EXIT");
      assertProblem(problems.get(1), "segments", "empty");
    }
  }

  @Nested
  @DisplayName("ids")
  class Ids {
    @Test
    @DisplayName("two services with the same id are a problem at the second")
    void duplicateServiceId() {
      Draft d = minimal();
      d.services.add(community("cmht"));
      assertOnly(check(d), "services[4].id", "'cmht'", "earlier service", "unique");
    }

    @Test
    @DisplayName("two segments with the same id are a problem at the second")
    void duplicateSegmentId() {
      Draft d = minimal();
      d.segments.add(segment("psychosis", "cmht", map("discharged", 0.1)));
      assertOnly(check(d), "segments[1].id", "'psychosis'", "earlier segment");
    }

    @ParameterizedTest
    @ValueSource(strings = {"home", "out-of-area"})
    @DisplayName("'home' and 'out-of-area' are reserved and cannot be service ids")
    void reservedIds(String id) {
      Draft d = minimal();
      d.services.add(exit(id));
      assertOnly(check(d), "services[4].id", "'" + id + "'", "reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1team", "team one", "", "_x"})
    @DisplayName("ids must start with a letter and hold only letters, digits, '-' and '_'")
    void malformedIds(String id) {
      Draft d = minimal();
      d.services.add(exit(id));
      assertOnly(check(d), "services[4].id", "found '" + id + "'", "starting with a letter");
    }
  }

  @Nested
  @DisplayName("segments")
  class Segments {
    @Test
    @DisplayName("a team that is not a service is a problem")
    void unknownTeam() {
      Draft d = minimal();
      d.segments.set(0, segment("psychosis", "nobody", map("discharged", 0.2)));
      assertOnly(check(d), "segments[0].team", "'nobody'", "COMMUNITY");
    }

    @Test
    @DisplayName("a team that is not a COMMUNITY service is a problem")
    void teamNotCommunity() {
      Draft d = minimal();
      d.segments.set(0, segment("psychosis", "acute", map("discharged", 0.2)));
      assertOnly(check(d), "segments[0].team", "'acute'", "INPATIENT", "COMMUNITY team");
    }

    @Test
    @DisplayName("an exit to a service that is not an EXIT, or to no service, is a problem")
    void exitToNonExit() {
      Draft d = minimal();
      d.segments.set(0, segment("psychosis", "cmht", map("acute", 0.1, "heaven", 0.1)));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "segments[0].exitsPerYear.acute", "INPATIENT", "EXIT");
      assertProblem(
          problems.get(1), "segments[0].exitsPerYear.heaven", "'heaven'", "not a service");
    }

    @Test
    @DisplayName("negative or missing numbers are problems, each at its own path")
    void negativeRates() {
      Draft d = minimal();
      d.segments.set(0, segmentWith(-1, -3.0, Double.NaN, -0.5, map("discharged", -0.2)));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(5);
      assertProblem(problems.get(0), "segments[0].startingCaseload", "found -1", "0 or more");
      assertProblem(problems.get(1), "segments[0].referralsPerYear", "found -3;", "at least 0");
      assertProblem(problems.get(2), "segments[0].crisesPerYear", "found NaN", "at least 0");
      assertProblem(problems.get(3), "segments[0].frailtyVariance", "found -0.5", "at least 0");
      assertProblem(
          problems.get(4), "segments[0].exitsPerYear.discharged", "found -0.2", "at least 0");
    }

    @Test
    @DisplayName("an infinite rate and a missing exit rate are problems")
    void infiniteAndMissingRates() {
      Draft d = minimal();
      d.segments.set(
          0, segmentWith(10, Double.POSITIVE_INFINITY, 0.5, 0.3, map("discharged", null)));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "segments[0].referralsPerYear", "Infinity");
      assertProblem(problems.get(1), "segments[0].exitsPerYear.discharged", "rate");
    }
  }

  @Nested
  @DisplayName("services")
  class Services {
    @Test
    @DisplayName("a section for another kind of service is a problem")
    void sectionForWrongKind() {
      Draft d = minimal();
      ServiceSpec acute = d.services.get(ACUTE);
      d.services.set(
          CMHT,
          new ServiceSpec(
              "cmht",
              ServiceKind.COMMUNITY,
              null,
              new CommunitySpec(
                  10, 30, new ContractSpec(1_000_000.0, 50_000.0, null, null, null, null)),
              acute.inpatient(),
              null));
      d.services.set(
          DISCHARGED,
          new ServiceSpec(
              "discharged",
              ServiceKind.EXIT,
              null,
              new CommunitySpec(
                  1, 1, new ContractSpec(1_000_000.0, 50_000.0, null, null, null, null)),
              null,
              null));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "services[0].inpatient", "is given", "does not use it");
      assertProblem(problems.get(1), "services[3].community", "is given", "does not use it");
    }

    @Test
    @DisplayName("a missing section for the service's kind is a problem")
    void missingSection() {
      Draft d = minimal();
      d.services.set(
          ACUTE, new ServiceSpec("acute", ServiceKind.INPATIENT, null, null, null, null));
      d.services.set(CRISIS, new ServiceSpec("crisis", ServiceKind.CRISIS, null, null, null, null));
      d.services.set(CMHT, new ServiceSpec("cmht", ServiceKind.COMMUNITY, null, null, null, null));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(3);
      assertProblem(problems.get(0), "services[0].community", "is missing");
      assertProblem(problems.get(1), "services[1].inpatient", "is missing");
      assertProblem(problems.get(2), "services[2].crisis", "is missing");
    }

    @Test
    @DisplayName("a missing kind is a problem")
    void missingKind() {
      Draft d = minimal();
      d.services.add(new ServiceSpec("day-centre", null, null, null, null, null));
      assertOnly(check(d), "services[4].kind", "missing", "COMMUNITY");
    }

    @Test
    @DisplayName("negative posts, no caseload per post and negative beds are problems")
    void capacities() {
      Draft d = minimal();
      d.services.set(
          CMHT,
          new ServiceSpec(
              "cmht",
              ServiceKind.COMMUNITY,
              null,
              new CommunitySpec(
                  -1, 0, new ContractSpec(1_000_000.0, 50_000.0, null, null, null, null)),
              null,
              null));
      d.services.set(
          ACUTE,
          new ServiceSpec(
              "acute",
              ServiceKind.INPATIENT,
              null,
              null,
              new InpatientSpec(
                  -2,
                  new DurationSpec(DurationFamily.FIXED, 10.0, null),
                  null,
                  575.0,
                  750.0,
                  null,
                  null,
                  null,
                  null),
              null));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(3);
      assertProblem(problems.get(0), "services[0].community.posts", "found -1;");
      assertProblem(problems.get(1), "services[0].community.caseloadPerPost", "found 0");
      assertProblem(problems.get(2), "services[1].inpatient.beds", "found -2");
    }

    @Test
    @DisplayName("a mean duration of 0 or less is a problem")
    void meanNotPositive() {
      Draft d = minimal();
      d.services.set(ACUTE, withLengthOfStay(new DurationSpec(DurationFamily.FIXED, 0.0, null)));
      d.services.set(
          CRISIS,
          new ServiceSpec(
              "crisis",
              ServiceKind.CRISIS,
              null,
              null,
              null,
              new CrisisSpec(
                  false,
                  new DurationSpec(DurationFamily.EXPONENTIAL, -1.0, null),
                  273.0,
                  0.0,
                  null,
                  null)));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(
          problems.get(0), "services[1].inpatient.lengthOfStay.meanDays", "found 0;", "than 0");
      assertProblem(
          problems.get(1), "services[2].crisis.episodeLength.meanDays", "found -1;", "than 0");
    }

    @ParameterizedTest
    @ValueSource(strings = {"LOGNORMAL", "GAMMA"})
    @DisplayName("a lognormal or gamma duration without a standard deviation is a problem")
    void missingSd(String family) {
      Draft d = minimal();
      DurationFamily f = DurationFamily.valueOf(family);
      d.services.set(ACUTE, withLengthOfStay(new DurationSpec(f, 30.0, null)));
      assertOnly(check(d), "services[1].inpatient.lengthOfStay.sdDays", "found 0;", family);
    }

    @Test
    @DisplayName("exponential and fixed durations need no standard deviation")
    void sdNotNeeded() {
      Draft d = minimal();
      d.services.set(ACUTE, withLengthOfStay(new DurationSpec(DurationFamily.FIXED, 30.0, null)));
      assertThat(check(d)).isEmpty();
    }

    @Test
    @DisplayName("a missing duration, or one without a family, is a problem")
    void missingDurationOrFamily() {
      Draft d = minimal();
      d.services.set(ACUTE, withLengthOfStay(null));
      d.services.set(
          CRISIS,
          new ServiceSpec(
              "crisis",
              ServiceKind.CRISIS,
              null,
              null,
              null,
              new CrisisSpec(false, new DurationSpec(null, 3.0, null), 273.0, 0.0, null, null)));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "services[1].inpatient.lengthOfStay", "is missing");
      assertProblem(problems.get(1), "services[2].crisis.episodeLength.family", "is missing");
    }
  }

  @Nested
  @DisplayName("whenFull")
  class WhenFull {
    @Test
    @DisplayName("out-of-area and another INPATIENT service are allowed")
    void allowed() {
      Draft d = minimal();
      d.services.add(inpatient("respite", null));
      d.services.set(ACUTE, inpatient("acute", "respite"));
      d.pathway.set(FROM_CRISIS, new BranchSpec("crisis", map("acute", 0.3, "respite", 0.7)));
      d.pathway.add(new BranchSpec("respite", map("home", 1.0)));
      assertThat(check(d)).isEmpty();
    }

    @Test
    @DisplayName("an unknown service is a problem")
    void unknown() {
      Draft d = minimal();
      d.services.set(ACUTE, inpatient("acute", "ward9"));
      assertOnly(check(d), "services[1].inpatient.whenFull", "'ward9'", "out-of-area", "INPATIENT");
    }

    @Test
    @DisplayName("a service that is not INPATIENT is a problem")
    void notInpatient() {
      Draft d = minimal();
      d.services.set(ACUTE, inpatient("acute", "crisis"));
      assertOnly(check(d), "services[1].inpatient.whenFull", "'crisis'", "another INPATIENT");
    }

    @Test
    @DisplayName("overflowing into itself is a problem, and a loop")
    void self() {
      Draft d = minimal();
      d.services.set(ACUTE, inpatient("acute", "acute"));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "services[1].inpatient.whenFull", "another INPATIENT");
      assertProblem(problems.get(1), "services[1].inpatient.whenFull", "loop", "'acute'");
    }

    @Test
    @DisplayName("two wards that overflow into each other form a loop, reported at both")
    void loop() {
      Draft d = minimal();
      d.services.set(ACUTE, inpatient("acute", "respite"));
      d.services.add(inpatient("respite", "acute"));
      d.pathway.add(new BranchSpec("respite", map("home", 1.0)));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "services[1].inpatient.whenFull", "loop", "out-of-area");
      assertProblem(problems.get(1), "services[4].inpatient.whenFull", "loop", "out-of-area");
    }
  }

  @Nested
  @DisplayName("pathway")
  class Pathway {
    @Test
    @DisplayName("branch probabilities that do not sum to 1 are a problem")
    void probabilitiesDoNotSumToOne() {
      Draft d = minimal();
      d.pathway.set(FROM_CRISIS, new BranchSpec("crisis", map("acute", 0.3, "home", 0.6)));
      assertOnly(check(d), "pathway[1].to", "sum to 0.9", "sum to 1");
    }

    @Test
    @DisplayName("probabilities summing to 1 within rounding are accepted")
    void roundingTolerated() {
      Draft d = minimal();
      // 0.1 + 0.2 is not exactly 0.3 in binary, and 0.7000001 is off by 1e-7: both tolerated.
      d.pathway.set(
          FROM_CRISIS, new BranchSpec("crisis", map("acute", 0.1, "cmht", 0.2, "home", 0.7000001)));
      assertThat(check(d)).isEmpty();
    }

    @Test
    @DisplayName("a probability outside 0 to 1 is a problem")
    void probabilityOutOfRange() {
      Draft d = minimal();
      d.pathway.set(FROM_CRISIS, new BranchSpec("crisis", map("acute", 1.5, "home", -0.5)));
      List<Problem> problems = check(d);
      // 1.5 - 0.5 does sum to 1: only the two probabilities themselves are wrong.
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "pathway[1].to.acute", "found 1.5", "between 0 and 1");
      assertProblem(problems.get(1), "pathway[1].to.home", "found -0.5", "between 0 and 1");
    }

    @Test
    @DisplayName("the sum reported is the sum of the numbers as written, even out-of-range ones")
    void sumOfNumbersAsWritten() {
      Draft d = minimal();
      d.pathway.set(FROM_CRISIS, new BranchSpec("crisis", map("acute", 1.5, "home", 0.2)));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "pathway[1].to.acute", "found 1.5");
      assertProblem(problems.get(1), "pathway[1].to", "sum to 1.7", "expected them to sum to 1");
    }

    @Test
    @DisplayName("a missing probability is a problem")
    void missingProbability() {
      Draft d = minimal();
      d.pathway.set(FROM_CRISIS, new BranchSpec("crisis", map("acute", null, "home", 1.0)));
      assertOnly(check(d), "pathway[1].to.acute", "found null", "between 0 and 1");
    }

    @Test
    @DisplayName("a destination that is not a service is a problem")
    void unknownDestination() {
      Draft d = minimal();
      d.pathway.set(FROM_CRISIS, new BranchSpec("crisis", map("acute", 0.3, "nowhere", 0.7)));
      assertOnly(check(d), "pathway[1].to.nowhere", "'nowhere'", "not a service", "'home'");
    }

    @Test
    @DisplayName("'home' from a community team is a problem")
    void homeFromTeam() {
      Draft d = minimal();
      d.pathway.set(FROM_CMHT, new BranchSpec("cmht", map("crisis", 0.5, "home", 0.5)));
      assertOnly(check(d), "pathway[0].to.home", "'home'", "own team");
    }

    @Test
    @DisplayName("a crisis branch from one team to another team is a problem")
    void teamToTeam() {
      Draft d = minimal();
      d.services.add(community("iapt"));
      d.pathway.set(FROM_CMHT, new BranchSpec("cmht", map("crisis", 0.5, "iapt", 0.5)));
      assertOnly(check(d), "pathway[0].to.iapt", "another team");
    }

    @Test
    @DisplayName("a second entry from the same service is a problem")
    void duplicateFrom() {
      Draft d = minimal();
      d.pathway.add(new BranchSpec("acute", map("home", 1.0)));
      assertOnly(check(d), "pathway[3].from", "'acute'", "earlier entry", "one per service");
    }

    @Test
    @DisplayName("an entry from an unknown service, or from an exit, is a problem")
    void badFrom() {
      Draft d = minimal();
      d.pathway.add(new BranchSpec("ghost", map("acute", 1.0)));
      d.pathway.add(new BranchSpec("discharged", map("cmht", 1.0)));
      List<Problem> problems = check(d);
      assertThat(problems).hasSize(2);
      assertProblem(problems.get(0), "pathway[3].from", "'ghost'", "id of a service");
      assertProblem(problems.get(1), "pathway[4].from", "'discharged'", "EXIT");
    }

    @Test
    @DisplayName("an entry with no destinations is a problem")
    void emptyTo() {
      Draft d = minimal();
      d.pathway.set(FROM_ACUTE, new BranchSpec("acute", null));
      assertOnly(check(d), "pathway[2].to", "is empty");
    }

    @Test
    @DisplayName("an inpatient or crisis service without a pathway entry is a problem")
    void missingEntry() {
      Draft d = minimal();
      d.pathway.remove(FROM_ACUTE);
      assertOnly(check(d), "pathway", "'from: acute'", "after acute");

      Draft noCrisisEntry = minimal();
      noCrisisEntry.pathway.remove(FROM_CRISIS);
      assertOnly(check(noCrisisEntry), "pathway", "'from: crisis'");
    }
  }

  @Nested
  @DisplayName("the pathway graph")
  class Graph {
    @Test
    @DisplayName("a service nobody can reach is a problem")
    void unreachable() {
      Draft d = minimal();
      d.services.add(inpatient("respite", null));
      d.pathway.add(new BranchSpec("respite", map("discharged", 1.0)));
      assertOnly(check(d), "services[4]", "'respite'", "cannot be reached");
    }

    @Test
    @DisplayName("a team with no exits declared and no crisis branch has no way out")
    void teamWithNoWayOut() {
      Draft d = minimal();
      d.services.add(community("iapt"));
      d.segments.add(segment("common", "iapt", map()));
      assertOnly(check(d), "services[4]", "'iapt'", "no way out", "exit rate");
    }

    @Test
    @DisplayName("an exit whose rate is set to 0 is still declared: a what-if must not fail")
    void zeroRateExitIsStillAWayOut() {
      Draft d = minimal();
      d.services.add(community("iapt"));
      d.segments.add(segment("common", "iapt", map("discharged", 0.0)));
      assertThat(check(d)).isEmpty();
    }

    @Test
    @DisplayName("a crisis service that nobody reaches is reported once, as unreachable")
    void crisisWithNoWayOut() {
      Draft d = minimal();
      d.services.add(crisis("triage"));
      d.pathway.add(new BranchSpec("triage", map("home", 1.0)));
      // Its pathway entry is its way out; the one problem is that nobody can reach it.
      assertOnly(check(d), "services[4]", "'triage'", "cannot be reached");
    }

    @Test
    @DisplayName("an exit is not required to have a way out")
    void exitNeedsNoWayOut() {
      Draft d = minimal();
      d.services.add(exit("died"));
      d.segments.set(0, segment("psychosis", "cmht", map("discharged", 0.2, "died", 0.01)));
      assertThat(check(d)).isEmpty();
    }
  }

  @Test
  @DisplayName("a scenario with several problems gets all of them, in file order")
  void severalProblems() {
    Draft d = minimal();
    d.years = 0;
    d.services.set(ACUTE, withLengthOfStay(new DurationSpec(DurationFamily.LOGNORMAL, 30.0, null)));
    d.segments.set(0, segmentWith(100, -3.0, 0.5, 0.3, map("discharged", 0.2)));
    d.pathway.set(FROM_CRISIS, new BranchSpec("crisis", map("acute", 0.3, "nowhere", 0.7)));

    List<Problem> problems = check(d);

    assertThat(problems)
        .extracting(Problem::path)
        .containsExactly(
            "years",
            "services[1].inpatient.lengthOfStay.sdDays",
            "segments[0].referralsPerYear",
            "pathway[1].to.nowhere");
    ScenarioException thrown =
        assertThrows(ScenarioException.class, () -> ScenarioChecks.requireValid(d.build()));
    assertThat(thrown.problems()).isEqualTo(problems);
    assertThat(thrown).hasMessageStartingWith("4 problems").hasMessageContaining("years: found 0");
  }

  @Test
  @DisplayName("a problem reads as its path, a colon and its message")
  void problemText() {
    assertThat(new Problem("years", "found 0")).hasToString("years: found 0");
    assertThat(new Problem("", "no path")).hasToString("no path");
    assertThatThrownBy(() -> new Problem(null, "x")).isInstanceOf(IllegalArgumentException.class);
  }
}
