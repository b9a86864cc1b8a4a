package phbsim.cli;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.codegen.docgen.manpage.ManPageGenerator;

/**
 * {@code phbsim manpage}: a manual page for phbsim and each of its commands, written by picocli's
 * ManPageGenerator from the commands themselves, so the pages say exactly what the help says.
 */
@Command(
    name = "manpage",
    mixinStandardHelpOptions = true,
    description =
        "Write the manual pages of phbsim and every command (AsciiDoc in the manpage format, one"
            + " file a command) into a folder.",
    footer = {
      "",
      "Examples:",
      "  phbsim manpage --dir man",
      "  asciidoctor -b manpage man/*.adoc && man ./man/phbsim-run.1",
      "",
      "The pages are also in the source tree under docs/man/, where they read as web pages.",
    })
final class ManPageCommand implements Callable<Integer> {
  @Spec CommandSpec spec;

  @Option(
      names = "--dir",
      paramLabel = "FOLDER",
      defaultValue = "man",
      description = "Folder to write the pages into (made if missing). Default: ${DEFAULT-VALUE}.")
  Path dir;

  @Override
  public Integer call() throws IOException {
    if (Files.exists(dir) && !Files.isDirectory(dir)) {
      throw new UserError("--dir " + dir + " is a file; expected a folder to write the pages into");
    }
    Files.createDirectories(dir);
    int code =
        ManPageGenerator.generateManPage(
            dir.toFile(), (File) null, new boolean[0], false, spec.root());
    if (code != 0) {
      throw new UserError("could not write the manual pages into " + dir + " (code " + code + ")");
    }
    // The generator stamps each page with the version the help prints, commit included; a page
    // names the release only, so that the pages kept in docs/man change when the commands do.
    try (var pages = Files.list(dir)) {
      for (Path page : pages.filter(p -> p.toString().endsWith(".adoc")).toList()) {
        String text = Files.readString(page, StandardCharsets.UTF_8);
        String release = "phbsim " + phbsim.runs.BuildInfo.version();
        text =
            text.replaceAll("(?m)^:revnumber: .*$", ":revnumber: " + release)
                .replaceAll("(?m)^:mansource: .*$", ":mansource: " + release);
        Files.writeString(page, text, StandardCharsets.UTF_8);
      }
    }
    spec.commandLine().getOut().println("Manual pages written to " + dir.toAbsolutePath());
    return 0;
  }
}
