package phbsim.writers;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.ArrayList;
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
import phbsim.time.FinancialYear;

/**
 * One self-contained HTML page per run (docs/model.md section 7): charts drawn by uPlot, inlined
 * with its stylesheet, so that the page works offline and fetches nothing; readable on a laptop,
 * printable. Fan charts show the mean, the 95 % confidence interval of the mean (dark) and the
 * middle 95 % of replications (light).
 *
 * <p>Every value is the same summary the CSV files and the workbook hold. Text from a scenario
 * (names, labels, sources) is escaped for HTML; the data travel as JSON in a script element whose
 * closing tags are escaped.
 */
public final class HtmlReport {
  private static final ObjectMapper JSON = new ObjectMapper();

  private HtmlReport() {}

  // ------------------------------------------------------------------ appraisal

  /** The report of an options appraisal ({@code run}, {@code compare}). */
  static void appraisal(
      AppraisalResult a, Scenario scenario, List<Explain.Assumption> assumptions, Writer out)
      throws IOException {
    FinancialCalendar cal = a.first().option().compiled().calendar();
    int months = cal.monthCount();
    long[] x = new long[months];
    for (int m = 0; m < months; m++) {
      x[m] = cal.month(m).firstDay().atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }
    List<Map<String, Object>> charts = new ArrayList<>();
    StringBuilder body = new StringBuilder();
    body.append(intro(scenario, "Options appraisal against the status quo"));
    body.append(optionsTable(a));

    // Every option's cumulative position on one chart: the options view.
    Map<String, Object> view = lines("Cumulative net saving, cash, £000s: every option", x);
    for (ComparisonResult c : a.options()) {
      addLine(view, c.id(), months, m -> c.cumulativeSaving(m, Position.CASH).mean() / 1000);
    }
    charts.add(view);

    for (ComparisonResult c : a.options()) {
      String who = c.id() + ": " + c.label();
      charts.add(
          fan(
              "Net cash flow against the status quo, £000s a month (" + who + ")",
              x,
              m -> c.monthlyTotal(Arm.DIFFERENCE, m, Position.CASH),
              1000));
      charts.add(
          fan(
              "Cumulative net saving, cash, £000s (" + who + ")",
              x,
              m -> c.cumulativeSaving(m, Position.CASH),
              1000));
      Resilience r = new Resilience(c);
      for (int team : r.teams()) {
        String t = r.label(team) + " (" + c.id() + ")";
        charts.add(
            twoArms(
                "People on the caseload and posts: " + t,
                x,
                List.of(
                    armSeries(
                        "caseload, status quo",
                        months,
                        m -> r.monthly(Arm.STATUS_QUO, m, team, TeamMeasure.CASELOAD).mean()),
                    armSeries(
                        "caseload, option",
                        months,
                        m -> r.monthly(Arm.OPTION, m, team, TeamMeasure.CASELOAD).mean()),
                    armSeries(
                        "places, option",
                        months,
                        m -> r.monthly(Arm.OPTION, m, team, TeamMeasure.CAPACITY).mean()))));
        charts.add(
            twoArms(
                "Posts in force: " + t,
                x,
                List.of(
                    armSeries(
                        "status quo",
                        months,
                        m -> r.monthly(Arm.STATUS_QUO, m, team, TeamMeasure.POSTS).mean()),
                    armSeries(
                        "option",
                        months,
                        m -> r.monthly(Arm.OPTION, m, team, TeamMeasure.POSTS).mean()))));
        charts.add(
            twoArms(
                "Block cost per person on the caseload (budget holders not counted), £ a month: "
                    + t,
                x,
                List.of(
                    armSeries(
                        "status quo",
                        months,
                        m ->
                            r.monthly(Arm.STATUS_QUO, m, team, TeamMeasure.COST_PER_PERSON).mean()),
                    armSeries(
                        "option",
                        months,
                        m -> r.monthly(Arm.OPTION, m, team, TeamMeasure.COST_PER_PERSON).mean()))));
        charts.add(
            twoArms(
                "Waiting list and waits: " + t,
                x,
                List.of(
                    armSeries(
                        "people waiting, status quo",
                        months,
                        m -> r.monthly(Arm.STATUS_QUO, m, team, TeamMeasure.WAITING_LIST).mean()),
                    armSeries(
                        "people waiting, option",
                        months,
                        m -> r.monthly(Arm.OPTION, m, team, TeamMeasure.WAITING_LIST).mean()),
                    armSeries(
                        "median wait (days), option",
                        months,
                        m ->
                            r.monthly(Arm.OPTION, m, team, TeamMeasure.WAIT_MEDIAN_DAYS).mean()))));
      }
      Infrastructure infra = new Infrastructure(c, Arm.OPTION);
      charts.add(
          fan(
              "Infrastructure cost per active budget, £ a month (" + who + ")",
              x,
              m -> infra.costPerActiveBudget(m),
              1));
      charts.add(
          twoArms(
              "Crises and admissions a month (" + who + ")",
              x,
              List.of(
                  armSeries(
                      "crises, status quo",
                      months,
                      m -> c.metricMonthly(Arm.STATUS_QUO, m, -1, Measure.CRISES).mean()),
                  armSeries(
                      "crises, option",
                      months,
                      m -> c.metricMonthly(Arm.OPTION, m, -1, Measure.CRISES).mean()),
                  armSeries(
                      "admissions, status quo",
                      months,
                      m -> c.metricMonthly(Arm.STATUS_QUO, m, -1, Measure.ADMISSIONS).mean()),
                  armSeries(
                      "admissions, option",
                      months,
                      m -> c.metricMonthly(Arm.OPTION, m, -1, Measure.ADMISSIONS).mean()))));
    }
    body.append(chartPlaceholders(charts));
    body.append(assumptionsTable(assumptions));
    page(scenario.name() + ": options appraisal", body.toString(), charts, out);
  }

  private static String optionsTable(AppraisalResult a) {
    StringBuilder t = new StringBuilder("<h2>The options, £000s over the horizon</h2>\n");
    t.append("<table class=\"figures\"><thead><tr><th>Option</th>");
    for (Position p : Position.values()) {
      String basis = p == Position.CASH ? "cash" : "economic";
      t.append("<th>Net saving, ").append(basis).append("</th>");
      t.append("<th>NPV, ").append(basis).append("</th>");
    }
    t.append("<th>Double running (a cost)</th></tr></thead><tbody>\n");
    for (ComparisonResult c : a.options()) {
      t.append("<tr><td>").append(escape(c.id() + ": " + c.label())).append("</td>");
      for (Position p : Position.values()) {
        t.append(moneyCell(c.netSaving(p))).append(moneyCell(c.npv(p)));
      }
      t.append(moneyCell(c.doubleRunningSaving())).append("</tr>\n");
    }
    return t.append("</tbody></table>\n").toString();
  }

  private static String moneyCell(Summary s) {
    return "<td class=\"num\">"
        + bracketed(s.mean() / 1000)
        + "<br><span class=\"ci\">["
        + bracketed(s.ciLow() / 1000)
        + " to "
        + bracketed(s.ciHigh() / 1000)
        + "]</span></td>";
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
    StringBuilder body = new StringBuilder(intro(scenario, "A sweep"));
    List<Map<String, Object>> charts = new ArrayList<>();
    Sweep.Axis first = result.axes().get(0);
    List<String> seconds = new ArrayList<>();
    for (Sweep.Point p : result.points()) {
      String second = p.values().size() > 1 ? p.values().get(1) : "";
      if (!seconds.contains(second)) {
        seconds.add(second);
      }
    }
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
                + first.path()
                + (second.isEmpty()
                    ? ""
                    : " (" + result.axes().get(1).path() + " = " + second + ")");
        charts.add(fanOver(title, xs, i -> line.get(i).outcome().summary(o), scale, first.path()));
      }
      if (name.equals(chosen.name())) {
        break;
      }
    }
    body.append(chartPlaceholders(charts));
    body.append(assumptionsTable(assumptions));
    page(scenario.name() + ": sweep", body.toString(), charts, out);
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
    StringBuilder body = new StringBuilder(intro(scenario, "Sensitivity"));
    List<Map<String, Object>> charts = new ArrayList<>();
    if (oneWay != null) {
      body.append(tornado(oneWay));
    }
    if (psa != null) {
      boolean money = psa.output().money();
      double scale = money ? 1000 : 1;
      body.append("<h2>Probabilistic: ")
          .append(psa.draws().size())
          .append(" parameter draws</h2>\n<p>")
          .append(escape(psa.output().title()))
          .append(money ? ", £000s" : "")
          .append(": mean ")
          .append(bracketed(psa.distribution().mean() / scale))
          .append(", middle 95 % of draws ")
          .append(bracketed(psa.distribution().rangeLow() / scale))
          .append(" to ")
          .append(bracketed(psa.distribution().rangeHigh() / scale))
          .append(".</p>\n<table class=\"figures\"><thead><tr><th>By the end of</th>")
          .append("<th>Probability of a cumulative cash saving</th></tr></thead><tbody>\n");
      for (int y = 0; y < psa.probabilityOfSaving().length && y < years.size(); y++) {
        body.append("<tr><td>")
            .append(escape(years.get(y).label()))
            .append("</td><td class=\"num\">")
            .append(String.format(Locale.UK, "%.0f %%", 100 * psa.probabilityOfSaving()[y]))
            .append("</td></tr>\n");
      }
      body.append("</tbody></table>\n");
      double[] sorted = psa.outputPerDraw().clone();
      java.util.Arrays.sort(sorted);
      double[] share = new double[sorted.length];
      for (int i = 0; i < sorted.length; i++) {
        share[i] = (i + 1.0) / sorted.length;
        sorted[i] /= scale;
      }
      Map<String, Object> cdf = new LinkedHashMap<>();
      cdf.put("kind", "xy");
      cdf.put("title", "Distribution of the outcome over the parameter draws (cumulative share)");
      cdf.put("xlabel", psa.output().title() + (money ? ", £000s" : ""));
      cdf.put("x", sorted);
      cdf.put("series", List.of(Map.of("label", "share of draws at or below", "values", share)));
      charts.add(cdf);
    }
    body.append(chartPlaceholders(charts));
    body.append(assumptionsTable(assumptions));
    page(scenario.name() + ": sensitivity", body.toString(), charts, out);
  }

  /** The tornado as inline SVG: a bar from the output at low to the output at high. */
  private static String tornado(OneWaySensitivity.Result r) {
    boolean money = r.output().money();
    double scale = money ? 1000 : 1;
    double min = r.base().mean();
    double max = r.base().mean();
    for (OneWaySensitivity.Bar b : r.bars()) {
      min = Math.min(min, Math.min(b.atLow().mean(), b.atHigh().mean()));
      max = Math.max(max, Math.max(b.atLow().mean(), b.atHigh().mean()));
    }
    double span = max > min ? max - min : 1;
    int rowHeight = 22;
    int labelWidth = 340;
    int barWidth = 520;
    int height = rowHeight * r.bars().size() + 40;
    StringBuilder s = new StringBuilder("<h2>One-way sensitivity: the tornado</h2>\n");
    s.append("<p>")
        .append(escape(r.output().title()))
        .append(money ? ", £000s" : "")
        .append(", each parameter at its low and high value, largest swing first. The line is the")
        .append(" outcome with every parameter at its value (")
        .append(bracketed(r.base().mean() / scale))
        .append(").</p>\n");
    s.append("<svg class=\"tornado chart-static\" role=\"img\" width=\"")
        .append(labelWidth + barWidth + 20)
        .append("\" height=\"")
        .append(height)
        .append("\" aria-label=\"tornado chart\">\n");
    double base = labelWidth + (r.base().mean() - min) / span * barWidth;
    int y = 20;
    for (OneWaySensitivity.Bar b : r.bars()) {
      double lo = labelWidth + (b.atLow().mean() - min) / span * barWidth;
      double hi = labelWidth + (b.atHigh().mean() - min) / span * barWidth;
      s.append(
          String.format(
              Locale.UK,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\" class=\"label\">%s</text>\n",
              labelWidth - 8,
              y + 15,
              escape(b.range().path())));
      s.append(
          String.format(
              Locale.UK,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" class=\"low\"><title>at"
                  + " low (%s): %s</title></rect>\n",
              Math.min(lo, base),
              y + 3,
              Math.abs(lo - base),
              escape(String.valueOf(b.range().low())),
              bracketed(b.atLow().mean() / scale)));
      s.append(
          String.format(
              Locale.UK,
              "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"16\" class=\"high\"><title>at"
                  + " high (%s): %s</title></rect>\n",
              Math.min(hi, base),
              y + 3,
              Math.abs(hi - base),
              escape(String.valueOf(b.range().high())),
              bracketed(b.atHigh().mean() / scale)));
      y += rowHeight;
    }
    s.append(
        String.format(
            Locale.UK,
            "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"10\" y2=\"%d\" class=\"base\"/>\n",
            base,
            base,
            height - 10));
    s.append("</svg>\n<p class=\"legend\"><span class=\"key low\"></span> at the low value ")
        .append("<span class=\"key high\"></span> at the high value</p>\n");
    return s.toString();
  }

  // ------------------------------------------------------------------ chart data

  private static Map<String, Object> fan(
      String title, long[] x, IntFunction<Summary> at, double scale) {
    int n = x.length;
    double[][] v = new double[5][n];
    for (int m = 0; m < n; m++) {
      Summary s = at.apply(m);
      v[0][m] = s.rangeLow() / scale;
      v[1][m] = s.ciLow() / scale;
      v[2][m] = s.mean() / scale;
      v[3][m] = s.ciHigh() / scale;
      v[4][m] = s.rangeHigh() / scale;
    }
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("kind", "fan");
    c.put("time", true);
    c.put("title", title);
    c.put("x", x);
    c.put("v", v);
    return c;
  }

  private static Map<String, Object> fanOver(
      String title, double[] x, IntFunction<Summary> at, double scale, String xlabel) {
    Map<String, Object> c = fan(title, new long[x.length], at, scale);
    c.put("time", false);
    c.put("x", x);
    c.put("xlabel", xlabel);
    return c;
  }

  private static Map<String, Object> lines(String title, long[] x) {
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("kind", "lines");
    c.put("time", true);
    c.put("title", title);
    c.put("x", x);
    c.put("series", new ArrayList<Map<String, Object>>());
    return c;
  }

  @SuppressWarnings("unchecked")
  private static void addLine(
      Map<String, Object> chart, String label, int n, IntFunction<Double> v) {
    ((List<Map<String, Object>>) chart.get("series")).add(armSeries(label, n, v));
  }

  private static Map<String, Object> armSeries(String label, int n, IntFunction<Double> v) {
    // A month with no figure (undefined, or withheld by small-number suppression) is a gap.
    Double[] values = new Double[n];
    for (int m = 0; m < n; m++) {
      Double d = v.apply(m);
      values[m] = d == null || d.isNaN() ? null : d;
    }
    Map<String, Object> s = new LinkedHashMap<>();
    s.put("label", label);
    s.put("values", values);
    return s;
  }

  private static Map<String, Object> twoArms(
      String title, long[] x, List<Map<String, Object>> series) {
    Map<String, Object> c = lines(title, x);
    c.put("series", series);
    return c;
  }

  // ------------------------------------------------------------------ page

  private static String intro(Scenario s, String what) {
    return "<h1>"
        + escape(s.name())
        + ": "
        + escape(what)
        + "</h1>\n<p class=\"basis\">"
        + escape(Text.moneyBasis(s))
        + ".</p>\n<p class=\"basis\">"
        + escape(Arm.SIGN_RULE)
        + "</p>\n<p class=\"basis\">Charts: the line is the mean; the dark band the 95 % confidence"
        + " interval of the mean (how sure we are of the average); the light band the middle 95 %"
        + " of replications (how much one year's reality can vary).</p>\n";
  }

  private static String chartPlaceholders(List<Map<String, Object>> charts) {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < charts.size(); i++) {
      s.append("<figure class=\"chart\" id=\"chart-")
          .append(i)
          .append("\" data-drawn=\"0\"><figcaption>")
          .append(escape((String) charts.get(i).get("title")))
          .append("</figcaption></figure>\n");
    }
    return s.toString();
  }

  private static String assumptionsTable(List<Explain.Assumption> assumptions) {
    StringBuilder t =
        new StringBuilder(
            "<h2>Assumptions</h2>\n<p>Every value the run used, its price year and its source"
                + " (docs/sources.md), or ASSUMPTION.</p>\n<table class=\"assumptions\"><thead><tr>"
                + "<th>Setting</th><th>Value</th><th>Price year</th><th>Source or reasoning</th>"
                + "</tr></thead><tbody>\n");
    for (Explain.Assumption a : assumptions) {
      t.append("<tr><td>")
          .append(escape(a.path()))
          .append("</td><td class=\"num\">")
          .append(escape(a.value()))
          .append("</td><td>")
          .append(escape(a.priceYear()))
          .append("</td><td>")
          .append(escape(a.comment()))
          .append("</td></tr>\n");
    }
    return t.append("</tbody></table>\n").toString();
  }

  private static void page(String title, String body, List<Map<String, Object>> charts, Writer out)
      throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    out.write("<title>" + escape(title) + "</title>\n<style>\n");
    out.write(resource("uplot/uPlot.min.css"));
    out.write("\n");
    out.write(resource("report.css"));
    out.write("</style>\n</head>\n<body>\n<main>\n");
    out.write(body);
    out.write("<p id=\"status\" class=\"status\"></p>\n</main>\n");
    out.write("<script type=\"application/json\" id=\"data\">");
    out.write(inScript(JSON.writeValueAsString(charts)));
    out.write("</script>\n<script>\n");
    out.write(resource("uplot/uPlot.iife.min.js"));
    out.write("\n</script>\n<script>\n");
    out.write(resource("report.js"));
    out.write("\n</script>\n</body>\n</html>\n");
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

  /** Text for HTML: the five characters that could start markup or end an attribute, escaped. */
  static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder s = new StringBuilder(text.length());
    for (char c : text.toCharArray()) {
      switch (c) {
        case '&' -> s.append("&amp;");
        case '<' -> s.append("&lt;");
        case '>' -> s.append("&gt;");
        case '"' -> s.append("&quot;");
        case '\'' -> s.append("&#39;");
        default -> s.append(c);
      }
    }
    return s.toString();
  }
}
