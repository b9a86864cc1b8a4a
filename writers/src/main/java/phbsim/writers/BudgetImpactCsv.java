package phbsim.writers;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import phbsim.report.AppraisalResult;
import phbsim.report.BudgetImpact;
import phbsim.report.ComparisonResult;

/**
 * budget_impact.csv: each option's cash saving as an NHS budget-impact statement (BudgetImpact):
 * per financial year the recurrent saving (the part-year effect), the non-recurrent (set-up), the
 * total (the cash flow's), and the full-year effect at the year end; then the run rate at the end
 * of year 5. Columns: financial_year (empty for the run rate), months_in_year, option,
 * option_title, figure, figure_title, then the summary columns.
 */
final class BudgetImpactCsv {
  private BudgetImpactCsv() {}

  static void write(AppraisalResult appraisal, Writer out) throws IOException {
    Columns.note(
        out,
        appraisal,
        "Each option's cash saving as a budget-impact statement: recurrent and non-recurrent by"
            + " financial year, the full-year effect at each year end (its last month's recurrent"
            + " saving x 12), and the run rate at the end of year 5");
    var cal = appraisal.first().option().compiled().calendar();
    try (SequenceWriter rows =
        Columns.MAPPER
            .writer(
                Columns.withSummary(
                    "financial_year",
                    "months_in_year",
                    "option",
                    "option_title",
                    "figure",
                    "figure_title"))
            .writeValues(out)) {
      for (ComparisonResult c : appraisal.options()) {
        BudgetImpact.Statement st = BudgetImpact.of(c);
        for (BudgetImpact.Year y : st.years()) {
          String year = y.year().label();
          String months = Integer.toString(y.months());
          rows.write(
              Columns.row(
                  y.recurrent(),
                  true,
                  year,
                  months,
                  c.id(),
                  c.label(),
                  "recurrent",
                  "Recurrent saving (the part-year effect)"));
          rows.write(
              Columns.row(
                  y.nonRecurrent(),
                  true,
                  year,
                  months,
                  c.id(),
                  c.label(),
                  "non_recurrent",
                  "Non-recurrent saving (set-up, spent once)"));
          rows.write(
              Columns.row(
                  y.total(), true, year, months, c.id(), c.label(), "total", "Total, cash"));
          rows.write(
              Columns.row(
                  y.fullYearEffect(),
                  true,
                  year,
                  months,
                  c.id(),
                  c.label(),
                  "full_year_effect",
                  "Full-year effect at the year end (its last month's recurrent saving x 12)"));
        }
        rows.write(
            Columns.row(
                st.runRate(),
                true,
                "",
                "",
                c.id(),
                c.label(),
                "run_rate",
                "Recurrent run rate a year at the end of "
                    + (st.atYearFive() ? "year 5" : "the horizon")
                    + " ("
                    + Text.month(cal.month(st.runRateMonth()))
                    + ")"));
      }
    }
  }
}
