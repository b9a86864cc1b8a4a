package phbsim.cli.write;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import phbsim.experiment.ReplicationRunner;

/**
 * A folder of result files that is written completely or not at all: each file goes first to a
 * temporary name, and only when every file has been written are they all moved into place. A
 * failure part-way leaves the folder as it was.
 */
public final class OutputFolder {
  /** Writes one file's content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  private final Path folder;
  private final Map<String, Content> files = new LinkedHashMap<>();

  public OutputFolder(Path folder) {
    this.folder = folder;
  }

  public Path folder() {
    return folder;
  }

  /** Adds a file to be written by {@link #commit()}. */
  public OutputFolder add(String name, Content content) {
    files.put(name, content);
    return this;
  }

  /** Adds a file only when {@code wanted} (an optional output, such as --per-replication). */
  public OutputFolder addIf(boolean wanted, String name, Content content) {
    return wanted ? add(name, content) : this;
  }

  /**
   * Writes every file, then moves them all into place.
   *
   * @return the files written
   * @throws IOException naming the file that could not be written; nothing is left behind
   */
  public List<Path> commit() throws IOException {
    return commit(1);
  }

  /**
   * Writes every file, up to {@code threads} at a time, then moves them all into place. Each file's
   * content is written by one thread, so the bytes do not depend on the thread count; the contents
   * must only read what they share.
   *
   * @return the files written
   * @throws IOException naming the file that could not be written; nothing is left behind
   */
  public List<Path> commit(int threads) throws IOException {
    Files.createDirectories(folder);
    List<Path> temporary = new ArrayList<>();
    for (String name : files.keySet()) {
      temporary.add(folder.resolve("." + name + ".partial"));
    }
    List<Content> contents = new ArrayList<>(files.values());
    try {
      // Results are written in parallel for speed (the CSVs of a 5,000-replication run take
      // seconds each). Every task runs to its end, failed or not, before anything is cleaned up
      // or reported; the first failure in file order is the one reported.
      List<Exception> failures =
          ReplicationRunner.run(
              contents.size(),
              Math.max(1, threads),
              i -> {
                try (Writer w = Files.newBufferedWriter(temporary.get(i), StandardCharsets.UTF_8)) {
                  contents.get(i).writeTo(w);
                  return null;
                } catch (IOException | RuntimeException e) {
                  return e;
                }
              });
      for (Exception failure : failures) {
        if (failure instanceof IOException io) {
          throw io;
        }
        if (failure instanceof RuntimeException unchecked) {
          throw unchecked;
        }
      }
      List<Path> written = new ArrayList<>();
      int i = 0;
      for (String name : files.keySet()) {
        Path target = folder.resolve(name);
        move(temporary.get(i++), target);
        written.add(target);
      }
      return written;
    } finally {
      for (Path tmp : temporary) {
        Files.deleteIfExists(tmp);
      }
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }
}
