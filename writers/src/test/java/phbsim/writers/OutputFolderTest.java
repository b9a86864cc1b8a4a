package phbsim.writers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OutputFolderTest {
  @TempDir Path tmp;

  private static OutputFolder twelveFiles(Path folder, int failing, Exception failure) {
    OutputFolder files = new OutputFolder(folder);
    for (int i = 0; i < 12; i++) {
      int n = i;
      files.add(
          "file" + n + ".txt",
          w -> {
            for (int line = 0; line < 2_000; line++) {
              w.write("file " + n + " line " + line + "\n");
            }
            if (n == failing) {
              if (failure instanceof IOException io) {
                throw io;
              }
              throw (RuntimeException) failure;
            }
          });
    }
    return files;
  }

  private static List<String> names(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 3})
  @DisplayName("every file is written in full, whatever the thread count")
  void writesEveryFile(int threads) throws IOException {
    Path folder = tmp.resolve("out");
    List<Path> written = twelveFiles(folder, -1, null).commit(threads);
    assertThat(written).hasSize(12);
    assertThat(names(folder)).hasSize(12).noneMatch(n -> n.endsWith(".partial"));
    assertThat(Files.readAllLines(folder.resolve("file7.txt")))
        .hasSize(2_000)
        .startsWith("file 7 line 0")
        .endsWith("file 7 line 1999");
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 3})
  @DisplayName("a file that fails leaves the earlier results as they were, and nothing hidden")
  void failureLeavesNothing(int threads) throws IOException {
    Path folder = tmp.resolve("out");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("manifest.json"), "{}");
    Files.writeString(folder.resolve("file2.txt"), "from an earlier run");
    assertThatThrownBy(
            () ->
                twelveFiles(folder, 5, new IOException("disk full"))
                    .replacing(true)
                    .commit(threads))
        .isInstanceOf(IOException.class)
        .hasMessage("disk full");
    assertThat(names(folder)).containsExactly("file2.txt", "manifest.json");
    assertThat(Files.readString(folder.resolve("file2.txt"))).isEqualTo("from an earlier run");

    assertThatThrownBy(
            () ->
                twelveFiles(folder, 9, new IllegalStateException("a bug"))
                    .replacing(true)
                    .commit(threads))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("a bug");
    assertThat(names(folder)).containsExactly("file2.txt", "manifest.json");
    // no staging folder left beside it
    assertThat(names(tmp)).containsExactly("out");
  }

  @ParameterizedTest(name = "{0} threads")
  @ValueSource(ints = {1, 3})
  @DisplayName("with --force, earlier phbsim results are replaced whole: no old file survives")
  void replacesWhole(int threads) throws IOException {
    Path folder = tmp.resolve("out");
    Files.createDirectories(folder);
    Files.writeString(folder.resolve("manifest.json"), "{}");
    Files.writeString(folder.resolve("old-only.csv"), "x");
    twelveFiles(folder, -1, null).replacing(true).commit(threads);
    assertThat(names(folder)).hasSize(12).doesNotContain("old-only.csv", "manifest.json");
    assertThat(names(tmp)).containsExactly("out");
  }

  @org.junit.jupiter.api.Test
  @DisplayName("refused before anything runs: earlier results, a file, others' files, an input")
  void refusals() throws IOException {
    Path results = tmp.resolve("results");
    Files.createDirectories(results);
    Files.writeString(results.resolve("run.json"), "{}");
    assertThatThrownBy(() -> OutputFolder.check(results, false, List.of()))
        .isInstanceOf(OutputFolder.Refused.class)
        .hasMessageContaining("already holds files")
        .hasMessageContaining("--force");
    OutputFolder.check(results, true, List.of()); // phbsim's own results may be replaced

    Path file = Files.writeString(tmp.resolve("a-file"), "x");
    assertThatThrownBy(() -> OutputFolder.check(file, true, List.of()))
        .hasMessageContaining("is a file");

    Path notes = tmp.resolve("notes");
    Files.createDirectories(notes);
    Files.writeString(notes.resolve("mine.txt"), "x");
    assertThatThrownBy(() -> OutputFolder.check(notes, true, List.of()))
        .hasMessageContaining("holds files phbsim did not write");

    Path scenario = Files.writeString(tmp.resolve("my-area.yaml"), "name: x");
    assertThatThrownBy(() -> OutputFolder.check(tmp, true, List.of(scenario)))
        .hasMessageContaining("holds the input");
    assertThatThrownBy(() -> OutputFolder.check(tmp.resolve(".."), true, List.of(scenario)))
        .hasMessageContaining("holds the input");
    // a fresh folder beside the input is fine
    OutputFolder.check(tmp.resolve("new"), false, List.of(scenario));
  }

  @org.junit.jupiter.api.Test
  @DisplayName("earlier results a killed process had moved aside come back, and are never deleted")
  void resultsMovedAsideByAKilledProcessComeBack() throws IOException {
    Path folder = tmp.resolve("out");
    // What a process killed outright between the two renames of a replacement leaves: the earlier
    // results moved aside, under the pid of a process that no longer runs, and no folder.
    Path aside = tmp.resolve(".out.replaced-" + Long.MAX_VALUE);
    Files.createDirectories(aside);
    Files.writeString(aside.resolve("run.json"), "{}");
    assertThatThrownBy(() -> OutputFolder.check(folder, false, List.of()))
        .hasMessageContaining("already holds files");
    assertThat(folder.resolve("run.json")).hasContent("{}");
    assertThat(aside).doesNotExist();

    // With --force the new results then replace them, as any earlier results.
    OutputFolder.check(folder, true, List.of());
    new OutputFolder(folder, true).add("run.json", w -> w.write("{\"new\": 1}")).commit();
    assertThat(folder.resolve("run.json")).hasContent("{\"new\": 1}");
    try (Stream<Path> s = Files.list(tmp)) {
      assertThat(s.map(p -> p.getFileName().toString())).containsExactly("out");
    }
  }
}
