package phbsim.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code phbsim completion}: the shell completion script of every command and option, as picocli
 * generates it from the commands themselves (so it cannot fall behind them).
 */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description =
        "Print a completion script for bash or zsh: the shell then completes phbsim's commands,"
            + " options and file names when you press Tab.",
    footer = {
      "",
      "Examples:",
      "  source <(phbsim completion)                        this shell only",
      "  phbsim completion > ~/.phbsim-completion.bash      then add to ~/.bashrc:",
      "      source ~/.phbsim-completion.bash",
      "",
      "zsh reads the same script after 'autoload -U +X bashcompinit && bashcompinit'.",
    })
final class CompletionCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    out.print(AutoComplete.bash("phbsim", spec.root().commandLine()));
    out.flush();
    return 0;
  }
}
