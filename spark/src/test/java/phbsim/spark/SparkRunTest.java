package phbsim.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.scheduler.SparkListener;
import org.apache.spark.scheduler.SparkListenerTaskStart;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.cli.PhbsimCommand;
import picocli.CommandLine;

/**
 * The Spark job against the command line: the same files, byte for byte, for the same seed; the
 * same after Spark retries a failed task; and a scenario's mistakes reported before any task, as
 * {@code phbsim validate} words them. One Spark context in local mode (two threads, up to four
 * attempts per task) serves every test.
 */
class SparkRunTest {
  private static JavaSparkContext spark;
  private static final AtomicInteger TASKS = new AtomicInteger();
  private static final AtomicInteger FAILED = new AtomicInteger();

  @TempDir static Path dir;

  @BeforeAll
  static void start() {
    SparkConf conf =
        new SparkConf()
            .setMaster("local[2,4]")
            .setAppName("phbsim tests")
            .set("spark.ui.enabled", "false")
            .set("spark.driver.host", "127.0.0.1")
            .set("spark.driver.bindAddress", "127.0.0.1");
    spark =
        JavaSparkContext.fromSparkContext(
            SparkSession.builder().config(conf).getOrCreate().sparkContext());
    spark
        .sc()
        .addSparkListener(
            new SparkListener() {
              @Override
              public void onTaskStart(SparkListenerTaskStart taskStart) {
                TASKS.incrementAndGet();
              }
            });
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  /** Runs phbsim-spark on the shared context; returns the exit code, out and err. */
  private static String[] sparkRun(ReplicationTasks.Fault fault, String... args) {
    SparkRun command = new SparkRun();
    command.given = spark;
    command.fault = fault;
    return execute(SparkRun.commandLine(command), args);
  }

  /** Runs phbsim-spark sensitivity on the shared context. */
  private static String[] sparkSensitivity(ReplicationTasks.Fault fault, String... args) {
    SparkSensitivity command = new SparkSensitivity();
    command.given = spark;
    command.fault = fault;
    return execute(
        SparkRun.commandLine(new SparkRun(), new SparkCompare(), command, new SparkSweep()), args);
  }

  /** Runs phbsim-spark sweep on the shared context. */
  private static String[] sparkSweep(String... args) {
    SparkSweep command = new SparkSweep();
    command.given = spark;
    return execute(
        SparkRun.commandLine(new SparkRun(), new SparkCompare(), new SparkSensitivity(), command),
        args);
  }

  /** Runs phbsim-spark compare on the shared context. */
  private static String[] sparkCompare(String... args) {
    SparkCompare command = new SparkCompare();
    command.given = spark;
    return execute(
        SparkRun.commandLine(new SparkRun(), command, new SparkSensitivity(), new SparkSweep()),
        args);
  }

  private static String[] cli(String... args) {
    return execute(PhbsimCommand.commandLine(), args);
  }

  private static String[] execute(CommandLine cl, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new String[] {Integer.toString(code), out.toString(), err.toString()};
  }

  /**
   * The files that must match byte for byte: every CSV, run.json and scenario.yaml. The workbook
   * and the HTML report carry the time and command of their run; manifest.json is the command
   * line's own record of how to reproduce it.
   */
  private static List<String> compared(Path folder) throws IOException {
    List<String> names = new ArrayList<>();
    try (Stream<Path> files = Files.walk(folder)) {
      files
          .filter(Files::isRegularFile)
          .map(p -> folder.relativize(p).toString().replace('\\', '/'))
          .filter(n -> !n.startsWith("parquet/"))
          .filter(n -> n.endsWith(".csv") || n.endsWith("run.json") || n.endsWith(".yaml"))
          .sorted()
          .forEach(names::add);
    }
    return names;
  }

  private static void assertSameFiles(Path expected, Path actual) throws IOException {
    List<String> names = compared(expected);
    assertThat(names).hasSizeGreaterThan(5).isEqualTo(compared(actual));
    for (String n : names) {
      assertThat(Files.readAllBytes(actual.resolve(n)))
          .as(n)
          .isEqualTo(Files.readAllBytes(expected.resolve(n)));
    }
  }

  private static final String[] DEFAULT = {"default", "-r", "6", "--set", "years=2"};

  private static Path cliDefault() {
    Path folder = dir.resolve("cli-default");
    if (!Files.isDirectory(folder)) {
      String[] r = cli(concat(new String[] {"run"}, DEFAULT, "-q", "--out", folder.toString()));
      assertThat(r[0]).as(r[2]).isEqualTo("0");
    }
    return folder;
  }

  private static String[] concat(String[] a, String[] b, String... c) {
    List<String> all = new ArrayList<>(List.of(a));
    all.addAll(List.of(b));
    all.addAll(List.of(c));
    return all.toArray(String[]::new);
  }

  @Test
  void sameBytesAsPhbsimRun() throws IOException {
    Path folder = dir.resolve("spark-default");
    String[] r =
        sparkRun(
            ReplicationTasks.Fault.NONE,
            concat(new String[] {"run"}, DEFAULT, "--partitions", "4", "--out", folder.toString()));
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertSameFiles(cliDefault(), folder);
    assertThat(folder.resolve("workbook.xlsx")).isNotEmptyFile();
    assertThat(folder.resolve("report.html")).isNotEmptyFile();
    assertThat(r[1]).contains("Net saving, cash");
    assertThat(compared(folder)).contains("cash_summary.csv", "run.json");

    // The Parquet table holds the CSV's rows, with its columns (a recount of the CSV itself).
    long csvRows = Files.readAllLines(folder.resolve("monthly_metrics.csv")).size() - 1;
    var parquet =
        SparkSession.builder()
            .sparkContext(spark.sc())
            .getOrCreate()
            .read()
            .parquet(folder.resolve("parquet/monthly_metrics").toString());
    assertThat(parquet.count()).isEqualTo(csvRows);
    assertThat(String.join(",", parquet.columns()))
        .isEqualTo(Files.readAllLines(folder.resolve("monthly_metrics.csv")).get(0));
  }

  /**
   * The monthly and annual summaries are aggregated by Spark, not on the driver: every block of
   * every option comes from the shuffle (none is left for the comparison to compute), and each is
   * the in-process runner's to the last bit, whatever the partitioning.
   */
  @Test
  void theMonthlyTablesAreAggregatedBySpark() {
    var s = phbsim.scenarios.BuiltInScenarios.fileOrBuiltIn("default", List.of("years=2"));
    var options = phbsim.scenarios.ScenarioLoader.options(s);
    var run = new phbsim.experiment.RunSpec(12, 2026, 2);
    var inProcess = phbsim.experiment.Appraisal.run(s.statusQuo(), options, run);
    for (int partitions : new int[] {1, 5}) {
      var onSpark =
          ReplicationTasks.appraisal(
              spark, s.statusQuo(), options, run, 0, partitions, ReplicationTasks.Fault.NONE);
      for (int k = 0; k < options.size(); k++) {
        var given = onSpark.options().get(k);
        var here = inProcess.options().get(k);
        var shape = phbsim.report.ComparisonTables.Shape.of(given.option().compiled());
        // Two years: 24 months of money, measures, teams and infrastructure, 2 years of money and
        // measures, and the whole horizon.
        assertThat(given.blocksGiven())
            .isEqualTo(shape.blocks().size())
            .isEqualTo(4 * 24 + 2 * 2 + 1);
        for (var p : phbsim.report.Position.values()) {
          assertThat(given.npv(p)).isEqualTo(here.npv(p));
          assertThat(given.shareBreakingEven(p)).isEqualTo(here.shareBreakingEven(p));
        }
        assertThat(given.doubleRunningTotal()).isEqualTo(here.doubleRunningTotal());
        assertThat(here.blocksGiven()).isZero();
        for (int m = 0; m < shape.months(); m++) {
          assertThat(given.metricMonthlyAll(m)).isDeepEqualTo(here.metricMonthlyAll(m));
          assertThat(given.cumulativeSaving(m, phbsim.report.Position.CASH))
              .isEqualTo(here.cumulativeSaving(m, phbsim.report.Position.CASH));
          assertThat(given.doubleRunning(m)).isEqualTo(here.doubleRunning(m));
          for (var f : phbsim.report.Infrastructure.Figure.values()) {
            assertThat(
                    new phbsim.report.Infrastructure(given, phbsim.report.Arm.OPTION).summary(f, m))
                .isEqualTo(
                    new phbsim.report.Infrastructure(here, phbsim.report.Arm.OPTION).summary(f, m));
          }
          for (var arm : phbsim.report.Arm.values()) {
            for (var line : phbsim.money.LedgerLine.values()) {
              assertThat(given.monthly(arm, m, line)).isEqualTo(here.monthly(arm, m, line));
            }
          }
        }
        for (int y = 0; y < shape.monthsOfYear().length; y++) {
          assertThat(given.metricAnnualAll(y)).isDeepEqualTo(here.metricAnnualAll(y));
        }
      }
    }
  }

  @Test
  void aRetriedTaskChangesNothing() throws IOException {
    Path folder = dir.resolve("spark-retried");
    int before = FAILED.get();
    // Replication 3's first attempt fails, and so does the first attempt of every task of the
    // aggregation; Spark runs them again. One partition per replication, unlike the test above:
    // the partitioning changes nothing either.
    String[] r =
        sparkRun(
            (replication, attempt) -> {
              if (replication == 3 && attempt == 0) {
                FAILED.incrementAndGet();
                throw new IllegalStateException("a task lost, on purpose");
              }
              if (replication == ReplicationTasks.Fault.AGGREGATION && attempt == 0) {
                FAILED.incrementAndGet();
                throw new IllegalStateException("an aggregation task lost, on purpose");
              }
            },
            concat(new String[] {"run"}, DEFAULT, "--partitions", "6", "--out", folder.toString()));
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    // The six partitions of the aggregation each failed once.
    assertThat(FAILED.get()).isEqualTo(before + 1 + 6);
    assertSameFiles(cliDefault(), folder);
  }

  @Test
  void sensitivityHasTheSameBytesAsPhbsimSensitivityWithATaskRetried() throws IOException {
    // One-way settings and parameter draws, each x replication a task; the draws of the default
    // scenario's declared distributions.
    String[] args = {"default", "-r", "2", "--draws", "20", "--set", "years=2"};
    Path expected = dir.resolve("cli-sensitivity");
    String[] c =
        cli(concat(new String[] {"sensitivity"}, args, "-q", "--out", expected.toString()));
    assertThat(c[0]).as(c[2]).isEqualTo("0");
    Path actual = dir.resolve("spark-sensitivity");
    int before = FAILED.get();
    String[] r =
        sparkSensitivity(
            (cell, attempt) -> {
              if (cell == 7 && attempt == 0) {
                FAILED.incrementAndGet();
                throw new IllegalStateException("a task lost, on purpose");
              }
            },
            concat(
                new String[] {"sensitivity"},
                args,
                "--partitions",
                "5",
                "--out",
                actual.toString()));
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(FAILED.get()).as("the task failed once, in each analysis").isEqualTo(before + 2);
    List<String> names = compared(expected);
    assertThat(names)
        .contains("tornado.csv", "psa_draws.csv", "psa_summary.csv", "run.json")
        .isEqualTo(compared(actual));
    for (String n : names) {
      assertThat(Files.readAllBytes(actual.resolve(n)))
          .as(n)
          .isEqualTo(Files.readAllBytes(expected.resolve(n)));
    }
    assertThat(actual.resolve("parquet/psa_draws")).isDirectory();
  }

  @Test
  void compareHasTheSameBytesAsPhbsimCompare() throws IOException {
    String[] args = {"default:roll-out", "crisis-house", "-r", "4", "--set", "years=2"};
    Path expected = dir.resolve("cli-compare");
    String[] c = cli(concat(new String[] {"compare"}, args, "-q", "--out", expected.toString()));
    assertThat(c[0]).as(c[2]).isEqualTo("0");
    Path actual = dir.resolve("spark-compare");
    String[] r =
        sparkCompare(
            concat(new String[] {"compare"}, args, "--no-parquet", "--out", actual.toString()));
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    // crisis-house is another place: both warn, in the same words.
    assertThat(r[1]).contains("is not the same place as default:roll-out");
    assertSameFiles(expected, actual);
  }

  @Test
  void sweepHasTheSameBytesAsPhbsimSweep() throws IOException {
    String[] args = {
      "default", "--vary", "budgets.rollout.marketSize=50:150:50", "-r", "3", "--set", "years=2"
    };
    Path expected = dir.resolve("cli-sweep");
    String[] c = cli(concat(new String[] {"sweep"}, args, "-q", "--out", expected.toString()));
    assertThat(c[0]).as(c[2]).isEqualTo("0");
    Path actual = dir.resolve("spark-sweep");
    String[] r =
        sparkSweep(
            concat(new String[] {"sweep"}, args, "--partitions", "3", "--out", actual.toString()));
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    List<String> names = compared(expected);
    assertThat(names)
        .contains("sweep.csv", "sweep_crossings.csv", "run.json")
        .isEqualTo(compared(actual));
    for (String n : names) {
      assertThat(Files.readAllBytes(actual.resolve(n)))
          .as(n)
          .isEqualTo(Files.readAllBytes(expected.resolve(n)));
    }
    // The printed table is the command line's, row for row (each point's value starts a row).
    java.util.function.Function<String, List<String>> rows =
        text -> text.lines().filter(l -> l.matches("(50|100|150) .*")).toList();
    assertThat(rows.apply(r[1])).hasSize(3).isEqualTo(rows.apply(c[1]));
    // And its manifest.json says how to reproduce it, as the command line's does: the same seed,
    // replications and scenario fingerprint, the job named as the tool.
    var json = new com.fasterxml.jackson.databind.ObjectMapper();
    var fromSpark = json.readTree(actual.resolve("manifest.json").toFile());
    var fromCli = json.readTree(expected.resolve("manifest.json").toFile());
    for (String key : List.of("seed", "replications", "scenarioSha256", "version", "commit")) {
      assertThat(fromSpark.get(key)).as(key).isNotNull().isEqualTo(fromCli.get(key));
    }
    assertThat(fromSpark.get("command").toString()).contains("sweep", "--partitions");
  }

  @Test
  void aSensitivityErrorIsReportedBeforeAnyTask() {
    int tasks = TASKS.get();
    Path folder = dir.resolve("never-sensitivity");
    String[] c = cli("sensitivity", "default", "--option", "nope", "--out", folder.toString());
    String[] r =
        sparkSensitivity(
            ReplicationTasks.Fault.NONE,
            "sensitivity",
            "default",
            "--option",
            "nope",
            "--out",
            folder.toString());
    assertThat(r[0]).isEqualTo("1").isEqualTo(c[0]);
    assertThat(r[2]).isEqualTo(c[2]).contains("--option nope").doesNotContain("Exception");
    assertThat(TASKS.get()).isEqualTo(tasks);
    assertThat(folder).doesNotExist();
  }

  @Test
  void areasHaveTheSameBytesAsPhbsimRun() throws IOException {
    String[] args = {"going-further-faster", "-r", "3", "--set", "years=1"};
    Path expected = dir.resolve("cli-areas");
    String[] c = cli(concat(new String[] {"run"}, args, "-q", "--out", expected.toString()));
    assertThat(c[0]).as(c[2]).isEqualTo("0");
    Path actual = dir.resolve("spark-areas");
    STAGES.clear();
    String[] r =
        sparkRun(
            (replication, attempt) -> {
              if (replication >= 0) {
                STAGES.add(org.apache.spark.TaskContext.get().stageId());
              }
            },
            concat(new String[] {"run"}, args, "--no-parquet", "--out", actual.toString()));
    assertThat(r[0]).as(r[2]).isEqualTo("0");
    assertThat(compared(expected)).contains("areas.csv", "areas_per_100k.csv");
    assertSameFiles(expected, actual);
    // Every replication of every area ran in one Spark stage: one job, not one per area.
    assertThat(actual.resolve("areas")).isDirectoryContaining(p -> p.endsWith("dorset"));
    assertThat(STAGES).hasSize(1);
  }

  /** The Spark stages in which replications ran (the tasks run in this JVM, in local mode). */
  private static final java.util.Set<Integer> STAGES =
      java.util.concurrent.ConcurrentHashMap.newKeySet();

  @Test
  void aScenarioErrorIsReportedBeforeAnyTaskAsValidateWordsIt() throws IOException {
    Path bad = dir.resolve("bad.yaml");
    Files.writeString(
        bad,
        String.join(
            "\n", "name: bad", "years: 0", "segments:", "  - id: a", "    population: -5", ""));
    String[] validate = cli("validate", bad.toString());
    assertThat(validate[0]).isEqualTo("1");
    int tasks = TASKS.get();
    Path folder = dir.resolve("never");
    String[] r =
        sparkRun(ReplicationTasks.Fault.NONE, "run", bad.toString(), "--out", folder.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2]).isEqualTo(validate[2]).contains("bad.yaml");
    assertThat(r[2]).doesNotContain("Exception").doesNotContain("\tat ");
    assertThat(TASKS.get()).isEqualTo(tasks);
    assertThat(folder).doesNotExist();
  }

  @Test
  void aPersonLevelScenarioIsRefusedBeforeAnyTask() throws IOException {
    Path csv = dir.resolve("people.csv");
    StringBuilder rows =
        new StringBuilder("segment,age_band,bed_days,crisis_contacts,community_contacts\n");
    for (int i = 0; i < 40; i++) {
      rows.append("everyone,25-34,0,").append(i % 3).append(",12\n");
    }
    Files.writeString(csv, rows.toString());
    Path file = dir.resolve("person-level.yaml");
    Files.writeString(
        file,
        phbsim.scenarios.BuiltInScenarios.text("tiny")
            + "\nstartingPopulation:\n  file: people.csv\n");
    assertThat(cli("validate", file.toString())[0])
        .as("the scenario itself is fine")
        .isEqualTo("0");
    int tasks = TASKS.get();
    Path folder = dir.resolve("never-person-level");
    String[] r =
        sparkRun(ReplicationTasks.Fault.NONE, "run", file.toString(), "--out", folder.toString());
    assertThat(r[0]).isEqualTo("1");
    assertThat(r[2])
        .contains("person-level file")
        .contains("phbsim run")
        .doesNotContain("Exception");
    assertThat(TASKS.get()).isEqualTo(tasks);
    assertThat(folder).doesNotExist();
  }
}
