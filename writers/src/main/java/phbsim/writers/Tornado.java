package phbsim.writers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import phbsim.analysis.OneWaySensitivity;
import phbsim.scenario.Scenario;

/**
 * The tornado's geometry for the template: a bar from the outcome at a parameter's low value to the
 * outcome at its high value, each parameter by its finance name ({@link ParameterNames}), and an
 * axis with round ticks in the output's units, so each bar's ends can be read off the page.
 */
final class Tornado {
  static final int LABEL_WIDTH = 300;
  static final int BAR_WIDTH = 360;
  static final int ROW = 24;
  static final int TOP = 10;

  private Tornado() {}

  static Map<String, Object> of(OneWaySensitivity.Result r, Scenario scenario) {
    boolean money = r.output().money();
    double scale = money ? 1000 : 1;
    double min = r.base().mean() / scale;
    double max = min;
    for (OneWaySensitivity.Bar b : r.bars()) {
      min = Math.min(min, Math.min(b.atLow().mean(), b.atHigh().mean()) / scale);
      max = Math.max(max, Math.max(b.atLow().mean(), b.atHigh().mean()) / scale);
    }
    double step = niceStep((max - min) / 5);
    double from = Math.floor(min / step) * step;
    double to = Math.ceil(max / step) * step;
    if (to <= from) {
      to = from + step;
    }
    double span = to - from;
    double lo0 = from;
    java.util.function.DoubleFunction<String> at =
        v -> String.format(Locale.UK, "%.1f", LABEL_WIDTH + (v - lo0) / span * BAR_WIDTH);
    List<Map<String, Object>> bars = new ArrayList<>();
    int y = TOP;
    double base = r.base().mean() / scale;
    for (OneWaySensitivity.Bar b : r.bars()) {
      double low = b.atLow().mean() / scale;
      double high = b.atHigh().mean() / scale;
      Map<String, Object> bar = new LinkedHashMap<>();
      bar.put("name", ParameterNames.of(b.range().path(), scenario));
      bar.put("path", b.range().path());
      bar.put("labelX", LABEL_WIDTH - 8);
      bar.put("textY", y + 16);
      bar.put("barY", y + 4);
      bar.put("lowX", at.apply(Math.min(low, base)));
      bar.put(
          "lowWidth", String.format(Locale.UK, "%.1f", Math.abs(low - base) / span * BAR_WIDTH));
      bar.put("highX", at.apply(Math.min(high, base)));
      bar.put(
          "highWidth", String.format(Locale.UK, "%.1f", Math.abs(high - base) / span * BAR_WIDTH));
      bar.put("lowValue", number(b.range().low()));
      bar.put("highValue", number(b.range().high()));
      bar.put("atLow", HtmlReport.bracketed(low));
      bar.put("atHigh", HtmlReport.bracketed(high));
      bar.put("beyondNoise", b.beyondNoise());
      bars.add(bar);
      y += ROW;
    }
    int axisY = y + 6;
    List<Map<String, Object>> ticks = new ArrayList<>();
    for (double v = from; v <= to + step / 2; v += step) {
      ticks.add(Map.of("x", at.apply(v), "label", HtmlReport.bracketed(v)));
    }
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("output", r.output().title() + (money ? ", £000s" : ""));
    t.put("base", HtmlReport.bracketed(base));
    t.put("baseX", at.apply(base));
    t.put("width", LABEL_WIDTH + BAR_WIDTH + 30);
    t.put("height", axisY + 44);
    t.put("axisY", axisY);
    t.put("tickY", axisY + 16);
    t.put("titleY", axisY + 36);
    t.put("axisFrom", at.apply(from));
    t.put("axisTo", at.apply(to));
    t.put("titleX", LABEL_WIDTH + BAR_WIDTH / 2);
    t.put("bars", bars);
    t.put("ticks", ticks);
    return t;
  }

  /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
  static double niceStep(double raw) {
    if (!(raw > 0) || Double.isInfinite(raw)) {
      return 1;
    }
    double power = Math.pow(10, Math.floor(Math.log10(raw)));
    for (double m : new double[] {1, 2, 5, 10}) {
      if (m * power >= raw) {
        return m * power;
      }
    }
    return 10 * power;
  }

  private static String number(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15
        ? String.format(Locale.UK, "%,d", (long) v)
        : String.format(Locale.UK, "%,.4g", v);
  }
}
