package phbsim.writers;

import com.fasterxml.jackson.databind.SequenceWriter;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import phbsim.analysis.ArmTotals;
import phbsim.analysis.Output;
import phbsim.report.AppraisalResult;
import phbsim.report.ComparisonResult;
import phbsim.report.ExperimentResult;

/**
 * Each replication's headline figures ({@code --per-replication}): one row per replication and
 * option, wide, for analysis in R or Python. Money in pounds.
 */
public final class ReplicationsCsv {
  private static final List<String> OUTPUTS =
      List.of(
          "net_saving_cash",
          "net_saving_economic",
          "npv_cash",
          "npv_economic",
          "double_running",
          "difference.crises",
          "difference.admissions",
          "difference.bed_days",
          "difference.out_of_area_days",
          "option.budget_holders",
          "option.waiting_list");

  private ReplicationsCsv() {}

  /**
   * Columns: replication (numbered from 1), option, then each headline figure (net savings and
   * NPVs, double running, activity differences, the option's year-end holders and waiting list),
   * then each arm's total cash and economic spending.
   */
  static void write(phbsim.report.Release<AppraisalResult> released, Writer out)
      throws IOException {
    AppraisalResult appraisal = released.result();
    Columns.note(out, appraisal, "Each replication's headline figures");
    List<String> header = new ArrayList<>(List.of("replication", "option"));
    header.addAll(OUTPUTS);
    header.addAll(
        List.of(
            "status_quo_total_cash",
            "option_total_cash",
            "status_quo_total_economic",
            "option_total_economic"));
    List<Output> outputs = OUTPUTS.stream().map(Output::parse).toList();
    try (SequenceWriter rows =
        Columns.MAPPER.writer(Columns.of(header.toArray(String[]::new))).writeValues(out)) {
      int n = appraisal.statusQuo().replicationCount();
      for (int r = 0; r < n; r++) {
        for (ComparisonResult c : appraisal.options()) {
          ArmTotals option = totals(released, c.option(), r);
          ArmTotals sq = totals(released, c.statusQuo(), r);
          List<String> row = new ArrayList<>(List.of(Integer.toString(r + 1), c.id()));
          for (Output o : outputs) {
            double v = o.value(option, sq, c.discountRate());
            row.add(o.money() ? Numbers.pounds(v) : Numbers.plain(v));
          }
          row.add(Numbers.pounds(sum(sq.cashByYear()) / 100.0));
          row.add(Numbers.pounds(sum(option.cashByYear()) / 100.0));
          row.add(Numbers.pounds(sum(sq.allByYear()) / 100.0));
          row.add(Numbers.pounds(sum(option.allByYear()) / 100.0));
          rows.write(row);
        }
      }
    }
  }

  private static ArmTotals totals(
      phbsim.report.Release<AppraisalResult> released, ExperimentResult arm, int r) {
    return ArmTotals.reducer(arm.compiled()).apply(released.replicationsOf(arm).get(r));
  }

  private static long sum(long[] a) {
    long s = 0;
    for (long v : a) {
      s += v;
    }
    return s;
  }
}
