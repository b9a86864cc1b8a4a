package phbsim.writers;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import phbsim.analysis.Areas;
import phbsim.analysis.ArmTotals;
import phbsim.analysis.Output;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.population.Segments;
import phbsim.report.Disclosure;
import phbsim.report.Release;
import phbsim.report.Summary;
import phbsim.scenario.Scenario;

/**
 * Areas side by side (docs/model.md section 9): each area's headline figures and their total, and a
 * comparison per 100,000 population a year.
 */
public final class AreasCsv {
  /** The headline outputs of each area and of the total. */
  public static final List<String> HEADLINES =
      List.of(
          "net_saving_cash", "net_saving_economic", "npv_cash", "npv_economic", "double_running");

  private AreasCsv() {}

  /**
   * Adds what a run of several areas writes beside each area's own files: areas.csv,
   * areas_per_100k.csv and the scenario as run. Each CSV's note starts by naming the scenario, as
   * every area's own files do (Origin).
   *
   * @param describe the source and overrides of the run, as run.json records them
   */
  public static OutputFolder addSummaries(
      OutputFolder files,
      Release<Areas.Result> released,
      Scenario scenario,
      java.util.Map<String, Object> describe) {
    Areas.Result r = released.result();
    Origin origin = Origin.of(describe, scenario.name());
    return files
        .add("areas.csv", w -> headlines(r, scenario, new OriginNote(w, origin)))
        .add("areas_per_100k.csv", w -> per100k(r, scenario, new OriginNote(w, origin)))
        .add("scenario.yaml", w -> w.write(phbsim.scenarios.ScenarioYaml.write(scenario)));
  }

  /**
   * Each area's headline figures, then the total over areas (paired replication by replication).
   * Columns: area, area_label, population, option, option_title, figure, figure_title, then the
   * summary columns.
   */
  static void headlines(Areas.Result r, Scenario scenario, Writer out) throws IOException {
    Columns.note(
        out, scenario, "Each area's headline figures against its status quo, and the total");
    List<String> header =
        new ArrayList<>(
            List.of(
                "area",
                "area_label",
                "population",
                "option",
                "option_title",
                "figure",
                "figure_title"));
    header.addAll(Columns.SUMMARY);
    try (SequenceWriter rows =
        Columns.MAPPER.writer(Columns.of(header.toArray(String[]::new))).writeValues(out)) {
      Areas.AreaTotals first = r.areas().get(0);
      for (int i = 0; i < r.areas().size(); i++) {
        Areas.AreaTotals a = r.areas().get(i);
        for (int k = 0; k < a.optionIds().size(); k++) {
          for (String name : HEADLINES) {
            Output o = Output.parse(name);
            rows.write(
                row(
                    a.area().id(),
                    a.area().label(),
                    a.area().population(),
                    a.optionIds().get(k),
                    a.optionLabels().get(k),
                    o,
                    r.headline(i, k, o)));
          }
        }
      }
      for (int k = 0; k < first.optionIds().size(); k++) {
        for (String name : HEADLINES) {
          Output o = Output.parse(name);
          rows.write(
              row(
                  "total",
                  "All areas",
                  r.population(),
                  first.optionIds().get(k),
                  first.optionLabels().get(k),
                  o,
                  r.headline(-1, k, o)));
        }
      }
    }
  }

  private static List<String> row(
      String area,
      String label,
      double population,
      String option,
      String optionTitle,
      Output o,
      Summary s) {
    List<String> row =
        new ArrayList<>(
            List.of(
                area, label, Numbers.plain(population), option, optionTitle, o.name(), o.title()));
    row.addAll(Columns.cells(s, o.money()));
    return row;
  }

  /**
   * One figure of the comparison: a name, a title, a unit, and its value in one replication; {@code
   * count}, for figures that are counts of people or events over the horizon (or at its end), how
   * many a value stands for, which small-number suppression judges; {@code over}, for averages, the
   * count of what they average over.
   */
  private record Figure(
      String name, String title, String unit, Value value, boolean money, Value count, Value over) {
    Figure(String name, String title, String unit, Value value, boolean money) {
      this(name, title, unit, value, money, null, null);
    }
  }

  /** A figure's value in one replication of one arm, given the area's population and years. */
  @FunctionalInterface
  private interface Value {
    double of(ArmTotals arm, double population, double years);
  }

  private static double per100kYear(double amount, double population, double years) {
    return amount / years / population * 100_000;
  }

  private static List<Figure> figures() {
    List<Figure> f = new ArrayList<>();
    f.add(
        new Figure(
            "total_cash",
            "Total cash spending",
            "pounds per 100,000 population a year",
            (a, p, y) -> per100kYear(sum(a.cashByYear()) / 100.0, p, y),
            true));
    f.add(
        new Figure(
            "total_economic",
            "Total spending and capacity used (economic)",
            "pounds per 100,000 population a year",
            (a, p, y) -> per100kYear(sum(a.allByYear()) / 100.0, p, y),
            true));
    for (LedgerLine line : LedgerLine.values()) {
      f.add(
          new Figure(
              line.label(),
              line.title(),
              "pounds per 100,000 population a year",
              (a, p, y) -> per100kYear(a.byLine()[line.ordinal()] / 100.0, p, y),
              true));
    }
    for (Measure m :
        List.of(
            Measure.BUDGET_OFFERS, Measure.CRISES, Measure.ADMISSIONS, Measure.OUT_OF_AREA_DAYS)) {
      f.add(
          new Figure(
              m.label(),
              m.title(),
              "per 100,000 population a year",
              (a, p, y) -> per100kYear(a.measures()[m.ordinal()], p, y),
              false,
              (a, p, y) -> a.measures()[m.ordinal()],
              null));
    }
    f.add(
        new Figure(
            "budget_holders",
            "Budgets active at the end",
            "per 100,000 population",
            (a, p, y) -> a.measures()[Measure.BUDGET_HOLDERS.ordinal()] / p * 100_000,
            false,
            (a, p, y) -> a.measures()[Measure.BUDGET_HOLDERS.ordinal()],
            null));
    f.add(
        new Figure(
            "mean_wait_days",
            "Mean wait of those given a place",
            "days",
            (a, p, y) -> {
              double placed = a.measures()[Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST.ordinal()];
              return placed > 0
                  ? a.measures()[Measure.WAITING_DAYS_OF_THOSE_ALLOCATED.ordinal()] / placed
                  : Double.NaN;
            },
            false,
            null,
            (a, p, y) -> a.measures()[Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST.ordinal()]));
    f.add(
        new Figure(
            "team_months_below_minimum",
            "Months a community team spent below its minimum viable size, summed over teams",
            "team-months over the horizon",
            (a, p, y) -> a.teamMonthsBelowMinimum(),
            false));
    f.add(
        new Figure(
            "block_cost_per_person",
            "Community block cost per person on the caseload at the end (budget holders not"
                + " counted)",
            "pounds a month",
            (a, p, y) -> {
              double caseload = a.measures()[Measure.CASELOAD.ordinal()];
              long block =
                  a.byLine()[LedgerLine.BLOCK_CONTRACT_FIXED.ordinal()]
                      + a.byLine()[LedgerLine.BLOCK_CONTRACT_STAFF.ordinal()]
                      + a.byLine()[LedgerLine.POSTS_RELEASED.ordinal()]
                      + a.byLine()[LedgerLine.STRANDED_FIXED_COSTS.ordinal()];
              return caseload > 0 ? block / 100.0 / (12 * y) / caseload : Double.NaN;
            },
            true,
            null,
            (a, p, y) -> a.measures()[Measure.CASELOAD.ordinal()]));
    f.add(
        new Figure(
            "infrastructure_cost_per_budget",
            "Budget infrastructure cost per budget held",
            "pounds a budget-month",
            (a, p, y) -> {
              double budgetMonths =
                  a.measures()[Measure.BUDGET_DAYS.ordinal()] / (Segments.DAYS_PER_YEAR / 12);
              long infra = 0;
              for (LedgerLine line : LedgerLine.values()) {
                if (line.group() == LedgerLine.Group.INFRASTRUCTURE) {
                  infra += a.byLine()[line.ordinal()];
                }
              }
              return budgetMonths > 0 ? infra / 100.0 / budgetMonths : Double.NaN;
            },
            true,
            null,
            (a, p, y) -> a.measures()[Measure.BUDGET_HOLDERS.ordinal()]));
    return f;
  }

  private static long sum(long[] v) {
    long s = 0;
    for (long x : v) {
      s += x;
    }
    return s;
  }

  /**
   * The comparison per 100,000 population: each area and the total, the status quo, each option and
   * the difference (status quo minus option), for spending by line, budgets, crises, admissions and
   * out-of-area days, waits, the block cost per person and the infrastructure cost per budget.
   * Columns: area, area_label, population, option, option_title, arm, figure, figure_title, unit,
   * then the summary columns.
   */
  static void per100k(Areas.Result r, Scenario scenario, Writer out) throws IOException {
    int below = r.suppressBelow();
    Columns.note(
        out,
        scenario,
        "Areas compared per 100,000 population a year (rates and averages as their units say)"
            + (below > 0 ? ". " + Columns.withheldNote(below) : ""));
    List<String> header =
        new ArrayList<>(
            List.of(
                "area",
                "area_label",
                "population",
                "option",
                "option_title",
                "arm",
                "figure",
                "figure_title",
                "unit"));
    header.addAll(Columns.SUMMARY);
    double years = scenario.years();
    List<Figure> figures = figures();
    List<Line> lines = new ArrayList<>();
    try (SequenceWriter rows =
        Columns.MAPPER.writer(Columns.of(header.toArray(String[]::new))).writeValues(out)) {
      List<Block> blocks = new ArrayList<>();
      for (Areas.AreaTotals a : r.areas()) {
        blocks.add(new Block(a.area().id(), a.area().label(), a.area().population(), a));
      }
      blocks.add(new Block("total", "All areas", r.population(), null));
      Areas.AreaTotals first = r.areas().get(0);
      List<ArmTotals> totalSq = r.sum(Areas.AreaTotals::statusQuo);
      for (Block b : blocks) {
        List<ArmTotals> sq = b.area == null ? totalSq : b.area.statusQuo();
        for (Figure f : figures) {
          lines.add(
              new Line(
                  b,
                  "",
                  "Status quo",
                  "status_quo",
                  f,
                  summary(sq, t -> f.value.of(t, b.population, years), below),
                  mean(sq, f, b, years)));
        }
        for (int k = 0; k < first.optionIds().size(); k++) {
          int option = k;
          List<ArmTotals> opt =
              b.area == null ? r.sum(a -> a.options().get(option)) : b.area.options().get(k);
          String id = first.optionIds().get(k);
          String title = first.optionLabels().get(k);
          for (Figure f : figures) {
            lines.add(
                new Line(
                    b,
                    id,
                    title,
                    "option",
                    f,
                    summary(opt, t -> f.value.of(t, b.population, years), below),
                    mean(opt, f, b, years)));
            double[] d = new double[opt.size()];
            for (int i = 0; i < d.length; i++) {
              d[i] =
                  f.value.of(sq.get(i), b.population, years)
                      - f.value.of(opt.get(i), b.population, years);
            }
            lines.add(new Line(b, id, title, "difference", f, Summary.protectedOf(d, below), null));
          }
        }
      }
      boolean[] withheld = below > 0 ? withheld(lines, below) : new boolean[lines.size()];
      for (int i = 0; i < lines.size(); i++) {
        Line l = lines.get(i);
        rows.write(
            line(
                l.block,
                l.option,
                l.title,
                l.arm,
                l.figure,
                withheld[i] ? Summary.WITHHELD : l.summary));
      }
    }
  }

  /** A line of the comparison before it is written, with the mean count it stands for. */
  private record Line(
      Block block,
      String option,
      String title,
      String arm,
      Figure figure,
      Summary summary,
      double[] counts) {}

  /** The mean over replications of a figure's count and of what it averages over (NaN if none). */
  private static double[] mean(List<ArmTotals> arm, Figure f, Block b, double years) {
    double[] m = {Double.NaN, Double.NaN};
    Value[] v = {f.count, f.over};
    for (int k = 0; k < 2; k++) {
      if (v[k] != null) {
        double sum = 0;
        for (ArmTotals t : arm) {
          sum += v[k].of(t, b.population, years);
        }
        m[k] = sum / arm.size();
      }
    }
    return m;
  }

  /**
   * Small-number suppression of the comparison, by the one policy (Disclosure.withheldOfAreas): the
   * lines as the policy reads them, each with the count it stands for or averages over.
   */
  private static boolean[] withheld(List<Line> lines, int below) {
    List<Disclosure.AreaLine> judged = new ArrayList<>(lines.size());
    for (Line l : lines) {
      boolean count = l.counts != null && l.figure.count != null;
      boolean average = l.counts != null && l.figure.over != null;
      judged.add(
          new Disclosure.AreaLine(
              l.block.id,
              l.option + "\u0000" + l.arm + "\u0000" + l.figure.name,
              l.arm,
              l.figure.name,
              count ? l.counts[0] : Double.NaN,
              !count && average ? l.counts[1] : Double.NaN));
    }
    return Disclosure.withheldOfAreas(judged, below);
  }

  private record Block(String id, String label, double population, Areas.AreaTotals area) {}

  private static Summary summary(List<ArmTotals> arm, ToDoubleFunction<ArmTotals> f, int below) {
    double[] v = new double[arm.size()];
    for (int i = 0; i < v.length; i++) {
      v[i] = f.applyAsDouble(arm.get(i));
    }
    return Summary.protectedOf(v, below);
  }

  private static List<String> line(
      Block b, String option, String optionTitle, String arm, Figure f, Summary s) {
    List<String> row =
        new ArrayList<>(
            List.of(
                b.id,
                b.label,
                Numbers.plain(b.population),
                option,
                optionTitle,
                arm,
                f.name,
                f.title,
                f.unit));
    row.addAll(Columns.cells(s, f.money));
    return row;
  }
}
