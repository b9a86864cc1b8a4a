package phbsim.writers;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import phbsim.analysis.Calibration;
import phbsim.analysis.GoalSeek;
import phbsim.analysis.OneWaySensitivity;
import phbsim.analysis.Output;
import phbsim.analysis.ProbabilisticSensitivity;
import phbsim.analysis.Sweep;
import phbsim.report.Summary;
import phbsim.scenario.Scenario;
import phbsim.time.FinancialYear;

/**
 * The what-if analyses as tidy CSV, with the same conventions as {@code run}'s files: a note line,
 * codes with titles, the mean with both intervals.
 */
public final class AnalysisCsv {
  /** The outputs every sweep row reports. */
  public static final List<String> SWEEP_OUTPUTS =
      List.of(
          "net_saving_cash", "net_saving_economic", "npv_cash", "npv_economic", "double_running");

  private AnalysisCsv() {}

  private static String cell(double v, boolean money) {
    if (Double.isNaN(v)) {
      return "";
    }
    return money ? Numbers.pounds(v) : Numbers.plain(v);
  }

  /**
   * One row per grid point and output: the usual outputs and {@code chosen} (the command's
   * --output). Columns: point, one per parameter (named by its path), output, output_title, then
   * the summary columns.
   */
  public static void sweep(Sweep.Result result, Output chosen, Scenario place, Writer out)
      throws IOException {
    List<String> names = new ArrayList<>(SWEEP_OUTPUTS);
    if (!names.contains(chosen.name())) {
      names.add(chosen.name());
    }
    Columns.note(
        out, place, "A sweep: one row per grid point and output, each against its status quo");
    List<String> header = new ArrayList<>(List.of("point"));
    for (Sweep.Axis a : result.axes()) {
      header.add(a.path());
    }
    header.addAll(List.of("output", "output_title"));
    header.addAll(Columns.SUMMARY);
    try (SequenceWriter rows =
        Columns.MAPPER.writer(Columns.of(header.toArray(String[]::new))).writeValues(out)) {
      int k = 0;
      for (Sweep.Point p : result.points()) {
        for (String name : names) {
          Output o = Output.parse(name);
          List<String> row = new ArrayList<>(List.of(Integer.toString(k)));
          row.addAll(p.values());
          row.add(o.name());
          row.add(o.title());
          row.addAll(Columns.cells(p.outcome().summary(o), o.money()));
          rows.write(row);
        }
        k++;
      }
    }
  }

  /**
   * Each replication of each grid point ({@code --per-replication}). Columns: point, one per
   * parameter, replication (numbered from 1), then each output of {@link #sweep} as a column.
   */
  public static void sweepReplications(
      Sweep.Result result, Output chosen, Scenario place, Writer out) throws IOException {
    Columns.note(out, place, "Each replication of each sweep point against its status quo");
    List<String> names = new ArrayList<>(SWEEP_OUTPUTS);
    if (!names.contains(chosen.name())) {
      names.add(chosen.name());
    }
    List<String> header = new ArrayList<>(List.of("point"));
    for (Sweep.Axis a : result.axes()) {
      header.add(a.path());
    }
    header.add("replication");
    header.addAll(names);
    List<Output> outputs = names.stream().map(Output::parse).toList();
    try (SequenceWriter rows =
        Columns.MAPPER.writer(Columns.of(header.toArray(String[]::new))).writeValues(out)) {
      int k = 0;
      for (Sweep.Point p : result.points()) {
        List<double[]> values = outputs.stream().map(o -> p.outcome().values(o)).toList();
        int n = values.get(0).length;
        for (int r = 0; r < n; r++) {
          List<String> row = new ArrayList<>(List.of(Integer.toString(k)));
          row.addAll(p.values());
          row.add(Integer.toString(r + 1));
          for (int i = 0; i < outputs.size(); i++) {
            row.add(cell(values.get(i)[r], outputs.get(i).money()));
          }
          rows.write(row);
        }
        k++;
      }
    }
  }

  /**
   * Where the output crosses zero. Columns: parameter, value, at (the second parameter's value).
   */
  public static void crossings(Sweep.Result result, Output output, Scenario place, Writer out)
      throws IOException {
    Columns.note(
        out,
        place,
        "Where the mean of "
            + output.name()
            + " crosses zero along the first parameter (linear"
            + " interpolation between neighbouring points)");
    String second = result.axes().size() > 1 ? result.axes().get(1).path() : "";
    try (SequenceWriter rows =
        Columns.MAPPER
            .writer(Columns.of("output", "parameter", "value", "second_parameter", "at"))
            .writeValues(out)) {
      for (Sweep.Crossing c : result.crossings()) {
        rows.write(
            List.of(
                output.name(),
                result.axes().get(0).path(),
                Numbers.plain(c.value()),
                second,
                c.second().orElse("")));
      }
    }
  }

  /**
   * The tornado's data, largest swing first. Columns: rank, parameter, value, low, high (each in
   * the setting's own price year for a price), price_year (empty if not a price), low_at_base and
   * high_at_base (at the price base), source, output, then base, at_low and at_high each as mean,
   * ci95_low, ci95_high, then swing, the paired change's (high minus low) ci95_low and ci95_high,
   * and beyond_noise (yes when that interval excludes 0: the rank can be told from the noise of the
   * replications run).
   */
  public static void tornado(OneWaySensitivity.Result r, Scenario place, Writer out)
      throws IOException {
    Columns.note(
        out, place, "One-way sensitivity of " + r.output().name() + ", largest swing first");
    boolean money = r.output().money();
    try (SequenceWriter rows =
        Columns.MAPPER
            .writer(
                Columns.of(
                    "rank",
                    "parameter",
                    "value",
                    "low",
                    "high",
                    "price_year",
                    "low_at_base",
                    "high_at_base",
                    "source",
                    "output",
                    "base_mean",
                    "at_low_mean",
                    "at_low_ci95_low",
                    "at_low_ci95_high",
                    "at_high_mean",
                    "at_high_ci95_low",
                    "at_high_ci95_high",
                    "swing",
                    "change_ci95_low",
                    "change_ci95_high",
                    "beyond_noise"))
            .writeValues(out)) {
      int rank = 1;
      for (OneWaySensitivity.Bar b : r.bars()) {
        Summary lo = b.atLow();
        Summary hi = b.atHigh();
        var low = phbsim.scenarios.Explain.priceOf(place, b.range().path(), b.range().low());
        var high = phbsim.scenarios.Explain.priceOf(place, b.range().path(), b.range().high());
        rows.write(
            List.of(
                Integer.toString(rank++),
                b.range().path(),
                Numbers.plain(b.range().value()),
                Numbers.plain(b.range().low()),
                Numbers.plain(b.range().high()),
                low.map(n -> n.year().label()).orElse(""),
                low.map(n -> Numbers.plain(Math.round(n.atBase() * 100) / 100.0)).orElse(""),
                high.map(n -> Numbers.plain(Math.round(n.atBase() * 100) / 100.0)).orElse(""),
                b.range().source(),
                r.output().name(),
                cell(r.base().mean(), money),
                cell(lo.mean(), money),
                cell(lo.ciLow(), money),
                cell(lo.ciHigh(), money),
                cell(hi.mean(), money),
                cell(hi.ciLow(), money),
                cell(hi.ciHigh(), money),
                cell(b.swing(), money),
                cell(b.change().ciLow(), money),
                cell(b.change().ciHigh(), money),
                b.beyondNoise() ? "yes" : "no"));
      }
    }
  }

  /** Each parameter draw. Columns: draw, one per parameter (its path), the output's mean. */
  public static void draws(ProbabilisticSensitivity.Result r, Scenario place, Writer out)
      throws IOException {
    Columns.note(
        out,
        place,
        "Probabilistic sensitivity: each parameter draw (not a replication), its values and the"
            + " mean of "
            + r.output().name()
            + " over its replications");
    List<String> header = new ArrayList<>(List.of("draw"));
    for (ProbabilisticSensitivity.Uncertain u : r.parameters()) {
      header.add(u.path());
    }
    header.add(r.output().name());
    try (SequenceWriter rows =
        Columns.MAPPER.writer(Columns.of(header.toArray(String[]::new))).writeValues(out)) {
      for (ProbabilisticSensitivity.Draw d : r.draws()) {
        List<String> row = new ArrayList<>(List.of(Integer.toString(d.index())));
        for (double v : d.values()) {
          row.add(Numbers.plain(v));
        }
        row.add(cell(d.outcome().mean(r.output()), r.output().money()));
        rows.write(row);
      }
    }
  }

  /**
   * The distribution of the output over the draws, the probability of a saving by each year, and
   * the drivers. Columns: figure, figure_title, value, note.
   */
  public static void probabilistic(
      ProbabilisticSensitivity.Result r, Scenario place, List<FinancialYear> years, Writer out)
      throws IOException {
    Columns.note(out, place, "Probabilistic sensitivity: the result over the parameter draws");
    boolean money = r.output().money();
    double[] sorted = r.outputPerDraw().clone();
    java.util.Arrays.sort(sorted);
    try (SequenceWriter rows =
        Columns.MAPPER
            .writer(Columns.of("figure", "figure_title", "value", "note"))
            .writeValues(out)) {
      Summary d = r.distribution();
      rows.write(List.of("draws", "Parameter draws", Integer.toString(r.draws().size()), ""));
      rows.write(
          List.of(
              "mean", "Mean of " + r.output().title(), cell(d.mean(), money), "over the draws"));
      rows.write(
          List.of(
              "ci95_low",
              "Confidence interval of that mean, low",
              cell(d.ciLow(), money),
              "how sure we are of the average over draws"));
      rows.write(List.of("ci95_high", "Confidence interval, high", cell(d.ciHigh(), money), ""));
      rows.write(
          List.of(
              "percentile_2.5",
              "2.5th percentile over the draws",
              cell(percentile(sorted, 0.025), money),
              "the range of outcomes given what we do not know"));
      rows.write(
          List.of("median", "Median over the draws", cell(percentile(sorted, 0.5), money), ""));
      rows.write(
          List.of(
              "percentile_97.5",
              "97.5th percentile over the draws",
              cell(percentile(sorted, 0.975), money),
              ""));
      long nonNegative = java.util.Arrays.stream(sorted).filter(v -> v >= 0).count();
      rows.write(
          List.of(
              "share_at_or_above_zero",
              "Share of draws with the output at or above zero",
              Numbers.plain((double) nonNegative / sorted.length),
              "for a saving: the probability it is a saving"));
      for (int y = 0; y < r.probabilityOfSaving().length; y++) {
        rows.write(
            List.of(
                "probability_of_saving_by_" + years.get(y).label().replace('/', '_'),
                "Probability of a cumulative cash saving by the end of " + years.get(y).label(),
                Numbers.plain(r.probabilityOfSaving()[y]),
                "share of draws"));
      }
      for (int k = 0; k < r.parameters().size(); k++) {
        rows.write(
            List.of(
                "prcc:" + r.parameters().get(k).path(),
                "Partial rank correlation with the output",
                Numbers.plain(r.prcc()[k]),
                (r.beyondNoise(k)
                        ? "told apart from none at the 5 % level; "
                        : "not told apart from none at the 5 % level with these draws; ")
                    + r.parameters().get(k).source()));
      }
    }
  }

  /** A goal-seek. Columns: figure, value, note. */
  public static void goalSeek(
      GoalSeek.Result r, String path, Output output, double target, Scenario place, Writer out)
      throws IOException {
    Columns.note(
        out,
        place,
        "Goal-seek: the value of "
            + path
            + " at which "
            + output.name()
            + " reaches "
            + Numbers.plain(target));
    try (SequenceWriter rows =
        Columns.MAPPER.writer(Columns.of("figure", "value", "note")).writeValues(out)) {
      rows.write(List.of("parameter", path, ""));
      rows.write(List.of("output", output.name(), output.title()));
      rows.write(List.of("target", Numbers.plain(target), ""));
      rows.write(
          List.of(
              "value",
              r.value().map(Numbers::plain).orElse(""),
              r.value().isPresent()
                  ? "where the mean output reaches the target"
                  : "no value in the range reaches the target"));
      rows.write(
          List.of(
              "value_low",
              r.low().map(Numbers::plain).orElse(""),
              "from the ends of the 95 % confidence interval of the output"));
      rows.write(List.of("value_high", r.high().map(Numbers::plain).orElse(""), ""));
      rows.write(List.of("output_at_range_low", cell(r.atLow().mean(), output.money()), "mean"));
      rows.write(List.of("output_at_range_high", cell(r.atHigh().mean(), output.money()), "mean"));
      rows.write(List.of("evaluations", Integer.toString(r.evaluations()), "runs of the model"));
    }
  }

  /**
   * A calibration. Columns: kind (parameter or target), name, value, low, high, target, tolerance,
   * residual, within_tolerance.
   */
  public static void calibration(Calibration.Result r, Scenario place, Writer out)
      throws IOException {
    Columns.note(
        out,
        place,
        "Calibration: fitted parameters and the targets they reach; converged "
            + r.converged()
            + " after "
            + r.evaluations()
            + " evaluations");
    try (SequenceWriter rows =
        Columns.MAPPER
            .writer(
                Columns.of(
                    "kind",
                    "name",
                    "value",
                    "low",
                    "high",
                    "target",
                    "tolerance",
                    "residual",
                    "within_tolerance"))
            .writeValues(out)) {
      for (int i = 0; i < r.parameters().size(); i++) {
        Calibration.Parameter p = r.parameters().get(i);
        rows.write(
            List.of(
                "parameter",
                p.path(),
                Numbers.plain(r.values()[i]),
                Numbers.plain(p.low()),
                Numbers.plain(p.high()),
                "",
                "",
                "",
                ""));
      }
      for (Calibration.Fit f : r.fits()) {
        rows.write(
            List.of(
                "target",
                f.target().output().name(),
                Numbers.plain(f.achieved().mean()),
                Numbers.plain(f.achieved().ciLow()),
                Numbers.plain(f.achieved().ciHigh()),
                Numbers.plain(f.target().value()),
                Numbers.plain(f.target().tolerance()),
                Numbers.plain(f.residual()),
                Boolean.toString(f.withinTolerance())));
      }
    }
  }

  /** The q-th percentile of sorted values (linear interpolation, as Summary does). */
  static double percentile(double[] sorted, double q) {
    double position = q * (sorted.length - 1);
    int below = (int) Math.floor(position);
    int above = Math.min(below + 1, sorted.length - 1);
    return sorted[below] + (position - below) * (sorted[above] - sorted[below]);
  }
}
