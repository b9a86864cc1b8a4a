package phbsim.web;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures the page shows, read from the CSV files the writers made of the released result (so
 * the page shows nothing the files do not): the options appraisal in £000s and the bridge from the
 * status quo to each option by ledger line.
 */
final class Figures {
  private Figures() {}

  /** The figures of cash_summary.csv that are money. */
  static final java.util.Set<String> MONEY =
      java.util.Set.of(
          "net_saving_cash",
          "net_saving_economic",
          "npv_cash",
          "npv_economic",
          "double_running",
          "release_gross_saving",
          "release_net_saving",
          "release_stranded_costs");

  static List<Map<String, String>> read(Path csv) throws IOException {
    CsvMapper m = new CsvMapper();
    m.enable(CsvParser.Feature.ALLOW_COMMENTS);
    try (MappingIterator<Map<String, String>> it =
        m.readerForMapOf(String.class)
            .with(CsvSchema.emptySchema().withHeader().withComments())
            .readValues(csv.toFile())) {
      return it.readAll();
    }
  }

  /** £000s, one decimal, as the report writes them. */
  static String thousands(String pounds) {
    try {
      return String.format(Locale.UK, "%,.1f", Double.parseDouble(pounds) / 1000);
    } catch (NumberFormatException e) {
      return pounds;
    }
  }

  /** The rows of cash_summary.csv, its money in £000s. */
  static List<Map<String, Object>> appraisal(Path folder) throws IOException {
    List<Map<String, Object>> out = new ArrayList<>();
    for (Map<String, String> r : read(folder.resolve("cash_summary.csv"))) {
      Map<String, Object> row = new LinkedHashMap<>();
      // Money in £000s; months, shares and counts as the file gives them.
      boolean money = MONEY.contains(r.get("figure"));
      row.put("option", r.get("option_title"));
      row.put("figure", r.get("figure"));
      row.put("title", r.get("figure_title"));
      row.put("mean", money ? thousands(r.get("mean")) : r.get("mean"));
      row.put(
          "ci",
          money
              ? thousands(r.get("ci95_low")) + " to " + thousands(r.get("ci95_high"))
              : r.get("ci95_low") + " to " + r.get("ci95_high"));
      row.put("raw", r.get("mean"));
      out.add(row);
    }
    return out;
  }

  /** One step of a bridge: a ledger line's change in spending from the status quo, £000s. */
  record Step(String label, double from, double to) {}

  /** The label of the step that stands for the ledger lines the disclosure policy withheld. */
  static final String WITHHELD_LINES = "Lines withheld under the disclosure policy, together";

  /**
   * A figure of a file, or NaN where the file withholds it ({@code *} under the disclosure policy
   * of a person-level run) or leaves it blank.
   */
  static double figure(String cell) {
    if (cell == null || cell.isBlank() || cell.equals("*")) {
      return Double.NaN;
    }
    return Double.parseDouble(cell);
  }

  /**
   * For each option, the status quo's cash spending over the horizon, each ledger line's change to
   * the option (the option minus the status quo: the negative of the sign rule's saving), and the
   * option's spending; from cashflow_annual.csv.
   *
   * <p>A person-level run withholds some cells ({@code *}). A line whose change is withheld in any
   * year is not drawn on its own: the withheld lines are drawn as one step, the option's total less
   * the status quo's and the drawn lines, which a reader can already work out from the published
   * totals and lines, so the step publishes nothing new (the policy keeps at least two cells of any
   * total withheld when one is). Where either total is withheld in any year the bridge cannot be
   * drawn from published figures and the option has no steps (an empty list).
   */
  static Map<String, List<Step>> bridges(Path folder) throws IOException {
    double sq = 0;
    Map<String, Double> optionTotal = new LinkedHashMap<>();
    Map<String, String> titles = new LinkedHashMap<>();
    Map<String, Map<String, Double>> lines = new LinkedHashMap<>();
    Map<String, String> lineTitles = new LinkedHashMap<>();
    for (Map<String, String> r : read(folder.resolve("cashflow_annual.csv"))) {
      double v = figure(r.get("mean"));
      String arm = r.get("arm");
      if ("total_cash".equals(r.get("line"))) {
        if (arm.equals("status_quo")) {
          sq += v;
        } else if (arm.equals("option")) {
          optionTotal.merge(r.get("option"), v, Double::sum);
          titles.put(r.get("option"), r.get("option_title"));
        }
      } else if (arm.equals("difference")
          && "line".equals(r.get("row_type"))
          && "cash".equals(r.get("basis"))) {
        lines
            .computeIfAbsent(r.get("option"), k -> new LinkedHashMap<>())
            .merge(r.get("line"), -v, Double::sum);
        lineTitles.put(r.get("line"), r.get("line_title"));
      }
    }
    Map<String, List<Step>> out = new LinkedHashMap<>();
    for (var e : optionTotal.entrySet()) {
      if (Double.isNaN(sq) || Double.isNaN(e.getValue())) {
        out.put(titles.get(e.getKey()), List.of());
        continue;
      }
      List<Step> steps = new ArrayList<>();
      steps.add(new Step("Status quo", 0, sq));
      double at = sq;
      boolean withheld = false;
      for (var l : lines.getOrDefault(e.getKey(), Map.of()).entrySet()) {
        if (Double.isNaN(l.getValue())) {
          withheld = true;
        } else if (Math.abs(l.getValue()) >= 500) { // under £0.5k: not a visible step in £000s
          steps.add(new Step(lineTitles.get(l.getKey()), at, at + l.getValue()));
          at += l.getValue();
        }
      }
      if (withheld) {
        steps.add(new Step(WITHHELD_LINES, at, e.getValue()));
      }
      steps.add(new Step(titles.get(e.getKey()), 0, e.getValue()));
      out.put(titles.get(e.getKey()), steps);
    }
    return out;
  }

  /** A bridge drawn as SVG bars (no script needed), each with its change in £000s. */
  static String svg(List<Step> steps) {
    double max = 0;
    double min = Double.MAX_VALUE;
    for (Step s : steps) {
      max = Math.max(max, Math.max(s.from(), s.to()));
      if (s.from() != 0) {
        min = Math.min(min, Math.min(s.from(), s.to()));
      }
    }
    // The axis starts a little below the lowest step, so the changes are visible against totals.
    double lo = Math.max(0, min - (max - min) * 0.5);
    double range = Math.max(1, max - lo);
    int barH = 22;
    int w = 900;
    int labelW = 330;
    StringBuilder b = new StringBuilder();
    b.append(
        String.format(
            Locale.ROOT,
            "<svg class=\"bridge\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">",
            w,
            steps.size() * (barH + 6) + 10,
            w,
            steps.size() * (barH + 6) + 10));
    int y = 5;
    for (int i = 0; i < steps.size(); i++) {
      Step s = steps.get(i);
      boolean total = i == 0 || i == steps.size() - 1;
      double a = total ? lo : Math.min(s.from(), s.to());
      double z = total ? s.to() : Math.max(s.from(), s.to());
      double x0 = labelW + (a - lo) / range * (w - labelW - 120);
      double x1 = labelW + (z - lo) / range * (w - labelW - 120);
      String colour = total ? "#1d2733" : s.to() > s.from() ? "#b3261e" : "#1b7f3b";
      String figure =
          total
              ? thousands(String.valueOf(s.to()))
              : (s.to() > s.from() ? "+" : "") + thousands(String.valueOf(s.to() - s.from()));
      b.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                  + "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>"
                  + "<text x=\"%.1f\" y=\"%d\">%s</text>",
              labelW - 6,
              y + 16,
              escape(s.label()),
              x0,
              y,
              Math.max(1, x1 - x0),
              barH,
              colour,
              Math.max(x0, x1) + 4,
              y + 16,
              figure));
      y += barH + 6;
    }
    return b.append("</svg>").toString();
  }

  static String escape(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
