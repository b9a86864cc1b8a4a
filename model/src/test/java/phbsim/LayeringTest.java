package phbsim;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * The dependency rules of docs/architecture.md section 2, checked on the {@code import} lines of
 * every source file of the model. Each rule is one line of {@link #RULES}: to bring a new package
 * under a rule, add a line.
 */
class LayeringTest {

  /** Applies to every file of the model. */
  private static final String ALL = "";

  /**
   * Files in package {@code appliesTo} (or below it) may not import anything under {@code
   * forbidden}, except what is under {@code allowed}.
   */
  private record Rule(String why, String appliesTo, List<String> forbidden, List<String> allowed) {
    boolean appliesTo(String pkg) {
      return appliesTo.equals(ALL) || within(pkg, appliesTo);
    }

    boolean forbids(String imported) {
      return forbidden.stream().anyMatch(f -> within(imported, f))
          && allowed.stream().noneMatch(a -> within(imported, a));
    }
  }

  /** The kernel knows days, keys and numbers, never the domain: no other phbsim package. */
  private static Rule kernel(String pkg) {
    return new Rule(
        "a kernel package imports no other phbsim package", pkg, List.of("phbsim"), List.of(pkg));
  }

  /** A domain package describes what happens, not how runs are organised or reported. */
  private static Rule domain(String pkg) {
    return new Rule(
        "a domain package imports neither experiment nor report",
        pkg,
        List.of("phbsim.experiment", "phbsim.report"),
        List.of());
  }

  private static final List<Rule> RULES =
      List.of(
          kernel("phbsim.engine"),
          kernel("phbsim.random"),
          kernel("phbsim.time"),
          domain("phbsim.population"),
          domain("phbsim.service"),
          domain("phbsim.pathway"),
          domain("phbsim.budget"),
          domain("phbsim.event"),
          domain("phbsim.world"),
          domain("phbsim.scenario"),
          domain("phbsim.money"),
          domain("phbsim.observe"),
          domain("phbsim.validation"),
          new Rule(
              "scenario records are pure data: they import no other phbsim package",
              "phbsim.scenario",
              List.of("phbsim"),
              List.of("phbsim.scenario")),
          new Rule(
              "the pathway graph reads scenario records only (no cycle through the checks)",
              "phbsim.pathway",
              List.of("phbsim"),
              List.of("phbsim.pathway", "phbsim.scenario")),
          new Rule(
              "the model is a library: no JSON/YAML, no CLI, no printing",
              ALL,
              List.of(
                  "com.fasterxml",
                  "picocli",
                  "java.io.PrintStream",
                  "java.lang.System.out",
                  "java.lang.System.err"),
              List.of()));

  private static final Pattern PACKAGE = Pattern.compile("^\\s*package\\s+([\\w.]+)\\s*;");
  private static final Pattern IMPORT =
      Pattern.compile("^\\s*import\\s+(?:static\\s+)?([\\w.]+(?:\\.\\*)?)\\s*;");
  private static final Pattern PRINTING = Pattern.compile("\\bSystem\\s*\\.\\s*(out|err)\\b");

  /** Whether {@code name} is {@code prefix} itself or a name inside it (package boundary). */
  private static boolean within(String name, String prefix) {
    return name.equals(prefix) || name.startsWith(prefix + ".");
  }

  /** The model's main sources; surefire runs in the module directory. */
  private static Path mainSources() {
    String basedir = System.getProperty("basedir");
    Path base = basedir == null ? Path.of("") : Path.of(basedir);
    return base.resolve("src/main/java");
  }

  private static List<Path> javaFiles() throws IOException {
    try (Stream<Path> files = Files.walk(mainSources())) {
      return files
          .filter(p -> p.toString().endsWith(".java"))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  /** Every breach of the rules in one file, as "file:line imports x (why)". */
  static List<String> violations(String file, String source) {
    List<String> found = new ArrayList<>();
    String[] lines = source.split("\n", -1);
    String pkg = "";
    for (String line : lines) {
      Matcher m = PACKAGE.matcher(line);
      if (m.find()) {
        pkg = m.group(1);
        break;
      }
    }
    for (int i = 0; i < lines.length; i++) {
      Matcher m = IMPORT.matcher(lines[i]);
      if (!m.find()) {
        continue;
      }
      String imported = m.group(1);
      String name =
          imported.endsWith(".*") ? imported.substring(0, imported.length() - 2) : imported;
      for (Rule rule : RULES) {
        if (rule.appliesTo(pkg) && rule.forbids(name)) {
          found.add(file + ":" + (i + 1) + " imports " + imported + " (" + rule.why() + ")");
        }
      }
    }
    String[] code = withoutComments(source).split("\n", -1);
    for (int i = 0; i < code.length; i++) {
      Matcher m = PRINTING.matcher(code[i]);
      if (m.find()) {
        found.add(
            file + ":" + (i + 1) + " uses System." + m.group(1) + " (the model never prints)");
      }
    }
    return found;
  }

  /** The source with comments blanked out (line breaks kept), so that Javadoc may name things. */
  static String withoutComments(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (s.startsWith("//", i)) {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
      } else if (s.startsWith("/*", i)) {
        int end = s.indexOf("*/", i + 2);
        end = end < 0 ? s.length() : end + 2;
        for (int j = i; j < end; j++) {
          if (s.charAt(j) == '\n') {
            out.append('\n');
          }
        }
        i = end;
      } else if (c == '"' || c == '\'') {
        // Copy a string or character literal whole, so that "//" inside it is not a comment.
        String quote = s.startsWith("\"\"\"", i) ? "\"\"\"" : String.valueOf(c);
        int j = i + quote.length();
        while (j < s.length() && !s.startsWith(quote, j)) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        j = Math.min(s.length(), j + quote.length());
        out.append(s, i, j);
        i = j;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString();
  }

  @Test
  @DisplayName("the model's sources keep to the dependency rules of docs/architecture.md section 2")
  void importsKeepToTheRules() throws IOException {
    Path root = mainSources();
    assertThat(root).as("model sources, seen from %s", Path.of("").toAbsolutePath()).isDirectory();
    List<Path> files = javaFiles();
    for (String kernel : List.of("engine", "random", "time")) {
      assertThat(files)
          .as("files of phbsim.%s (a rule that scans no files proves nothing)", kernel)
          .anyMatch(p -> p.startsWith(root.resolve("phbsim").resolve(kernel)));
    }

    List<String> violations = new ArrayList<>();
    for (Path file : files) {
      violations.addAll(violations(root.relativize(file).toString(), Files.readString(file)));
    }

    assertThat(violations)
        .withFailMessage(
            "The model breaks its dependency rules (docs/architecture.md section 2):%n  %s",
            String.join(System.lineSeparator() + "  ", violations))
        .isEmpty();
  }

  @Test
  @DisplayName("a breach is reported with the file, the line and the import")
  void reportsFileAndImport() {
    String source =
        String.join(
            "\n",
            "package phbsim.engine;",
            "",
            "import java.util.List;",
            "import phbsim.engine.EventPriority;",
            "import phbsim.scenario.Problem;",
            "import static phbsim.time.FinancialYear.containing;",
            "",
            "/** Writes to System.out in a comment only. */",
            "final class Bad {",
            "  String s = \"// not a comment\"; // System.err in a comment",
            "  void f() { System.out.println(s); }",
            "}");

    assertThat(violations("phbsim/engine/Bad.java", source))
        .containsExactly(
            "phbsim/engine/Bad.java:5 imports phbsim.scenario.Problem"
                + " (a kernel package imports no other phbsim package)",
            "phbsim/engine/Bad.java:6 imports phbsim.time.FinancialYear.containing"
                + " (a kernel package imports no other phbsim package)",
            "phbsim/engine/Bad.java:11 uses System.out (the model never prints)");
  }

  @Test
  @DisplayName("each rule catches what it is for, and only within its packages")
  void rulesInTable() {
    assertThat(violations("A.java", "package phbsim.world;\nimport phbsim.report.Summary;\n"))
        .singleElement()
        .asString()
        .contains("A.java:2", "phbsim.report.Summary", "experiment nor report");
    assertThat(violations("A.java", "package phbsim.money;\nimport phbsim.experiment.*;\n"))
        .singleElement()
        .asString()
        .contains("phbsim.experiment.*");
    assertThat(violations("A.java", "package phbsim.observe;\nimport java.io.PrintStream;\n"))
        .singleElement()
        .asString()
        .contains("java.io.PrintStream", "library");
    assertThat(
            violations("A.java", "package phbsim.experiment;\nimport com.fasterxml.jackson.X;\n"))
        .singleElement()
        .asString()
        .contains("com.fasterxml.jackson.X");
    // Allowed: the experiment package may use report; a domain package may use the kernel;
    // a package whose name merely starts like a forbidden one is not inside it.
    assertThat(violations("A.java", "package phbsim.experiment;\nimport phbsim.report.Summary;\n"))
        .isEmpty();
    assertThat(violations("A.java", "package phbsim.world;\nimport phbsim.engine.EventCalendar;\n"))
        .isEmpty();
    assertThat(violations("A.java", "package phbsim.world;\nimport phbsim.reporting.X;\n"))
        .isEmpty();
    assertThat(violations("A.java", "package phbsim.random;\nimport picocli.CommandLine;\n"))
        .singleElement()
        .asString()
        .contains("picocli.CommandLine");
  }
}
