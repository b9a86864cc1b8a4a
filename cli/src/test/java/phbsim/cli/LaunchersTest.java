package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The launchers rebuild the jar after a change in any module it is built from (issue 25, item 8):
 * every phbsim module the command line depends on, read from cli/pom.xml, and the command line's
 * own, has its sources and its pom in the list each launcher compares with the jar, so an edit to
 * the report (writers) or the model is never run from a stale jar. The wrapper checks the Maven it
 * downloads against a SHA-256.
 */
class LaunchersTest {
  private static final Path ROOT = PersonLevelFiles.locate("phbsim").getParent();

  /** cli and the phbsim modules cli/pom.xml depends on, by their folder. */
  private static List<String> modules() throws IOException {
    String pom = Files.readString(ROOT.resolve("cli/pom.xml"));
    List<String> modules = new ArrayList<>(List.of("cli"));
    Matcher m = Pattern.compile("<artifactId>phbsim-([a-z]+)</artifactId>").matcher(pom);
    while (m.find()) {
      if (Files.isDirectory(ROOT.resolve(m.group(1)))) {
        modules.add(m.group(1));
      }
    }
    return modules;
  }

  @Test
  @DisplayName("the Linux and macOS launcher compares every module's sources and pom with the jar")
  void unixLauncher() throws IOException {
    String script = Files.readString(ROOT.resolve("phbsim"));
    assertThat(modules()).contains("model", "scenarios", "writers", "cli");
    for (String module : modules()) {
      assertThat(script)
          .contains("\"$here/" + module + "/src\"", "\"$here/" + module + "/pom.xml\"");
    }
    assertThat(script).contains("\"$here/pom.xml\"");
  }

  @Test
  @DisplayName("the Windows launcher does too, rather than building only when there is no jar")
  void windowsLauncher() throws IOException {
    String script = Files.readString(ROOT.resolve("phbsim.cmd"));
    for (String module : modules()) {
      assertThat(script).contains("'" + module + "\\src'", "'" + module + "\\pom.xml'");
    }
    assertThat(script).contains("'pom.xml'").contains("if \"%STALE%\"==\"1\"");
  }

  @Test
  @DisplayName("the Maven wrapper checks the distribution it downloads against its SHA-256")
  void wrapperChecksum() throws IOException {
    String properties = Files.readString(ROOT.resolve(".mvn/wrapper/maven-wrapper.properties"));
    assertThat(properties).containsPattern("(?m)^distributionSha256Sum=[0-9a-f]{64}$");
  }
}
