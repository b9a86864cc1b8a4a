package phbsim.cli.write;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import phbsim.observe.Measure;
import phbsim.population.Segments;
import phbsim.report.Arm;
import phbsim.report.ComparisonResult;
import phbsim.report.ExperimentResult;
import phbsim.report.Summary;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialMonth;

/**
 * The monthly and annual activity metrics as tidy CSV: one row per period, arm, segment and
 * measure, with the mean and the 95% interval across replications. Segment "all" is the sum over
 * segments; arm "difference" is scenario minus baseline, paired by replication.
 */
public final class MetricsCsv {
  private static final CsvMapper MAPPER = new CsvMapper();
  private static final String ALL = "all";

  private MetricsCsv() {}

  /** Columns: date, financial_year, period, arm, segment, measure, mean, lower_95, upper_95. */
  public static void monthly(ComparisonResult result, Writer out) throws IOException {
    CsvSchema schema =
        columns(
            "date",
            "financial_year",
            "period",
            "arm",
            "segment",
            "measure",
            "mean",
            "lower_95",
            "upper_95");
    FinancialCalendar cal = result.scenario().compiled().calendar();
    Segments segments = result.scenario().compiled().segments();
    try (SequenceWriter rows = MAPPER.writer(schema).writeValues(out)) {
      for (int month = 0; month < cal.monthCount(); month++) {
        FinancialMonth fm = cal.month(month);
        Summary[][][] all = result.metricMonthlyAll(month);
        for (Arm arm : Arm.values()) {
          for (int g = -1; g < segments.size(); g++) {
            String segment = g == ExperimentResult.ALL_SEGMENTS ? ALL : segments.id(g);
            for (Measure measure : Measure.values()) {
              Summary s = all[arm.ordinal()][g + 1][measure.ordinal()];
              rows.write(
                  List.of(
                      fm.firstDay().toString(),
                      fm.financialYear().label(),
                      fm.label(),
                      arm.label(),
                      segment,
                      measure.label(),
                      Numbers.plain(s.mean()),
                      Numbers.plain(s.lower()),
                      Numbers.plain(s.upper())));
            }
          }
        }
      }
    }
  }

  /** Columns: financial_year, arm, segment, measure, mean, lower_95, upper_95. */
  public static void annual(ComparisonResult result, Writer out) throws IOException {
    CsvSchema schema =
        columns("financial_year", "arm", "segment", "measure", "mean", "lower_95", "upper_95");
    Segments segments = result.scenario().compiled().segments();
    var years = result.scenario().financialYears();
    try (SequenceWriter rows = MAPPER.writer(schema).writeValues(out)) {
      for (int y = 0; y < years.size(); y++) {
        Summary[][][] all = result.metricAnnualAll(y);
        for (Arm arm : Arm.values()) {
          for (int g = -1; g < segments.size(); g++) {
            String segment = g == ExperimentResult.ALL_SEGMENTS ? ALL : segments.id(g);
            for (Measure measure : Measure.values()) {
              Summary s = all[arm.ordinal()][g + 1][measure.ordinal()];
              rows.write(
                  List.of(
                      years.get(y).label(),
                      arm.label(),
                      segment,
                      measure.label(),
                      Numbers.plain(s.mean()),
                      Numbers.plain(s.lower()),
                      Numbers.plain(s.upper())));
            }
          }
        }
      }
    }
  }

  static CsvSchema columns(String... names) {
    CsvSchema.Builder b = CsvSchema.builder();
    for (String n : names) {
      b.addColumn(n);
    }
    return b.build().withHeader();
  }
}
