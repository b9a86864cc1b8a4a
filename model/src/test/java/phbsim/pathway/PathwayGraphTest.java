package phbsim.pathway;

import static org.assertj.core.api.Assertions.assertThat;
import static phbsim.scenario.ScenarioFixtures.community;
import static phbsim.scenario.ScenarioFixtures.exit;
import static phbsim.scenario.ScenarioFixtures.inpatient;
import static phbsim.scenario.ScenarioFixtures.map;
import static phbsim.scenario.ScenarioFixtures.minimal;
import static phbsim.scenario.ScenarioFixtures.segment;

import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import phbsim.scenario.BranchSpec;
import phbsim.scenario.Scenario;
import phbsim.scenario.ScenarioFixtures;
import phbsim.scenario.ServiceKind;
import phbsim.scenario.ServiceSpec;
import phbsim.validation.ScenarioChecks;

class PathwayGraphTest {

  /**
   * Two teams (cmht, iapt) whose crises go to one crisis service; the crisis service admits to an
   * acute ward or sends people home; the ward discharges or sends people home. Two segments share
   * cmht with different discharge rates.
   */
  private static Scenario twoTeams() {
    return twoTeams("Acute ward");
  }

  private static Scenario twoTeams(String wardLabel) {
    ScenarioFixtures.Draft d = new ScenarioFixtures.Draft();
    d.services.add(community("cmht"));
    d.services.add(
        new ServiceSpec(
            "acute",
            ServiceKind.INPATIENT,
            wardLabel,
            null,
            inpatient("acute", null).inpatient(),
            null));
    d.services.add(ScenarioFixtures.crisis("crisis"));
    d.services.add(exit("discharged"));
    d.services.add(community("iapt"));
    d.services.add(exit("died"));
    d.segments.add(segment("psychosis", "cmht", map("discharged", 0.2, "died", 0.01)));
    d.segments.add(segment("common", "iapt", map("discharged", 0.5)));
    d.segments.add(segment("complex", "cmht", map("discharged", 0.4, "died", 0.0)));
    d.pathway.add(new BranchSpec("cmht", map("crisis", 1.0)));
    d.pathway.add(new BranchSpec("iapt", map("crisis", 1.0)));
    d.pathway.add(new BranchSpec("crisis", map("acute", 0.3, "home", 0.7)));
    d.pathway.add(new BranchSpec("acute", map("home", 0.9, "discharged", 0.1)));
    return d.build();
  }

  @Test
  @DisplayName("the test scenario is itself valid")
  void twoTeamsIsValid() {
    assertThat(ScenarioChecks.check(twoTeams())).isEmpty();
  }

  @Test
  @DisplayName("every service is a vertex, in the order the scenario lists them")
  void vertices() {
    PathwayGraph graph = PathwayGraph.of(twoTeams());
    assertThat(graph.graph().vertexSet())
        .containsExactly("cmht", "acute", "crisis", "discharged", "iapt", "died");
  }

  @Test
  @DisplayName("edges come from exit rates, branches, and 'home' back to every team that reaches")
  void edges() {
    PathwayGraph graph = PathwayGraph.of(twoTeams());
    assertThat(graph.graph().edgeSet())
        .containsExactlyInAnyOrder(
            // Exit hazards: the highest rate across the team's segments; a rate of 0 is no edge.
            new PathwayEdge("cmht", "discharged", "exit", 0.4),
            new PathwayEdge("cmht", "died", "exit", 0.01),
            new PathwayEdge("iapt", "discharged", "exit", 0.5),
            // Branches, with the trigger that fits the kind of service they leave.
            new PathwayEdge("cmht", "crisis", "crisis", 1.0),
            new PathwayEdge("iapt", "crisis", "crisis", 1.0),
            new PathwayEdge("crisis", "acute", "end of episode", 0.3),
            new PathwayEdge("acute", "discharged", "end of stay", 0.1),
            // 'home' goes back to both teams, since people of both reach crisis and acute.
            new PathwayEdge("crisis", "cmht", "home", 0.7),
            new PathwayEdge("crisis", "iapt", "home", 0.7),
            new PathwayEdge("acute", "cmht", "home", 0.9),
            new PathwayEdge("acute", "iapt", "home", 0.9));
  }

  @Test
  @DisplayName("'home' goes only to the teams whose people can reach the service")
  void homeOnlyToTeamsThatReach() {
    ScenarioFixtures.Draft d = minimal();
    // A second team with its own crisis house: people of cmht never get there.
    d.services.add(community("iapt"));
    d.services.add(inpatient("crisis-house", null));
    d.segments.add(segment("common", "iapt", map("discharged", 0.5)));
    d.pathway.add(new BranchSpec("iapt", map("crisis-house", 1.0)));
    d.pathway.add(new BranchSpec("crisis-house", map("home", 1.0)));
    PathwayGraph graph = PathwayGraph.of(d.build());

    assertThat(graph.graph().outgoingEdgesOf("crisis-house"))
        .containsExactly(new PathwayEdge("crisis-house", "iapt", "home", 1.0));
    assertThat(graph.graph().outgoingEdgesOf("acute"))
        .containsExactly(new PathwayEdge("acute", "cmht", "home", 1.0));
    assertThat(ScenarioChecks.check(d.build())).isEmpty();
  }

  @Test
  @DisplayName("the reachable services are those people can get to from their segments' teams")
  void reachable() {
    assertThat(PathwayGraph.of(twoTeams()).reachable())
        .containsExactlyInAnyOrder("cmht", "acute", "crisis", "discharged", "iapt", "died");

    ScenarioFixtures.Draft d = minimal();
    d.services.add(inpatient("respite", null));
    d.pathway.add(new BranchSpec("respite", map("discharged", 1.0)));
    PathwayGraph graph = PathwayGraph.of(d.build());
    assertThat(graph.reachable())
        .containsExactlyInAnyOrder("cmht", "acute", "crisis", "discharged")
        .doesNotContain("respite");
    assertThat(graph.check()).hasSize(1);
    assertThat(graph.check().get(0).path()).isEqualTo("services[4]");
  }

  @Test
  @DisplayName("unknown ids are left out of the graph rather than failing")
  void unknownIdsLeftOut() {
    ScenarioFixtures.Draft d = minimal();
    d.pathway.set(
        ScenarioFixtures.FROM_CRISIS, new BranchSpec("crisis", map("acute", 0.3, "nowhere", 0.7)));
    d.pathway.add(new BranchSpec("ghost", map("cmht", 1.0)));
    d.segments.add(segment("lost", "no-team", map("discharged", 0.1)));
    PathwayGraph graph = PathwayGraph.of(d.build());

    assertThat(graph.graph().vertexSet()).containsExactly("cmht", "acute", "crisis", "discharged");
    assertThat(graph.graph().outgoingEdgesOf("crisis"))
        .containsExactly(new PathwayEdge("crisis", "acute", "end of episode", 0.3));
  }

  @Test
  @DisplayName("the DOT text has each service with its label and kind, and each edge labelled")
  void dot() {
    String dot = PathwayGraph.of(twoTeams()).toDot();

    assertThat(dot).startsWith("digraph pathway {\n").endsWith("}\n");
    assertThat(dot)
        .contains(
            "\"cmht\" [label=\"cmht\\n(community)\", shape=box];",
            "\"acute\" [label=\"Acute ward\\n(inpatient)\", shape=box3d];",
            "\"crisis\" [label=\"crisis\\n(crisis)\", shape=hexagon];",
            "\"discharged\" [label=\"discharged\\n(exit)\", shape=oval];",
            "\"iapt\" [label=\"iapt\\n(community)\", shape=box];",
            "\"died\" [label=\"died\\n(exit)\", shape=oval];");
    assertThat(dot)
        .contains(
            "\"cmht\" -> \"discharged\" [label=\"exit, up to 0.4/yr\"];",
            "\"cmht\" -> \"died\" [label=\"exit, up to 0.01/yr\"];",
            "\"iapt\" -> \"discharged\" [label=\"exit, up to 0.5/yr\"];",
            "\"cmht\" -> \"crisis\" [label=\"crisis 100%\"];",
            "\"iapt\" -> \"crisis\" [label=\"crisis 100%\"];",
            "\"crisis\" -> \"acute\" [label=\"end of episode 30%\"];",
            "\"acute\" -> \"discharged\" [label=\"end of stay 10%\"];",
            "\"crisis\" -> \"cmht\" [label=\"home 70%\"];",
            "\"crisis\" -> \"iapt\" [label=\"home 70%\"];",
            "\"acute\" -> \"cmht\" [label=\"home 90%\"];",
            "\"acute\" -> \"iapt\" [label=\"home 90%\"];");
    assertThat(dot.lines().filter(l -> l.contains("->")).count()).isEqualTo(11);
  }

  @Test
  @DisplayName("the Mermaid text has each service with its shape, and each edge labelled")
  void mermaid() {
    String mermaid = PathwayGraph.of(twoTeams()).toMermaid();
    List<String> lines = mermaid.lines().toList();

    assertThat(lines.get(0)).isEqualTo("flowchart LR");
    // Services are numbered s0, s1, ... in the order the scenario lists them.
    assertThat(lines)
        .contains(
            "  s0[\"cmht<br/>community\"]",
            "  s1[(\"Acute ward<br/>inpatient\")]",
            "  s2{{\"crisis<br/>crisis\"}}",
            "  s3([\"discharged<br/>exit\"])",
            "  s4[\"iapt<br/>community\"]",
            "  s5([\"died<br/>exit\"])");
    assertThat(lines)
        .contains(
            "  s0 -->|\"exit, up to 0.4/yr\"| s3",
            "  s0 -->|\"exit, up to 0.01/yr\"| s5",
            "  s4 -->|\"exit, up to 0.5/yr\"| s3",
            "  s0 -->|\"crisis 100%\"| s2",
            "  s4 -->|\"crisis 100%\"| s2",
            "  s2 -->|\"end of episode 30%\"| s1",
            "  s1 -->|\"end of stay 10%\"| s3",
            "  s2 -->|\"home 70%\"| s0",
            "  s2 -->|\"home 70%\"| s4",
            "  s1 -->|\"home 90%\"| s0",
            "  s1 -->|\"home 90%\"| s4");
    assertThat(lines.stream().filter(l -> l.contains("-->")).count()).isEqualTo(11);
  }

  @Test
  @DisplayName("double quotes in a label do not break the DOT or Mermaid text")
  void quotesInLabels() {
    ScenarioFixtures.Draft d = minimal();
    d.services.set(
        ScenarioFixtures.DISCHARGED,
        new ServiceSpec("discharged", ServiceKind.EXIT, "\"GP\" care", null, null, null));
    PathwayGraph graph = PathwayGraph.of(d.build());

    assertThat(graph.toDot()).contains("[label=\"\\\"GP\\\" care\\n(exit)\", shape=oval]");
    assertThat(graph.toMermaid()).contains("s3([\"#34;GP#34; care<br/>exit\"])");
  }

  /** A label a user could write: quotes, a backslash, markup, a line break, '#', '|' and ']'. */
  private static final String NASTY = "Ward \"A\" \\ <b>x</b>\nnext # | ] }; x -> y";

  @Test
  @DisplayName("a label can neither end its DOT string nor start a statement")
  void dotLabelsEscaped() {
    String dot = PathwayGraph.of(twoTeams(NASTY)).toDot();
    String ward = dot.lines().filter(l -> l.startsWith("  \"acute\" [label=")).findFirst().get();
    // Written by hand: DOT's escapes for the quote, the backslash and the line break.
    assertThat(ward)
        .isEqualTo(
            "  \"acute\" [label=\"Ward \\\"A\\\" \\\\ <b>x</b>\\nnext # | ] }; x -> y"
                + "\\n(inpatient)\", shape=box3d];");
    // Every line has an even number of unescaped quotes: no string is left open.
    for (String line : dot.lines().toList()) {
      assertThat(
              line.replace("\\\\", "").replace("\\\"", "").chars().filter(c -> c == '"').count()
                  % 2)
          .as(line)
          .isZero();
    }
    assertThat(dot.lines().count()).isEqualTo(PathwayGraph.of(twoTeams()).toDot().lines().count());
  }

  @Test
  @DisplayName("a label can neither end its Mermaid label nor add markup or a line")
  void mermaidLabelsEscaped() {
    String mermaid = PathwayGraph.of(twoTeams(NASTY)).toMermaid();
    String ward = mermaid.lines().filter(l -> l.contains("inpatient")).findFirst().get();
    assertThat(ward)
        .endsWith(
            "[(\"Ward #34;A#34; \\ #60;b#62;x#60;/b#62; next #35; #124; ] }; x -#62; y<br/>inpatient\")]");
    assertThat(mermaid.lines().count())
        .isEqualTo(PathwayGraph.of(twoTeams()).toMermaid().lines().count());
  }
}
