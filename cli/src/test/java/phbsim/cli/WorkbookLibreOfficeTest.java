package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.scenario.Scenario;
import phbsim.scenarios.BuiltInScenarios;

/**
 * An assumptions workbook edited and saved by a real spreadsheet program (issue 23 item 5):
 * headless LibreOffice opens the template of {@code default} (converted to flat ODS, its XML
 * edited: a value changed, a segment added to the Segments table) and saves it as .xlsx with its
 * own writer; phbsim reads it as the scenario with those two changes and nothing else, and a run of
 * it ran them. Tagged "desktop": scripts/install-test-tools.sh installs LibreOffice.
 */
@Tag("desktop")
class WorkbookLibreOfficeTest {
  @TempDir Path tmp;

  private void soffice(String to, Path file, Path outDir) throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "soffice",
                "-env:UserInstallation=" + tmp.resolve("profile").toUri(),
                "--headless",
                "--convert-to",
                to,
                "--outdir",
                outDir.toString(),
                file.toString())
            .redirectErrorStream(true)
            .start();
    String said = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as(said).isTrue();
    assertThat(p.exitValue()).as(said).isZero();
  }

  @Test
  @DisplayName("LibreOffice saves an edited template as xlsx: phbsim reads the change and the row")
  void editedAndSavedByLibreOffice() throws Exception {
    Path xlsx = tmp.resolve("default.xlsx");
    assertThat(Cli.run("template", "default", "--out", xlsx.toString()).exitCode()).isZero();
    Path flat = tmp.resolve("flat");
    soffice("fods", xlsx, flat);
    String ods = Files.readString(flat.resolve("default.fods"));

    // A value changed: budgets.restrictiveShare 0.18 to 0.2 (inside its uncertainty range).
    int at = ods.indexOf("<text:p>budgets.restrictiveShare</text:p>");
    assertThat(at).isPositive();
    String old = "office:value=\"0.18\" calcext:value-type=\"float\">\n      <text:p>0.18</text:p>";
    int value = ods.indexOf(old, at);
    assertThat(value).isPositive().isLessThan(at + 400);
    ods =
        ods.substring(0, value) + old.replace("0.18", "0.2") + ods.substring(value + old.length());

    // A row added to a table: the organic segment again, as organic-two, below it.
    int id = ods.indexOf("<text:p>organic</text:p>");
    int start = ods.lastIndexOf("<table:table-row", id);
    int end = ods.indexOf("</table:table-row>", id) + "</table:table-row>".length();
    String row = ods.substring(start, end);
    ods =
        ods.substring(0, end)
            + row.replace("<text:p>organic</text:p>", "<text:p>organic-two</text:p>")
            + ods.substring(end);
    Path edited = tmp.resolve("edited.fods");
    Files.writeString(edited, ods);
    Path saved = tmp.resolve("saved");
    soffice("xlsx:Calc MS Excel 2007 XML", edited, saved);
    Path book = saved.resolve("edited.xlsx");
    assertThat(book).isNotEmptyFile();

    Scenario read = BuiltInScenarios.fileOrBuiltIn(book.toString(), List.of());
    Scenario expected = BuiltInScenarios.load("default", List.of("budgets.restrictiveShare=0.2"));
    assertThat(read.budgets().restrictiveShare()).isEqualTo(0.2);
    assertThat(read.segments()).hasSize(expected.segments().size() + 1);
    assertThat(read.segments().subList(0, 4)).isEqualTo(expected.segments());
    assertThat(read.segments().get(4).id()).isEqualTo("organic-two");
    assertThat(read.segments().get(4).toString().replace("id=organic-two", "id=organic"))
        .isEqualTo(expected.segments().get(3).toString());
    for (var c : Scenario.class.getRecordComponents()) {
      if (!c.getName().equals("segments")) {
        assertThat(c.getAccessor().invoke(read))
            .as(c.getName())
            .isEqualTo(c.getAccessor().invoke(expected));
      }
    }

    Path out = tmp.resolve("run");
    Cli r =
        Cli.run("run", book.toString(), "-r", "1", "--set", "years=1", "-q", "-o", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    String ran = Files.readString(out.resolve("scenario.yaml"));
    assertThat(ran).contains("restrictiveShare: 0.2").contains("id: organic-two");
  }
}
