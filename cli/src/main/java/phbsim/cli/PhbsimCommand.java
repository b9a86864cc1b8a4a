package phbsim.cli;

import java.io.PrintWriter;
import phbsim.scenario.ScenarioException;
import phbsim.scenarios.ScenarioLoadException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code phbsim} command. */
@Command(
    name = "phbsim",
    mixinStandardHelpOptions = true,
    versionProvider = PhbsimCommand.Version.class,
    description =
        "Simulates moving people with long-term mental health conditions from block-contracted"
            + " services onto personal health budgets: cash, community teams, crisis care.",
    subcommands = {
      RunCommand.class,
      CompareCommand.class,
      SweepCommand.class,
      SensitivityCommand.class,
      GoalSeekCommand.class,
      CalibrateCommand.class,
      ValidateCommand.class,
      ExplainCommand.class,
      TemplateCommand.class,
      ServeCommand.class,
      ScenariosCommand.class,
      PathwayCommand.class,
      BenchCommand.class,
      CompletionCommand.class,
      ManPageCommand.class,
      CommandLine.HelpCommand.class
    },
    footer = {
      "",
      "Examples:",
      "  phbsim run                              run the built-in default scenario",
      "  phbsim run my-area.yaml --set years=10  run a file, overriding one setting",
      "  phbsim validate my-area.yaml            check a scenario file",
      "  phbsim explain default budgets.restrictiveShare   where a value comes from",
      "  phbsim help run                         options of one command",
    })
public final class PhbsimCommand implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** The configured command line: user mistakes become short messages and non-zero exits. */
  public static CommandLine commandLine() {
    PhbsimCommand root = new PhbsimCommand();
    CommandLine cl = new CommandLine(root);
    // Help and the printed tables fill the terminal they are shown on (picocli measures it),
    // between picocli's narrowest and a width prose can still be read at; not on a terminal (a
    // pipe, a test) help is 80 wide and the tables the writers' default.
    int terminal = terminalWidth(cl);
    cl.setUsageHelpWidth(terminal > 0 ? held(terminal) : 80);
    root.tableWidth = terminal > 0 ? held(terminal) : phbsim.writers.AppraisalText.DEFAULT_WIDTH;
    cl.setExecutionExceptionHandler(PhbsimCommand::handle);
    cl.setParameterExceptionHandler(PhbsimCommand::badArguments);
    return cl;
  }

  /**
   * The width the printed tables are laid out within: the terminal's, as picocli measures it for
   * help, held to the same 55 to 120; not on a terminal (a pipe, a file, a test) the writers'
   * default.
   */
  private int tableWidth = phbsim.writers.AppraisalText.DEFAULT_WIDTH;

  /** The width for the printed tables of the command {@code spec} belongs to. */
  static int tableWidth(CommandLine.Model.CommandSpec spec) {
    return spec.root().userObject() instanceof PhbsimCommand p
        ? p.tableWidth
        : phbsim.writers.AppraisalText.DEFAULT_WIDTH;
  }

  /** No terminal is this wide: picocli keeps it when it finds no terminal to measure. */
  private static final int NOT_MEASURED = 10_000;

  /** The terminal's width as picocli measures it, or 0 when it is not a terminal. */
  private static int terminalWidth(CommandLine cl) {
    cl.setUsageHelpWidth(NOT_MEASURED);
    cl.setUsageHelpAutoWidth(true);
    int terminal = cl.getCommandSpec().usageMessage().width();
    cl.setUsageHelpAutoWidth(false);
    return terminal == NOT_MEASURED ? 0 : terminal;
  }

  private static int held(int width) {
    return Math.max(55, Math.min(WIDEST_HELP, width));
  }

  /** The widest help is read at comfortably, in characters. */
  static final int WIDEST_HELP = 120;

  /** A mistake in the arguments: the message and where to find help, not the whole usage. */
  private static int badArguments(CommandLine.ParameterException e, String[] args) {
    CommandLine cl = e.getCommandLine();
    PrintWriter err = cl.getErr();
    err.println(e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("See '" + cl.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return cl.getCommandSpec().exitCodeOnInvalidInput();
  }

  private static int handle(Exception e, CommandLine cl, CommandLine.ParseResult parseResult) {
    PrintWriter err = cl.getErr();
    if (e instanceof ScenarioLoadException load) {
      err.println(
          load.problems().size() == 1 ? "1 problem:" : load.problems().size() + " problems:");
      load.problems().forEach(p -> err.println("  " + p));
    } else if (e instanceof ScenarioException bad) {
      err.println(bad.problems().size() == 1 ? "1 problem:" : bad.problems().size() + " problems:");
      bad.problems().forEach(p -> err.println("  " + p));
    } else if (e instanceof UserError
        || e instanceof phbsim.runs.RunRefused
        || e instanceof phbsim.writers.OutputFolder.Refused) {
      err.println(e.getMessage());
    } else {
      err.println("phbsim stopped on an internal error, not a problem with your input: " + e);
      err.println("Please report it with the command you ran.");
      return 3;
    }
    err.flush();
    return UserError.EXIT_CODE;
  }

  /** The version and the commit it was built from (BuildInfo). */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {
        "phbsim " + phbsim.runs.BuildInfo.describe(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
