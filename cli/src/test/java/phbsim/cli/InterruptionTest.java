package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run stopped by a signal (SIGTERM, as Ctrl-C's SIGINT, through {@link Process#destroy()}) at
 * many moments, simulating or writing: the output folder then holds the earlier results, byte for
 * byte, or the complete new ones, byte for byte as an uninterrupted run writes them; never a mix,
 * and no hidden staging or replaced folder is left beside it.
 */
@Tag("slow")
class InterruptionTest {
  @TempDir Path dir;

  private static final String[] RUN = {"run", "default", "-r", "300", "-q", "--force"};

  private Process start(long seed, Path out) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("phbsim.cli.Main");
    command.addAll(List.of(RUN));
    command.addAll(List.of("--seed", Long.toString(seed), "--out", out.toString()));
    return new ProcessBuilder(command)
        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
        .redirectError(ProcessBuilder.Redirect.DISCARD)
        .start();
  }

  /** The result files and their bytes (not the manifest: it names the command and folder). */
  private static Map<String, String> contents(Path folder) throws IOException {
    Map<String, String> files = new TreeMap<>();
    if (!Files.isDirectory(folder)) {
      return files;
    }
    try (Stream<Path> s = Files.walk(folder)) {
      for (Path p : s.filter(Files::isRegularFile).toList()) {
        String name = folder.relativize(p).toString();
        if (name.endsWith(".csv") || name.equals("run.json")) {
          files.put(name, Files.readString(p));
        }
      }
    }
    return files;
  }

  private Map<String, String> complete(long seed) throws Exception {
    Path out = dir.resolve("reference-" + seed);
    Process p = start(seed, out);
    assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
    assertThat(p.exitValue()).isZero();
    return contents(out);
  }

  @Test
  void aStoppedRunLeavesTheEarlierResultsOrTheNewOnesNeverAMix() throws Exception {
    Path out = dir.resolve("out");
    long started = System.nanoTime();
    Map<String, String> earlier = complete(1);
    long whole = (System.nanoTime() - started) / 1_000_000;
    Files.move(dir.resolve("reference-1"), out);
    int replaced = 0;
    int kept = 0;
    // From the JVM's start to past the end of writing, in steps of a fifteenth of a whole run
    // (measured just now; a run of 300 replications writes for about its last quarter). On a
    // machine busier than when the whole run was timed, runs take longer: the steps go on past
    // the planned end, up to five whole runs, until one has finished before its signal.
    for (long delay = whole / 15;
        delay <= whole * 20 / 15 || (replaced == 0 && delay <= whole * 5);
        delay += whole / 15) {
      long seed = 100 + delay;
      Process p = start(seed, out);
      Thread.sleep(delay);
      p.destroy();
      assertThat(p.waitFor(2, TimeUnit.MINUTES)).as("stopped at %d ms", delay).isTrue();
      Map<String, String> now = contents(out);
      if (now.equals(earlier)) {
        kept++;
      } else {
        assertThat(now)
            .as("stopped at %d ms: the new results, whole", delay)
            .isEqualTo(complete(seed));
        earlier = now;
        replaced++;
      }
      try (Stream<Path> s = Files.list(dir)) {
        assertThat(s.map(f -> f.getFileName().toString()).filter(n -> n.startsWith(".")))
            .as("stopped at %d ms: nothing hidden left behind", delay)
            .isEmpty();
      }
    }
    System.out.printf(
        "InterruptionTest: a whole run %d ms; %d runs stopped before their results, %d after%n",
        whole, kept, replaced);
    // Both outcomes were seen: the signals landed before the results were in place, and after.
    assertThat(kept).isPositive();
    assertThat(replaced).isPositive();
  }
}
