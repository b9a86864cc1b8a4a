package phbsim.pathway;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jgrapht.Graph;
import org.jgrapht.graph.DirectedMultigraph;
import org.jgrapht.traverse.BreadthFirstIterator;
import phbsim.scenario.BranchSpec;
import phbsim.scenario.Problem;
import phbsim.scenario.Scenario;
import phbsim.scenario.SegmentSpec;
import phbsim.scenario.ServiceKind;
import phbsim.scenario.ServiceSpec;

/**
 * The services of a scenario and the moves allowed between them, as a JGraphT graph.
 *
 * <p>Edges come from three places: a segment's exit hazards (its team to each EXIT service), the
 * scenario's branches ({@code pathway}), and the destination {@code home}, which becomes an edge
 * back to every team whose people can reach the branching service.
 */
public final class PathwayGraph {
  private final Scenario scenario;
  private final Graph<String, PathwayEdge> graph;
  private final Map<String, ServiceSpec> services = new LinkedHashMap<>();

  private PathwayGraph(Scenario scenario) {
    this.scenario = scenario;
    this.graph = new DirectedMultigraph<>(PathwayEdge.class);
    for (ServiceSpec s : scenario.services()) {
      if (s.id() != null && !services.containsKey(s.id())) {
        services.put(s.id(), s);
        graph.addVertex(s.id());
      }
    }
    for (SegmentSpec seg : scenario.segments()) {
      if (!graph.containsVertex(seg.team())) {
        continue;
      }
      for (Map.Entry<String, Double> e : seg.exitsPerYear().entrySet()) {
        // Declared structure, not values: an exit whose rate a what-if sets to 0 is still a
        // place people can go, so it must not turn into an "unreachable service" error.
        if (graph.containsVertex(e.getKey())) {
          addOrWiden(seg.team(), e.getKey(), "exit", weight(e.getValue()));
        }
      }
    }
    for (BranchSpec b : scenario.pathway()) {
      if (!graph.containsVertex(b.from())) {
        continue;
      }
      String trigger = triggerOf(services.get(b.from()).kind());
      for (Map.Entry<String, Double> e : b.to().entrySet()) {
        // A branch back to the service itself is reported by check(); the graph holds no loops.
        if (graph.containsVertex(e.getKey()) && !e.getKey().equals(b.from())) {
          graph.addEdge(
              b.from(),
              e.getKey(),
              new PathwayEdge(b.from(), e.getKey(), trigger, weight(e.getValue())));
        }
      }
    }
    addHomeEdges();
  }

  /** Builds the graph of a scenario. Unknown ids are left out here and reported by check(). */
  public static PathwayGraph of(Scenario scenario) {
    return new PathwayGraph(scenario);
  }

  /** The JGraphT graph itself (read it; do not change it). */
  public Graph<String, PathwayEdge> graph() {
    return graph;
  }

  /** The services reachable from where people start (their segments' teams). */
  public Set<String> reachable() {
    Set<String> seen = new LinkedHashSet<>();
    for (SegmentSpec seg : scenario.segments()) {
      if (graph.containsVertex(seg.team()) && !seen.contains(seg.team())) {
        new BreadthFirstIterator<>(graph, seg.team()).forEachRemaining(seen::add);
      }
    }
    return seen;
  }

  /**
   * The checks of docs/model.md section 3 on the graph: every service reachable from where people
   * start, and every service other than an exit has a way out.
   */
  public List<Problem> check() {
    List<Problem> problems = new ArrayList<>();
    for (int i = 0; i < scenario.pathway().size(); i++) {
      BranchSpec b = scenario.pathway().get(i);
      if (b != null && b.from() != null && b.to().containsKey(b.from())) {
        problems.add(
            new Problem(
                "pathway[" + i + "].to." + b.from(),
                "'"
                    + b.from()
                    + "' sends people back to itself; expected another service, home or an exit"
                    + " (a longer stay is its length of stay)"));
      }
    }
    if (!problems.isEmpty()) {
      return problems;
    }
    Set<String> reachable = reachable();
    Set<String> branching = new LinkedHashSet<>();
    Set<String> sendsHome = new LinkedHashSet<>();
    for (BranchSpec b : scenario.pathway()) {
      if (!b.to().isEmpty()) {
        branching.add(b.from());
      }
      if (b.to().containsKey(BranchSpec.HOME)) {
        sendsHome.add(b.from());
      }
    }
    int index = 0;
    for (ServiceSpec s : scenario.services()) {
      String path = "services[" + index++ + "]";
      if (s.id() == null || !graph.containsVertex(s.id()) || services.get(s.id()) != s) {
        continue;
      }
      if (!reachable.contains(s.id())) {
        problems.add(
            new Problem(
                path,
                "service '"
                    + s.id()
                    + "' cannot be reached from where people start (the teams named by the"
                    + " segments); expected a pathway branch or an exit rate leading to it"));
      }
      boolean wayOut = graph.outDegreeOf(s.id()) > 0 || branching.contains(s.id());
      if (s.kind() != ServiceKind.EXIT && !wayOut) {
        problems.add(
            new Problem(
                path,
                "service '"
                    + s.id()
                    + "' has no way out; expected "
                    + (s.kind() == ServiceKind.COMMUNITY
                        ? "an exit rate in a segment whose team it is"
                        : "a pathway entry 'from: " + s.id() + "'")));
      } else if ((s.kind() == ServiceKind.INPATIENT || s.kind() == ServiceKind.CRISIS)
          && reachable.contains(s.id())) {
        // A way out that only leads round a loop (a ward to another ward and back) traps people.
        boolean leads = false;
        var it = new BreadthFirstIterator<>(graph, s.id());
        while (it.hasNext() && !leads) {
          String id = it.next();
          ServiceSpec next = services.get(id);
          leads =
              next.kind() == ServiceKind.COMMUNITY
                  || next.kind() == ServiceKind.EXIT
                  || sendsHome.contains(id);
        }
        if (!leads) {
          problems.add(
              new Problem(
                  path,
                  "people who reach '"
                      + s.id()
                      + "' can never leave: its pathway leads only round a loop of crisis and"
                      + " in-patient services; expected a branch to home or to an exit somewhere"
                      + " on the loop"));
        }
      }
    }
    return problems;
  }

  /** The pathway as Graphviz DOT. */
  public String toDot() {
    StringBuilder sb = new StringBuilder();
    sb.append("digraph pathway {\n  rankdir=LR;\n");
    for (String v : graph.vertexSet()) {
      ServiceSpec s = services.get(v);
      sb.append("  \"")
          .append(v)
          .append("\" [label=\"")
          .append(dotText(s.label()))
          .append("\\n(")
          .append(s.kind().name().toLowerCase(Locale.ROOT))
          .append(")\", shape=")
          .append(shapeOf(s.kind()))
          .append("];\n");
    }
    for (PathwayEdge e : graph.edgeSet()) {
      sb.append("  \"")
          .append(e.from())
          .append("\" -> \"")
          .append(e.to())
          .append("\" [label=\"")
          .append(edgeLabel(e))
          .append("\"];\n");
    }
    return sb.append("}\n").toString();
  }

  /** The pathway as a Mermaid flowchart. */
  public String toMermaid() {
    StringBuilder sb = new StringBuilder("flowchart LR\n");
    Map<String, String> ids = new LinkedHashMap<>();
    int n = 0;
    for (String v : graph.vertexSet()) {
      String id = "s" + n++;
      ids.put(v, id);
      ServiceSpec s = services.get(v);
      String label = mermaidText(s.label()) + "<br/>" + s.kind().name().toLowerCase(Locale.ROOT);
      String shape =
          switch (s.kind()) {
            case EXIT -> "([" + label + "])";
            case INPATIENT -> "[(" + label + ")]";
            case CRISIS -> "{{" + label + "}}";
            case COMMUNITY -> "[" + label + "]";
          };
      sb.append("  ").append(id).append(shape.replace(label, "\"" + label + "\"")).append('\n');
    }
    for (PathwayEdge e : graph.edgeSet()) {
      sb.append("  ")
          .append(ids.get(e.from()))
          .append(" -->|\"")
          .append(edgeLabel(e))
          .append("\"| ")
          .append(ids.get(e.to()))
          .append('\n');
    }
    return sb.toString();
  }

  private void addHomeEdges() {
    // "home" returns a person to their own team. A branching service sends people home to every
    // team from which it can be reached without passing through another team.
    for (BranchSpec b : scenario.pathway()) {
      Double p = b.to().get(BranchSpec.HOME);
      if (p == null || !graph.containsVertex(b.from())) {
        continue;
      }
      for (String team : teamsReaching(b.from())) {
        graph.addEdge(b.from(), team, new PathwayEdge(b.from(), team, "home", weight(p)));
      }
    }
  }

  private Set<String> teamsReaching(String target) {
    Set<String> teams = new LinkedHashSet<>();
    for (String v : graph.vertexSet()) {
      if (services.get(v).kind() == ServiceKind.COMMUNITY && reaches(v, target)) {
        teams.add(v);
      }
    }
    return teams;
  }

  private boolean reaches(String team, String target) {
    // Search from the team, not passing through other teams.
    Set<String> seen = new LinkedHashSet<>();
    List<String> frontier = new ArrayList<>(List.of(team));
    while (!frontier.isEmpty()) {
      String v = frontier.remove(frontier.size() - 1);
      if (!seen.add(v)) {
        continue;
      }
      if (v.equals(target)) {
        return true;
      }
      for (PathwayEdge e : graph.outgoingEdgesOf(v)) {
        ServiceKind k = services.get(e.to()).kind();
        if (k != ServiceKind.COMMUNITY && k != ServiceKind.EXIT) {
          frontier.add(e.to());
        }
      }
    }
    return false;
  }

  private void addOrWiden(String from, String to, String trigger, double weight) {
    for (PathwayEdge e : graph.getAllEdges(from, to)) {
      if (e.trigger().equals(trigger)) {
        if (e.weight() < weight) {
          graph.removeEdge(e);
          graph.addEdge(from, to, new PathwayEdge(from, to, trigger, weight));
        }
        return;
      }
    }
    graph.addEdge(from, to, new PathwayEdge(from, to, trigger, weight));
  }

  private static double weight(Double value) {
    return value == null ? 0.0 : value;
  }

  private static String triggerOf(ServiceKind kind) {
    return switch (kind) {
      case COMMUNITY -> "crisis";
      case INPATIENT -> "end of stay";
      case CRISIS -> "end of episode";
      case EXIT -> "none";
    };
  }

  private static String edgeLabel(PathwayEdge e) {
    if (e.trigger().equals("exit")) {
      return "exit, up to " + trim(e.weight()) + "/yr";
    }
    return e.trigger() + " " + trim(e.weight() * 100) + "%";
  }

  private static String trim(double value) {
    String s = String.format(Locale.ROOT, "%.2f", value);
    return s.replaceAll("\\.?0+$", "");
  }

  private static String shapeOf(ServiceKind kind) {
    return switch (kind) {
      case COMMUNITY -> "box";
      case INPATIENT -> "box3d";
      case CRISIS -> "hexagon";
      case EXIT -> "oval";
    };
  }

  /**
   * A label inside a DOT double-quoted string: a backslash or a quote escaped, and a line break
   * written as DOT's own, so that a label can neither end the string nor start a statement.
   */
  static String dotText(String s) {
    return s.replace("\\", "\\\\")
        .replace("\"", "\\\"")
        .replace("\r\n", "\\n")
        .replace("\n", "\\n")
        .replace("\r", "\\n");
  }

  /**
   * A label inside a Mermaid quoted label: the characters that could end it or start markup written
   * as Mermaid's entity codes ({@code #35;} and the like, '#' first), a line break as a space.
   */
  static String mermaidText(String s) {
    return s.replace("#", "#35;")
        .replace("\"", "#34;")
        .replace("<", "#60;")
        .replace(">", "#62;")
        .replace("|", "#124;")
        .replace("\r\n", " ")
        .replace("\n", " ")
        .replace("\r", " ");
  }
}
