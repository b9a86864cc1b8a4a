package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Help as a terminal shows it (issue 25, item 7): picocli wraps it at the width it is shown at,
 * between words, never inside a file name; it names every file a run writes; and the shell
 * completion and the manual pages come from the same commands.
 */
class HelpTextTest {

  private static List<CommandLine> everyCommand(CommandLine cl) {
    List<CommandLine> all = new ArrayList<>(List.of(cl));
    cl.getSubcommands().values().stream()
        .filter(sub -> sub.getParent() == cl) // an alias lists the same command twice
        .distinct()
        .forEach(sub -> all.addAll(everyCommand(sub)));
    return all;
  }

  /** The words of help text as picocli formats it: %n a line break, %% a per cent sign. */
  private static List<String> source(String[] lines) {
    return words(String.join("\n", lines).replace("%n", "\n").replace("%%", "%"));
  }

  private static List<String> words(String text) {
    return Arrays.stream(text.split("\\s+")).filter(w -> !w.isEmpty()).toList();
  }

  @Test
  @DisplayName("at 80 and 120 columns no help line is wider than the terminal")
  void fitsTheWidth() {
    for (int width : new int[] {80, 120}) {
      CommandLine root = PhbsimCommand.commandLine();
      root.setUsageHelpWidth(width);
      for (CommandLine cl : everyCommand(root)) {
        String usage = cl.getUsageMessage();
        for (String line : usage.split("\n")) {
          assertThat(line.length())
              .as("%s at %d columns: %s", cl.getCommandSpec().qualifiedName(), width, line)
              .isLessThanOrEqualTo(width);
        }
      }
    }
  }

  @Test
  @DisplayName("wrapping only moves line breaks: the description and footer keep every word whole")
  void wrapsBetweenWords() {
    for (int width : new int[] {80, 120}) {
      CommandLine root = PhbsimCommand.commandLine();
      root.setUsageHelpWidth(width);
      for (CommandLine cl : everyCommand(root)) {
        CommandSpec spec = cl.getCommandSpec();
        CommandLine.Help help =
            cl.getHelpFactory()
                .create(spec, CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        String name = spec.qualifiedName() + " at " + width;
        assertThat(words(help.footer()))
            .as(name + ", footer")
            .isEqualTo(source(spec.usageMessage().footer()));
        assertThat(words(help.description()))
            .as(name + ", description")
            .isEqualTo(source(spec.usageMessage().description()));
      }
    }
  }

  @Test
  @DisplayName("run --help names every file a run writes, each whole on one line")
  void runHelpNamesEveryFile(@TempDir Path tmp) throws IOException {
    Path out = tmp.resolve("results");
    Cli run =
        Cli.run("run", "default", "-r", "2", "--set", "years=1", "-q", "--out", out.toString());
    assertThat(run.exitCode()).as(run.err()).isZero();
    List<String> help = words(Cli.run("run", "--help").out());
    try (Stream<Path> files = Files.list(out)) {
      List<String> written = files.map(p -> p.getFileName().toString()).toList();
      assertThat(written).hasSizeGreaterThan(10);
      assertThat(help).containsAll(written);
    }
  }

  @Test
  @DisplayName("the completion script is valid bash and completes every command and run's options")
  void completion(@TempDir Path tmp) throws Exception {
    Cli r = Cli.run("completion");
    assertThat(r.exitCode()).isZero();
    CommandLine root = PhbsimCommand.commandLine();
    for (String command : root.getSubcommands().keySet()) {
      assertThat(r.out()).as(command).contains(command);
    }
    for (String option : root.getSubcommands().get("run").getCommandSpec().optionsMap().keySet()) {
      assertThat(r.out()).as(option).contains(option);
    }
    Path script = tmp.resolve("phbsim-completion.bash");
    Files.writeString(script, r.out());
    Process bash =
        new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
    assertThat(bash.waitFor(30, TimeUnit.SECONDS)).isTrue();
    assertThat(bash.exitValue()).as(new String(bash.getInputStream().readAllBytes())).isZero();
  }

  @Test
  @DisplayName("manpage writes a page for phbsim and each command, with that command's options")
  void manPages(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("man");
    Cli r = Cli.run("manpage", "--dir", dir.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(dir.resolve("phbsim.adoc")).exists();
    String run = Files.readString(dir.resolve("phbsim-run.adoc"));
    assertThat(run).contains(":doctype: manpage", "phbsim-run(1)", "--replications", "--set");

    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    Cli onFile = Cli.run("manpage", "--dir", file.toString());
    assertThat(onFile.exitCode()).isEqualTo(1);
    assertThat(onFile.err()).contains("is a file").doesNotContain("\tat ");
  }

  @Test
  @DisplayName(
      "docs/man holds the pages phbsim manpage writes today (regenerate: phbsim manpage --dir docs/man)")
  void docsManIsCurrent(@TempDir Path tmp) throws IOException {
    Path dir = tmp.resolve("man");
    assertThat(Cli.run("manpage", "--dir", dir.toString()).exitCode()).isZero();
    Path docs = Path.of("..", "docs", "man");
    try (Stream<Path> written = Files.list(dir);
        Stream<Path> kept = Files.list(docs)) {
      List<String> names = written.map(p -> p.getFileName().toString()).sorted().toList();
      assertThat(kept.map(p -> p.getFileName().toString()).sorted().toList()).isEqualTo(names);
      for (String name : names) {
        assertThat(Files.readString(docs.resolve(name)))
            .as(name + ": run ./phbsim manpage --dir docs/man")
            .isEqualTo(Files.readString(dir.resolve(name)));
      }
    }
  }
}
