package phbsim.writers;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;
import com.github.mustachejava.MustacheFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import phbsim.analysis.OneWaySensitivity;
import phbsim.analysis.Output;
import phbsim.analysis.ProbabilisticSensitivity;
import phbsim.analysis.Sweep;
import phbsim.observe.Measure;
import phbsim.observe.TeamMeasure;
import phbsim.report.AppraisalResult;
import phbsim.report.Arm;
import phbsim.report.ComparisonResult;
import phbsim.report.Infrastructure;
import phbsim.report.Position;
import phbsim.report.Resilience;
import phbsim.report.Summary;
import phbsim.scenario.Scenario;
import phbsim.scenarios.Explain;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialMonth;
import phbsim.time.FinancialYear;

/**
 * One self-contained HTML page per run (docs/model.md section 7), rendered from the Mustache
 * template {@code report.mustache}, which escapes every value for HTML by default: no text from a
 * scenario (names, labels, sources) reaches the page unescaped. Only the page's own stylesheet,
 * scripts (uPlot, inlined so that the page works offline and fetches nothing) and the chart data go
 * in raw; the data are JSON whose every {@code <} is written as {@code \u003c}, so no label can
 * close their script element.
 *
 * <p>The page reads as a board paper: a summary first (each option's headline saving with its
 * interval, the options side by side, the chart of every option's cumulative position, the sign
 * rule and the basis), then the detail, then every assumption. Charts run along financial years and
 * months (M1 is April), carry a unit on their value axis and a printed legend rather than a hover
 * read-out, and say whether they plot a difference (the status quo minus the option) or each arm's
 * own level, the status quo dashed and drawn on top.
 */
public final class HtmlReport {
  // Keys in order of their names: the chart data is built partly from Map.of, whose order changes
  // from one JVM to the next, and the same run must give the same bytes.
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .configure(
              com.fasterxml.jackson.databind.SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
  private static final MustacheFactory TEMPLATES = new DefaultMustacheFactory("phbsim/writers");

  /** Options' colours, the same option in the same colour on every chart. */
  private static final List<String> PALETTE =
      List.of("#2b6cb0", "#c05621", "#2f855a", "#805ad5", "#b7791f", "#c53030", "#319795");

  /** The status quo: dark and dashed, drawn after (so on top of) the options. */
  private static final String STATUS_QUO_COLOUR = "#1d2733";

  private static final String DIFFERENCE_NOTE =
      "A difference: the status quo minus the option, so above zero is a saving.";
  private static final String LEVELS_NOTE =
      "Each arm's own level, not a difference: the status quo dashed.";

  private HtmlReport() {}

  // ------------------------------------------------------------------ appraisal

  /** The report of an options appraisal ({@code run}, {@code compare}). */
  static void appraisal(
      AppraisalResult a,
      Scenario scenario,
      Origin origin,
      List<Explain.Assumption> assumptions,
      Writer out)
      throws IOException {
    Axis x = Axis.of(a.first().option().compiled().calendar());
    int months = x.count;
    Page page = new Page(scenario, "options appraisal against the status quo");
    // The scenario by its file and its own name, and every override: a copy or a --set run is
    // never read as the original.
    page.view.put("heading", origin.label() + ": options appraisal against the status quo");
    page.view.put("basis", origin.sentence() + ". " + Text.moneyBasis(scenario) + ".");
    List<ComparisonResult> options = a.options();

    // The summary: the board view.
    List<Map<String, Object>> headlines = new ArrayList<>();
    for (ComparisonResult c : options) {
      headlines.add(
          Map.of(
              "option",
              c.id() + ": " + c.label(),
              "text",
              "net saving over the horizon, cash "
                  + thousands(c.netSaving(Position.CASH))
                  + "; economic "
                  + thousands(c.netSaving(Position.ECONOMIC))
                  + " (£000s, 95 % confidence interval after each; a figure in brackets is a"
                  + " cost)."));
    }
    page.view.put("headlines", headlines);
    page.view.put("optionsTable", optionsTable(options));
    Chart view =
        page.lines(
            "summary",
            "Cumulative net saving, cash, £000s: every option",
            "£000s, cumulative",
            x,
            true);
    for (int i = 0; i < options.size(); i++) {
      ComparisonResult c = options.get(i);
      view.line(
          c.id(),
          colour(i),
          null,
          months,
          m -> c.cumulativeSaving(m, Position.CASH).mean() / 1000,
          "difference",
          c.id());
    }

    // The detail: money, then activity, then the community teams.
    for (ComparisonResult c : options) {
      String who = c.id() + ": " + c.label();
      page.section("money", "Money: " + who, null);
      page.fan(
          c.id(),
          "Net cash flow against the status quo, £000s a month (" + who + ")",
          "£000s a month",
          x,
          m -> c.monthlyTotal(Arm.DIFFERENCE, m, Position.CASH),
          1000);
      page.fan(
          c.id(),
          "Cumulative net saving, cash, £000s (" + who + ")",
          "£000s, cumulative",
          x,
          m -> c.cumulativeSaving(m, Position.CASH),
          1000);
    }
    page.section(
        "activity", "Activity and infrastructure", "Counts a month, each arm's own level.");
    for (Measure measure : List.of(Measure.CRISES, Measure.ADMISSIONS)) {
      String what = measure == Measure.CRISES ? "Crises" : "Admissions";
      Chart ch = page.lines("activity", what + " a month", what + " a month", x, false);
      for (int i = 0; i < options.size(); i++) {
        ComparisonResult c = options.get(i);
        ch.line(
            c.id(),
            colour(i),
            null,
            months,
            m -> c.metricMonthly(Arm.OPTION, m, -1, measure).mean(),
            "option",
            c.id());
      }
      ComparisonResult first = a.first();
      ch.statusQuo(months, m -> first.metricMonthly(Arm.STATUS_QUO, m, -1, measure).mean());
    }
    Chart infra =
        page.lines(
            "activity",
            "Infrastructure cost per active budget, £ a month",
            "£ a budget a month",
            x,
            false);
    for (int i = 0; i < options.size(); i++) {
      ComparisonResult c = options.get(i);
      Infrastructure in = new Infrastructure(c, Arm.OPTION);
      infra.line(
          c.id(), colour(i), null, months, m -> in.costPerActiveBudget(m).mean(), "option", c.id());
    }

    Resilience sq = new Resilience(a.first());
    for (int team : sq.teams()) {
      String t = sq.label(team);
      page.section("team", "Community team: " + t, "Each arm's own level.");
      Chart people =
          page.lines("team", "People on the caseload and places: " + t, "people", x, false);
      teamLines(people, options, sq.id(team), TeamMeasure.CASELOAD, null, "caseload, ");
      teamLines(people, options, sq.id(team), TeamMeasure.CAPACITY, "dotted", "places, ");
      people.statusQuo(
          "caseload, status quo",
          months,
          m -> sq.monthly(Arm.STATUS_QUO, m, team, TeamMeasure.CASELOAD).mean(),
          sq.id(team),
          TeamMeasure.CASELOAD);
      people.statusQuo(
          "places, status quo",
          months,
          m -> sq.monthly(Arm.STATUS_QUO, m, team, TeamMeasure.CAPACITY).mean(),
          sq.id(team),
          TeamMeasure.CAPACITY);
      for (TeamMeasure measure :
          List.of(
              TeamMeasure.POSTS,
              TeamMeasure.WAITING_LIST,
              TeamMeasure.WAIT_MEDIAN_DAYS,
              TeamMeasure.COST_PER_PERSON)) {
        String unit =
            switch (measure) {
              case POSTS -> "posts";
              case WAITING_LIST -> "people waiting";
              case WAIT_MEDIAN_DAYS -> "days";
              default -> "£ a person a month";
            };
        Chart ch = page.lines("team", measure.title() + ": " + t, unit, x, false);
        teamLines(ch, options, sq.id(team), measure, null, "");
        ch.statusQuo(
            "status quo",
            months,
            m -> sq.monthly(Arm.STATUS_QUO, m, team, measure).mean(),
            sq.id(team),
            measure);
      }
    }
    page.assumptions(assumptions);
    page.write(origin.label() + ": options appraisal", out);
  }

  private static void teamLines(
      Chart chart,
      List<ComparisonResult> options,
      String teamId,
      TeamMeasure measure,
      String dash,
      String prefix) {
    for (int i = 0; i < options.size(); i++) {
      ComparisonResult c = options.get(i);
      Resilience r = new Resilience(c);
      // The team by its id, not its place in the list: an option from another place (compare A
      // B) may list its teams in another order, or not have this team at all.
      int team = r.teams().stream().filter(k -> r.id(k).equals(teamId)).findFirst().orElse(-1);
      if (team < 0) {
        continue;
      }
      Map<String, Object> s =
          chart.line(
              prefix + c.id(),
              colour(i),
              dash,
              chart.count(),
              m -> r.monthly(Arm.OPTION, m, team, measure).mean(),
              "option",
              c.id());
      s.put("team", r.id(team));
      s.put("measure", measure.label());
    }
  }

  private static String colour(int option) {
    return PALETTE.get(option % PALETTE.size());
  }

  /** The options side by side: one column an option, one row a figure, each with its interval. */
  private static Map<String, Object> optionsTable(List<ComparisonResult> options) {
    List<String> columns = new ArrayList<>();
    for (ComparisonResult c : options) {
      columns.add(c.id() + ": " + c.label());
    }
    List<Map<String, Object>> rows = new ArrayList<>();
    for (Position p : Position.values()) {
      String basis = p == Position.CASH ? "cash" : "economic";
      rows.add(row("Net saving, " + basis, options, c -> c.netSaving(p)));
      rows.add(row("Net present value, " + basis, options, c -> c.npv(p)));
    }
    rows.add(row("Double running (a cost within the cash)", options, c -> c.doubleRunningSaving()));
    return Map.of("columns", columns, "rows", rows);
  }

  private static Map<String, Object> row(
      String label,
      List<ComparisonResult> options,
      java.util.function.Function<ComparisonResult, Summary> figure) {
    List<Map<String, String>> cells = new ArrayList<>();
    for (ComparisonResult c : options) {
      Summary s = figure.apply(c);
      cells.add(
          Map.of(
              "mean", bracketed(s.mean() / 1000),
              "low", bracketed(s.ciLow() / 1000),
              "high", bracketed(s.ciHigh() / 1000)));
    }
    return Map.of("label", label, "cells", cells);
  }

  private static String thousands(Summary s) {
    return bracketed(s.mean() / 1000)
        + ", "
        + bracketed(s.ciLow() / 1000)
        + " to "
        + bracketed(s.ciHigh() / 1000);
  }

  /** £000s in board-paper style: one decimal, grouped, negatives in brackets. */
  static String bracketed(double thousands) {
    if (Double.isNaN(thousands)) {
      return "-";
    }
    String v = String.format(Locale.UK, "%,.1f", Math.abs(thousands));
    return thousands < 0 ? "(" + v + ")" : v;
  }

  // ------------------------------------------------------------------ analyses

  /** The report of a sweep: each output along the first parameter, with its interval. */
  public static void sweep(
      Sweep.Result result,
      Output chosen,
      Scenario scenario,
      List<Explain.Assumption> assumptions,
      Writer out)
      throws IOException {
    Page page = new Page(scenario, "a sweep");
    Sweep.Axis first = result.axes().get(0);
    String firstName = ParameterNames.of(first.path(), scenario);
    List<String> seconds = new ArrayList<>();
    for (Sweep.Point p : result.points()) {
      String second = p.values().size() > 1 ? p.values().get(1) : "";
      if (!seconds.contains(second)) {
        seconds.add(second);
      }
    }
    page.section("sweep", "The outcomes along " + firstName, null);
    for (String name : List.of("net_saving_cash", "net_saving_economic", chosen.name())) {
      Output o = Output.parse(name);
      double scale = o.money() ? 1000 : 1;
      for (String second : seconds) {
        List<Sweep.Point> line =
            result.points().stream()
                .filter(p -> p.values().size() < 2 || p.values().get(1).equals(second))
                .toList();
        double[] xs = new double[line.size()];
        for (int i = 0; i < xs.length; i++) {
          xs[i] = Double.parseDouble(line.get(i).values().get(0));
        }
        String title =
            o.title()
                + (o.money() ? ", £000s" : "")
                + " against "
                + firstName
                + (second.isEmpty()
                    ? ""
                    : " ("
                        + ParameterNames.of(result.axes().get(1).path(), scenario)
                        + " = "
                        + second
                        + ")");
        page.fanOver(
            title,
            o.money() ? "£000s" : o.title(),
            xs,
            i -> line.get(i).outcome().summary(o),
            scale,
            firstName);
      }
      if (name.equals(chosen.name())) {
        break;
      }
    }
    page.assumptions(assumptions);
    page.write(scenario.name() + ": sweep", out);
  }

  /** The report of a sensitivity analysis: the tornado and the probabilistic results. */
  public static void sensitivity(
      OneWaySensitivity.Result oneWay,
      ProbabilisticSensitivity.Result psa,
      List<FinancialYear> years,
      Scenario scenario,
      List<Explain.Assumption> assumptions,
      Writer out)
      throws IOException {
    Page page = new Page(scenario, "sensitivity");
    if (oneWay != null) {
      page.view.put("tornado", Tornado.of(oneWay, scenario));
    }
    if (psa != null) {
      boolean money = psa.output().money();
      double scale = money ? 1000 : 1;
      List<Map<String, String>> rows = new ArrayList<>();
      for (int y = 0; y < psa.probabilityOfSaving().length && y < years.size(); y++) {
        rows.add(
            Map.of(
                "year",
                years.get(y).label(),
                "probability",
                String.format(Locale.UK, "%.0f %%", 100 * psa.probabilityOfSaving()[y])));
      }
      page.view.put(
          "psa",
          Map.of(
              "draws", psa.draws().size(),
              "output", psa.output().title() + (money ? ", £000s" : ""),
              "mean", bracketed(psa.distribution().mean() / scale),
              "low", bracketed(psa.distribution().rangeLow() / scale),
              "high", bracketed(psa.distribution().rangeHigh() / scale),
              "years", rows));
      double[] sorted = psa.outputPerDraw().clone();
      Arrays.sort(sorted);
      double[] share = new double[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        share[i] = (i + 1.0) / sorted.length;
        sorted[i] /= scale;
      }
      page.section("psa", "Probabilistic sensitivity", null);
      Chart cdf =
          page.chart(
              "psa",
              "Distribution of the outcome over the parameter draws (cumulative share)",
              "share of draws at or below",
              "xy",
              false);
      cdf.data.put("xlabel", psa.output().title() + (money ? ", £000s" : ""));
      cdf.data.put("x", sorted);
      cdf.data.put("compares", "outcome");
      cdf.data.put("series", cdf.series);
      cdf.series(
          Map.of("label", "share of draws at or below", "colour", colour(0), "values", share));
    }
    page.assumptions(assumptions);
    page.write(scenario.name() + ": sensitivity", out);
  }

  // ------------------------------------------------------------------ the page

  /** The x-axis of every chart over time: months by index, ticked in financial years. */
  private record Axis(int count, long[] x, List<Integer> splits, List<String> labels) {
    static Axis of(FinancialCalendar cal) {
      int n = cal.monthCount();
      long[] x = new long[n];
      List<Integer> splits = new ArrayList<>();
      List<String> labels = new ArrayList<>();
      boolean quarters = n <= 36;
      for (int m = 0; m < n; m++) {
        x[m] = m;
        FinancialMonth month = cal.month(m);
        int p = month.period();
        if (m == 0 || p == 1) {
          splits.add(m);
          labels.add(month.financialYear().label() + (p == 1 ? "" : " " + month.label()));
        } else if (quarters && p % 3 == 1) {
          splits.add(m);
          labels.add(month.label());
        }
      }
      return new Axis(n, x, splits, labels);
    }
  }

  /** One chart: its data (sent as JSON to the script) and its caption and legend (the template). */
  private static final class Chart {
    final Map<String, Object> data = new LinkedHashMap<>();
    final Map<String, Object> view = new LinkedHashMap<>();
    final List<Map<String, Object>> series = new ArrayList<>();
    final List<Map<String, Object>> legend = new ArrayList<>();

    int count() {
      return ((long[]) data.get("x")).length;
    }

    Map<String, Object> series(Map<String, Object> s) {
      Map<String, Object> copy = new LinkedHashMap<>(s);
      series.add(copy);
      Map<String, Object> key = new LinkedHashMap<>();
      key.put("label", s.get("label"));
      key.put("colour", s.get("colour"));
      key.put("dash", s.get("dash") == null ? "solid" : s.get("dash"));
      legend.add(key);
      return copy;
    }

    Map<String, Object> line(
        String label,
        String colour,
        String dash,
        int n,
        IntFunction<Double> v,
        String arm,
        String option) {
      // A month with no figure (undefined, or withheld by small-number suppression) is a gap.
      Double[] values = new Double[n];
      for (int m = 0; m < n; m++) {
        Double d = v.apply(m);
        values[m] = d == null || d.isNaN() ? null : d;
      }
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("label", label);
      s.put("colour", colour);
      if (dash != null) {
        s.put("dash", dash);
      }
      s.put("arm", arm);
      s.put("option", option);
      s.put("values", values);
      return series(s);
    }

    void statusQuo(int n, IntFunction<Double> v) {
      line("status quo", STATUS_QUO_COLOUR, "dashed", n, v, "status_quo", null);
    }

    void statusQuo(String label, int n, IntFunction<Double> v, String team, TeamMeasure measure) {
      Map<String, Object> s =
          line(
              label,
              STATUS_QUO_COLOUR,
              measure == TeamMeasure.CAPACITY ? "dotted" : "dashed",
              n,
              v,
              "status_quo",
              null);
      s.put("team", team);
      s.put("measure", measure.label());
    }
  }

  /** The page's view for the template, and its charts in order. */
  private static final class Page {
    final Map<String, Object> view = new LinkedHashMap<>();
    final List<Chart> charts = new ArrayList<>();
    final List<Map<String, Object>> summaryCharts = new ArrayList<>();
    final List<Map<String, Object>> sections = new ArrayList<>();

    Page(Scenario s, String what) {
      view.put("heading", s.name() + ": " + what);
      view.put("basis", Text.moneyBasis(s) + ".");
      view.put("signRule", Arm.SIGN_RULE);
      view.put(
          "howToRead",
          "Charts run along financial years and their months (M1 is April). A fan: the line is"
              + " the mean; the dark band the 95 % confidence interval of the mean (how sure we"
              + " are of the average); the light band the middle 95 % of replications (how much"
              + " one year's reality can vary).");
      view.put("summaryCharts", summaryCharts);
      view.put("sections", sections);
    }

    void section(String id, String heading, String intro) {
      Map<String, Object> s = new LinkedHashMap<>();
      s.put("id", id);
      s.put("heading", heading);
      s.put("intro", intro);
      s.put("charts", new ArrayList<Map<String, Object>>());
      sections.add(s);
    }

    @SuppressWarnings("unchecked")
    Chart chart(String where, String title, String ylabel, String kind, boolean summary) {
      Chart c = new Chart();
      c.data.put("kind", kind);
      c.data.put("title", title);
      c.data.put("ylabel", ylabel);
      c.view.put("index", charts.size());
      c.view.put("title", title);
      c.view.put("legend", c.legend);
      c.view.put("wide", summary);
      charts.add(c);
      if (summary) {
        summaryCharts.add(c.view);
      } else {
        ((List<Map<String, Object>>) sections.get(sections.size() - 1).get("charts")).add(c.view);
      }
      return c;
    }

    Chart lines(String where, String title, String ylabel, Axis x, boolean summary) {
      Chart c = chart(where, title, ylabel, "lines", summary);
      boolean difference = summary;
      c.data.put("compares", difference ? "difference" : "levels");
      c.view.put("reading", difference ? DIFFERENCE_NOTE : LEVELS_NOTE);
      time(c, x);
      c.data.put("series", c.series);
      return c;
    }

    void fan(
        String option, String title, String ylabel, Axis x, IntFunction<Summary> at, double scale) {
      Chart c = chart("detail", title, ylabel, "fan", false);
      c.data.put("compares", "difference");
      c.data.put("option", option);
      c.view.put("reading", DIFFERENCE_NOTE);
      time(c, x);
      fanValues(c, x.count, at, scale);
    }

    void fanOver(
        String title,
        String ylabel,
        double[] x,
        IntFunction<Summary> at,
        double scale,
        String xlabel) {
      Chart c = chart("detail", title, ylabel, "fan", false);
      c.data.put("compares", "outcome");
      c.data.put("x", x);
      c.data.put("xlabel", xlabel);
      fanValues(c, x.length, at, scale);
    }

    private void fanValues(Chart c, int n, IntFunction<Summary> at, double scale) {
      double[][] v = new double[5][n];
      for (int m = 0; m < n; m++) {
        Summary s = at.apply(m);
        v[0][m] = s.rangeLow() / scale;
        v[1][m] = s.ciLow() / scale;
        v[2][m] = s.mean() / scale;
        v[3][m] = s.ciHigh() / scale;
        v[4][m] = s.rangeHigh() / scale;
      }
      c.data.put("v", v);
      c.legend.add(Map.of("label", "mean", "colour", colour(0), "dash", "solid"));
      c.legend.add(
          Map.of(
              "label", "95 % CI of the mean", "colour", "rgba(43,108,176,0.45)", "dash", "band"));
      c.legend.add(
          Map.of(
              "label",
              "middle 95 % of replications",
              "colour",
              "rgba(43,108,176,0.18)",
              "dash",
              "band"));
    }

    private static void time(Chart c, Axis x) {
      c.data.put("x", x.x);
      c.data.put("xlabel", "Financial year and month (M1 = April)");
      c.data.put("xsplits", x.splits);
      c.data.put("xticks", x.labels);
    }

    void assumptions(List<Explain.Assumption> assumptions) {
      view.put("assumptions", assumptions);
    }

    void write(String title, Writer out) throws IOException {
      view.put("title", title);
      List<Map<String, Object>> data = new ArrayList<>();
      for (Chart c : charts) {
        data.add(c.data);
      }
      view.put("uplotCss", resource("uplot/uPlot.min.css"));
      view.put("css", resource("report.css"));
      view.put("data", inScript(JSON.writeValueAsString(data)));
      view.put("uplotJs", resource("uplot/uPlot.iife.min.js"));
      view.put("js", resource("report.js"));
      render("report.mustache", view, out);
      out.flush();
    }
  }

  /** Renders a template of this package; every {@code {{value}}} escaped for HTML. */
  static void render(String template, Object view, Writer out) throws IOException {
    Mustache m = TEMPLATES.compile(template);
    m.execute(out, view);
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReport.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("the build did not bundle " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * JSON to sit inside a script element: every '<' (which only a string can hold) written as the
   * JSON escape \\u003c, so no label can close the element or open a comment in it.
   */
  static String inScript(String json) {
    return json.replace("<", "\\u003c");
  }
}
