package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The outputs opened by the programs people open them with: the HTML report in headless Chromium
 * (every chart drawn, no script error, a screenshot taken) and the workbook in headless LibreOffice
 * (converted without error, its numbers read back with their brackets). Tagged "desktop":
 * scripts/install-test-tools.sh installs both, and .ci/run runs this suite after it.
 */
@Tag("desktop")
class DesktopOutputsTest {
  @TempDir static Path tmp;
  private static Path run;
  private static Path sensitivity;

  @BeforeAll
  static void runs() {
    run = tmp.resolve("run");
    Cli r =
        Cli.run("run", "default", "--set", "years=2", "-r", "4", "--quiet", "-o", run.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    sensitivity = tmp.resolve("sensitivity");
    Cli s =
        Cli.run(
            "sensitivity",
            "default",
            "--set",
            "years=2",
            "-r",
            "2",
            "--draws",
            "24",
            "--parameter",
            "budgets.rollout.q",
            "--parameter",
            "budgets.brokeragePerBudgetPerMonth",
            "--quiet",
            "-o",
            sensitivity.toString());
    assertThat(s.exitCode()).as(s.err()).isZero();
  }

  private static String exec(Path dir, List<String> command)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(false).start();
    byte[] out = p.getInputStream().readAllBytes();
    p.getErrorStream().readAllBytes();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("%s finished", command.get(0)).isTrue();
    assertThat(p.exitValue()).as("%s exit", command).isZero();
    return new String(out, StandardCharsets.UTF_8);
  }

  private static List<String> chromium(Path profile, String... more) {
    List<String> c =
        new ArrayList<>(
            List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=5000"));
    c.addAll(List.of(more));
    return c;
  }

  @Test
  @DisplayName("the run's report: every chart drawn in Chromium, no error, a screenshot")
  void reportInChromium() throws Exception {
    checkReport(run.resolve("report.html"), 10);
    Path shot = tmp.resolve("report.png");
    exec(
        tmp,
        chromium(
            tmp.resolve("profile-shot"),
            "--hide-scrollbars",
            "--window-size=1280,2400",
            "--screenshot=" + shot,
            run.resolve("report.html").toUri().toString()));
    assertThat(shot).exists();
    assertThat(Files.size(shot)).isGreaterThan(20_000); // a page with charts, not a blank one
  }

  @Test
  @DisplayName("the sensitivity report: the tornado and the distribution, drawn, no error")
  void sensitivityReportInChromium() throws Exception {
    String dom = checkReport(sensitivity.resolve("report.html"), 1);
    assertThat(dom).contains("class=\"tornado chart-static\"").contains("<rect");
  }

  private static String checkReport(Path report, int atLeast) throws Exception {
    String html = Files.readString(report);
    // offline: nothing is fetched
    assertThat(html).doesNotContain("src=\"http", "href=\"http", "@import");
    String dom =
        exec(
            tmp,
            chromium(
                tmp.resolve("profile-" + report.getParent().getFileName()),
                "--dump-dom",
                report.toUri().toString()));
    Matcher m =
        Pattern.compile(
                "id=\"status\"[^>]*data-charts=\"(\\d+)\"[^>]*data-drawn=\"(\\d+)\"[^>]*data-errors=\"(\\d+)\"")
            .matcher(dom);
    assertThat(m.find()).as("the report's status line").isTrue();
    int charts = Integer.parseInt(m.group(1));
    assertThat(charts).isGreaterThanOrEqualTo(atLeast);
    assertThat(Integer.parseInt(m.group(2))).as("charts drawn").isEqualTo(charts);
    assertThat(Integer.parseInt(m.group(3))).as("script errors").isZero();
    assertThat(dom).doesNotContain("data-drawn=\"0\"");
    return dom;
  }

  @Test
  @DisplayName("the workbook converts in LibreOffice, and reads back in board-paper style")
  void workbookInLibreOffice() throws Exception {
    Path out = tmp.resolve("libreoffice");
    Files.createDirectories(out);
    exec(
        tmp,
        List.of(
            "soffice",
            "--headless",
            "--norestore",
            "-env:UserInstallation=" + tmp.resolve("lo-profile").toUri(),
            "--convert-to",
            "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,1",
            "--outdir",
            out.toString(),
            run.resolve("workbook.xlsx").toString()));
    Path summary = out.resolve("workbook-Summary.csv");
    assertThat(summary).exists();
    String text = Files.readString(summary);
    // the first sheet, Summary: its title, the sign rule, and a cost shown in brackets
    assertThat(text).contains("default: options appraisal against the status quo");
    assertThat(text).contains("Sign rule");
    assertThat(text).containsPattern("Net saving over the horizon, cash\",\"?\\(\\d");
  }
}
