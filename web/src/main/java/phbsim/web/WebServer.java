package phbsim.web;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.MustacheFactory;
import io.javalin.Javalin;
import io.javalin.config.SizeUnit;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import phbsim.experiment.RunSpec;
import phbsim.runs.RunJob;
import phbsim.scenario.Scenario;
import phbsim.scenarios.AssumptionsWorkbook;
import phbsim.scenarios.Explain;
import phbsim.scenarios.ScenarioLoadException;

/**
 * The what-if page's server: routes, the form, the results, and the rules that keep it safe
 * (localhost unless told, a size limit on uploads, a CSRF token on every POST, a
 * Content-Security-Policy that allows only this server's own scripts and styles, and files served
 * only by name from a fixed list of what a run wrote).
 */
public final class WebServer implements AutoCloseable {
  /** The largest scenario file the page takes: a scenario is a few tens of kilobytes. */
  public static final int MAX_UPLOAD_BYTES = 1 << 20;

  /** The most replications a run from the page may ask for. */
  public static final int MAX_REPLICATIONS = 2000;

  static final String CSP =
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'"
          + " data:; connect-src 'self'; frame-src 'self'; frame-ancestors 'self';"
          + " form-action 'self'; base-uri 'none'; object-src 'none'";

  /** The report is the writers' file as written, with its charts' scripts inline. */
  static final String REPORT_CSP =
      "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:;"
          + " frame-ancestors 'self'; base-uri 'none'; form-action 'none'";

  /** The files a finished run offers for download, by name: nothing else is ever served. */
  static final List<String> FILES =
      List.of(
          "workbook.xlsx",
          "report.html",
          "cash_summary.csv",
          "cashflow_annual.csv",
          "cashflow_monthly.csv",
          "budget_impact.csv",
          "releases.csv",
          "monthly_metrics.csv",
          "annual_metrics.csv",
          "teams_monthly.csv",
          "infrastructure_monthly.csv",
          "cohort.csv",
          "options_compared.csv",
          "scenario.yaml",
          "run.json");

  private static final String COOKIE = "phbsim_token";
  private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("phbsim/web");

  private final Jobs jobs;
  private final Javalin app;
  private final Map<String, Draft> drafts = new ConcurrentHashMap<>();

  /** Where person-level uploads are kept, each in a folder named by its draft's random id. */
  private final Path uploads = Files.createTempDirectory("phbsim-uploads");

  /** An uploaded scenario kept for its owner while they edit it. */
  private record Draft(String owner, Runs.Source source) {}

  private WebServer(Jobs jobs, String host, int port) throws IOException {
    this.jobs = jobs;
    this.app =
        Javalin.create(
            config -> {
              config.jetty.host = host;
              config.jetty.port = port;
              config.http.maxRequestSize = 2L * MAX_UPLOAD_BYTES + 64 * 1024;
              config.jetty.multipartConfig.maxFileSize(MAX_UPLOAD_BYTES, SizeUnit.BYTES);
              config.jetty.multipartConfig.maxTotalRequestSize(
                  2L * MAX_UPLOAD_BYTES + 64 * 1024, SizeUnit.BYTES);
              config.startup.showJavalinBanner = false;
              config.routes.before(this::headers);
              config.routes.get("/", this::page);
              config.routes.post("/upload", this::upload);
              config.routes.post("/run", this::run);
              config.routes.get("/runs/{id}", this::result);
              config.routes.get("/runs/{id}/status", this::status);
              config.routes.post("/runs/{id}/cancel", this::cancel);
              config.routes.get("/runs/{id}/files/{name}", this::file);
              config.routes.get("/assets/{name}", this::asset);
              config.routes.exception(
                  Forbidden.class,
                  (e, ctx) -> ctx.status(HttpStatus.FORBIDDEN).result(e.getMessage()));
            });
  }

  /**
   * Starts the page's server on {@code host}:{@code port} (0: any free port).
   *
   * @param build the program, its version and commit, for the records of each run (its command is
   *     the page's request, as the command line would take it)
   */
  public static WebServer start(
      String host, int port, int running, Duration expiry, phbsim.runs.Invocation build)
      throws IOException {
    Jobs jobs = new Jobs(new Jobs.Limits(running, 40, expiry), build);
    WebServer s = new WebServer(jobs, host, port);
    s.app.start();
    // The default scenario's units and ranges take seconds to work out: done now, not on the
    // first visit.
    Thread warm =
        new Thread(
            () -> {
              Runs.Source d = Runs.builtIn(phbsim.scenarios.BuiltInScenarios.DEFAULT);
              Runs.Checked c = Runs.check(d);
              if (c.ok()) {
                Fields.of(d, c.scenario(), Runs.assumptions(d, c.scenario()));
              }
            },
            "phbsim-warm");
    warm.setDaemon(true);
    warm.start();
    return s;
  }

  public int port() {
    return app.port();
  }

  /** The limits in force, in words, for the start-up lines. */
  public String limits() {
    var l = jobs.limits();
    return String.format(
        Locale.UK,
        "%d runs at once, %d more queued; results kept %d minutes; uploads up to %d KB",
        l.running(),
        l.waiting(),
        l.expiry().toMinutes(),
        MAX_UPLOAD_BYTES / 1024);
  }

  @Override
  public void close() {
    app.stop();
    jobs.close();
    try (var walk = Files.walk(uploads)) {
      walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      // left for the operating system's temporary-file cleaning
    }
  }

  /** Thrown when a state-changing request has no valid token. */
  static final class Forbidden extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Forbidden(String message) {
      super(message);
    }
  }

  private void headers(Context ctx) {
    ctx.header("Content-Security-Policy", CSP);
    ctx.header("X-Content-Type-Options", "nosniff");
    ctx.header("Referrer-Policy", "no-referrer");
    ctx.header("Cache-Control", "no-store");
    if (ctx.cookie(COOKIE) == null || !ctx.cookie(COOKIE).matches("[0-9a-f]{32}")) {
      String token = Jobs.randomId();
      ctx.header("Set-Cookie", COOKIE + "=" + token + "; Path=/; HttpOnly; SameSite=Strict");
      ctx.attribute(COOKIE, token);
    } else {
      ctx.attribute(COOKIE, ctx.cookie(COOKIE));
    }
  }

  /** The browser's token: its cookie, set on its first visit. */
  private static String owner(Context ctx) {
    return ctx.attribute(COOKIE);
  }

  /**
   * A POST must carry the token in a form field as well as in its cookie: another site's page
   * cannot read the cookie (and a SameSite=Strict cookie is not sent from it at all).
   */
  private static void requireToken(Context ctx) {
    String field = ctx.formParam("csrf");
    String cookie = ctx.cookie(COOKIE);
    if (field == null
        || cookie == null
        || !java.security.MessageDigest.isEqual(
            field.getBytes(java.nio.charset.StandardCharsets.US_ASCII),
            cookie.getBytes(java.nio.charset.StandardCharsets.US_ASCII))) {
      throw new Forbidden("This request has no valid token: reload the page and try again.");
    }
  }

  // ---------------------------------------------------------------- the form

  private void page(Context ctx) throws IOException {
    Runs.Source source;
    String draft = ctx.queryParam("draft");
    if (draft != null) {
      Draft d = drafts.get(draft);
      if (d == null || !d.owner().equals(owner(ctx))) {
        ctx.redirect("/");
        return;
      }
      source = d.source();
    } else {
      String name = ctx.queryParam("scenario");
      if (name == null || !Runs.builtIns().containsKey(name)) {
        name = phbsim.scenarios.BuiltInScenarios.DEFAULT;
      }
      source = Runs.builtIn(name);
    }
    form(ctx, source, draft, Map.of(), Set.of(), null, 50, RunSpec.DEFAULT_SEED, null);
  }

  /**
   * An upload refused: the default scenario's form again, with what was wrong beside its field
   * ({@code checked}) or above the form ({@code refusal}), and 422.
   */
  private void refuseUpload(Context ctx, Runs.Checked checked, String refusal) throws IOException {
    ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
    form(
        ctx,
        Runs.builtIn(phbsim.scenarios.BuiltInScenarios.DEFAULT),
        null,
        Map.of(),
        Set.of(),
        checked,
        50,
        RunSpec.DEFAULT_SEED,
        refusal);
  }

  private void upload(Context ctx) throws IOException {
    requireToken(ctx);
    var file = ctx.uploadedFile("scenario");
    if (file == null || file.size() == 0) {
      ctx.redirect("/");
      return;
    }
    if (file.size() > MAX_UPLOAD_BYTES) {
      ctx.status(HttpStatus.CONTENT_TOO_LARGE).result("A scenario file is at most 1 MB.");
      return;
    }
    byte[] bytes;
    try (InputStream in = file.content()) {
      bytes = in.readNBytes(MAX_UPLOAD_BYTES + 1);
    }
    // The name is the browser's, shown only: it never names a file here.
    String name = file.filename().replaceAll("[^A-Za-z0-9._-]", "_");
    if (name.length() > 80) {
      name = name.substring(0, 80);
    }
    String text;
    if (AssumptionsWorkbook.isWorkbook(name) || isZip(bytes)) {
      // An assumptions workbook: read into the YAML text it stands for, its problems named by
      // sheet and cell, and from then on a draft like any other upload.
      try {
        text = workbookText(name, bytes);
      } catch (ScenarioLoadException e) {
        StringWriter said = new StringWriter();
        try (PrintWriter w = new PrintWriter(said)) {
          phbsim.writers.Text.problems(w, name, e.problems());
        }
        refuseUpload(ctx, null, said.toString().strip());
        return;
      }
    } else {
      text = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
    }
    String id = Jobs.randomId();
    Runs.Source source = new Runs.Source(name, text, List.of());
    var caseload = ctx.uploadedFile("caseload");
    if (caseload != null && caseload.size() > 0 && text.contains("startingPopulation")) {
      // A person-level scenario with its file: both saved in a folder of this draft's own, the
      // file under the plain name the scenario gives it (a path, or a file named anywhere else in
      // the scenario, is refused: nothing a browser sends names a file outside the folder).
      String named = Runs.personLevelFileName(text);
      if (named == null || caseload.size() > MAX_UPLOAD_BYTES) {
        String line =
            "startingPopulation.file: expected the plain name of the person-level file uploaded"
                + " with the scenario (such as caseload.csv, no folder), named only there, and a"
                + " file of at most 1 MB";
        Runs.Checked refused =
            new Runs.Checked(
                null,
                List.of(new Runs.Problem("startingPopulation.file", line)),
                name + ": 1 problem\n  " + line + "\n");
        refuseUpload(ctx, refused, null);
        return;
      }
      Path folder = Files.createDirectory(uploads.resolve(id));
      Files.writeString(folder.resolve(Runs.SCENARIO_FILE), text);
      try (InputStream in = caseload.content()) {
        Files.write(folder.resolve(named), in.readNBytes(MAX_UPLOAD_BYTES + 1));
      }
      source = new Runs.Source(name, text, List.of(), folder);
    }
    drafts.put(id, new Draft(owner(ctx), source));
    Runs.Checked checked = Runs.check(source);
    if (!checked.ok()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      form(ctx, source, id, Map.of(), Set.of(), checked, 50, RunSpec.DEFAULT_SEED, null);
      return;
    }
    ctx.redirect("/?draft=" + id, HttpStatus.SEE_OTHER);
  }

  private static boolean isZip(byte[] b) {
    return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
  }

  /**
   * The YAML text of an uploaded workbook, checked as {@code phbsim validate} checks it so that its
   * problems name their cells. It is read from a temporary file of its own (the package checks need
   * one), deleted before this returns; the messages name the browser's file name only.
   */
  private static String workbookText(String name, byte[] bytes) throws IOException {
    Path dir = Files.createTempDirectory("phbsim-upload");
    Path book = dir.resolve("upload.xlsx");
    try {
      Files.write(book, bytes);
      AssumptionsWorkbook.Read read = AssumptionsWorkbook.read(book, name);
      if (!read.yaml().contains("startingPopulation")) {
        // A person-level scenario is refused by the page's own check, with its own message.
        AssumptionsWorkbook.load(book, name, List.of());
      }
      return read.yaml();
    } finally {
      Files.deleteIfExists(book);
      Files.deleteIfExists(dir);
    }
  }

  /**
   * Renders the form for {@code source}, with {@code values} (path to value typed) in place of the
   * scenario's where given, and the problems of {@code checked} beside their fields.
   */
  private void form(
      Context ctx,
      Runs.Source source,
      String draft,
      Map<String, String> values,
      Set<String> off,
      Runs.Checked checked,
      int replications,
      long seed,
      String refusal)
      throws IOException {
    Runs.Checked base = Runs.check(source.with(List.of()));
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("csrf", owner(ctx));
    view.put("name", source.name());
    view.put("draft", draft == null ? "" : draft);
    view.put("base", draft == null ? "builtin:" + source.name() : "draft:" + draft);
    List<Map<String, Object>> builtIns = new ArrayList<>();
    Runs.builtIns()
        .forEach(
            (n, d) ->
                builtIns.add(
                    Map.of(
                        "name",
                        n,
                        "description",
                        d,
                        "selected",
                        draft == null && n.equals(source.name()))));
    view.put("builtIns", builtIns);
    view.put("replications", replications);
    view.put("seed", seed);
    view.put("refusal", refusal);
    Map<String, List<String>> byPath = new LinkedHashMap<>();
    List<String> general = new ArrayList<>();
    if (checked != null && !checked.ok()) {
      view.put("validation", checked.message());
    }
    if (!base.ok()) {
      view.put("validation", base.message());
      html(ctx, "page.mustache", view);
      return;
    }
    Scenario s = base.scenario();
    List<Explain.Assumption> assumptions = Runs.assumptions(source, s);
    Map<String, Fields.Field> units = Fields.of(source, s, assumptions);
    Set<String> known = new HashSet<>();
    assumptions.forEach(a -> known.add(a.path()));
    if (checked != null && !checked.ok()) {
      for (Runs.Problem p : checked.problems()) {
        if (known.contains(p.path())) {
          byPath.computeIfAbsent(p.path(), k -> new ArrayList<>()).add(p.line());
        } else {
          general.add(p.line());
        }
      }
    }
    view.put("general", general);
    Map<String, List<Map<String, Object>>> groups = new LinkedHashMap<>();
    for (String g : Groups.NAMES) {
      groups.put(g, new ArrayList<>());
    }
    for (Explain.Assumption a : assumptions) {
      Map<String, Object> f = new LinkedHashMap<>();
      f.put("path", a.path());
      f.put("default", a.value());
      String typed = values.get(a.path());
      f.put("value", typed == null ? a.value() : typed);
      f.put("changed", typed != null && !typed.equals(a.value()));
      Fields.Field field = units.get(a.path());
      f.put("unit", field.unit());
      f.put("priceYear", a.priceYear().isEmpty() ? "not a price" : a.priceYear());
      f.put("range", field.range());
      f.put("source", a.comment());
      f.put("problems", byPath.getOrDefault(a.path(), List.of()));
      f.put("invalid", byPath.containsKey(a.path()));
      groups.get(Groups.of(a.path())).add(f);
    }
    List<Map<String, Object>> gs = new ArrayList<>();
    groups.forEach(
        (g, fields) -> {
          if (!fields.isEmpty()) {
            gs.add(
                Map.of(
                    "group", g,
                    "fields", fields,
                    "open",
                        !g.equals(Groups.OTHER)
                            || fields.stream().anyMatch(f -> (boolean) f.get("invalid"))));
          }
        });
    view.put("groups", gs);
    List<Map<String, Object>> options = new ArrayList<>();
    for (var o : Runs.options(s)) {
      options.add(Map.of("id", o.id(), "label", o.label(), "on", !off.contains(o.id())));
    }
    view.put("options", options);
    html(ctx, "page.mustache", view);
  }

  // ---------------------------------------------------------------- running

  private void run(Context ctx) throws IOException {
    requireToken(ctx);
    String base = ctx.formParam("base");
    Runs.Source source = null;
    String draft = null;
    if (base != null && base.startsWith("builtin:")) {
      String name = base.substring("builtin:".length());
      if (Runs.builtIns().containsKey(name)) {
        source = Runs.builtIn(name);
      }
    } else if (base != null && base.startsWith("draft:")) {
      draft = base.substring("draft:".length());
      Draft d = drafts.get(draft);
      if (d != null && d.owner().equals(owner(ctx))) {
        source = d.source();
      }
    }
    if (source == null) {
      ctx.status(HttpStatus.BAD_REQUEST).result("No such scenario: reload the page.");
      return;
    }
    Runs.Checked plain = Runs.check(source);
    if (!plain.ok()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      form(ctx, source, draft, Map.of(), Set.of(), plain, 50, RunSpec.DEFAULT_SEED, null);
      return;
    }
    // Overrides only of the scenario's own values, and only where the value was changed: a field
    // name the form did not offer is ignored, never passed on.
    Map<String, String> values = new LinkedHashMap<>();
    List<String> overrides = new ArrayList<>();
    for (Explain.Assumption a : Runs.assumptions(source, plain.scenario())) {
      String v = ctx.formParam("a:" + a.path());
      if (v != null) {
        v = v.strip();
        values.put(a.path(), v);
        if (!v.equals(a.value())) {
          overrides.add(a.path() + "=" + v);
        }
      }
    }
    Set<String> off = new HashSet<>();
    for (var o : Runs.options(plain.scenario())) {
      if (ctx.formParam("option:" + o.id()) == null) {
        off.add(o.id());
      }
    }
    int replications;
    long seed;
    try {
      replications = Integer.parseInt(ctx.formParam("replications").strip());
      seed = Long.parseLong(ctx.formParam("seed").strip());
    } catch (RuntimeException e) {
      replications = -1;
      seed = RunSpec.DEFAULT_SEED;
    }
    if (replications < 1 || replications > MAX_REPLICATIONS) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      form(
          ctx,
          source,
          draft,
          values,
          off,
          null,
          50,
          seed,
          "Replications: expected a whole number from 1 to " + MAX_REPLICATIONS + ".");
      return;
    }
    // The options switched off are left out of the scenario as run (and so out of the
    // scenario.yaml it writes): the override names the options left on.
    overrides.addAll(Runs.optionsOff(plain.scenario(), off));
    Runs.Source edited = source.with(overrides);
    Runs.Checked checked = Runs.check(edited);
    if (!checked.ok()) {
      ctx.status(HttpStatus.UNPROCESSABLE_CONTENT);
      form(ctx, source, draft, values, off, checked, replications, seed, null);
      return;
    }
    RunSpec spec =
        new RunSpec(replications, seed, Math.max(1, Runtime.getRuntime().availableProcessors()));
    Jobs.Job job;
    try {
      job = jobs.submit(owner(ctx), edited, checked.scenario(), spec);
    } catch (Jobs.Refused e) {
      ctx.status(HttpStatus.SERVICE_UNAVAILABLE);
      form(ctx, source, draft, values, off, null, replications, seed, e.getMessage());
      return;
    }
    ctx.redirect("/runs/" + job.id, HttpStatus.SEE_OTHER);
  }

  private Jobs.Job job(Context ctx) {
    String id = ctx.pathParam("id");
    Jobs.Job j = id.matches("[0-9a-f]{32}") ? jobs.get(id, owner(ctx)) : null;
    if (j == null) {
      throw new io.javalin.http.NotFoundResponse(
          "No such run: it may have expired (results are kept "
              + jobs.limits().expiry().toMinutes()
              + " minutes).");
    }
    return j;
  }

  private void status(Context ctx) {
    Jobs.Job j = job(ctx);
    ctx.contentType("application/json");
    ctx.result(
        String.format(
            Locale.ROOT,
            "{\"state\":\"%s\",\"done\":%d,\"total\":%d,\"message\":%s}",
            j.state(),
            j.done(),
            j.total(),
            jsonString(j.message())));
  }

  private void cancel(Context ctx) {
    requireToken(ctx);
    Jobs.Job j = job(ctx);
    jobs.cancel(j.id, owner(ctx));
    ctx.redirect("/runs/" + j.id, HttpStatus.SEE_OTHER);
  }

  private void result(Context ctx) throws IOException {
    Jobs.Job j = job(ctx);
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("csrf", owner(ctx));
    view.put("id", j.id);
    view.put("name", j.source.name());
    RunJob.State state = j.state();
    view.put("state", state.toString());
    view.put("running", j.running());
    view.put("done", j.done());
    view.put("total", j.total());
    view.put("replications", j.run.replications());
    view.put("seed", j.run.masterSeed());
    view.put("overrides", j.source.overrides());
    view.put("cancelled", state == RunJob.State.CANCELLED);
    view.put("failed", state == RunJob.State.FAILED ? j.message() : null);
    if (state == RunJob.State.DONE) {
      view.put("finished", true);
      view.put("seconds", String.format(Locale.UK, "%.1f", j.seconds()));
      view.put("appraisal", Figures.appraisal(j.folder));
      List<Map<String, Object>> bridges = new ArrayList<>();
      Figures.bridges(j.folder)
          .forEach(
              (o, steps) ->
                  bridges.add(
                      Map.of(
                          "option",
                          o,
                          "svg",
                          steps.isEmpty()
                              ? "<p>Not drawn: a total it starts or ends at is withheld under the"
                                  + " disclosure policy (small numbers).</p>"
                              : Figures.svg(steps))));
      view.put("bridges", bridges);
      List<String> files = new ArrayList<>();
      for (String f : FILES) {
        if (Files.isRegularFile(j.folder.resolve(f))) {
          files.add(f);
        }
      }
      view.put("files", files);
    }
    html(ctx, "run.mustache", view);
  }

  /** A file of a finished run, by its name in {@link #FILES}: no other name reaches the disk. */
  private void file(Context ctx) throws IOException {
    Jobs.Job j = job(ctx);
    int k = FILES.indexOf(ctx.pathParam("name"));
    if (k < 0 || j.state() != RunJob.State.DONE) {
      throw new io.javalin.http.NotFoundResponse("No such file.");
    }
    String name = FILES.get(k);
    Path p = j.folder.resolve(name);
    if (!Files.isRegularFile(p)) {
      throw new io.javalin.http.NotFoundResponse("No such file.");
    }
    String type =
        name.endsWith(".xlsx")
            ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            : name.endsWith(".html")
                ? "text/html; charset=utf-8"
                : name.endsWith(".csv")
                    ? "text/csv; charset=utf-8"
                    : name.endsWith(".json") ? "application/json" : "text/yaml; charset=utf-8";
    if (name.equals("report.html")) {
      ctx.header("Content-Security-Policy", REPORT_CSP);
      if (ctx.queryParam("download") != null) {
        ctx.header("Content-Disposition", "attachment; filename=\"report.html\"");
      }
    } else {
      ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
    ctx.contentType(type);
    ctx.result(Files.readAllBytes(p));
  }

  /** The page's own script and style, and the report's uPlot, from the jar. */
  private void asset(Context ctx) throws IOException {
    String resource =
        switch (ctx.pathParam("name")) {
          case "page.js" -> "phbsim/web/page.js";
          case "page.css" -> "phbsim/web/page.css";
          case "uPlot.iife.min.js" -> "phbsim/writers/uplot/uPlot.iife.min.js";
          case "uPlot.min.css" -> "phbsim/writers/uplot/uPlot.min.css";
          default -> null;
        };
    if (resource == null) {
      throw new io.javalin.http.NotFoundResponse("No such file.");
    }
    try (InputStream in = WebServer.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new io.javalin.http.NotFoundResponse("No such file.");
      }
      ctx.header("Cache-Control", "max-age=3600");
      ctx.contentType(
          resource.endsWith(".js") ? "text/javascript; charset=utf-8" : "text/css; charset=utf-8");
      ctx.result(in.readAllBytes());
    }
  }

  private static void html(Context ctx, String template, Map<String, Object> view)
      throws IOException {
    StringWriter w = new StringWriter();
    TEMPLATES.compile(template).execute(w, view).flush();
    ctx.contentType("text/html; charset=utf-8");
    ctx.result(w.toString());
  }

  private static String jsonString(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20 || c == '<' || c == '>') {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.append('"').toString();
  }
}
