package phbsim.writers;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.DoubleFunction;
import phbsim.analysis.Calibration;
import phbsim.analysis.OneWaySensitivity;
import phbsim.analysis.Output;
import phbsim.analysis.ProbabilisticSensitivity;
import phbsim.analysis.Sweep;
import phbsim.report.Summary;

/**
 * The printed tables of the analyses (sweep, one-way and probabilistic sensitivity, calibrate),
 * laid out by {@link PrintedTable} within the terminal's width: row labels down the left, each
 * column as wide as its widest figure, a figure never cut, and a table too wide for the terminal
 * printed in blocks of columns. The sentences around the tables are the commands' own.
 */
public final class AnalysisText {
  private AnalysisText() {}

  /**
   * A sweep's points: the first parameter's values down the left; the second parameter's (if any)
   * and each output's mean with its 95 % confidence interval across. The output analysed comes
   * first, then whichever of the two net savings it is not, so the table shows what the user asked
   * about beside the headline positions.
   */
  public static void sweep(PrintWriter out, Sweep.Result result, Output analysed, int width) {
    List<Output> columns = new ArrayList<>();
    columns.add(analysed);
    for (String name : List.of("net_saving_cash", "net_saving_economic")) {
      if (!analysed.name().equals(name)) {
        columns.add(Output.parse(name));
      }
    }
    List<Sweep.Axis> axes = result.axes();
    List<String> headings = new ArrayList<>();
    for (int i = 1; i < axes.size(); i++) {
      headings.add(axes.get(i).path());
    }
    for (Output o : columns) {
      headings.add(heading(o));
    }
    PrintedTable table = new PrintedTable(axes.get(0).path(), headings);
    for (Sweep.Point p : result.points()) {
      List<String> cells = new ArrayList<>(p.values().subList(1, p.values().size()));
      for (Output o : columns) {
        cells.add(withInterval(p.outcome().summary(o), o));
      }
      table.row(p.values().get(0), cells);
    }
    table.print(out, width);
  }

  /** A column's heading: the output's name, and for money its unit. */
  static String heading(Output o) {
    return o.money() ? o.name() + ", £000s" : o.name();
  }

  /** The mean and its 95 % confidence interval, money in £000s, other outputs as they count. */
  static String withInterval(Summary s, Output o) {
    DoubleFunction<String> f = o.money() ? Numbers::thousands : Numbers::readable;
    return f.apply(s.mean())
        + (Double.isNaN(s.ciLow())
            ? ""
            : " [" + f.apply(s.ciLow()) + " to " + f.apply(s.ciHigh()) + "]");
  }

  /**
   * A price as the scenario states it and at the price base: what the one-way table shows beside a
   * range that is a price (the lookup is the scenario loader's, which the writers do not use).
   *
   * @param year the label of the price's own price year, such as 2024/25
   * @param atBase the price at the price base
   * @param base the label of the price base's year
   */
  public record Priced(String year, double atBase, String base) {}

  /** Finds whether a parameter is a price, and if so its year and its value at the base. */
  @FunctionalInterface
  public interface Prices {
    /** The price {@code value} of the parameter at {@code path}, or empty if it is not a price. */
    Optional<Priced> of(String path, double value);
  }

  /**
   * What the sentences after a one-way table need.
   *
   * @param noise whether any swing cannot be told from the noise (marked ~)
   * @param base the price base's label, or "" if no parameter is a price
   */
  public record OneWayPrinted(boolean noise, String base) {}

  /**
   * A one-way analysis's bars, ranked by swing: each parameter's range (and, for a price, its own
   * price year and the range at the price base), the output at each end and the swing; a swing that
   * cannot be told from the noise is marked ~.
   */
  public static OneWayPrinted oneWay(
      PrintWriter out, OneWaySensitivity.Result r, Prices prices, int width) {
    boolean money = r.output().money();
    PrintedTable table =
        new PrintedTable(
            "parameter",
            List.of(
                "low",
                "high",
                "price yr",
                "low\nat base",
                "high\nat base",
                "at low",
                "at high",
                "swing"));
    int rank = 1;
    boolean noise = false;
    String base = "";
    for (OneWaySensitivity.Bar b : r.bars()) {
      Optional<Priced> low = prices.of(b.range().path(), b.range().low());
      Optional<Priced> high = prices.of(b.range().path(), b.range().high());
      base = low.map(Priced::base).orElse(base);
      noise |= !b.beyondNoise();
      table.row(
          rank++ + ". " + b.range().path(),
          List.of(
              Numbers.significant(b.range().low()),
              Numbers.significant(b.range().high()),
              low.map(Priced::year).orElse(""),
              low.map(p -> Numbers.significant(p.atBase())).orElse(""),
              high.map(p -> Numbers.significant(p.atBase())).orElse(""),
              value(b.atLow().mean(), money),
              value(b.atHigh().mean(), money),
              value(b.swing(), money) + (b.beyondNoise() ? "  " : " ~")));
    }
    table.print(out, width);
    return new OneWayPrinted(noise, base);
  }

  /**
   * What drives a probabilistic analysis's output: each parameter's partial rank correlation with
   * it, the largest in size first, one not told apart from no correlation marked ~.
   *
   * @return whether any is so marked
   */
  public static boolean drivers(PrintWriter out, ProbabilisticSensitivity.Result r, int width) {
    Integer[] order = new Integer[r.parameters().size()];
    for (int k = 0; k < order.length; k++) {
      order[k] = k;
    }
    java.util.Arrays.sort(
        order, (a, b) -> Double.compare(Math.abs(r.prcc()[b]), Math.abs(r.prcc()[a])));
    boolean anyNoise = false;
    PrintedTable table = new PrintedTable("  parameter", List.of("partial rank\ncorrelation"));
    for (int k : order) {
      anyNoise |= !r.beyondNoise(k);
      table.row(
          "  " + r.parameters().get(k).path(),
          List.of(Numbers.twoPlaces(r.prcc()[k]) + (r.beyondNoise(k) ? "  " : " ~")));
    }
    table.print(out, width);
    return anyNoise;
  }

  /** A calibration's fitted parameters: each fitted value, its bounds and where it started. */
  public static void fitted(PrintWriter out, Calibration.Result r, int width) {
    PrintedTable table =
        new PrintedTable(
            "Fitted parameters", List.of("fitted", "low\nbound", "high\nbound", "start"));
    for (int i = 0; i < r.parameters().size(); i++) {
      Calibration.Parameter p = r.parameters().get(i);
      table.row(
          "  " + p.path(),
          List.of(
              Numbers.plain(r.values()[i]),
              Numbers.plain(p.low()),
              Numbers.plain(p.high()),
              Numbers.plain(p.start())));
    }
    table.print(out, width);
  }

  /**
   * A calibration's targets: each target with its tolerance, what the fit achieved with its 95 %
   * confidence interval, the residual, and whether it is within tolerance.
   */
  public static void targets(PrintWriter out, Calibration.Result r, int width) {
    PrintedTable table =
        new PrintedTable(
            "Targets",
            List.of("target", "tolerance", "achieved", "95 % interval", "residual", "fit"));
    for (Calibration.Fit f : r.fits()) {
      table.row(
          "  " + f.target().output().name(),
          List.of(
              Numbers.significant(f.target().value()),
              "± " + Numbers.significant(f.target().tolerance()),
              Numbers.significant(f.achieved().mean()),
              "["
                  + Numbers.significant(f.achieved().ciLow())
                  + " to "
                  + Numbers.significant(f.achieved().ciHigh())
                  + "]",
              Numbers.significant(f.residual()),
              f.withinTolerance() ? "within tolerance" : "OUTSIDE tolerance"));
    }
    table.print(out, width);
  }

  private static String value(double v, boolean money) {
    return money ? Numbers.thousands(v) : Numbers.readable(v);
  }
}
