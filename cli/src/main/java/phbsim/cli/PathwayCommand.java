package phbsim.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import phbsim.cli.options.ScenarioOptions;
import phbsim.pathway.PathwayGraph;
import phbsim.scenario.Scenario;
import phbsim.validation.ScenarioChecks;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code phbsim pathway}: prints a scenario's pathway as DOT and as Mermaid. */
@Command(
    name = "pathway",
    mixinStandardHelpOptions = true,
    description =
        "Print the pathway a scenario describes: services, and the moves between them with"
            + " their probabilities and exit rates, as Graphviz DOT and as a Mermaid flowchart.",
    footer = {
      "",
      "Examples:",
      "  phbsim pathway                          the default scenario, both formats",
      "  phbsim pathway my-area.yaml --format dot | dot -Tpng > pathway.png",
      "  phbsim pathway --format mermaid         paste into any Markdown that renders Mermaid",
    })
final class PathwayCommand implements Callable<Integer> {
  /** The diagram formats. */
  enum Format {
    dot,
    mermaid,
    both
  }

  @Mixin ScenarioOptions scenario;

  @Option(
      names = "--format",
      defaultValue = "both",
      description = "dot, mermaid or both. Default: ${DEFAULT-VALUE}.")
  Format format;

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    Scenario s = scenario.load();
    ScenarioChecks.requireValid(s);
    PathwayGraph graph = PathwayGraph.of(s);
    PrintWriter out = spec.commandLine().getOut();
    if (format != Format.mermaid) {
      out.print(graph.toDot());
    }
    if (format == Format.both) {
      out.println();
    }
    if (format != Format.dot) {
      out.print(graph.toMermaid());
    }
    out.flush();
    return 0;
  }
}
