package phbsim.writers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import phbsim.experiment.ReplicationRunner;

/**
 * A folder of result files that appears complete or not at all, and never loses earlier work.
 *
 * <p>The files are written into a hidden staging folder beside the target, and only when every one
 * is written is the staging folder renamed to the target, in one step. A failure part-way, an
 * interrupt or a SIGTERM leaves the target as it was (the staging folder is removed; after a kill
 * that gives no chance to clean up, the next write to the same target removes it). An existing
 * target is replaced only when asked ({@code --force}), and only if it is a folder phbsim wrote; a
 * folder that holds or would replace an input file is refused either way.
 */
public final class OutputFolder {
  /** Writes one file's content. */
  @FunctionalInterface
  public interface Content {
    void writeTo(Writer out) throws IOException;
  }

  /** Writes one binary file's content (a workbook). */
  @FunctionalInterface
  public interface BinaryContent {
    void writeTo(java.io.OutputStream out) throws IOException;
  }

  /** A folder that cannot be written, with a message for the user. */
  public static final class Refused extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Refused(String message) {
      super(message);
    }
  }

  /** The file every phbsim output folder holds; its presence marks a folder phbsim wrote. */
  public static final String MANIFEST = "manifest.json";

  private static final String STAGING = ".staging-";
  private static final String REPLACED = ".replaced-";

  private final Path folder;
  private final boolean replace;
  private final Map<String, BinaryContent> files = new LinkedHashMap<>();
  private final List<String> done = new ArrayList<>();
  private Path staging;
  private Thread cleanUp;

  /**
   * Guards putting the results in place against the clean-up on a signal: the two renames of a
   * replacement happen whole, or not at all once the process is stopping.
   */
  private final Object placing = new Object();

  private boolean stopping;
  private boolean placed;

  /** Which scenario the files are about (AppraisalFiles), stated once for the set; or null. */
  private Origin origin;

  /** A folder that must not exist yet, or be empty. */
  public OutputFolder(Path folder) {
    this(folder, false);
  }

  /**
   * @param replace whether an existing folder of phbsim results may be replaced ({@code --force})
   */
  public OutputFolder(Path folder, boolean replace) {
    this.folder = folder.toAbsolutePath().normalize();
    this.replace = replace;
  }

  public Path folder() {
    return folder;
  }

  /**
   * Records which scenario these files are about, so that the files added later (the workbook, the
   * report) name it as the first ones did, from one record.
   */
  public OutputFolder about(Origin origin) {
    this.origin = origin;
    return this;
  }

  /** Which scenario these files are about, or null if not said. */
  public Origin origin() {
    return origin;
  }

  /** The same files, to a folder that may ({@code replace}) or may not replace earlier results. */
  public OutputFolder replacing(boolean replace) {
    if (replace == this.replace) {
      return this;
    }
    if (staging != null) {
      throw new IllegalStateException("files are already being written to " + folder);
    }
    OutputFolder f = new OutputFolder(folder, replace);
    f.files.putAll(files);
    f.origin = origin;
    return f;
  }

  /**
   * Adds every file of {@code other} (not yet written), under {@code prefix}, such as "areas/x/".
   */
  public OutputFolder addAll(String prefix, OutputFolder other) {
    for (Map.Entry<String, BinaryContent> e : other.files.entrySet()) {
      files.put(prefix + e.getKey(), e.getValue());
    }
    return this;
  }

  /**
   * Checks, before anything runs, that results can be written to {@code folder}: it is not a file,
   * it is empty or absent (or, with {@code replace}, a folder of phbsim results), it does not hold
   * any of {@code inputs}, and its nearest existing parent is writable.
   *
   * @throws Refused saying what is wrong and what to do
   */
  /**
   * The folder results for {@code given} go to: the folder itself, or, for a symbolic link to a
   * folder, the folder it links to, so that the results are written through the link and the user's
   * link is kept (never replaced by a new folder of the same name).
   *
   * @throws Refused for an empty name, or a link to something that is not a folder
   */
  public static Path throughLink(Path given) {
    if (given.toString().isBlank()) {
      throw new Refused("--out is empty; expected the name of a folder for the results");
    }
    Path path = given.toAbsolutePath().normalize();
    if (!Files.isSymbolicLink(path)) {
      return path;
    }
    if (!Files.isDirectory(path)) {
      throw new Refused(
          "The output folder "
              + path
              + " is a symbolic link to something that is not a folder; expected a folder, or a"
              + " link to one");
    }
    try {
      return path.toRealPath();
    } catch (java.io.IOException e) {
      throw new Refused(
          "The output folder " + path + " is a symbolic link that cannot be followed: " + e);
    }
  }

  public static void check(Path folder, boolean replace, List<Path> inputs) {
    Path target = folder.toAbsolutePath().normalize();
    recover(target);
    for (Path input : inputs) {
      Path in = input.toAbsolutePath().normalize();
      if (in.startsWith(target)) {
        throw new Refused(
            "The output folder "
                + target
                + " holds the input "
                + in
                + "; expected a folder of its own for the results (give another --out)");
      }
    }
    if (Files.exists(target) && !Files.isDirectory(target)) {
      throw new Refused(
          "The output folder " + target + " is a file; expected a folder for the results");
    }
    if (Files.isDirectory(target) && !isEmpty(target)) {
      if (!replace) {
        throw new Refused(
            "The output folder "
                + target
                + " already holds files; phbsim does not overwrite results: give --force to"
                + " replace them, or another --out");
      }
      if (!Files.isRegularFile(target.resolve(MANIFEST))
          && !Files.isRegularFile(target.resolve("run.json"))) {
        throw new Refused(
            "The output folder "
                + target
                + " holds files phbsim did not write; --force replaces only a folder of phbsim"
                + " results: give another --out");
      }
    }
    Path parent = target.getParent();
    while (parent != null && !Files.exists(parent)) {
      parent = parent.getParent();
    }
    if (parent == null || !Files.isDirectory(parent) || !Files.isWritable(parent)) {
      throw new Refused(
          "Cannot write the results to "
              + target
              + ": "
              + (parent == null ? "no existing parent folder" : parent + " is not writable")
              + "; expected a folder you can write to");
    }
  }

  private static boolean isEmpty(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.findAny().isEmpty();
    } catch (IOException e) {
      return false;
    }
  }

  /** Adds a text file (UTF-8) to be written by {@link #commit()}. */
  public OutputFolder add(String name, Content content) {
    files.put(
        name,
        out -> {
          // A CSV writer closes its Writer when done; closing twice is harmless.
          try (Writer w =
              new java.io.BufferedWriter(
                  new java.io.OutputStreamWriter(out, StandardCharsets.UTF_8))) {
            content.writeTo(w);
          }
        });
    return this;
  }

  /** Adds a binary file (a workbook) to be written by {@link #commit()}. */
  public OutputFolder addBinary(String name, BinaryContent content) {
    files.put(name, content);
    return this;
  }

  /** Adds a file only when {@code wanted} (an optional output, such as --per-replication). */
  public OutputFolder addIf(boolean wanted, String name, Content content) {
    return wanted ? add(name, content) : this;
  }

  /**
   * Writes every file, then puts the folder in place.
   *
   * @return the files written
   * @throws IOException naming the file that could not be written; nothing is left behind
   */
  public List<Path> commit() throws IOException {
    return commit(1);
  }

  /**
   * Writes every file, up to {@code threads} at a time, into a staging folder, then puts it in
   * place in one rename. Each file's content is written by one thread, so the bytes do not depend
   * on the thread count; the contents must only read what they share.
   *
   * @return the files written, at their final places
   * @throws IOException naming the file that could not be written; nothing is left behind
   * @throws Refused if the folder cannot be written (checked again: something may have changed
   *     while the model ran)
   */
  public List<Path> commit(int threads) throws IOException {
    try {
      flush(threads);
      putInPlace(staging);
    } finally {
      abandon();
    }
    List<Path> written = new ArrayList<>();
    for (String name : done) {
      written.add(folder.resolve(name));
    }
    return written;
  }

  /**
   * Writes the files added so far into the staging folder now (opening it the first time), and
   * forgets their contents: a run of many areas writes each area's files as it finishes, so that
   * its results need not be kept. Nothing appears at the target until {@link #commit(int)}.
   *
   * @throws IOException naming the file that could not be written; the staging folder is removed
   */
  public void flush(int threads) throws IOException {
    try {
      if (staging == null) {
        open();
      }
      write(staging, threads);
      done.addAll(files.keySet());
      files.clear();
    } catch (IOException | RuntimeException e) {
      abandon();
      throw e;
    }
  }

  /** Removes the staging folder without putting anything in place (after a failure). */
  public void abandon() {
    if (staging != null) {
      deleteQuietly(staging);
      try {
        Runtime.getRuntime().removeShutdownHook(cleanUp);
      } catch (IllegalStateException shuttingDown) {
        // the hook runs anyway
      }
      staging = null;
    }
  }

  private void open() throws IOException {
    check(folder, replace, List.of());
    Path parent = folder.getParent();
    Files.createDirectories(parent);
    removeLeftovers(parent);
    Path dir =
        parent.resolve(
            "."
                + folder.getFileName()
                + STAGING
                + ProcessHandle.current().pid()
                + "-"
                + System.nanoTime());
    cleanUp =
        new Thread(
            () -> {
              synchronized (placing) {
                stopping = true;
                if (!placed) {
                  deleteQuietly(dir);
                }
              }
            },
            "phbsim-output-clean-up");
    Runtime.getRuntime().addShutdownHook(cleanUp);
    Files.createDirectory(dir);
    staging = dir;
  }

  private void write(Path staging, int threads) throws IOException {
    List<String> names = new ArrayList<>(files.keySet());
    List<BinaryContent> contents = new ArrayList<>(files.values());
    // Results are written in parallel for speed (the CSVs of a 5,000-replication run take seconds
    // each). Every task runs to its end, failed or not, before anything is reported; the first
    // failure in file order is the one reported.
    List<Exception> failures =
        ReplicationRunner.run(
            contents.size(),
            Math.max(1, threads),
            i -> {
              Path file = staging.resolve(names.get(i)).normalize();
              if (!file.startsWith(staging) || file.equals(staging)) {
                return new IOException("a result file may not leave its folder: " + names.get(i));
              }
              java.io.OutputStream opened;
              // Opened under the lock the clean-up on a signal takes: once it has removed the
              // staging folder, no file (and no folder) is created in it again.
              synchronized (placing) {
                if (stopping) {
                  return new IOException("stopped before " + names.get(i) + " was written");
                }
                try {
                  Files.createDirectories(file.getParent());
                  opened = Files.newOutputStream(file);
                } catch (IOException e) {
                  return e;
                }
              }
              try (java.io.OutputStream o = new java.io.BufferedOutputStream(opened)) {
                // A writer may close what it is given (fastexcel's finish() does); the file is
                // closed here, once, after it.
                contents
                    .get(i)
                    .writeTo(
                        new java.io.FilterOutputStream(o) {
                          @Override
                          public void write(byte[] b, int off, int len) throws IOException {
                            out.write(b, off, len);
                          }

                          @Override
                          public void close() throws IOException {
                            flush();
                          }
                        });
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
  }

  /** Renames the staging folder to the target; an old target (replace) goes only once it has. */
  private void putInPlace(Path staging) throws IOException {
    synchronized (placing) {
      if (stopping) {
        throw new IOException("stopped before the results were put in place");
      }
      replaceWith(staging);
      placed = true;
    }
  }

  private void replaceWith(Path staging) throws IOException {
    if (!Files.exists(folder)) {
      move(staging, folder);
      return;
    }
    if (isEmpty(folder)) {
      Files.delete(folder);
      move(staging, folder);
      return;
    }
    Path old =
        folder.resolveSibling(
            "." + folder.getFileName() + REPLACED + ProcessHandle.current().pid());
    move(folder, old);
    try {
      move(staging, folder);
    } catch (IOException e) {
      move(old, folder); // put the earlier results back
      throw e;
    }
    deleteQuietly(old);
  }

  /**
   * Puts back earlier results that a process killed outright (SIGKILL, a power cut) had moved aside
   * to replace, if the new results never took their place.
   */
  private static void recover(Path target) {
    Path parent = target.getParent();
    if (parent == null || Files.exists(target) || !Files.isDirectory(parent)) {
      return;
    }
    String prefix = "." + target.getFileName() + REPLACED;
    try (Stream<Path> s = Files.list(parent)) {
      List<Path> aside =
          s.filter(p -> p.getFileName().toString().startsWith(prefix))
              .filter(p -> !ownedByLiveProcess(p.getFileName().toString()))
              .toList();
      if (aside.size() == 1) {
        move(aside.get(0), target);
      }
    } catch (IOException e) {
      // Left where it is, for the user: never deleted while the results are missing.
    }
  }

  /** Staging and replaced folders of this target left by a process that was killed outright. */
  private void removeLeftovers(Path parent) {
    String prefix = "." + folder.getFileName();
    try (Stream<Path> s = Files.list(parent)) {
      s.filter(
              p -> {
                String n = p.getFileName().toString();
                return n.startsWith(prefix + STAGING) || n.startsWith(prefix + REPLACED);
              })
          .filter(p -> !ownedByLiveProcess(p.getFileName().toString()))
          .forEach(OutputFolder::deleteQuietly);
    } catch (IOException e) {
      // Nothing to clean, or nothing we may clean: neither stops the write.
    }
  }

  private static boolean ownedByLiveProcess(String name) {
    int at = Math.max(name.lastIndexOf(STAGING), name.lastIndexOf(REPLACED));
    String rest = name.substring(name.indexOf('-', at + 2) + 1);
    int dash = rest.indexOf('-');
    String pid = dash < 0 ? rest : rest.substring(0, dash);
    try {
      long p = Long.parseLong(pid);
      return p != ProcessHandle.current().pid()
          && ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
    } catch (NumberFormatException e) {
      return false;
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to);
    } catch (DirectoryNotEmptyException e) {
      throw new IOException(to + " appeared while the results were being written", e);
    }
  }

  private static void deleteQuietly(Path dir) {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    } catch (IOException | UncheckedIOException e) {
      // Best effort: a leftover is removed by the next write to the same folder.
    }
  }
}
