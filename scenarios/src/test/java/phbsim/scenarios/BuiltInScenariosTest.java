package phbsim.scenarios;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.ServiceKind;
import phbsim.scenario.ServiceSpec;
import phbsim.validation.ScenarioChecks;

class BuiltInScenariosTest {
  static List<String> names() {
    return BuiltInScenarios.names();
  }

  @ParameterizedTest
  @MethodSource("names")
  @DisplayName("every built-in scenario loads and passes the model's checks")
  void loadsAndPasses(String name) {
    Scenario s = BuiltInScenarios.load(name);
    assertThat(ScenarioChecks.check(s)).isEmpty();
    assertThat(s.name()).isEqualTo(name);
    assertThat(BuiltInScenarios.descriptions().get(name)).isNotBlank();
  }

  @Test
  @DisplayName("the index lists every scenario file shipped, and the default first")
  void indexMatchesResources() throws IOException, URISyntaxException {
    // The directory holding the default (test-classes has a phbsim/scenarios of its own).
    Path dir =
        Path.of(
                BuiltInScenarios.class
                    .getClassLoader()
                    .getResource(BuiltInScenarios.resource(BuiltInScenarios.DEFAULT))
                    .toURI())
            .getParent();
    List<String> shipped;
    try (Stream<Path> files = Files.list(dir)) {
      shipped =
          files
              .map(p -> p.getFileName().toString())
              .filter(f -> f.endsWith(".yaml"))
              .map(f -> f.substring(0, f.length() - ".yaml".length()))
              .sorted()
              .collect(Collectors.toList());
    }
    assertThat(BuiltInScenarios.names()).containsExactlyInAnyOrderElementsOf(shipped);
    assertThat(BuiltInScenarios.names().get(0)).isEqualTo(BuiltInScenarios.DEFAULT);
  }

  @Test
  @DisplayName("a name that is not built in is a problem listing the built-in names")
  void unknownName() {
    ScenarioLoadException e =
        catchThrowableOfType(ScenarioLoadException.class, () -> BuiltInScenarios.load("defualt"));
    assertThat(e.problems()).hasSize(1);
    assertThat(e.problems().get(0).message())
        .startsWith(
            "found 'defualt', which is not a built-in scenario; expected one of default, tiny");
  }

  @Test
  @DisplayName("built-ins take overrides")
  void overrides() {
    assertThat(BuiltInScenarios.load("default", List.of("years=1")).years()).isEqualTo(1);
  }

  @Test
  @DisplayName(
      "the default is a place of about 220,000: about 1,500 on community teams, with room for them")
  void defaultIsCalibratedAsDocumented() {
    Scenario s = BuiltInScenarios.load(BuiltInScenarios.DEFAULT);
    int caseload = s.segments().stream().mapToInt(SegmentSpec::startingCaseload).sum();
    assertThat(caseload).isBetween(1_400, 1_600);
    for (ServiceSpec team : s.services()) {
      if (team.kind() == ServiceKind.COMMUNITY) {
        int starting =
            s.segments().stream()
                .filter(seg -> seg.team().equals(team.id()))
                .mapToInt(SegmentSpec::startingCaseload)
                .sum();
        assertThat(team.community().slots()).as(team.id()).isGreaterThanOrEqualTo(starting);
        assertThat(team.community().caseloadPerPost()).isEqualTo(30);
      }
    }
    // Referrals keep each caseload roughly steady, as the file's comments say.
    for (SegmentSpec seg : s.segments()) {
      double exits = seg.exitsPerYear().values().stream().mapToDouble(Double::doubleValue).sum();
      assertThat(seg.referralsPerYear())
          .as(seg.id())
          .isCloseTo(seg.startingCaseload() * exits, org.assertj.core.data.Offset.offset(1.0));
    }
  }

  @ParameterizedTest
  @MethodSource("names")
  @DisplayName(
      "every number in a shipped scenario has a comment (a source or an ASSUMPTION), bar a few")
  void numbersCarrySources(String name) {
    // The ranges under uncertainty: each carry a source: key of their own, checked at load.
    String text = BuiltInScenarios.text(name);
    int ranges = text.indexOf("\nuncertainty:");
    List<String> bare =
        (ranges < 0 ? text : text.substring(0, ranges))
            .lines()
            .filter(l -> l.matches("\\s*[A-Za-z-]+: -?[0-9.]+\\s*"))
            .filter(l -> !l.matches("\\s*(home|years): 1(\\.0)?\\s*"))
            .filter(l -> !l.matches("\\s*(beds|posts|crisis-team): [0-9.]+\\s*"))
            .collect(Collectors.toList());
    assertThat(bare).as("numbers without a source or ASSUMPTION comment").isEmpty();
  }

  @Test
  @DisplayName("the text of a built-in is the file, comments included")
  void text() {
    assertThat(BuiltInScenarios.text("default"))
        .contains("# ASSUMPTION")
        .contains("[pssru-2024]")
        .contains("docs/sources.md");
  }

  @ParameterizedTest
  @MethodSource("names")
  @DisplayName(
      "a shipped scenario cites only sources in docs/sources.md, never notes outside the project")
  void citesOnlyTheProjectsSources(String name) throws IOException {
    String sources = Files.readString(Path.of("../docs/sources.md"));
    String text = BuiltInScenarios.text(name);
    // A citation is an id in square brackets in a comment, not a list selector such as cmht's.
    Pattern citation = Pattern.compile("(?<![\\w\\]])\\[([a-z][a-z0-9-]+)\\]");
    int cited = 0;
    for (String line : text.lines().toList()) {
      int hash = line.indexOf('#');
      if (hash < 0) {
        continue;
      }
      Matcher m = citation.matcher(line.substring(hash));
      while (m.find()) {
        cited++;
        assertThat(sources)
            .as("docs/sources.md has [%s]", m.group(1))
            .contains("### [" + m.group(1) + "]");
      }
    }
    assertThat(cited).isPositive();
    // Every document the comments name is one of the project's own: a path from the repository's
    // root, or the README next to the scenario files.
    Matcher doc = Pattern.compile("[A-Za-z0-9_./-]+\\.md").matcher(text);
    while (doc.find()) {
      String named = doc.group();
      assertThat(
              Files.isRegularFile(Path.of("..", named))
                  || Files.isRegularFile(
                      Path.of("src/main/resources", BuiltInScenarios.RESOURCE_DIRECTORY, named)))
          .as("%s names %s, a document of the project", name, named)
          .isTrue();
    }
    // The source documents a session was given are numbered (seed 000...): never cited by number.
    assertThat(Pattern.compile("(?i)\\bseed 0\\d\\d\\b").matcher(text).find())
        .as("%s cites a source document by its number", name)
        .isFalse();
  }
}
