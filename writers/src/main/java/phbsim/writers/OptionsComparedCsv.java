package phbsim.writers;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import phbsim.report.AppraisalResult;
import phbsim.report.ComparisonResult;
import phbsim.report.Position;

/**
 * options_compared.csv: each later option against each earlier one, over the horizon, paired on the
 * same random numbers (AppraisalResult.increment). Written only when a scenario has two or more
 * options: the question "which of these two?" that the saving against the status quo answers only
 * indirectly.
 */
final class OptionsComparedCsv {
  private OptionsComparedCsv() {}

  static void write(AppraisalResult appraisal, Writer out) throws IOException {
    Columns.note(
        out,
        appraisal,
        "Each option against each earlier option over the horizon: the first option's cost minus"
            + " the second's, replication by replication, so a positive figure is what choosing"
            + " the second instead of the first saves");
    try (SequenceWriter rows =
        Columns.MAPPER
            .writer(
                Columns.withSummary(
                    "first_option",
                    "first_option_title",
                    "second_option",
                    "second_option_title",
                    "figure",
                    "figure_title"))
            .writeValues(out)) {
      for (ComparisonResult[] pair : appraisal.pairs()) {
        for (Position p : Position.values()) {
          rows.write(
              Columns.row(
                  appraisal.increment(pair[0], pair[1], p),
                  true,
                  pair[0].id(),
                  pair[0].label(),
                  pair[1].id(),
                  pair[1].label(),
                  "saving_of_second_" + p.label(),
                  "Saving of the second option over the first, "
                      + p.title().toLowerCase(Locale.ROOT)));
        }
      }
    }
  }
}
