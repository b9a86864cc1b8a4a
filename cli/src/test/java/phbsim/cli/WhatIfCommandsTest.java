package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The what-if commands from the outside (docs/model.md section 8): the same bytes whatever the
 * thread count, an option against itself, a sweep point against {@code run}, the fitted scenario of
 * a calibration, progress, and the messages for mistakes.
 */
class WhatIfCommandsTest {
  @TempDir Path tmp;

  /** Two years of the default, so that each command takes a second or so. */
  private static final List<String> SHORT = List.of("--set", "years=2", "-r", "4", "--quiet");

  private static final String TARGETS =
      """
      description: Fit the market size to the offers made by a market size of 200
      parameters:
        - path: budgets.rollout.marketSize
          low: 50
          high: 300
          start: 150
      targets:
        - output: option.budget_offers
          value: %s
          tolerance: 0.5
          source: phbsim sweep at 200
      """;

  static Stream<List<String>> commands() {
    return Stream.of(
        List.of("run", "default", "--per-replication"),
        List.of("compare", "default:roll-out", "default:roll-out-release-post"),
        List.of("sweep", "default", "--vary", "budgets.rollout.marketSize=100,200"),
        List.of(
            "sensitivity",
            "default",
            "--parameter",
            "budgets.rollout.q",
            "--parameter",
            "budgets.supportPlanningPerPlan",
            "--draws",
            "24"),
        List.of(
            "goal-seek",
            "default",
            "--target",
            "net_saving_cash=-230000",
            "--vary",
            "budgets.rollout.marketSize",
            "--range",
            "0:300"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("commands")
  @DisplayName("each command writes the same bytes with 1 thread and with 4")
  void sameBytesWhateverTheThreads(List<String> command) throws IOException {
    Path one = tmp.resolve("one");
    Path four = tmp.resolve("four");
    Cli a = run(command, "--threads", "1", "--out", one.toString());
    assertThat(a.exitCode()).as(a.err()).isZero();
    Cli b = run(command, "--threads", "4", "--out", four.toString());
    assertThat(b.exitCode()).as(b.err()).isZero();
    List<Path> files = files(one);
    assertThat(files).hasSizeGreaterThanOrEqualTo(3);
    assertThat(files(four).stream().map(Path::getFileName).toList())
        .containsExactlyElementsOf(files.stream().map(Path::getFileName).toList());
    for (Path f : files) {
      assertThat(Files.readAllBytes(four.resolve(f.getFileName())))
          .as(f.getFileName().toString())
          .isEqualTo(Files.readAllBytes(f));
    }
    // the printed results too, but for the line that times the run
    assertThat(withoutTimes(b.out())).isEqualTo(withoutTimes(a.out()));
  }

  @Test
  @DisplayName("an option compared with itself: every figure of the two columns is the same")
  void optionAgainstItself() throws IOException {
    Path out = tmp.resolve("self");
    Cli r =
        run(List.of("compare", "default:roll-out", "default:roll-out"), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> first = new ArrayList<>();
    List<String> second = new ArrayList<>();
    for (String line : Files.readAllLines(out.resolve("cash_summary.csv"))) {
      if (line.startsWith("default.roll-out,")) {
        first.add(line.substring(line.indexOf(',')));
      } else if (line.startsWith("default.roll-out-2,")) {
        second.add(line.substring(line.indexOf(',')));
      }
    }
    assertThat(first).isNotEmpty().isEqualTo(second);
    // and the difference between them, year by year, is exactly zero
    String table = section(r.out(), "Cash by financial year");
    List<String> rows = table.lines().filter(l -> l.contains("default.roll-out")).toList();
    assertThat(rows).hasSize(2);
    assertThat(rows.get(0).replace("default.roll-out  ", "default.roll-out-2"))
        .isEqualTo(rows.get(1));
  }

  @Test
  @DisplayName("a sweep point gives exactly what run gives with that --set")
  void sweepPointIsARun() throws IOException {
    Path sweep = tmp.resolve("sweep");
    Path single = tmp.resolve("single");
    Cli s =
        run(
            List.of("sweep", "default", "--vary", "budgets.rollout.marketSize=100,200"),
            "--out",
            sweep.toString());
    assertThat(s.exitCode()).as(s.err()).isZero();
    Cli r =
        run(
            List.of("run", "default", "--set", "budgets.rollout.marketSize=200"),
            "--out",
            single.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    for (String figure : List.of("net_saving_cash", "npv_economic", "double_running")) {
      String fromSweep = line(sweep.resolve("sweep.csv"), "1,200," + figure + ",").orElseThrow();
      String fromRun =
          line(
                  single.resolve("cash_summary.csv"),
                  "roll-out,Offer budgets along the planned" + " roll-out," + figure + ",")
              .orElseThrow();
      // mean, ci95_low, ci95_high, range95_low, range95_high, replications
      assertThat(summaryCells(fromSweep)).as(figure).isEqualTo(summaryCells(stripNote(fromRun)));
    }
  }

  @Test
  @DisplayName("calibrate recovers a market size from the offers it made, and its scenario runs")
  void calibrateRecoversAKnownValue() throws IOException {
    Path sweep = tmp.resolve("at-200");
    Cli s =
        run(
            List.of(
                "sweep",
                "default",
                "--vary",
                "budgets.rollout.marketSize=200",
                "--output",
                "option.budget_offers"),
            "--out",
            sweep.toString());
    assertThat(s.exitCode()).as(s.err()).isZero();
    // The printed table shows the output asked for (--output), beside the two net savings.
    assertThat(s.out())
        .contains("option.budget_offers", "net_saving_cash, £000s", "net_saving_economic, £000s");
    String offers =
        summaryCells(line(sweep.resolve("sweep.csv"), "0,200,option.budget_offers,").orElseThrow())
            .split(",")[0];
    // A recount of the printed table from sweep.csv (another writer): the point's row holds the
    // offers' mean and the cash net saving's mean and interval in £000s, as the file gives them.
    String[] cash =
        summaryCells(line(sweep.resolve("sweep.csv"), "0,200,net_saving_cash,").orElseThrow())
            .split(",");
    java.util.function.Function<String, String> k =
        v -> phbsim.writers.Numbers.thousands(Double.parseDouble(v));
    // (The row may be laid out in blocks of columns, each repeating the value: joined here.)
    assertThat(String.join("|", s.out().lines().filter(l -> l.startsWith("200 ")).toList()))
        .contains(phbsim.writers.Numbers.readable(Double.parseDouble(offers)))
        .contains(k.apply(cash[0]) + " [" + k.apply(cash[1]) + " to " + k.apply(cash[2]) + "]");
    Path targets = Files.writeString(tmp.resolve("targets.yaml"), TARGETS.formatted(offers));
    Path out = tmp.resolve("fit");
    // The start value given with --set too, as a user would: it must not undo the fit.
    Cli c =
        run(
            List.of(
                "calibrate",
                "default",
                "--targets",
                targets.toString(),
                "--set",
                "budgets.rollout.marketSize=150"),
            "--out",
            out.toString());
    assertThat(c.exitCode()).as(c.out() + c.err()).isZero();
    assertThat(c.out()).contains("Converged after", "within tolerance", "run it as it is");
    assertThat(c.out()).doesNotContain("--set budgets.rollout.marketSize");
    String calibration = Files.readString(out.resolve("calibration.csv"));
    assertThat(calibration).contains("parameter,budgets.rollout.marketSize,");
    // The offers follow the Bass curve, whole offers: any market size that rounds to the same
    // count fits; within 2 % of 200 here.
    String fitted =
        line(out.resolve("calibration.csv"), "parameter,budgets.rollout.marketSize,")
            .orElseThrow()
            .split(",")[2];
    assertThat(Double.parseDouble(fitted)).isBetween(196.0, 204.0);
    // and the same bytes with 4 threads as with 1
    Path one = tmp.resolve("fit-1");
    Path four = tmp.resolve("fit-4");
    for (var f : List.of(List.of("1", one), List.of("4", four))) {
      Cli t =
          run(
              List.of("calibrate", "default", "--targets", targets.toString()),
              "--threads",
              (String) f.get(0),
              "--out",
              f.get(1).toString());
      assertThat(t.exitCode()).as(t.err()).isZero();
    }
    for (Path f : files(one)) {
      assertThat(Files.readAllBytes(four.resolve(f.getFileName())))
          .as(f.getFileName().toString())
          .isEqualTo(Files.readAllBytes(f));
    }
    Path scenario = out.resolve("fitted.yaml");
    String fittedText = Files.readString(scenario);
    assertThat(fittedText)
        .contains(
            "fitted by phbsim calibrate --targets targets.yaml from a start of 150; the file had"
                + " 1042.9164",
            "set by --set when it was fitted; the file had 5");
    // fitted.yaml alone (no --set at all) reproduces the fit: its offers hit the target. Varying
    // years to the value the file now holds is a sweep of one point with nothing changed.
    Path check = tmp.resolve("check");
    Cli alone =
        Cli.run(
            "sweep",
            scenario.toString(),
            "--vary",
            "years=2",
            "--output",
            "option.budget_offers",
            "-r",
            "4",
            "--quiet",
            "-o",
            check.toString());
    assertThat(alone.exitCode()).as(alone.err()).isZero();
    double reproduced =
        Double.parseDouble(
            summaryCells(
                    line(check.resolve("sweep.csv"), "0,2,option.budget_offers,").orElseThrow())
                .split(",")[0]);
    assertThat(reproduced).isCloseTo(Double.parseDouble(offers), within(0.5));
    Cli again =
        Cli.run(
            "run",
            scenario.toString(),
            "-r",
            "1",
            "--quiet",
            "-o",
            tmp.resolve("again").toString());
    assertThat(again.exitCode()).as(again.err()).isZero();
  }

  @Test
  @DisplayName("a calibration that cannot reach its targets says so and exits 1")
  void calibrateThatFails() throws IOException {
    Path targets = Files.writeString(tmp.resolve("targets.yaml"), TARGETS.formatted("100000"));
    Cli c =
        run(
            List.of("calibrate", "default", "--targets", targets.toString()),
            "--out",
            tmp.resolve("fail").toString());
    assertThat(c.exitCode()).isEqualTo(1);
    assertThat(c.out()).contains("Not converged", "OUTSIDE tolerance");
  }

  @Test
  @DisplayName("goal-seek finds where the net saving reaches the target, or says nothing does")
  void goalSeek() {
    Cli found =
        run(
            List.of(
                "goal-seek",
                "default",
                "--target",
                "net_saving_cash=-230000",
                "--vary",
                "budgets.rollout.marketSize",
                "--range",
                "0:300"),
            "--out",
            tmp.resolve("found").toString());
    assertThat(found.exitCode()).as(found.err()).isZero();
    assertThat(found.out()).contains("reaches -230.0 at budgets.rollout.marketSize = ");
    Cli none =
        run(
            List.of(
                "goal-seek",
                "default",
                "--target",
                "net_saving_cash=0",
                "--vary",
                "budgets.rollout.marketSize",
                "--range",
                "0:300"),
            "--out",
            tmp.resolve("none").toString());
    assertThat(none.exitCode()).as(none.err()).isZero();
    assertThat(none.out())
        .contains("No value of budgets.rollout.marketSize from 0 to 300 brings the mean");
  }

  @Test
  @DisplayName("sensitivity runs the probabilistic analysis the scenario declares, and ranks")
  void sensitivity() throws IOException {
    Path out = tmp.resolve("sens");
    Cli r =
        run(
            List.of(
                "sensitivity",
                "default",
                "--parameter",
                "budgets.rollout.marketSize",
                "--parameter",
                "budgets.brokeragePerBudgetPerMonth",
                "--draws",
                "24"),
            "--out",
            out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> tornado = Files.readAllLines(out.resolve("tornado.csv"));
    assertThat(tornado.get(2)).startsWith("1,budgets.rollout.marketSize,1042.9164,500,2000,");
    assertThat(tornado.get(3)).startsWith("2,budgets.brokeragePerBudgetPerMonth,25,10,50,");
    assertThat(Files.readAllLines(out.resolve("psa_draws.csv"))).hasSize(24 + 2);
    assertThat(r.out()).contains("probability of a cumulative cash saving by the end of: 2026/27");
    Cli skip =
        run(
            List.of(
                "sensitivity", "default", "--parameter", "budgets.rollout.q", "--no-probabilistic"),
            "--out",
            tmp.resolve("skip").toString());
    assertThat(skip.exitCode()).as(skip.err()).isZero();
    assertThat(tmp.resolve("skip").resolve("psa_draws.csv")).doesNotExist();
  }

  @Test
  @DisplayName("--per-replication writes one row per replication and option")
  void perReplication() throws IOException {
    Path out = tmp.resolve("per");
    Cli r = run(List.of("run", "default", "--per-replication"), "--out", out.toString());
    assertThat(r.exitCode()).as(r.err()).isZero();
    List<String> rows = Files.readAllLines(out.resolve("replications.csv"));
    assertThat(rows.get(1)).startsWith("replication,option,net_saving_cash,");
    assertThat(rows).hasSize(2 + 4 * 2);
    assertThat(rows.get(2)).startsWith("1,roll-out,");
    assertThat(rows.get(9)).startsWith("4,roll-out-release-post,");
    assertThat(
            Cli.run("run", "default", "-r", "1", "--quiet", "-o", tmp.resolve("no").toString())
                .exitCode())
        .isZero();
    assertThat(tmp.resolve("no").resolve("replications.csv")).doesNotExist();
  }

  @Test
  @DisplayName("without --quiet, a run off a terminal reports progress on the error stream only")
  void progressOffATerminal() {
    Cli quiet = Cli.run("run", "tiny", "-r", "2", "--quiet", "-o", tmp.resolve("q").toString());
    assertThat(quiet.err()).isEmpty();
    // A short run says nothing (under 2 seconds); ProgressReporterTest follows a long one.
    Cli shortRun = Cli.run("run", "tiny", "-r", "2", "-o", tmp.resolve("s").toString());
    assertThat(shortRun.err()).isEmpty();
    assertThat(shortRun.out()).contains("Done in ", "summarising and writing).");
  }

  @Test
  @DisplayName("mistakes get a short message naming what was wrong and a non-zero exit")
  void mistakes() throws IOException {
    Cli badPath =
        Cli.run(
            "sweep", "default", "--vary", "budgets.offers=1,2", "-o", tmp.resolve("x").toString());
    assertThat(badPath.exitCode()).isEqualTo(2);
    assertThat(badPath.err())
        .contains("--vary budgets.offers: unknown key 'offers'")
        .doesNotContain("\tat ");
    assertThat(tmp.resolve("x")).doesNotExist();

    Cli badRange = Cli.run("sweep", "default", "--vary", "budgets.rollout.marketSize=5:1:1");
    assertThat(badRange.exitCode()).isEqualTo(2);
    assertThat(badRange.err()).contains("5:1:1", "expected");

    Cli badValue =
        Cli.run("sweep", "default", "--vary", "budgets.rollout.marketSize=-5,1", "--quiet");
    assertThat(badValue.exitCode()).isEqualTo(1);
    assertThat(badValue.err()).contains("budgets.rollout.marketSize=-5", "expected 0 or more");

    Cli badOutput =
        Cli.run("goal-seek", "default", "--target", "savings=0", "--vary", "budgets.rollout.q");
    assertThat(badOutput.exitCode()).isEqualTo(1);
    assertThat(badOutput.err())
        .contains("--target", "savings", "net_saving_cash")
        .doesNotContain("\tat ");

    Cli badOption = Cli.run("compare", "default:roll-out", "default:no-such-option");
    assertThat(badOption.exitCode()).isEqualTo(1);
    assertThat(badOption.err()).contains("no-such-option", "roll-out").doesNotContain("\tat ");

    Path targets =
        Files.writeString(
            tmp.resolve("bad-targets.yaml"),
            "parameters:\n  - path: budgets.rollout.marketSize\n    low: 50\n    high: 300\n"
                + "targets:\n  - output: option.budget_offers\n    value: 10\n");
    Cli badTargets = Cli.run("calibrate", "default", "--targets", targets.toString());
    assertThat(badTargets.exitCode()).isEqualTo(1);
    assertThat(badTargets.err())
        .contains("bad-targets.yaml:6:", "targets[0].tolerance: is missing")
        .doesNotContain("\tat ");

    Cli missing = Cli.run("calibrate", "default", "--targets", tmp.resolve("nope.yaml").toString());
    assertThat(missing.exitCode()).isEqualTo(1);
    assertThat(missing.err()).contains("nope.yaml").doesNotContain("\tat ");

    Cli tooFewDraws = Cli.run("sensitivity", "default", "--draws", "3", "--no-one-way");
    assertThat(tooFewDraws.exitCode()).isEqualTo(1);
    assertThat(tooFewDraws.err()).contains("--draws 3 is too few");
  }

  @Test
  @DisplayName("every command's help renders cleanly: no picocli warning about a stray %")
  void helpRendersCleanly() {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      for (String command : PhbsimCommand.commandLine().getSubcommands().keySet()) {
        assertThat(Cli.run(command, "--help").exitCode()).as(command).isZero();
      }
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString(java.nio.charset.StandardCharsets.UTF_8)).isEmpty();
  }

  @Test
  @DisplayName("the what-if commands have --help with an example")
  void help() {
    for (String command : List.of("compare", "sweep", "sensitivity", "goal-seek", "calibrate")) {
      Cli r = Cli.run(command, "--help");
      assertThat(r.exitCode()).isZero();
      assertThat(r.out()).as(command).contains("Usage: phbsim " + command, "Example");
      for (String option : List.of("--replications", "--threads", "--seed", "--out", "--quiet")) {
        assertThat(r.out()).as(command + " " + option).contains(option);
      }
    }
  }

  private static Cli run(List<String> command, String... more) {
    List<String> args = new ArrayList<>(command);
    args.addAll(SHORT);
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  /**
   * The result files of a folder: all but manifest.json and the workbook, which name the thread
   * count and the time (the workbook's Run sheet); the workbook's figures are checked in
   * WorkbooksTest against the same summaries as the CSV files.
   */
  private static List<Path> files(Path folder) {
    try (Stream<Path> s = Files.list(folder)) {
      return s.filter(
              p -> !List.of("manifest.json", "workbook.xlsx").contains(p.getFileName().toString()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String withoutTimes(String printed) {
    // Words as printed, the wrapping of the prose aside (a line naming "1 thread" wraps where one
    // naming "4 threads" does not), less the folder and the timings.
    return printed
        .replaceAll("\\s+", " ")
        .replaceAll("Written to \\S+ Done in .*? writing\\)\\.", "")
        .replaceAll(", \\d+ threads?(: [0-9.]+ s)?", "");
  }

  private static String section(String printed, String heading) {
    int at = printed.indexOf(heading);
    assertThat(at).as(heading).isNotNegative();
    int end = printed.indexOf("\n\n", at);
    return printed.substring(at, end < 0 ? printed.length() : end);
  }

  private static Optional<String> line(Path file, String prefix) throws IOException {
    return Files.readAllLines(file).stream().filter(l -> l.startsWith(prefix)).findFirst();
  }

  /** The last five cells of a row whose cells hold no commas. */
  /** A row's summary cells: mean, ci95_low, ci95_high, range95_low, range95_high, replications. */
  private static String summaryCells(String row) {
    String[] cells = row.split(",");
    int n = phbsim.writers.Columns.SUMMARY.size();
    return String.join(",", List.of(cells).subList(cells.length - n, cells.length));
  }

  /** A cash_summary row without its note (the last cell, which may be quoted). */
  private static String stripNote(String row) {
    int note = row.endsWith("\"") ? row.lastIndexOf(",\"") : row.lastIndexOf(',');
    return row.substring(0, note);
  }
}
