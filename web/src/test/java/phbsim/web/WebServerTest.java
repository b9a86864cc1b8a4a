package phbsim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The page's server over HTTP on the loopback address: its security rules, validation, a run. */
class WebServerTest {
  static WebServer server;
  static final phbsim.runs.Invocation BUILD =
      new phbsim.runs.Invocation("phbsim", "test", "test", false, List.of());
  static HttpClient http =
      HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

  @BeforeAll
  static void start() throws Exception {
    server = WebServer.start("127.0.0.1", 0, 2, Duration.ofMinutes(5), BUILD);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  static String url(String path) {
    return "http://127.0.0.1:" + server.port() + path;
  }

  /** A browser: its token cookie from a first visit. */
  static String token() throws Exception {
    var r =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/"))).build(),
            HttpResponse.BodyHandlers.ofString());
    String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
    Matcher m = Pattern.compile("phbsim_token=([0-9a-f]{32})").matcher(cookie);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  static HttpResponse<String> get(String token, String path) throws Exception {
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Cookie", "phbsim_token=" + token)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static HttpResponse<String> post(String token, String path, List<String[]> form)
      throws Exception {
    StringBuilder b = new StringBuilder();
    for (String[] kv : form) {
      if (b.length() > 0) {
        b.append('&');
      }
      b.append(URLEncoder.encode(kv[0], StandardCharsets.UTF_8))
          .append('=')
          .append(URLEncoder.encode(kv[1], StandardCharsets.UTF_8));
    }
    return http.send(
        HttpRequest.newBuilder(URI.create(url(path)))
            .header("Cookie", "phbsim_token=" + token)
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(b.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  static List<String[]> runForm(String token, String replications, String... sets) {
    List<String[]> f = new ArrayList<>();
    f.add(new String[] {"csrf", token});
    f.add(new String[] {"base", "builtin:default"});
    f.add(new String[] {"replications", replications});
    f.add(new String[] {"seed", "7"});
    for (String s : sets) {
      int eq = s.indexOf('=');
      f.add(new String[] {"a:" + s.substring(0, eq), s.substring(eq + 1)});
    }
    return f;
  }

  @Test
  void everyResponseForbidsOutsideSources() throws Exception {
    var r =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/"))).build(),
            HttpResponse.BodyHandlers.ofString());
    String csp = r.headers().firstValue("Content-Security-Policy").orElseThrow();
    assertThat(csp)
        .contains("default-src 'self'")
        .contains("script-src 'self'")
        .doesNotContain("http");
    assertThat(r.body()).doesNotContain("http://").doesNotContain("https://");
    assertThat(r.body())
        .contains("Population")
        .contains("Services and contracts")
        .contains("Budgets");
  }

  @Test
  void aPostWithoutTheTokenIsRefused() throws Exception {
    String token = token();
    List<String[]> form = runForm(token, "2");
    form.set(0, new String[] {"csrf", "0".repeat(32)});
    assertThat(post(token, "/run", form).statusCode()).isEqualTo(403);
    form.remove(0);
    assertThat(post(token, "/run", form).statusCode()).isEqualTo(403);
  }

  @Test
  void noRequestPathReachesTheFileSystem() throws Exception {
    String token = token();
    var run = post(token, "/run", runForm(token, "2"));
    assertThat(run.statusCode()).isEqualTo(303);
    String id = run.headers().firstValue("Location").orElseThrow().replace("/runs/", "");
    waitFor(token, id);
    assertThat(get(token, "/runs/" + id + "/files/cash_summary.csv").statusCode()).isEqualTo(200);
    for (String bad :
        List.of(
            "/runs/" + id + "/files/..%2F..%2F..%2Fetc%2Fpasswd",
            "/runs/" + id + "/files/manifest.json",
            "/runs/" + id + "/files/%2Fetc%2Fpasswd",
            "/assets/..%2F..%2Fphbsim%2Fscenarios%2Fdefault.yaml",
            "/runs/..%2F" + id + "/files/run.json")) {
      assertThat(get(token, bad).statusCode()).as(bad).isEqualTo(404);
    }
    // Another browser does not see this run.
    assertThat(get(token(), "/runs/" + id).statusCode()).isEqualTo(404);
  }

  @Test
  void anUploadedScenarioNamingAFileIsRefusedBeforeItIsRead() {
    var checked =
        Runs.check(
            new Runs.Source(
                "x.yaml",
                phbsim.scenarios.BuiltInScenarios.text("default")
                    + "\nstartingPopulation:\n  file: /etc/passwd\n",
                List.of()));
    assertThat(checked.ok()).isFalse();
    assertThat(checked.message()).contains("names a file on the computer");
  }

  @Test
  void anUploadOverTheLimitIsRefused() throws Exception {
    String token = token();
    String boundary = "b0undary";
    String body =
        "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n"
            + token
            + "\r\n"
            + "--"
            + boundary
            + "\r\nContent-Disposition: form-data; name=\"scenario\"; filename=\"big.yaml\"\r\n"
            + "Content-Type: application/x-yaml\r\n\r\n"
            + "#".repeat(WebServer.MAX_UPLOAD_BYTES + 10)
            + "\r\n--"
            + boundary
            + "--\r\n";
    var r =
        http.send(
            HttpRequest.newBuilder(URI.create(url("/upload")))
                .header("Cookie", "phbsim_token=" + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(r.statusCode()).isIn(413, 400, 500).isNotEqualTo(303);
  }

  @Test
  void aBadValueShowsValidatesMessageBesideItsFieldAndNothingRuns() throws Exception {
    String token = token();
    var r = post(token, "/run", runForm(token, "2", "years=0"));
    assertThat(r.statusCode()).isEqualTo(422);
    // What validate prints for the same value (the problem as the loader words it).
    var checked =
        Runs.check(
            new Runs.Source(
                "default", phbsim.scenarios.BuiltInScenarios.text("default"), List.of("years=0")));
    assertThat(checked.ok()).isFalse();
    String line = checked.problems().get(0).line();
    assertThat(r.body()).contains("data-path=\"years\"");
    assertThat(r.body()).contains(escape(line));
  }

  @Test
  void aRunCanBeCancelled() throws Exception {
    String token = token();
    var run = post(token, "/run", runForm(token, "2000"));
    String id = run.headers().firstValue("Location").orElseThrow().replace("/runs/", "");
    var c = post(token, "/runs/" + id + "/cancel", List.<String[]>of(new String[] {"csrf", token}));
    assertThat(c.statusCode()).isEqualTo(303);
    assertThat(waitFor(token, id)).contains("CANCELLED");
  }

  @Test
  void tooManyReplicationsAreRefusedWithTheLimit() throws Exception {
    String token = token();
    var r = post(token, "/run", runForm(token, "999999"));
    assertThat(r.statusCode()).isEqualTo(422);
    assertThat(r.body()).contains("from 1 to 2000");
  }

  @Test
  void aRunRefusedByTheMemoryCheckSaysWhy() throws Exception {
    // The run service's own check (Capacity), on a place far bigger than any heap.
    String token = token();
    var r = post(token, "/run", runForm(token, "2", "segments[0].startingCaseload=20000000"));
    assertThat(r.statusCode()).as(r.body()).isEqualTo(503);
    assertThat(r.body()).contains("This run needs about").contains("GB of memory");
  }

  /** The form's rows: path to {unit, price year, range}, as the page shows them (unescaped). */
  static java.util.Map<String, String[]> formRows(String html) {
    Matcher m =
        Pattern.compile(
                "name=\"a:([^\"]+)\"[\\s\\S]*?<td class=\"unit\">([^<]*)</td><td"
                    + " class=\"price-year\">([^<]*)</td><td class=\"range\">([^<]*)</td>")
            .matcher(html);
    java.util.Map<String, String[]> rows = new java.util.LinkedHashMap<>();
    while (m.find()) {
      rows.put(
          unescape(m.group(1)),
          new String[] {unescape(m.group(2)), unescape(m.group(3)), unescape(m.group(4))});
    }
    return rows;
  }

  static String unescape(String s) {
    return s.replace("&#39;", "'")
        .replace("&#61;", "=")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&");
  }

  @Test
  void everyFieldShowsItsUnitPriceYearAndRangeFromExplainAndValidate() throws Exception {
    String token = token();
    String html = get(token, "/").body();
    var rows = formRows(html);
    var d = Runs.builtIn("default");
    var loaded = Runs.check(d).scenario();
    var assumptions = Runs.assumptions(d, loaded);
    // Every value explain lists is a field of the form, and none has an empty unit or range.
    assertThat(rows.keySet())
        .containsExactlyInAnyOrderElementsOf(assumptions.stream().map(a -> a.path()).toList());
    rows.forEach(
        (path, r) -> {
          assertThat(r[0]).as("unit of %s", path).isNotBlank();
          assertThat(r[1]).as("price year of %s", path).isNotBlank();
          assertThat(r[2]).as("range of %s", path).isNotBlank();
        });
    // Spot checks against the two sources. The price year is explain's.
    String bedDay = "services[2].inpatient.costPerBedDay";
    var explained = Runs.explain(d, loaded, bedDay);
    assertThat(explained.price()).isPresent();
    assertThat(rows.get(bedDay)[1]).isEqualTo(explained.price().get().year().toString());
    assertThat(rows.get(bedDay)[0]).isEqualTo("£ a bed day");
    // The range is what validate says it expected, for a value out of it.
    for (String[] c :
        new String[][] {
          {"years", "0"},
          {"budgets.restrictiveShare", "1.5"},
          {"segments[0].budget.crisisEffect", "-1"}
        }) {
      var checked = Runs.check(d.with(List.of(c[0] + "=" + c[1])));
      assertThat(checked.ok()).isFalse();
      String said = checked.problems().get(0).line();
      assertThat(said).contains(c[0] + ": found " + c[1] + "; expected ");
      assertThat(rows.get(c[0])[2]).isEqualTo(said.substring(said.indexOf("; expected ") + 11));
    }
    assertThat(rows.get("years")[0]).isEqualTo("years");
    assertThat(rows.get("budgets.restrictiveShare")[0]).isNotEqualTo("number");
  }

  /** Uploads files as the page's upload form does: each {field, file name, content}. */
  static HttpResponse<String> upload(String token, String[]... files) throws Exception {
    String boundary = "b0undary" + System.nanoTime();
    StringBuilder body =
        new StringBuilder("--" + boundary)
            .append("\r\nContent-Disposition: form-data; name=\"csrf\"\r\n\r\n")
            .append(token)
            .append("\r\n");
    for (String[] f : files) {
      body.append("--")
          .append(boundary)
          .append("\r\nContent-Disposition: form-data; name=\"")
          .append(f[0])
          .append("\"; filename=\"")
          .append(f[1])
          .append("\"\r\nContent-Type: text/plain\r\n\r\n")
          .append(f[2])
          .append("\r\n");
    }
    body.append("--").append(boundary).append("--\r\n");
    return http.send(
        HttpRequest.newBuilder(URI.create(url("/upload")))
            .header("Cookie", "phbsim_token=" + token)
            .header("Content-Type", "multipart/form-data; boundary=" + boundary)
            .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The options the form offers: id to whether it is ticked. */
  static java.util.Map<String, Boolean> formOptions(String html) {
    Matcher m =
        Pattern.compile(
                "<input type=\"checkbox\" name=\"option:([^\"]+)\" value=\"on\"( checked)?>")
            .matcher(html);
    java.util.Map<String, Boolean> out = new java.util.LinkedHashMap<>();
    while (m.find()) {
      out.put(unescape(m.group(1)), m.group(2) != null);
    }
    return out;
  }

  /** The values the form shows: path to value (unescaped). */
  static java.util.Map<String, String> formValues(String html) {
    Matcher m = Pattern.compile("name=\"a:([^\"]+)\" value=\"([^\"]*)\"").matcher(html);
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    while (m.find()) {
      out.put(unescape(m.group(1)), unescape(m.group(2)));
    }
    return out;
  }

  @Test
  void anOptionSwitchedOffIsWrittenIntoTheScenarioAndComesBackOnUpload() throws Exception {
    String token = token();
    List<String[]> form = runForm(token, "3", "years=3", "budgets.rollout.marketSize=900.0");
    form.add(new String[] {"option:roll-out", "on"}); // roll-out-release-post left off
    var run = post(token, "/run", form);
    assertThat(run.statusCode()).as(run.body()).isEqualTo(303);
    String id = run.headers().firstValue("Location").orElseThrow().replace("/runs/", "");
    assertThat(waitFor(token, id)).contains("DONE");
    String yaml = get(token, "/runs/" + id + "/files/scenario.yaml").body();
    String cash = get(token, "/runs/" + id + "/files/cash_summary.csv").body();
    assertThat(yaml).contains("id: roll-out").doesNotContain("roll-out-release-post");
    assertThat(cash).contains("roll-out").doesNotContain("roll-out-release-post");

    // The downloaded scenario, uploaded again: the same values, the same options.
    var up = upload(token, new String[] {"scenario", "scenario.yaml", yaml});
    assertThat(up.statusCode()).as(up.body()).isEqualTo(303);
    String draft = up.headers().firstValue("Location").orElseThrow();
    String page = get(token, draft).body();
    var values = formValues(page);
    assertThat(values)
        .containsEntry("years", "3")
        .containsEntry("budgets.rollout.marketSize", "900.0");
    assertThat(formOptions(page)).containsExactly(java.util.Map.entry("roll-out", true));
    // Every value the first form showed for the built-in, as run, is the re-uploaded form's.
    var first = formValues(get(token, "/").body());
    first.put("years", "3");
    first.put("budgets.rollout.marketSize", "900.0");
    first.remove("name");
    first.remove("description");
    values.remove("name");
    values.remove("description");
    assertThat(values).containsExactlyInAnyOrderEntriesOf(first);

    // And it runs to the same figures, with nothing changed on the page.
    List<String[]> again = new ArrayList<>();
    again.add(new String[] {"csrf", token});
    again.add(new String[] {"base", "draft:" + draft.substring(draft.indexOf('=') + 1)});
    again.add(new String[] {"replications", "3"});
    again.add(new String[] {"seed", "7"});
    again.add(new String[] {"option:roll-out", "on"});
    values.forEach((k, v) -> again.add(new String[] {"a:" + k, v}));
    var second = post(token, "/run", again);
    assertThat(second.statusCode()).as(second.body()).isEqualTo(303);
    String id2 = second.headers().firstValue("Location").orElseThrow().replace("/runs/", "");
    assertThat(waitFor(token, id2)).contains("DONE");
    // (Its first line names the source: the upload, not the built-in with its changes.)
    String cash2 = get(token, "/runs/" + id2 + "/files/cash_summary.csv").body();
    assertThat(cash2.substring(cash2.indexOf('\n'))).isEqualTo(cash.substring(cash.indexOf('\n')));
  }

  @Test
  void aPersonLevelUploadShowsOnlyWhatTheDisclosurePolicyReleases() throws Exception {
    // The shipped synthetic caseload with only 3 people in the organic segment (a segment of 3),
    // uploaded with a scenario that names it; suppression at 10, as PersonLevelTest does.
    java.nio.file.Path example = java.nio.file.Path.of("").toAbsolutePath();
    while (!java.nio.file.Files.exists(
        example.resolve("docs/examples/person-level/caseload.csv"))) {
      example = example.getParent();
    }
    List<String> lines = new ArrayList<>();
    List<String> ids = new ArrayList<>();
    int organic = 0;
    for (String line :
        java.nio.file.Files.readAllLines(
            example.resolve("docs/examples/person-level/caseload.csv"))) {
      if (line.contains(",organic,") && ++organic > 3) {
        continue;
      }
      lines.add(line);
      if (line.startsWith("SYN-")) {
        ids.add(line.substring(0, line.indexOf(',')));
      }
    }
    String yaml =
        phbsim.scenarios.BuiltInScenarios.text("default")
            + "\nstartingPopulation:\n  file: three.csv\n  suppressBelow: 10\n";
    String token = token();

    // A path instead of a plain name is refused before anything is saved or read.
    var refused =
        upload(
            token,
            new String[] {"scenario", "s.yaml", yaml.replace("file: three.csv", "file: ../x.csv")},
            new String[] {"caseload", "three.csv", String.join("\n", lines)});
    assertThat(refused.statusCode()).isEqualTo(422);
    assertThat(refused.body()).contains("expected the plain name of the person-level file");

    var up =
        upload(
            token,
            new String[] {"scenario", "s.yaml", yaml},
            new String[] {"caseload", "three.csv", String.join("\n", lines) + "\n"});
    assertThat(up.statusCode()).as(up.body()).isEqualTo(303);
    String draft = up.headers().firstValue("Location").orElseThrow();
    String form = get(token, draft).body();
    List<String[]> run = new ArrayList<>();
    run.add(new String[] {"csrf", token});
    run.add(new String[] {"base", "draft:" + draft.substring(draft.indexOf('=') + 1)});
    run.add(new String[] {"replications", "2"});
    run.add(new String[] {"seed", "7"});
    run.add(new String[] {"a:years", "1"});
    formOptions(form).forEach((option, on) -> run.add(new String[] {"option:" + option, "on"}));
    var started = post(token, "/run", run);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(303);
    String id = started.headers().firstValue("Location").orElseThrow().replace("/runs/", "");
    assertThat(waitFor(token, id)).contains("DONE");
    String results = get(token, "/runs/" + id).body();

    // Everything the browser is sent: the form, the results page and every file it offers.
    java.util.Map<String, String> sent = new java.util.LinkedHashMap<>();
    sent.put("form", form);
    sent.put("results", results);
    Matcher link = Pattern.compile("/runs/" + id + "/files/([A-Za-z0-9_.-]+)").matcher(results);
    while (link.find()) {
      sent.putIfAbsent(link.group(1), get(token, link.group()).body());
    }
    assertThat(sent).containsKeys("monthly_metrics.csv", "scenario.yaml", "report.html");
    sent.forEach(
        (what, text) -> {
          for (String person : ids) {
            assertThat(text).as("%s names a person", what).doesNotContain(person);
          }
        });
    // The organic segment's head count (3) is withheld in the monthly table, with a second
    // segment so that the total does not give it back (the policy's primary and secondary cells).
    String monthly = sent.get("monthly_metrics.csv");
    List<String> header = List.of(monthly.lines().skip(1).findFirst().orElseThrow().split(","));
    int segment = header.indexOf("segment");
    int mean = header.indexOf("mean");
    java.util.Map<String, String> caseload = new java.util.LinkedHashMap<>();
    monthly
        .lines()
        .skip(2)
        .map(l -> l.split(",", -1))
        .filter(
            r ->
                r[header.indexOf("period")].equals("M1")
                    && r[header.indexOf("arm")].equals("status_quo")
                    && r[header.indexOf("measure")].equals("caseload"))
        .forEach(r -> caseload.put(r[segment], r[mean]));
    assertThat(caseload).containsEntry("organic", "*");
    assertThat(caseload.entrySet().stream().filter(e -> e.getValue().equals("*")).count())
        .isGreaterThanOrEqualTo(2);
    assertThat(sent.get("scenario.yaml")).doesNotContain("startingCaseload: 3");
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;")
        .replace("'", "&#39;")
        .replace("=", "&#61;");
  }

  static String waitFor(String token, String id) throws Exception {
    long end = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < end) {
      String s = get(token, "/runs/" + id + "/status").body();
      if (!s.contains("QUEUED") && !s.contains("RUNNING")) {
        return s;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("run " + id + " did not finish in 120 s");
  }
}
