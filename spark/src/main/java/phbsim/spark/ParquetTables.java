package phbsim.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The tidy tables of a run as Parquet, for an analytics platform: each CSV the writers wrote, read
 * back on the driver and written by Spark with the column types Spark infers from it (numbers as
 * doubles or integers, labels as strings). The CSV stays the reference; the Parquet is the same
 * table for tools that query many runs.
 */
final class ParquetTables {
  private ParquetTables() {}

  /** The tables written as Parquet, where the run wrote them. */
  static final List<String> TABLES =
      List.of(
          "monthly_metrics",
          "annual_metrics",
          "cashflow_monthly",
          "cashflow_annual",
          "cash_summary",
          "budget_impact",
          "cohort",
          "teams_monthly",
          "infrastructure_monthly",
          "areas",
          "areas_per_100k",
          "tornado",
          "psa_draws",
          "psa_summary",
          "sweep",
          "sweep_crossings");

  /**
   * Writes TO/PREFIX/TABLE for each table the folder holds under {@code prefix}. The CSV is read on
   * the driver (its folder need not be visible to the executors); {@code to} must be visible to
   * them, as a folder of the driver's disk is in Spark local mode.
   */
  static void write(SparkSession spark, Path folder, String prefix, String to) throws IOException {
    for (String table : TABLES) {
      Path csv = folder.resolve(prefix + table + ".csv");
      if (!Files.isRegularFile(csv)) {
        continue;
      }
      List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
      Dataset<String> text = spark.createDataset(lines, Encoders.STRING()).coalesce(1);
      Dataset<Row> rows = spark.read().option("header", true).option("inferSchema", true).csv(text);
      rows.coalesce(1)
          .write()
          .mode(SaveMode.ErrorIfExists)
          .parquet((to.endsWith("/") ? to : to + "/") + prefix + table);
    }
  }
}
