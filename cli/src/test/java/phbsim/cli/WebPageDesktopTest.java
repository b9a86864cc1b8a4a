package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import phbsim.web.WebServer;

/**
 * The what-if page in a real browser (headless Chromium driven by Debian's chromium-driver, from
 * scripts/install-test-tools.sh): an assumption changed and run gives the same headline figure and
 * files as {@code phbsim run} with that --set and seed; the workbook downloads and opens; the
 * scenario downloaded uploads back to the same values; a bad value shows validate's message; cancel
 * stops a run. Screenshots are kept in target/web-screenshots.
 */
@Tag("desktop")
class WebPageDesktopTest {
  @TempDir static Path tmp;
  static WebServer server;
  static WebDriver driver;
  static Path downloads;
  static final Path SHOTS = Path.of("target", "web-screenshots");

  @BeforeAll
  static void start() throws Exception {
    server =
        WebServer.start(
            "127.0.0.1",
            0,
            2,
            Duration.ofMinutes(10),
            new phbsim.runs.Invocation("phbsim", "test", "test", false, List.of()));
    downloads = Files.createDirectories(tmp.resolve("downloads"));
    Files.createDirectories(SHOTS);
    ChromeOptions o = new ChromeOptions();
    o.setBinary("/usr/bin/chromium");
    o.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1400,1800");
    o.setExperimentalOption(
        "prefs",
        Map.of(
            "download.default_directory",
            downloads.toAbsolutePath().toString(),
            "download.prompt_for_download",
            false));
    ChromeDriverService service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(new java.io.File("/usr/bin/chromedriver"))
            .build();
    driver = new ChromeDriver(service, o);
  }

  @AfterAll
  static void stop() {
    if (driver != null) {
      driver.quit();
    }
    if (server != null) {
      server.close();
    }
  }

  static String url() {
    return "http://127.0.0.1:" + server.port() + "/";
  }

  static void shot(String name) throws Exception {
    byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
    Files.write(SHOTS.resolve(name + ".png"), png);
  }

  static void set(String path, String value) {
    // As a person would: open the group the setting is in.
    WebElement group =
        driver.findElement(By.xpath("//input[@name='a:" + path + "']/ancestor::details"));
    if (group.getAttribute("open") == null) {
      group.findElement(By.tagName("summary")).click();
    }
    WebElement input = driver.findElement(By.name("a:" + path));
    input.clear();
    input.sendKeys(value);
  }

  static void settings(String replications, String seed) {
    WebElement r = driver.findElement(By.id("replications"));
    r.clear();
    r.sendKeys(replications);
    WebElement s = driver.findElement(By.id("seed"));
    s.clear();
    s.sendKeys(seed);
  }

  static Path download(String name) throws Exception {
    driver.findElement(By.cssSelector("#downloads a[href$='/" + name + "']")).click();
    Path f = downloads.resolve(name);
    long end = System.nanoTime() + 30_000_000_000L;
    while (!Files.isRegularFile(f) && System.nanoTime() < end) {
      Thread.sleep(100);
    }
    assertThat(f).isRegularFile();
    return f;
  }

  @Test
  void aChangedAssumptionRunsAsTheCommandLineDoes() throws Exception {
    driver.get(url());
    assertThat(driver.findElement(By.id("scenario-name")).getText()).isEqualTo("default");
    shot("1-page");
    set("years", "2");
    settings("10", "7");
    driver.findElement(By.id("run")).click();
    new WebDriverWait(driver, Duration.ofSeconds(180))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("results")));
    // The CLI, for the same --set and seed: the same cash_summary.csv bytes.
    Path cli = tmp.resolve("cli");
    Cli r =
        Cli.run(
            "run",
            "default",
            "--set",
            "years=2",
            "-r",
            "10",
            "--seed",
            "7",
            "--quiet",
            "-o",
            cli.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path page = download("cash_summary.csv");
    assertThat(Files.readAllBytes(page))
        .isEqualTo(Files.readAllBytes(cli.resolve("cash_summary.csv")));
    String headline =
        driver
            .findElement(By.cssSelector("#appraisal tr[data-figure='net_saving_cash']"))
            .getAttribute("data-raw");
    String cliHeadline =
        Files.readAllLines(cli.resolve("cash_summary.csv")).stream()
            .filter(l -> l.contains(",net_saving_cash,"))
            .findFirst()
            .orElseThrow();
    assertThat(cliHeadline).contains("," + headline + ",");
    // The report's charts drawn in the page.
    driver.switchTo().frame("report");
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(d -> !d.findElements(By.cssSelector("canvas")).isEmpty());
    assertThat(driver.findElements(By.cssSelector("canvas"))).isNotEmpty();
    driver.switchTo().defaultContent();
    shot("2-results");
    // The workbook opens.
    Path workbook = download("workbook.xlsx");
    try (var in = Files.newInputStream(workbook);
        var book = new org.dhatim.fastexcel.reader.ReadableWorkbook(in)) {
      assertThat(book.getSheets().count()).isGreaterThan(3);
    }
    // The scenario as edited uploads back to the same values.
    Path yaml = download("scenario.yaml");
    driver.get(url());
    driver.findElement(By.id("upload-file")).sendKeys(yaml.toAbsolutePath().toString());
    driver.findElement(By.id("upload-button")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.textToBe(By.id("scenario-name"), "scenario.yaml"));
    assertThat(driver.findElement(By.name("a:years")).getAttribute("value")).isEqualTo("2");
    shot("3-uploaded");
  }

  @Test
  void aBadValueShowsItsMessageBesideTheField() throws Exception {
    driver.get(url());
    set("years", "0");
    driver.findElement(By.id("run")).click();
    WebElement problem =
        new WebDriverWait(driver, Duration.ofSeconds(30))
            .until(
                ExpectedConditions.presenceOfElementLocated(
                    By.cssSelector(".problem[data-path='years']")));
    // What validate prints for the same value, from a file.
    Path bad = tmp.resolve("bad.yaml");
    Files.writeString(
        bad,
        phbsim.scenarios.BuiltInScenarios.text("default")
            .replaceFirst("(?m)^years: 5", "years: 0"));
    Cli v = Cli.run("validate", bad.toString());
    String printed =
        List.of(v.err().split("\\R")).stream()
            .filter(l -> l.contains("years"))
            .findFirst()
            .orElseThrow()
            .strip();
    // The same words after the place: validate names the file's line, the page the field.
    String shown = problem.getText();
    assertThat(shown.substring(shown.indexOf("years: ")))
        .isEqualTo(printed.substring(printed.indexOf("years: ")));
    shot("4-bad-value");
  }

  @Test
  void cancelStopsARun() throws Exception {
    driver.get(url());
    settings("2000", "3");
    driver.findElement(By.id("run")).click();
    new WebDriverWait(driver, Duration.ofSeconds(30))
        .until(ExpectedConditions.elementToBeClickable(By.id("cancel")))
        .click();
    new WebDriverWait(driver, Duration.ofSeconds(60))
        .until(ExpectedConditions.presenceOfElementLocated(By.id("cancelled")));
    shot("5-cancelled");
  }
}
