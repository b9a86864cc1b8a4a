package phbsim.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import phbsim.cli.options.OutputOptions;
import phbsim.cli.options.PerReplicationOption;
import phbsim.cli.options.ReplicationOptions;
import phbsim.cli.options.ScenarioOptions;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.scenarios.ScenarioLoader;
import phbsim.writers.AppraisalFiles;
import phbsim.writers.AppraisalText;
import phbsim.writers.Text;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code phbsim compare}: several arms against one status quo, on common random numbers. */
@Command(
    name = "compare",
    mixinStandardHelpOptions = true,
    description =
        "Compare two or more arms, each a scenario file, a built-in scenario or a named option of"
            + " one (SCENARIO:OPTION), against the status quo of the first, on the same random"
            + " numbers: the options appraisal of a board paper, with paired differences and"
            + " their intervals, and the replications needed for a chosen precision.",
    footer = {
      "",
      "Examples:",
      "  phbsim compare default:roll-out default:roll-out-release-post",
      "  phbsim compare my-area.yaml my-area-faster.yaml -r 200",
      "  phbsim compare default tiny        (warns: tiny is not the same place as default)",
      "",
      "A scenario named alone is its scenario as written, without its named options. --set",
      "applies to every arm. Files written: as for run, into phbsim-out/<first>-compare.",
    })
final class CompareCommand implements Callable<Integer> {
  @Parameters(
      arity = "2..*",
      paramLabel = "ARM",
      description = "A scenario file or built-in name, or SCENARIO:OPTION for a named option.")
  List<String> arms;

  @Option(
      names = "--set",
      paramLabel = "PATH=VALUE",
      description = "Override a setting in every arm. Repeatable.")
  List<String> overrides = new ArrayList<>();

  @Option(
      names = "--precision",
      paramLabel = "POUNDS",
      defaultValue = "50000",
      description =
          "The half-width wanted for the 95 %% confidence interval of the cash net saving over the"
              + " horizon. Default: ${DEFAULT-VALUE}.")
  double precision;

  @Mixin ReplicationOptions replications;
  @Mixin OutputOptions output;
  @Mixin PerReplicationOption replicationRows;
  @Spec CommandSpec spec;

  /** An argument resolved: the place it belongs to and the arm it names. */
  private record Resolved(Scenario place, OptionArm arm) {}

  @Override
  public Integer call() {
    RunSpec run = replications.runSpec(spec.commandLine());
    if (!(precision > 0)) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(), "--precision must be above 0 pounds, found " + precision);
    }
    List<Resolved> resolved = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (String a : arms) {
      Resolved r = resolve(a);
      String id = r.arm().id();
      for (int k = 2; !ids.add(id); k++) {
        id = r.arm().id() + "-" + k;
      }
      resolved.add(new Resolved(r.place(), new OptionArm(id, r.arm().label(), r.arm().scenario())));
    }
    Scenario place = resolved.get(0).place();
    replicationRows.check(spec.commandLine(), place);
    Scenario statusQuo = place.statusQuo();
    PrintWriter out = spec.commandLine().getOut();
    for (int i = 1; i < resolved.size(); i++) {
      if (!resolved.get(i).place().statusQuo().equals(statusQuo)) {
        out.println(
            "Warning: "
                + arms.get(i)
                + " is not the same place as "
                + arms.get(0)
                + " (its status quo differs); every arm is compared with the status quo of "
                + arms.get(0)
                + ".");
      }
    }
    List<OptionArm> options = new ArrayList<>();
    List<Scenario> all = new ArrayList<>(List.of(statusQuo));
    for (Resolved r : resolved) {
      options.add(r.arm());
      all.add(r.arm().scenario());
    }
    Capacity.check(all, run, true);
    List<Path> inputs = new ArrayList<>();
    for (String a : arms) {
      String file =
          a.contains(":") && !Files.isRegularFile(Path.of(a))
              ? a.substring(0, a.lastIndexOf(':'))
              : a;
      if (Files.isRegularFile(Path.of(file))) {
        inputs.add(Path.of(file));
      }
    }
    Path folder =
        output.prepare(
            arms.get(0).contains(":") && !Files.isRegularFile(Path.of(arms.get(0)))
                ? arms.get(0).substring(0, arms.get(0).lastIndexOf(':'))
                : arms.get(0),
            "compare",
            inputs);
    AnalysisRun timing = new AnalysisRun();
    AppraisalResult result;
    try (ProgressReporter progress =
        new ProgressReporter(
            "phbsim compare",
            spec.commandLine().getErr(),
            replications.quiet,
            Main.processStreams())) {
      result = Appraisal.run(statusQuo, options, run, progress.cells());
    }
    timing.simulated();
    List<phbsim.scenarios.Explain.Assumption> assumptions =
        phbsim.scenarios.Explain.assumptions(
            firstSource(), phbsim.cli.options.ScenarioOptions.text(firstSource()), place);
    AnalysisRun.commit(
        AppraisalFiles.withWorkbookAndReport(
            AppraisalFiles.of(
                folder, result, place, run, precision, replicationRows.perReplication, compared()),
            result,
            place,
            assumptions,
            AnalysisRun.runInfo(spec, run, armTexts())),
        run,
        spec,
        output,
        armTexts());
    out.printf(
        Locale.UK,
        "Compare: %s against the status quo of %s%n%s from %s, %s, seed %d, %s: %,d events%n%n",
        String.join(", ", arms),
        arms.get(0),
        Text.count(place.years(), "year", "years"),
        place.startDate(),
        Text.count(run.replications(), "replication", "replications"),
        run.masterSeed(),
        Text.count(run.threads(), "thread", "threads"),
        result.events());
    AppraisalText.print(result, out, precision);
    timing.finish(out, folder);
    return 0;
  }

  /** The first arm's scenario, as named (without its option). */
  private String firstSource() {
    String a = arms.get(0);
    return a.contains(":") && !Files.isRegularFile(Path.of(a))
        ? a.substring(0, a.lastIndexOf(':'))
        : a;
  }

  /** The YAML text of each arm's scenario, in order, for the manifest's hashes. */
  private List<String> armTexts() {
    List<String> texts = new ArrayList<>();
    for (String a : arms) {
      String file =
          a.contains(":") && !Files.isRegularFile(Path.of(a))
              ? a.substring(0, a.lastIndexOf(':'))
              : a;
      texts.add(phbsim.cli.options.ScenarioOptions.text(file));
    }
    return texts;
  }

  /** What run.json says was compared, in a fixed order. */
  private Map<String, Object> compared() {
    Map<String, Object> m = new java.util.LinkedHashMap<>();
    m.put("arms", arms);
    m.put("overrides", overrides);
    return m;
  }

  /** SCENARIO or SCENARIO:OPTION. */
  private Resolved resolve(String argument) {
    String name = argument;
    String option = null;
    int colon = argument.lastIndexOf(':');
    // A colon names an option unless what is before it is a file of its own (C:\... on Windows).
    if (colon > 1
        && !Files.isRegularFile(Path.of(argument))
        && (Files.isRegularFile(Path.of(argument.substring(0, colon)))
            || BuiltInScenarios.isBuiltIn(argument.substring(0, colon)))) {
      name = argument.substring(0, colon);
      option = argument.substring(colon + 1);
    }
    Scenario place = ScenarioOptions.load(name, overrides);
    if (option == null) {
      OptionArm arm = OptionArm.asWritten(place);
      return new Resolved(
          place, new OptionArm(id(name), place.name() + ", as written", arm.scenario()));
    }
    for (OptionArm arm : ScenarioLoader.options(place)) {
      if (arm.id().equals(option)) {
        return new Resolved(
            place, new OptionArm(id(name) + "." + option, arm.label(), arm.scenario()));
      }
    }
    List<String> known = new ArrayList<>();
    place.options().forEach(o -> known.add(o.id()));
    throw new UserError(
        argument
            + ": "
            + name
            + " has no option '"
            + option
            + "'; expected one of: "
            + (known.isEmpty()
                ? "(it names none; use " + name + " alone)"
                : String.join(", ", known)));
  }

  private static String id(String name) {
    String file = Path.of(name).getFileName().toString();
    String base = file.endsWith(".yaml") ? file.substring(0, file.length() - 5) : file;
    return RunCommand.safeName(base);
  }
}
