package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** --out as a user may give it: empty, or a symbolic link to a folder (issue 21). */
class OutFolderRoadsTest {
  @TempDir Path tmp;

  @Test
  @DisplayName("--out '' is refused: it would write somewhere nobody named")
  void emptyOut() {
    Cli r = Cli.run("run", "tiny", "-r", "1", "--quiet", "--out", "");
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.out() + r.err())
        .contains("--out is empty; expected the name of a folder for the results")
        .doesNotContain("\tat ", "internal error");
    Cli blank = Cli.run("run", "tiny", "-r", "1", "--quiet", "--out", "  ");
    assertThat(blank.exitCode()).isNotZero();
  }

  @Test
  @DisplayName("--out naming a link to a folder writes through the link and keeps it")
  void throughALink() throws IOException {
    Path target = Files.createDirectory(tmp.resolve("shared-drive-folder"));
    Path link = Files.createSymbolicLink(tmp.resolve("results"), target);
    Cli r = Cli.run("run", "tiny", "-r", "1", "--quiet", "--out", link.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).as("the user's link is kept").isTrue();
    assertThat(target.resolve("manifest.json")).isRegularFile();
    assertThat(target.resolve("cash_summary.csv")).isRegularFile();
    // Again with --force: the results are replaced inside the target, the link still a link.
    Cli again = Cli.run("run", "tiny", "-r", "1", "--quiet", "--force", "--out", link.toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
    assertThat(Files.isSymbolicLink(link)).isTrue();
    assertThat(target.resolve("manifest.json")).isRegularFile();
  }

  @Test
  @DisplayName("--out naming a link to a file, or to nothing, is refused clearly")
  void linkToNoFolder() throws IOException {
    Path file = Files.writeString(tmp.resolve("notes.txt"), "mine");
    Path toFile = Files.createSymbolicLink(tmp.resolve("to-file"), file);
    Cli r = Cli.run("run", "tiny", "-r", "1", "--quiet", "--out", toFile.toString());
    assertThat(r.exitCode()).isNotZero();
    assertThat(r.out() + r.err())
        .contains("is a symbolic link to something that is not a folder")
        .doesNotContain("\tat ", "internal error");
    assertThat(Files.readString(file)).isEqualTo("mine");
    Path dangling = Files.createSymbolicLink(tmp.resolve("dangling"), tmp.resolve("gone"));
    Cli d = Cli.run("run", "tiny", "-r", "1", "--quiet", "--out", dangling.toString());
    assertThat(d.exitCode()).isNotZero();
    assertThat(Files.isSymbolicLink(dangling)).isTrue();
  }
}
