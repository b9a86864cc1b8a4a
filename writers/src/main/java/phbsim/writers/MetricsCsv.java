package phbsim.writers;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import java.io.IOException;
import java.io.Writer;
import phbsim.observe.Measure;
import phbsim.population.Segments;
import phbsim.report.AppraisalResult;
import phbsim.report.ExperimentResult;
import phbsim.report.Summary;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialMonth;

/**
 * The monthly and annual activity metrics as tidy CSV: one row per period, arm, segment and
 * measure, with the mean and both intervals across replications. Segment "all" is the sum over
 * segments; arm "difference" is status quo minus option, paired by replication.
 */
public final class MetricsCsv {
  private static final CsvMapper MAPPER = Columns.MAPPER;
  private static final String ALL = "all";

  private MetricsCsv() {}

  /**
   * Columns: date, financial_year, period, option, option_title, arm, segment, segment_label,
   * measure, measure_title, then the summary columns.
   */
  static void monthly(AppraisalResult appraisal, Writer out) throws IOException {
    Columns.note(out, appraisal, "Activity per month, by segment and measure");
    FinancialCalendar cal = appraisal.first().option().compiled().calendar();
    Segments segments = appraisal.first().option().compiled().segments();
    try (SequenceWriter rows =
        MAPPER
            .writer(
                Columns.withSummary(
                    Columns.monthly("segment", "segment_label", "measure", "measure_title")))
            .writeValues(out)) {
      for (int month = 0; month < cal.monthCount(); month++) {
        FinancialMonth fm = cal.month(month);
        String[] when = Columns.when(fm);
        Summary[][][][] all = new Summary[appraisal.options().size()][][][];
        for (int o = 0; o < all.length; o++) {
          all[o] = appraisal.options().get(o).metricMonthlyAll(month);
        }
        write(rows, appraisal, segments, when, all);
      }
    }
  }

  /**
   * Columns: financial_year, months_in_year (12, or fewer for a part year), option, option_title,
   * arm, segment, segment_label, measure, measure_title, then the summary columns. A flow is the
   * year's sum; a stock its value at the year end.
   */
  static void annual(AppraisalResult appraisal, Writer out) throws IOException {
    Columns.note(
        out,
        appraisal,
        "Activity per financial year, by segment and measure (flows summed, stocks at the year end)");
    Segments segments = appraisal.first().option().compiled().segments();
    var years = appraisal.first().option().financialYears();
    var cal = appraisal.first().option().compiled().calendar();
    try (SequenceWriter rows =
        MAPPER
            .writer(
                Columns.withSummary(
                    "financial_year",
                    "months_in_year",
                    "option",
                    "option_title",
                    "arm",
                    "segment",
                    "segment_label",
                    "measure",
                    "measure_title"))
            .writeValues(out)) {
      for (int y = 0; y < years.size(); y++) {
        String[] when = {years.get(y).label(), Integer.toString(Text.monthsIn(cal, years.get(y)))};
        Summary[][][][] all = new Summary[appraisal.options().size()][][][];
        for (int o = 0; o < all.length; o++) {
          all[o] = appraisal.options().get(o).metricAnnualAll(y);
        }
        write(rows, appraisal, segments, when, all);
      }
    }
  }

  /** Writes one period: all[option][arm][segment + 1][measure]. */
  private static void write(
      SequenceWriter rows,
      AppraisalResult appraisal,
      Segments segments,
      String[] when,
      Summary[][][][] all)
      throws IOException {
    for (ArmRow row : ArmRow.of(appraisal)) {
      Summary[][] byArm = all[appraisal.options().indexOf(row.comparison())][row.arm().ordinal()];
      // A compared place with other segments than the first's (compare default tiny): its
      // segments cannot be set beside the status quo's, so only its total over segments is.
      Segments own = row.comparison().option().compiled().segments();
      boolean bySegment = sameIds(own, row.comparison().statusQuo().compiled().segments());
      for (int g = -1; g < (bySegment ? own.size() : 0); g++) {
        boolean total = g == ExperimentResult.ALL_SEGMENTS;
        String segment = total ? ALL : own.id(g);
        String label = total ? "All segments" : own.spec(g).label();
        for (Measure measure : Measure.values()) {
          String[] leading = new String[when.length + 7];
          System.arraycopy(when, 0, leading, 0, when.length);
          leading[when.length] = row.option();
          leading[when.length + 1] = row.title();
          leading[when.length + 2] = row.arm().label();
          leading[when.length + 3] = segment;
          leading[when.length + 4] = label;
          leading[when.length + 5] = measure.label();
          leading[when.length + 6] = measure.title();
          rows.write(Columns.row(byArm[g + 1][measure.ordinal()], false, leading));
        }
      }
    }
  }

  /** Whether two places have the same segments, in the same order. */
  static boolean sameIds(Segments a, Segments b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int g = 0; g < a.size(); g++) {
      if (!a.id(g).equals(b.id(g))) {
        return false;
      }
    }
    return true;
  }
}
