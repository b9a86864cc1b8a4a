package phbsim.spark;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import phbsim.experiment.Appraisal;
import phbsim.money.LedgerLine;
import phbsim.observe.Measure;
import phbsim.report.ReplicationResult;
import phbsim.report.Summary;

/**
 * The summaries of an appraisal computed by Spark itself, on the executors, from each replication's
 * figures: for every arm (the status quo, each option, and each option's paired difference), month,
 * ledger line and measure, the mean, the 95 % confidence interval of the mean and the range of
 * outcomes (the 2.5th and 97.5th percentiles, exact, interpolated as phbsim's own Summary does).
 * Written as Parquet beside the tidy tables, for a platform that queries results where they lie.
 *
 * <p>Why both this and the CSVs: the CSVs, workbook and report come from the model's own summaries
 * on the driver, which are the same bytes as {@code phbsim run}'s; these are Spark SQL's (its sums
 * run in another order, so a mean may differ in the last bits). SparkRunTest checks that the two
 * agree to a millionth of a pound.
 */
final class SparkAggregates {
  private SparkAggregates() {}

  /** A table aggregated on the executors and collected (it is small: arms x months x keys). */
  record Table(String name, StructType schema, List<Row> rows) {}

  private static final StructType VALUES =
      new StructType()
          .add("option", DataTypes.StringType)
          .add("arm", DataTypes.StringType)
          .add("month", DataTypes.IntegerType)
          .add("key", DataTypes.StringType)
          .add("value", DataTypes.DoubleType);

  /**
   * Aggregates the replications, which stay on the executors: one table of monthly cash flow by
   * ledger line (pounds) and one of monthly measures over all segments.
   *
   * @param optionIds the ids of the options, in the order of the arms after the status quo
   */
  static List<Table> aggregate(
      SparkSession session, JavaRDD<Appraisal.Replication> replications, List<String> optionIds) {
    List<String> ids = List.copyOf(optionIds);
    JavaRDD<Row> cash = replications.flatMap(r -> rows(r, ids, true).iterator());
    JavaRDD<Row> measures = replications.flatMap(r -> rows(r, ids, false).iterator());
    List<Table> tables = new ArrayList<>();
    tables.add(summarise(session, "cashflow_monthly", cash, "line"));
    tables.add(summarise(session, "measures_monthly", measures, "measure"));
    return tables;
  }

  /** One replication's figures as rows: every arm, month and line (or measure). */
  private static List<Row> rows(Appraisal.Replication r, List<String> ids, boolean money) {
    List<Row> out = new ArrayList<>();
    ReplicationResult sq = r.arms().get(0);
    int months = sq.metrics().months();
    for (int k = 0; k < r.arms().size(); k++) {
      ReplicationResult arm = r.arms().get(k);
      String option = k == 0 ? "" : ids.get(k - 1);
      for (int m = 0; m < months; m++) {
        if (money) {
          for (LedgerLine line : LedgerLine.values()) {
            double a = arm.cashFlow().amount(m, line) / 100.0;
            out.add(
                RowFactory.create(option, k == 0 ? "status_quo" : "option", m, line.label(), a));
            if (k > 0) {
              double d = (sq.cashFlow().amount(m, line) - arm.cashFlow().amount(m, line)) / 100.0;
              out.add(RowFactory.create(option, "difference", m, line.label(), d));
            }
          }
        } else {
          for (Measure measure : Measure.values()) {
            double a = arm.metrics().total(m, measure);
            out.add(
                RowFactory.create(option, k == 0 ? "status_quo" : "option", m, measure.label(), a));
            if (k > 0) {
              double d = sq.metrics().total(m, measure) - a;
              out.add(RowFactory.create(option, "difference", m, measure.label(), d));
            }
          }
        }
      }
    }
    return out;
  }

  /** Mean, both intervals, by option, arm, month and key: a Spark aggregation. */
  private static Table summarise(SparkSession session, String name, JavaRDD<Row> rows, String key) {
    Dataset<Row> values = session.createDataFrame(rows, VALUES);
    Dataset<Row> stats =
        values
            .groupBy("option", "arm", "month", "key")
            .agg(
                functions.count("value").alias("replications"),
                functions.avg("value").alias("mean"),
                functions.stddev_samp("value").alias("sd"),
                functions.expr("percentile(value, array(0.025, 0.975))").alias("range"));
    List<Row> out = new ArrayList<>();
    for (Row r : stats.orderBy("option", "arm", "key", "month").collectAsList()) {
      long n = r.getLong(4);
      double mean = r.getDouble(5);
      double half =
          n > 1 && !r.isNullAt(6)
              ? Summary.t975((int) n - 1) * r.getDouble(6) / Math.sqrt(n)
              : Double.NaN;
      List<Double> range = r.getList(7);
      out.add(
          RowFactory.create(
              r.getString(0),
              r.getString(1),
              r.getInt(2) + 1,
              r.getString(3),
              mean,
              mean - half,
              mean + half,
              range.get(0),
              range.get(1),
              (int) n));
    }
    StructType schema =
        new StructType()
            .add("option", DataTypes.StringType)
            .add("arm", DataTypes.StringType)
            .add("month", DataTypes.IntegerType)
            .add(key, DataTypes.StringType)
            .add("mean", DataTypes.DoubleType)
            .add("ci95_low", DataTypes.DoubleType)
            .add("ci95_high", DataTypes.DoubleType)
            .add("range95_low", DataTypes.DoubleType)
            .add("range95_high", DataTypes.DoubleType)
            .add("replications", DataTypes.IntegerType);
    return new Table(name, schema, out);
  }

  /** Writes the tables as Parquet under TO/PREFIX/aggregated/. */
  static void write(SparkSession session, List<Table> tables, String to, String prefix) {
    for (Table t : tables) {
      session
          .createDataFrame(t.rows(), t.schema())
          .coalesce(1)
          .write()
          .mode(SaveMode.ErrorIfExists)
          .parquet((to.endsWith("/") ? to : to + "/") + prefix + "aggregated/" + t.name());
    }
  }
}
