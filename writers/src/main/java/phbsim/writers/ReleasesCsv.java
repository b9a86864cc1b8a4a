package phbsim.writers;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import phbsim.report.AppraisalResult;
import phbsim.report.ComparisonResult;
import phbsim.report.Releases;
import phbsim.report.Resilience;
import phbsim.report.Summary;
import phbsim.time.FinancialCalendar;
import phbsim.time.FinancialYear;

/**
 * releases.csv: each post release of each option on its own (Releases.perRelease), so that the
 * stranded fixed costs are read beside the release that stranded them: for each team, a row for all
 * its releases, then one per release (planned in the scenario, or found by a contract review, and
 * the month it took effect), with the posts it released and, by financial year and over the
 * horizon, its gross saving, its stranded fixed costs and its net saving, status quo minus option.
 * Columns: option, option_title, team, team_label, release (all, planned or review), effective_from
 * (the financial month, empty for all), financial_year (empty for the horizon), figure,
 * figure_title, then the summary columns.
 */
final class ReleasesCsv {
  private ReleasesCsv() {}

  static void write(AppraisalResult appraisal, Writer out) throws IOException {
    Columns.note(
        out,
        appraisal,
        "Each post release of each option: its gross saving (the posts at their full cost), the"
            + " fixed costs it strands (still paid, so negative) and the net, by financial year and"
            + " over the horizon; posts is the number released beyond the status quo");
    try (SequenceWriter rows =
        Columns.MAPPER
            .writer(
                Columns.withSummary(
                    "option",
                    "option_title",
                    "team",
                    "team_label",
                    "release",
                    "effective_from",
                    "financial_year",
                    "figure",
                    "figure_title"))
            .writeValues(out)) {
      for (ComparisonResult c : appraisal.options()) {
        Resilience teams = new Resilience(c);
        FinancialCalendar cal = c.option().compiled().calendar();
        List<FinancialYear> years = c.option().financialYears();
        for (Releases.Release r : Releases.perRelease(c)) {
          String[] lead = {
            c.id(),
            c.label(),
            teams.id(r.team()),
            teams.label(r.team()),
            r.teamTotal() ? "all" : r.source().label(),
            r.effectiveMonth() < 0 ? "" : cal.month(r.effectiveMonth()).month().toString()
          };
          rows.write(Columns.row(r.posts(), false, with(lead, "", "posts", "Posts released")));
          for (int y = 0; y < years.size(); y++) {
            write(rows, lead, years.get(y).label(), r.byYear().get(y));
          }
          write(rows, lead, "", r.horizon());
        }
      }
    }
  }

  private static void write(SequenceWriter rows, String[] lead, String year, Releases.Figures f)
      throws IOException {
    row(rows, lead, year, "gross_saving", "Gross saving (the posts, their fixed share)", f.gross());
    row(rows, lead, year, "stranded", "Stranded fixed costs (still paid)", f.stranded());
    row(rows, lead, year, "net_saving", "Net saving (cash no longer paid)", f.net());
  }

  private static void row(
      SequenceWriter rows, String[] lead, String year, String figure, String title, Summary s)
      throws IOException {
    rows.write(Columns.row(s, true, with(lead, year, figure, title)));
  }

  private static String[] with(String[] lead, String... more) {
    String[] all = java.util.Arrays.copyOf(lead, lead.length + more.length);
    System.arraycopy(more, 0, all, lead.length, more.length);
    return all;
  }
}
