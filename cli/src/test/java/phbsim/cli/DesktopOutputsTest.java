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
    Files.copy(
        shot, artefacts().resolve("report.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
  }

  /** Screenshots and PDFs kept after the run, for a person to look at (issue 25). */
  private static Path artefacts() throws IOException {
    return Files.createDirectories(Path.of("target", "desktop-artefacts"));
  }

  @Test
  @DisplayName("the run's report printed to PDF on A4: every assumption's value is in its text")
  void reportPrintsEveryAssumption() throws Exception {
    Path pdf = artefacts().resolve("report.pdf");
    Files.deleteIfExists(pdf);
    exec(
        tmp,
        chromium(
            tmp.resolve("profile-pdf"),
            "--no-pdf-header-footer",
            "--print-to-pdf=" + pdf.toAbsolutePath(),
            run.resolve("report.html").toUri().toString()));
    assertThat(pdf).exists();
    String text;
    try (org.apache.pdfbox.pdmodel.PDDocument doc =
        org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
      // A4 portrait (595 x 842 points), as the print stylesheet asks.
      var box = doc.getPage(0).getMediaBox();
      assertThat(box.getWidth()).isCloseTo(595, org.assertj.core.data.Offset.offset(2f));
      assertThat(box.getHeight()).isCloseTo(842, org.assertj.core.data.Offset.offset(2f));
      text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
    }
    // Wrapped cells break lines where they must: compare without white space.
    String flat = text.replaceAll("\\s+", "");
    var scenario = phbsim.scenarios.BuiltInScenarios.load("default", List.of("years=2"));
    var assumptions =
        phbsim.scenarios.Explain.assumptions(
            "default", phbsim.scenarios.BuiltInScenarios.text("default"), scenario);
    assertThat(assumptions).hasSizeGreaterThan(20);
    List<String> missing = new ArrayList<>();
    for (var a : assumptions) {
      if (!flat.contains(a.value().replaceAll("\\s+", ""))) {
        missing.add(a.path() + " = " + a.value());
      }
      if (a.priceYear() != null
          && !a.priceYear().isBlank()
          && !flat.contains(a.priceYear().replaceAll("\\s+", ""))) {
        missing.add(a.path() + " price year " + a.priceYear());
      }
    }
    assertThat(missing).as("assumptions whose value is not in the printed report").isEmpty();
    assertThat(flat).contains("Summary").contains("Signrule");
  }

  @Test
  @DisplayName(
      "the run's report laid out for print on A4 in Chromium: nothing wider than the page, no"
          + " cell or chart cut off")
  void reportPrintsWithNothingCutOff() {
    org.openqa.selenium.chrome.ChromeOptions o = new org.openqa.selenium.chrome.ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    // A4 portrait's printable width at 96 px an inch: 210 mm less Chromium's default margins of
    // about 1 cm a side is some 718 px; the page is laid out that wide, as print (a headless
    // window cannot be narrower than about 500 px, so the width is set through the DevTools
    // protocol; at 300 px this check lists the options table's columns as cut off).
    o.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--window-size=718,1000");
    var service =
        new org.openqa.selenium.chrome.ChromeDriverService.Builder()
            .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .build();
    var driver = new org.openqa.selenium.chrome.ChromeDriver(service, o);
    try {
      driver.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("media", "print"));
      driver.executeCdpCommand(
          "Emulation.setDeviceMetricsOverride",
          java.util.Map.of("width", 718, "height", 1000, "deviceScaleFactor", 1, "mobile", false));
      driver.get(run.resolve("report.html").toUri().toString());
      new org.openqa.selenium.support.ui.WebDriverWait(driver, java.time.Duration.ofSeconds(20))
          .until(
              d ->
                  Boolean.TRUE.equals(
                      ((org.openqa.selenium.JavascriptExecutor) d)
                          .executeScript("return document.querySelectorAll('canvas').length > 0")));
      @SuppressWarnings("unchecked")
      List<String> cut =
          (List<String>)
              ((org.openqa.selenium.JavascriptExecutor) driver)
                  .executeScript(
                      """
                      const page = document.documentElement.clientWidth;
                      const cut = [];
                      if (document.documentElement.scrollWidth > page + 1) {
                        cut.push('the page: ' + document.documentElement.scrollWidth + ' px');
                      }
                      for (const e of document.querySelectorAll('body *')) {
                        const r = e.getBoundingClientRect();
                        if (r.width === 0 || getComputedStyle(e).display === 'none') continue;
                        const name = e.tagName.toLowerCase()
                            + (e.className ? '.' + e.className : '')
                            + ' "' + (e.textContent || '').trim().slice(0, 40) + '"';
                        if (r.right > page + 1 || r.left < -1) {
                          cut.push(name + ': ' + Math.round(r.left) + ' to ' + Math.round(r.right));
                        } else if (e.scrollWidth > e.clientWidth + 1 && e.clientWidth > 0
                            && getComputedStyle(e).overflowX !== 'visible') {
                          cut.push(name + ': holds ' + e.scrollWidth + ' px in ' + e.clientWidth);
                        }
                      }
                      return cut.slice(0, 20);
                      """);
      assertThat(cut).as("elements cut off or wider than an A4 page").isEmpty();
      Number tables =
          (Number)
              ((org.openqa.selenium.JavascriptExecutor) driver)
                  .executeScript("return document.querySelectorAll('table').length");
      assertThat(tables.intValue()).as("tables laid out").isGreaterThanOrEqualTo(2);
    } finally {
      driver.quit();
    }
  }

  @Test
  @DisplayName("the run's report is not a 20,000 px page: its height in Chromium, measured")
  void reportHeight() throws Exception {
    // The report with one line added that writes the page's height into the DOM once drawn.
    Path copy = tmp.resolve("report-height.html");
    Files.writeString(
        copy,
        Files.readString(run.resolve("report.html"))
            .replace(
                "</body>",
                "<script>document.body.setAttribute('data-height',"
                    + " String(document.documentElement.scrollHeight))</script></body>"));
    String dom =
        exec(
            tmp,
            chromium(
                tmp.resolve("profile-height"),
                "--window-size=1280,900",
                "--dump-dom",
                copy.toUri().toString()));
    Matcher m = Pattern.compile("data-height=\"(\\d+)\"").matcher(dom);
    assertThat(m.find()).as("the page's height").isTrue();
    int height = Integer.parseInt(m.group(1));
    Files.writeString(artefacts().resolve("report-height.txt"), height + " px at 1280 px wide\n");
    assertThat(height).as("page height, px").isBetween(3_000, 14_000);
  }

  @Test
  @DisplayName("the sensitivity report: the tornado and the distribution, drawn, no error")
  void sensitivityReportInChromium() throws Exception {
    String dom = checkReport(sensitivity.resolve("report.html"), 1);
    assertThat(dom).contains("class=\"tornado chart-static\"").contains("<rect");
    // finance names for the parameters, and an axis with its scale and its title
    assertThat(dom)
        .contains("Roll-out: imitation rate (Bass q)")
        .contains("Brokerage, £ a budget a month")
        .contains("class=\"tick\"")
        .contains("class=\"axis-title\"");
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
    // named by the file and every override, as every sheet's title is (issue 25, item 3)
    assertThat(text).contains("default, --set years=2: options appraisal against the status quo");
    assertThat(text).contains("Sign rule");
    assertThat(text).containsPattern("Net saving over the horizon, cash\",\"?\\(\\d");
  }
}
