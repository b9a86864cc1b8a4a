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
    CommandLine cl = new CommandLine(new PhbsimCommand());
    // Help fills the terminal it is shown on (picocli measures it), between picocli's narrowest
    // and a width prose can still be read at; not on a terminal (a pipe, a test) it is 80.
    cl.setUsageHelpWidth(helpWidth(cl));
    cl.setExecutionExceptionHandler(PhbsimCommand::handle);
    cl.setParameterExceptionHandler(PhbsimCommand::badArguments);
    return cl;
  }

  /** The widest help is read at comfortably, in characters. */
  static final int WIDEST_HELP = 120;

  private static int helpWidth(CommandLine cl) {
    cl.setUsageHelpAutoWidth(true);
    int terminal = cl.getCommandSpec().usageMessage().width();
    cl.setUsageHelpAutoWidth(false);
    return Math.max(55, Math.min(WIDEST_HELP, terminal));
  }

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
    } else if (e instanceof UserError || e instanceof phbsim.writers.OutputFolder.Refused) {
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
        "phbsim " + BuildInfo.describe(),
        "Java "
            + System.getProperty("java.version")
            + " ("
            + System.getProperty("java.vendor")
            + ")"
      };
    }
  }
}
