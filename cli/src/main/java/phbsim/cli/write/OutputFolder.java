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

  /**
   * Writes every file, then moves them all into place.
   *
   * @return the files written
   * @throws IOException naming the file that could not be written; nothing is left behind
   */
  public List<Path> commit() throws IOException {
    Files.createDirectories(folder);
    List<Path> temporary = new ArrayList<>();
    try {
      for (Map.Entry<String, Content> f : files.entrySet()) {
        Path tmp = folder.resolve("." + f.getKey() + ".partial");
        temporary.add(tmp);
        try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
          f.getValue().writeTo(w);
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
