package phbsim.cli.write;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import phbsim.observe.Measure;
import phbsim.population.Segments;
import phbsim.report.ExperimentResult;
import phbsim.report.Summary;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialMonth;

/**
 * The monthly and annual metrics as tidy CSV: one row per period, segment and measure, with the
 * mean and the 95% interval across replications. Segment "all" is the sum over segments.
 */
public final class MetricsCsv {
  private static final CsvMapper MAPPER = new CsvMapper();
  private static final String ALL = "all";

  private MetricsCsv() {}

  /** Columns: date, financial_year, period, segment, measure, mean, lower_95, upper_95. */
  public static void monthly(ExperimentResult result, Writer out) throws IOException {
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("date")
            .addColumn("financial_year")
            .addColumn("period")
            .addColumn("segment")
            .addColumn("measure")
            .addColumn("mean")
            .addColumn("lower_95")
            .addColumn("upper_95")
            .build()
            .withHeader();
    FinancialCalendar cal = result.compiled().calendar();
    Segments segments = result.compiled().segments();
    try (SequenceWriter rows = MAPPER.writer(schema).writeValues(out)) {
      for (int month = 0; month < cal.monthCount(); month++) {
        FinancialMonth fm = cal.month(month);
        for (int g = -1; g < segments.size(); g++) {
          String segment = g == ExperimentResult.ALL_SEGMENTS ? ALL : segments.id(g);
          for (Measure measure : Measure.values()) {
            Summary s = result.monthly(month, g, measure);
            rows.write(
                List.of(
                    fm.firstDay().toString(),
                    fm.financialYear().label(),
                    fm.label(),
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

  /** Columns: financial_year, segment, measure, mean, lower_95, upper_95. */
  public static void annual(ExperimentResult result, Writer out) throws IOException {
    CsvSchema schema =
        CsvSchema.builder()
            .addColumn("financial_year")
            .addColumn("segment")
            .addColumn("measure")
            .addColumn("mean")
            .addColumn("lower_95")
            .addColumn("upper_95")
            .build()
            .withHeader();
    Segments segments = result.compiled().segments();
    try (SequenceWriter rows = MAPPER.writer(schema).writeValues(out)) {
      for (int y = 0; y < result.financialYears().size(); y++) {
        for (int g = -1; g < segments.size(); g++) {
          String segment = g == ExperimentResult.ALL_SEGMENTS ? ALL : segments.id(g);
          for (Measure measure : Measure.values()) {
            Summary s = result.annual(y, g, measure);
            rows.write(
                List.of(
                    result.financialYears().get(y).label(),
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
