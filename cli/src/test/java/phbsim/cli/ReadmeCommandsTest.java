package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's own examples work as written (issue 25, item 6): every ./phbsim command of its
 * "Using it" block is run, in order, as a user would, in a fresh folder holding the examples the
 * README names (so `scenarios --show default > my-area.yaml` makes the file the next lines use),
 * and each must end with exit code 0 and no internal error; the goal-seek example must find its
 * value. Slow (a sensitivity analysis, a sweep, a ten-year run of 100 replications): in the slow
 * suite.
 */
@Tag("slow")
class ReadmeCommandsTest {
  @TempDir Path dir;

  /** The commands of the README's "Using it" block, continuation lines joined. */
  static List<String> commands() throws IOException {
    String readme = Files.readString(PersonLevelFiles.locate("README.md"));
    int from = readme.indexOf("## Using it");
    int open = readme.indexOf("```", from);
    int close = readme.indexOf("```", open + 3);
    List<String> commands = new ArrayList<>();
    String pending = "";
    for (String line : readme.substring(open + 3, close).split("\n")) {
      String l = line.replaceAll("\\s+#.*$", "").strip();
      if (l.isEmpty()) {
        continue;
      }
      pending += (pending.isEmpty() ? "" : " ") + l.replaceAll("\\\\$", "").strip();
      if (!l.endsWith("\\")) {
        if (pending.startsWith("./phbsim ")) {
          commands.add(pending);
        }
        pending = "";
      }
    }
    return commands;
  }

  private static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    for (String w : command.substring("./phbsim ".length()).split("\\s+")) {
      words.add(w);
    }
    return words;
  }

  @Test
  void everyCommandRunsAsWritten() throws Exception {
    List<String> commands = commands();
    assertThat(commands).hasSizeGreaterThan(10).anyMatch(c -> c.contains("goal-seek"));
    Path examples = PersonLevelFiles.locate("docs/examples");
    try (Stream<Path> files = Files.walk(examples)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Path to = dir.resolve("docs/examples").resolve(examples.relativize(f).toString());
        Files.createDirectories(to.getParent());
        Files.copy(f, to);
      }
    }
    for (String command : commands) {
      List<String> words = words(command);
      Path redirect = null;
      int gt = words.indexOf(">");
      if (gt >= 0) {
        redirect = dir.resolve(words.get(gt + 1));
        words = words.subList(0, gt);
      }
      List<String> line = new ArrayList<>();
      line.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
      line.add("-cp");
      line.add(System.getProperty("java.class.path"));
      line.add("phbsim.cli.Main");
      line.addAll(words);
      Path out = dir.resolve("out.txt");
      Path err = dir.resolve("err.txt");
      Process p =
          new ProcessBuilder(line)
              .directory(dir.toFile())
              .redirectOutput(redirect != null ? redirect.toFile() : out.toFile())
              .redirectError(err.toFile())
              .start();
      assertThat(p.waitFor(10, TimeUnit.MINUTES)).as(command).isTrue();
      String stderr = Files.readString(err, StandardCharsets.UTF_8);
      String stdout = redirect != null ? "" : Files.readString(out, StandardCharsets.UTF_8);
      assertThat(p.exitValue()).as("%s%n%s", command, stderr).isZero();
      assertThat(stderr).as(command).doesNotContain("internal error", "Exception");
      if (command.contains("goal-seek")) {
        assertThat(stdout).as(command).contains(" reaches ").doesNotContain("No value of");
      }
    }
  }
}
