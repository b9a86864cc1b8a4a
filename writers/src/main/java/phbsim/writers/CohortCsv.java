package phbsim.writers;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;
import phbsim.observe.CohortLog;
import phbsim.report.AppraisalResult;
import phbsim.report.Cohort;
import phbsim.report.ComparisonResult;
import phbsim.report.Summary;

/**
 * The cohort view as tidy CSV (docs/model.md section 7.5): per option, the headline figures the
 * national pilot reported, then each component's cost per person a year, for holders and their
 * twins in the status quo, in the year before and the year after the start.
 */
public final class CohortCsv {
  private CohortCsv() {}

  /**
   * Columns: option, option_title, figure, figure_title, component, who (holders or twins), window
   * (before or after; empty for a headline), the summary columns, unit.
   */
  static void write(AppraisalResult appraisal, Writer out) throws IOException {
    Columns.note(
        out,
        appraisal,
        "The cohort view: people who started a budget, the year before and the year after the"
            + " start, against the same people in the status quo (their twins); costs valued at"
            + " unit cost whoever pays them");
    List<String> header =
        new ArrayList<>(
            List.of(
                "option", "option_title", "figure", "figure_title", "component", "who", "window"));
    header.addAll(Columns.SUMMARY);
    header.add("unit");
    try (SequenceWriter rows =
        Columns.MAPPER.writer(Columns.of(header.toArray(String[]::new))).writeValues(out)) {
      for (ComparisonResult c : appraisal.options()) {
        headline(
            rows,
            c,
            "holders",
            "People in the cohort, a replication",
            f -> f.holders(),
            "people",
            false);
        headline(
            rows,
            c,
            "holders_cost_change_percent",
            "Holders' total costs, year after against year before",
            f -> 100 * f.holdersChange(),
            "per cent",
            false);
        headline(
            rows,
            c,
            "twins_cost_change_percent",
            "The same people's total costs in the status quo, year after against year before",
            f -> 100 * f.twinsChange(),
            "per cent",
            false);
        headline(
            rows,
            c,
            "other_nhs_saving",
            "In-patient, crisis and emergency and GP costs in the year after, twins minus holders",
            Cohort.Figures::otherNhsSaving,
            "pounds a holder",
            true);
        headline(
            rows,
            c,
            "mean_allocation",
            "Mean annual budget at the start",
            Cohort.Figures::meanAllocation,
            "pounds a year",
            true);
        headline(
            rows,
            c,
            "restrictive_crises_avoided",
            "Crises avoided by restrictive holders in the year after: their twins' minus theirs"
                + " (negative: more crises with a restrictive budget)",
            Cohort.Figures::restrictiveCrisesAvoided,
            "crises a holder",
            false);
        headline(
            rows,
            c,
            "restrictive_cost_saving",
            "Saving on restrictive holders in the year after: their twins' total cost minus"
                + " theirs (negative: they cost more with a restrictive budget)",
            Cohort.Figures::restrictiveCostSaving,
            "pounds a holder",
            true);
        for (CohortLog.Component k : CohortLog.Component.values()) {
          component(rows, c, k, "holders", "before", f -> f.perHolder(f.holderBefore(), k));
          component(rows, c, k, "holders", "after", f -> f.perHolder(f.holderAfter(), k));
          component(rows, c, k, "twins", "before", f -> f.perHolder(f.twinBefore(), k));
          component(rows, c, k, "twins", "after", f -> f.perHolder(f.twinAfter(), k));
        }
      }
    }
  }

  private static void headline(
      SequenceWriter rows,
      ComparisonResult c,
      String figure,
      String title,
      ToDoubleFunction<Cohort.Figures> f,
      String unit,
      boolean money)
      throws IOException {
    write(rows, c, figure, title, "", "", "", c.cohort(f), unit, money);
  }

  private static void component(
      SequenceWriter rows,
      ComparisonResult c,
      CohortLog.Component k,
      String who,
      String window,
      ToDoubleFunction<Cohort.Figures> f)
      throws IOException {
    write(
        rows,
        c,
        "cost",
        k.title() + ", " + who + ", year " + window,
        k.label(),
        who,
        window,
        c.cohort(f),
        "pounds a person a year",
        true);
  }

  private static void write(
      SequenceWriter rows,
      ComparisonResult c,
      String figure,
      String title,
      String component,
      String who,
      String window,
      Summary s,
      String unit,
      boolean money)
      throws IOException {
    List<String> r =
        new ArrayList<>(List.of(c.id(), c.label(), figure, title, component, who, window));
    r.addAll(Columns.cells(s, money));
    r.add(unit);
    rows.write(r);
  }
}
