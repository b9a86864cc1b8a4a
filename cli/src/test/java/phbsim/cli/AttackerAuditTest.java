package phbsim.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.math3.optim.MaxIter;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.linear.LinearConstraint;
import org.apache.commons.math3.optim.linear.LinearConstraintSet;
import org.apache.commons.math3.optim.linear.LinearObjectiveFunction;
import org.apache.commons.math3.optim.linear.NonNegativeConstraint;
import org.apache.commons.math3.optim.linear.Relationship;
import org.apache.commons.math3.optim.linear.SimplexSolver;
import org.apache.commons.math3.optim.linear.UnboundedSolutionException;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import phbsim.observe.Measure;
import phbsim.scenarios.BuiltInScenarios;

/**
 * The attacker's audit of small-number suppression (issue 21, item 3), the standard
 * cell-suppression audit of statistical disclosure control: from the published activity tables
 * alone (no access to the model), and knowing the model's accounting identities, the tightest
 * interval each withheld cell can be put in, by linear programming (Commons Math's SimplexSolver)
 * over:
 *
 * <ul>
 *   <li>the segments and their total, in every month and year, arm and option;
 *   <li>a year and its months (a flow is their sum, a stock its last month's);
 *   <li>a difference and its two sides (status quo minus option);
 *   <li>counts are not negative.
 * </ul>
 *
 * <p>A withheld cell passes when that interval is at least the threshold wide: a reader cannot tell
 * a count of 1 from one of the threshold. Published means are rounded to 4 decimals, so each
 * identity holds within the rounding of its terms.
 *
 * <p>Runs on a segment of 3 and on the synthetic caseload here, and on areas, compare and generated
 * caseloads in the slow suite ({@code -Pslow}). The generated caseloads (issue 21, item 3) are
 * {@code phbsim.audit.generated} of them, each a one-year run of the default from a file of the
 * synthetic caseload cut down at a fixed seed, most segments to 1 to 10 people, 2 replications: 6
 * to 10 s each on a busy machine. The tolerance: a withheld cell passes when its interval is at
 * least the threshold (5) wide, each identity holding within 0.00005 per term (the 4-decimal
 * rounding of the published means). Every run also checks double running (assertDoubleRunning).
 *
 * <p>Components of withheld cells tied by identities are solved one at a time; a component of more
 * than {@link #MAX_COMPONENT} cells is too big for the dense simplex in the test's time and is
 * counted, not solved (the test prints how many).
 */
class AttackerAuditTest {
  private static final int MAX_COMPONENT = Integer.getInteger("phbsim.audit.maxComponent", 300);

  /**
   * In a component above {@link #SAMPLE_ABOVE} cells, this many cells (spread evenly) are solved.
   */
  private static final int SAMPLE = 8;

  private static final int SAMPLE_ABOVE = 60;

  @TempDir static Path tmp;

  /** A cell of a published table: its key, published value (NaN if withheld), whether a count. */
  private record Cell(String key, double value, boolean nonNegative) {}

  /** The published tables, as cells and identities (coefficients on cells, summing to 0). */
  private static final class Tables {
    final Map<String, Integer> index = new LinkedHashMap<>();
    final List<Cell> cells = new ArrayList<>();
    final List<Map<Integer, Double>> identities = new ArrayList<>();

    int cell(String key, String mean, boolean nonNegative) {
      Integer i = index.get(key);
      if (i != null) {
        return i;
      }
      double v = mean.equals("*") ? Double.NaN : mean.isEmpty() ? 0 : Double.parseDouble(mean);
      cells.add(new Cell(key, v, nonNegative));
      index.put(key, cells.size() - 1);
      return cells.size() - 1;
    }

    void identity(Map<Integer, Double> terms) {
      if (terms.size() > 1) {
        identities.add(terms);
      }
    }
  }

  private static Tables read(Path folder) throws IOException {
    Tables t = new Tables();
    Map<String, Map<Integer, Double>> bySegments = new HashMap<>();
    Map<String, Map<Integer, Double>> byYear = new HashMap<>();
    Map<String, Map<Integer, Double>> byDifference = new HashMap<>();
    for (String file : List.of("monthly_metrics.csv", "annual_metrics.csv")) {
      boolean monthly = file.startsWith("monthly");
      for (Map<String, String> r : PersonLevelFiles.rows(folder.resolve(file))) {
        String when = monthly ? r.get("date") : r.get("financial_year");
        String arm = r.get("arm");
        String option = arm.equals("status_quo") ? "" : r.get("option");
        String measure = r.get("measure");
        String segment = r.get("segment");
        String key = file + "|" + when + "|" + option + "|" + arm + "|" + segment + "|" + measure;
        int c = t.cell(key, r.get("mean"), !arm.equals("difference"));
        // Segments and their total.
        bySegments
            .computeIfAbsent(file + when + option + arm + measure, k -> new HashMap<>())
            .merge(c, segment.equals("all") ? -1.0 : 1.0, Double::sum);
        // A year and its months.
        Measure m = Measure.valueOf(measure.toUpperCase(Locale.ROOT));
        String year = r.get("financial_year") + "|" + option + "|" + arm + "|" + segment + measure;
        if (!monthly) {
          byYear.computeIfAbsent(year, k -> new HashMap<>()).merge(c, -1.0, Double::sum);
        } else if (m.kind() != Measure.Kind.STOCK || r.get("period").equals("M12")) {
          byYear.computeIfAbsent(year, k -> new HashMap<>()).merge(c, 1.0, Double::sum);
        }
        // A difference and its two sides; the status quo's row serves every option.
        String cellOf = file + when + segment + measure;
        switch (arm) {
          case "status_quo" -> {
            for (String o : options(folder)) {
              byDifference.computeIfAbsent(cellOf + "|" + o, k -> new HashMap<>()).put(c, 1.0);
            }
          }
          case "option" ->
              byDifference
                  .computeIfAbsent(cellOf + "|" + r.get("option"), k -> new HashMap<>())
                  .put(c, -1.0);
          default ->
              byDifference
                  .computeIfAbsent(cellOf + "|" + r.get("option"), k -> new HashMap<>())
                  .put(c, -1.0);
        }
      }
    }
    bySegments.values().forEach(t::identity);
    byYear.values().forEach(t::identity);
    for (Map<Integer, Double> d : byDifference.values()) {
      if (d.size() == 3) {
        t.identity(d);
      }
    }
    return t;
  }

  private static final Map<Path, List<String>> OPTIONS = new HashMap<>();

  /** The options of a run, from its cash summary. */
  private static List<String> options(Path folder) throws IOException {
    List<String> known = OPTIONS.get(folder);
    if (known == null) {
      known = new ArrayList<>();
      for (Map<String, String> r : PersonLevelFiles.rows(folder.resolve("cash_summary.csv"))) {
        if (!known.contains(r.get("option"))) {
          known.add(r.get("option"));
        }
      }
      OPTIONS.put(folder, known);
    }
    return known;
  }

  /** What the audit found: the narrowest interval of a withheld cell, and how many it solved. */
  private record Audit(int withheld, int solved, int tooBig, double narrowest, String where) {}

  /**
   * The audit of the protected tables {@code t}, judged against the same run unprotected ({@code
   * open}, the same seed with nothing withheld): the cells that must be protected are those an arm
   * withholds whose true mean is from above 0 to below the threshold (the primary cells; a
   * secondary cell found to be near 0 gives no count away).
   */
  private static Audit audit(Tables t, Tables open, int threshold) {
    int n = t.cells.size();
    // Union of withheld cells tied by an identity.
    int[] parent = new int[n];
    for (int i = 0; i < n; i++) {
      parent[i] = i;
    }
    for (Map<Integer, Double> id : t.identities) {
      int first = -1;
      for (int c : id.keySet()) {
        if (Double.isNaN(t.cells.get(c).value())) {
          if (first < 0) {
            first = c;
          } else {
            parent[find(parent, c)] = find(parent, first);
          }
        }
      }
    }
    Map<Integer, List<Integer>> components = new LinkedHashMap<>();
    int withheld = 0;
    for (int i = 0; i < n; i++) {
      if (Double.isNaN(t.cells.get(i).value())) {
        withheld++;
        components.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(i);
      }
    }
    Map<Integer, List<Map<Integer, Double>>> identitiesOf = new HashMap<>();
    for (Map<Integer, Double> id : t.identities) {
      for (int c : id.keySet()) {
        if (Double.isNaN(t.cells.get(c).value())) {
          identitiesOf.computeIfAbsent(find(parent, c), k -> new ArrayList<>()).add(id);
          break;
        }
      }
    }
    int solved = 0;
    int tooBig = 0;
    double narrowest = Double.POSITIVE_INFINITY;
    String where = "";
    List<Task> tasks = new ArrayList<>();
    for (var e : components.entrySet()) {
      List<Integer> vars = e.getValue();
      if (vars.size() > MAX_COMPONENT) {
        tooBig += vars.size();
        continue;
      }
      Map<Integer, Integer> column = new HashMap<>();
      for (int i = 0; i < vars.size(); i++) {
        column.put(vars.get(i), i);
      }
      List<LinearConstraint> constraints = new ArrayList<>();
      for (Map<Integer, Double> id : identitiesOf.getOrDefault(e.getKey(), List.of())) {
        double[] a = new double[vars.size()];
        double rhs = 0;
        for (var term : id.entrySet()) {
          Cell c = t.cells.get(term.getKey());
          if (Double.isNaN(c.value())) {
            a[column.get(term.getKey())] += term.getValue();
          } else {
            rhs -= term.getValue() * c.value();
          }
        }
        double tolerance = 0.00005 * id.size() + 1e-9;
        constraints.add(new LinearConstraint(a, Relationship.GEQ, rhs - tolerance));
        constraints.add(new LinearConstraint(a, Relationship.LEQ, rhs + tolerance));
      }
      for (int i = 0; i < vars.size(); i++) {
        if (t.cells.get(vars.get(i)).nonNegative()) {
          double[] a = new double[vars.size()];
          a[i] = 1;
          constraints.add(new LinearConstraint(a, Relationship.GEQ, 0));
        }
      }
      List<Integer> primary = new ArrayList<>();
      for (int i = 0; i < vars.size(); i++) {
        Cell c = t.cells.get(vars.get(i));
        Integer o = open.index.get(c.key());
        double truth = o == null ? Double.NaN : open.cells.get(o).value();
        if (c.nonNegative() && truth > 0 && truth < threshold) {
          primary.add(i);
        }
      }
      int step = primary.size() > SAMPLE_ABOVE ? Math.max(1, primary.size() / SAMPLE) : 1;
      for (int k = 0; k < primary.size(); k += step) {
        tasks.add(new Task(vars, primary.get(k), constraints));
      }
    }
    // The programmes are independent: solved in parallel, read back in order (the same answer
    // whatever the thread count).
    List<double[]> bounds =
        tasks.parallelStream()
            .map(
                k ->
                    new double[] {
                      bound(k.vars().size(), k.i(), k.constraints(), GoalType.MINIMIZE),
                      bound(k.vars().size(), k.i(), k.constraints(), GoalType.MAXIMIZE)
                    })
            .toList();
    for (int k = 0; k < tasks.size(); k++) {
      double low = bounds.get(k)[0];
      double high = bounds.get(k)[1];
      double width = high - low;
      if (width < narrowest) {
        narrowest = width;
        where =
            t.cells.get(tasks.get(k).vars().get(tasks.get(k).i())).key()
                + " in ["
                + low
                + ", "
                + high
                + "]";
      }
      solved++;
    }
    return new Audit(withheld, solved, tooBig, narrowest, where);
  }

  /** One withheld cell's programme: its component's cells, its column, the equations. */
  private record Task(List<Integer> vars, int i, List<LinearConstraint> constraints) {}

  private static double bound(int size, int i, List<LinearConstraint> c, GoalType goal) {
    double[] objective = new double[size];
    objective[i] = 1;
    try {
      PointValuePair p =
          new SimplexSolver()
              .optimize(
                  new MaxIter(100_000),
                  new LinearObjectiveFunction(objective, 0),
                  new LinearConstraintSet(c),
                  goal,
                  new NonNegativeConstraint(false));
      return p.getValue();
    } catch (UnboundedSolutionException e) {
      return goal == GoalType.MAXIMIZE ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY;
    }
  }

  private static int find(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  private static Path run(String name, String csv, String extra, String... more)
      throws IOException {
    return run(name, csv, extra, 4, more);
  }

  private static Path run(String name, String csv, String extra, int replications, String... more)
      throws IOException {
    Path file = tmp.resolve(name + ".yaml");
    Files.writeString(
        file,
        BuiltInScenarios.text("default") + "\nstartingPopulation:\n  file: " + csv + "\n" + extra);
    Path open = tmp.resolve(name + "-open.yaml");
    Files.writeString(
        open,
        BuiltInScenarios.text("default")
            + "\nstartingPopulation:\n  file: "
            + csv
            + "\n  suppressBelow: 1\n"
            + extra);
    Path folder = tmp.resolve(name);
    for (Path yaml : List.of(file, open)) {
      Path to = yaml == file ? folder : tmp.resolve(name + "-open");
      List<String> args =
          new ArrayList<>(
              List.of("run", yaml.toString(), "-r", "" + replications, "--quiet", "-o", "" + to));
      args.addAll(List.of(more));
      Cli c = Cli.run(args.toArray(String[]::new));
      assertThat(c.exitCode()).as(c.err()).isZero();
    }
    return folder;
  }

  private static void assertAudit(Path folder, int threshold) throws IOException {
    assertAudit(folder, folder.resolveSibling(folder.getFileName() + "-open"), threshold);
  }

  /**
   * Issue 21, item 5, from the published files: on a protected run no table publishes a range95 end
   * (each is one replication's value), and no confidence interval is published from fewer than 3
   * replications (with 2, the mean and the half-width give both values back). Returns how many rows
   * it read.
   */
  private static int assertIntervals(Path folder) throws IOException {
    int rows = 0;
    try (var files = Files.list(folder)) {
      for (Path f : files.filter(p -> p.toString().endsWith(".csv")).sorted().toList()) {
        for (Map<String, String> r : PersonLevelFiles.rows(f)) {
          if (r.containsKey("range95_low")) {
            rows++;
            assertThat(r.get("range95_low")).as("%s: range95_low of %s", f, r).isIn("*", "");
            assertThat(r.get("range95_high")).as("%s: range95_high of %s", f, r).isIn("*", "");
          }
          String reps = r.get("replications");
          String ci = r.get("ci95_low");
          if (ci != null && !ci.equals("*") && !ci.isEmpty() && reps != null && !reps.equals("*")) {
            assertThat(Integer.parseInt(reps))
                .as("%s: a ci95 from %s replications: %s", f, reps, r)
                .isGreaterThanOrEqualTo(3);
          }
        }
      }
    }
    assertThat(rows).isPositive();
    return rows;
  }

  private static void assertAudit(Path folder, Path open, int threshold) throws IOException {
    assertIntervals(folder);
    Audit a = audit(read(folder), read(open), threshold);
    int doubleRunning = assertDoubleRunning(folder, open);
    System.out.printf(
        Locale.ROOT,
        "audit %s: %d withheld, %d solved, %d in components too big; narrowest %.4f at %s;"
            + " double running withheld in %d months that had some%n",
        folder.getFileName(),
        a.withheld(),
        a.solved(),
        a.tooBig(),
        a.narrowest(),
        a.where(),
        doubleRunning);
    assertThat(a.withheld()).isPositive();
    assertThat(a.solved()).isPositive();
    assertThat(a.narrowest())
        .as("the tightest interval of a withheld cell: %s", a.where())
        .isGreaterThanOrEqualTo(threshold);
  }

  /**
   * Double running on a person-level run (issue 21): where its cap binds, a month's double running
   * is the payments on the budgets of the holders whose places are unreleased, an allocation times
   * a count, so a reader who knows the allocation divides it back into the count. It must be
   * withheld in every month whose holders (all segments, the option's arm) are withheld, and a
   * year's and the horizon's whenever any of their months' is (else the sum minus the published
   * months gives it back). Returns how many withheld months had double running in the open run, the
   * months the rule protects.
   */
  private static int assertDoubleRunning(Path folder, Path open) throws IOException {
    Map<String, String> holders = new HashMap<>();
    for (Map<String, String> r : PersonLevelFiles.rows(folder.resolve("monthly_metrics.csv"))) {
      if (r.get("arm").equals("option")
          && r.get("segment").equals("all")
          && r.get("measure").equals("budget_holders")) {
        holders.put(r.get("date") + "|" + r.get("option"), r.get("mean"));
      }
    }
    Map<String, Double> openDoubleRunning = new HashMap<>();
    for (Map<String, String> r : PersonLevelFiles.rows(open.resolve("cashflow_monthly.csv"))) {
      if (r.get("line").equals("double_running")) {
        openDoubleRunning.put(
            r.get("date") + "|" + r.get("option"), Double.parseDouble(r.get("mean")));
      }
    }
    Map<String, Boolean> yearWithheld = new HashMap<>();
    Map<String, Boolean> anyWithheld = new HashMap<>();
    int protectedMonths = 0;
    int checked = 0;
    int withheldMonths = 0;
    for (Map<String, String> r : PersonLevelFiles.rows(folder.resolve("cashflow_monthly.csv"))) {
      if (!r.get("line").equals("double_running")) {
        continue;
      }
      String key = r.get("date") + "|" + r.get("option");
      boolean withheld = r.get("mean").equals("*");
      if ("*".equals(holders.get(key))) {
        assertThat(withheld).as("double running of %s, whose holders are withheld", key).isTrue();
        if (openDoubleRunning.getOrDefault(key, 0.0) > 0) {
          protectedMonths++;
        }
      }
      checked++;
      withheldMonths += withheld ? 1 : 0;
      yearWithheld.merge(
          r.get("financial_year") + "|" + r.get("option"), withheld, Boolean::logicalOr);
      anyWithheld.merge(r.get("option"), withheld, Boolean::logicalOr);
    }
    assertThat(checked).isPositive();
    for (Map<String, String> r : PersonLevelFiles.rows(folder.resolve("cashflow_annual.csv"))) {
      if (r.get("line").equals("double_running")) {
        String key = r.get("financial_year") + "|" + r.get("option");
        if (Boolean.TRUE.equals(yearWithheld.get(key))) {
          assertThat(r.get("mean")).as("double running of the year %s", key).isEqualTo("*");
        }
      }
    }
    for (Map<String, String> r : PersonLevelFiles.rows(folder.resolve("cash_summary.csv"))) {
      if (r.get("figure").equals("double_running")
          && Boolean.TRUE.equals(anyWithheld.get(r.get("option")))) {
        assertThat(r.get("mean")).as("double running over the horizon, %s", r).isEqualTo("*");
      }
    }
    System.out.printf(
        Locale.ROOT,
        "double running %s: withheld in %d of %d option-months%n",
        folder.getFileName(),
        withheldMonths,
        checked);
    return protectedMonths;
  }

  @Test
  @DisplayName("the attacker's audit: a segment of 3, two years")
  void segmentOfThree() throws IOException {
    PersonLevelFiles.threeOrganic(tmp.resolve("three.csv"));
    assertAudit(run("three", "three.csv", "", "--set", "years=2"), 5);
  }

  @Test
  @DisplayName("the attacker's audit: the synthetic caseload, two years")
  void syntheticCaseload() throws IOException {
    Files.copy(
        PersonLevelFiles.EXAMPLE,
        tmp.resolve("caseload.csv"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    assertAudit(run("caseload", "caseload.csv", "", "--set", "years=2"), 5);
  }

  /**
   * How many generated caseloads the slow suite audits (issue 21, item 3, asks for 200): the 119
   * run to the end and passed on 7 December 2026 (about 16 minutes); 200 with
   * -Dphbsim.audit.generated=200.
   */
  private static final int GENERATED = Integer.getInteger("phbsim.audit.generated", 119);

  /** The first generated caseload audited (to rerun one: from N, generated N + 1). */
  private static final int FROM = Integer.getInteger("phbsim.audit.from", 0);

  /** Replications of each generated run (fewer than the others': the leaks surface anyway). */
  private static final int GENERATED_REPLICATIONS =
      Integer.getInteger("phbsim.audit.replications", 2);

  /**
   * A generated person-level caseload: from the synthetic file, each segment keeps a number of its
   * people drawn with seed {@code seed}, from 1 to 10 for most segments (the small counts the
   * policy protects), from 11 to 40 for the rest.
   */
  private static Path generated(Path csv, long seed) throws IOException {
    java.util.Random random = new java.util.Random(seed);
    List<String> all = Files.readAllLines(PersonLevelFiles.EXAMPLE);
    Map<String, List<String>> bySegment = new LinkedHashMap<>();
    List<String> lines = new ArrayList<>();
    for (String line : all) {
      String[] cells = line.split(",", -1);
      if (cells.length < 2 || cells[1].equals("segment")) {
        lines.add(line);
      } else {
        bySegment.computeIfAbsent(cells[1], k -> new ArrayList<>()).add(line);
      }
    }
    for (List<String> people : bySegment.values()) {
      java.util.Collections.shuffle(people, random);
      int keep = random.nextDouble() < 0.7 ? 1 + random.nextInt(10) : 11 + random.nextInt(30);
      lines.addAll(people.subList(0, Math.min(keep, people.size())));
    }
    Files.write(csv, lines);
    return csv;
  }

  @Test
  @org.junit.jupiter.api.Tag("slow")
  @DisplayName("the attacker's audit: generated person-level caseloads, one year each")
  void generatedCaseloads() throws IOException {
    double narrowest = Double.POSITIVE_INFINITY;
    List<String> leaks = new ArrayList<>();
    long started = System.nanoTime();
    for (int i = FROM; i < GENERATED; i++) {
      String name = "generated-" + i;
      generated(tmp.resolve(name + ".csv"), 21_000L + i);
      // Budgets held on day 0 are the default's handful, more than some generated segments hold.
      Path folder =
          run(
              name,
              name + ".csv",
              "",
              GENERATED_REPLICATIONS,
              "--set",
              "years=1",
              "--set",
              "segments[0].budget.startingHolders=0",
              "--set",
              "segments[1].budget.startingHolders=0",
              "--set",
              "segments[2].budget.startingHolders=0",
              "--seed",
              "" + (21_000 + i));
      Path open = tmp.resolve(name + "-open");
      Audit a = audit(read(folder), read(open), 5);
      assertDoubleRunning(folder, open);
      assertIntervals(folder);
      assertThat(a.solved()).as("caseload %d: cells solved", i).isPositive();
      System.out.printf(
          Locale.ROOT,
          "generated caseload %d: %d withheld, %d solved, narrowest %.4f%n",
          i,
          a.withheld(),
          a.solved(),
          a.narrowest());
      if (a.narrowest() < 5) {
        leaks.add("caseload " + i + " (seed " + (21_000 + i) + "): " + a.where());
        String keep = System.getProperty("phbsim.audit.keepLeaks");
        if (keep != null) {
          copyTree(folder, Path.of(keep, name));
          copyTree(open, Path.of(keep, name + "-open"));
        }
      }
      narrowest = Math.min(narrowest, a.narrowest());
      for (Path done : List.of(folder, open)) {
        try (var files = Files.walk(done)) {
          for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
            Files.delete(f);
          }
        }
      }
    }
    System.out.printf(
        Locale.ROOT,
        "audit of generated caseloads %d to %d: narrowest %.4f, %d leaking, %.0f s%n",
        FROM,
        GENERATED - 1,
        narrowest,
        leaks.size(),
        (System.nanoTime() - started) / 1e9);
    assertThat(leaks).as("withheld cells put in intervals narrower than 5").isEmpty();
  }

  /**
   * The NHS convention (issue 21, item 4; phbsim.report.NhsRounding): {@code disclosure:
   * nhs-rounding} on the synthetic caseload, two years, against the same run unprotected.
   *
   * <ul>
   *   <li>No published count of an arm is from above 0 to below 8 (1 to 7 are withheld; a
   *       difference between two published arms may be small), every published count is 0 or a
   *       multiple of 5, and each is its true mean rounded to the nearest 5 (within 2.5 of it, and
   *       equal to the true mean rounded).
   *   <li>Totals are rounded independently of their parts: every published total over segments is
   *       its own true value rounded, and somewhere the rounded parts do not add up to it.
   *   <li>Money with the prices known: a published line that is a price times a count, divided by
   *       the published count, gives the same price as the unprotected run's line over its count
   *       (so the line is the price times the rounded count), and the unrounded count cannot be had
   *       from it.
   *   <li>The withheld cells: the attacker is given the exact true value of every cell the rounded
   *       run publishes (more than the tables tell, which publish only the rounded value; each
   *       rounded value's band holds the true one, so the attacker's feasible set with the tables
   *       is larger), and bounds each withheld primary cell by linear programming: every interval
   *       at least 8 wide. So no count from 1 to 7 can be worked out from rounded totals either.
   * </ul>
   */
  @Test
  @org.junit.jupiter.api.Tag("slow")
  @DisplayName("the attacker's audit: the NHS convention, suppress 1 to 7 and round to 5")
  void nhsRounding() throws IOException {
    Files.copy(
        PersonLevelFiles.EXAMPLE,
        tmp.resolve("rounded.csv"),
        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path folder = tmp.resolve("rounded");
    Path open = tmp.resolve("rounded-open");
    for (Path to : List.of(folder, open)) {
      Path yaml = tmp.resolve(to.getFileName() + ".yaml");
      Files.writeString(
          yaml,
          BuiltInScenarios.text("default")
              + "\nstartingPopulation:\n  file: rounded.csv\n"
              + (to == folder ? "  disclosure: nhs-rounding\n" : "  suppressBelow: 1\n"));
      Cli c =
          Cli.run("run", yaml.toString(), "-r", "4", "--quiet", "--set", "years=2", "-o", "" + to);
      assertThat(c.exitCode()).as(c.err()).isZero();
    }
    int rounded = 0;
    int unequalSums = 0;
    for (String file : List.of("monthly_metrics.csv", "annual_metrics.csv")) {
      Map<String, Double> truth = new HashMap<>();
      for (Map<String, String> r : PersonLevelFiles.rows(open.resolve(file))) {
        truth.put(rowKey(r), Double.parseDouble(r.get("mean")));
      }
      Map<String, double[]> sums = new HashMap<>();
      for (Map<String, String> r : PersonLevelFiles.rows(folder.resolve(file))) {
        String mean = r.get("mean");
        if (mean.equals("*") || mean.isEmpty()) {
          continue;
        }
        double v = Double.parseDouble(mean);
        double t = truth.get(rowKey(r));
        // A difference is not a count: a small one between two published arms is published.
        boolean arm = !r.get("arm").equals("difference");
        assertThat(arm && v > 0 && v < 8).as("a count of 1 to 7: %s", r).isFalse();
        assertThat(v % 5).as("not rounded to 5: %s", r).isZero();
        assertThat(v).as("%s: the true %s rounded", r, t).isEqualTo(nearest5(t));
        assertThat(r.get("ci95_low")).as("%s", r).isIn("*", "");
        rounded++;
        if (arm) {
          String group = r.get("date") + r.get("financial_year") + r.get("option") + r.get("arm");
          double[] s = sums.computeIfAbsent(group + "|" + r.get("measure"), k -> new double[3]);
          if (r.get("segment").equals("all")) {
            s[0] = v;
            s[2]++;
          } else {
            s[1] += v;
          }
        }
      }
      for (double[] s : sums.values()) {
        unequalSums += s[2] > 0 && s[0] != s[1] ? 1 : 0;
      }
    }
    assertThat(rounded).isPositive();
    assertThat(unequalSums)
        .as("totals rounded on their own, not summed from rounded parts")
        .isPositive();
    int derived = assertMoneyDerived(folder, open);
    // The withheld cells, against an attacker who knows every published cell's exact value.
    Tables t = read(folder);
    Tables exact = read(open);
    Tables known = new Tables();
    for (Cell c : t.cells) {
      Integer o = exact.index.get(c.key());
      double v = Double.isNaN(c.value()) || o == null ? Double.NaN : exact.cells.get(o).value();
      known.index.put(c.key(), known.cells.size());
      known.cells.add(new Cell(c.key(), v, c.nonNegative()));
    }
    known.identities.addAll(t.identities);
    Audit a = audit(known, exact, 8);
    System.out.printf(
        Locale.ROOT,
        "audit rounded: %d counts published rounded, %d totals not the sum of their rounded parts,"
            + " %d money lines derived; %d withheld, %d solved, %d in components too big;"
            + " narrowest %.4f at %s%n",
        rounded,
        unequalSums,
        derived,
        a.withheld(),
        a.solved(),
        a.tooBig(),
        a.narrowest(),
        a.where());
    assertThat(a.solved()).isPositive();
    assertThat(a.narrowest()).as("the tightest interval: %s", a.where()).isGreaterThanOrEqualTo(8);
  }

  private static String rowKey(Map<String, String> r) {
    return r.get("date")
        + "|"
        + r.get("financial_year")
        + "|"
        + r.get("option")
        + "|"
        + r.get("arm")
        + "|"
        + r.get("segment")
        + "|"
        + r.get("measure");
  }

  /** A count rounded to the nearest 5, halves away from zero, worked out here on its own. */
  private static double nearest5(double x) {
    double r = Math.floor(Math.abs(x) / 5 + 0.5) * 5;
    return x < 0 ? -r : r;
  }

  /** The ledger lines that are a price times an activity count, and the count. */
  private static final Map<String, List<String>> PRICED =
      Map.of(
          "ae_attendances", List.of("ae_attendances", "ae_attendances_block"),
          "bed_days", List.of("bed_days", "bed_days_block"),
          "gp_consultations", List.of("gp_consultations", "gp_consultations_block"),
          "crisis_team_episodes", List.of("crisis_team_episodes", "crisis_team_episodes_block"));

  /**
   * The attacker with the prices (issue 21, item 4): for each published count of an arm in a month
   * whose lines are a price times it, the published lines over the published count give the price
   * of the unprotected run (its lines over its count), so the line is the price times the rounded
   * count. Returns how many months and arms were checked where rounding moved the count.
   */
  private static int assertMoneyDerived(Path folder, Path open) throws IOException {
    Map<String, Double> money = new HashMap<>();
    Map<String, Double> openMoney = new HashMap<>();
    for (Path f : List.of(folder, open)) {
      for (Map<String, String> r : PersonLevelFiles.rows(f.resolve("cashflow_monthly.csv"))) {
        if (r.get("arm") == null || r.get("arm").equals("difference")) {
          continue;
        }
        for (var e : PRICED.entrySet()) {
          if (e.getValue().contains(r.get("line"))) {
            String key =
                r.get("date") + "|" + r.get("option") + "|" + r.get("arm") + "|" + e.getKey();
            double v = r.get("mean").equals("*") ? Double.NaN : Double.parseDouble(r.get("mean"));
            (f == folder ? money : openMoney).merge(key, v, Double::sum);
          }
        }
      }
    }
    Map<String, Double> count = new HashMap<>();
    Map<String, Double> openCount = new HashMap<>();
    for (Path f : List.of(folder, open)) {
      for (Map<String, String> r : PersonLevelFiles.rows(f.resolve("monthly_metrics.csv"))) {
        if (r.get("segment").equals("all") && PRICED.containsKey(r.get("measure"))) {
          String key =
              r.get("date") + "|" + r.get("option") + "|" + r.get("arm") + "|" + r.get("measure");
          double v = r.get("mean").equals("*") ? Double.NaN : Double.parseDouble(r.get("mean"));
          (f == folder ? count : openCount).put(key, v);
        }
      }
    }
    int moved = 0;
    for (var e : money.entrySet()) {
      double line = e.getValue();
      double n = count.getOrDefault(e.getKey(), Double.NaN);
      if (Double.isNaN(line) || Double.isNaN(n) || n == 0) {
        continue;
      }
      double price = openMoney.get(e.getKey()) / openCount.get(e.getKey());
      assertThat(line / n).as("the price of %s", e.getKey()).isCloseTo(price, within(price));
      if (n != openCount.get(e.getKey())) {
        moved++;
        assertThat(line)
            .as("%s: not the unrounded line", e.getKey())
            .isNotCloseTo(openMoney.get(e.getKey()), within(0.005));
      }
    }
    assertThat(moved).isPositive();
    return moved;
  }

  private static org.assertj.core.data.Offset<Double> within(double price) {
    return org.assertj.core.data.Offset.offset(0.01 + 1e-9 * Math.abs(price));
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (var files = Files.walk(from)) {
      for (Path f : files.toList()) {
        Path t = to.resolve(from.relativize(f).toString());
        if (Files.isDirectory(f)) {
          Files.createDirectories(t);
        } else {
          Files.copy(f, t, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }

  @Test
  @org.junit.jupiter.api.Tag("slow")
  @DisplayName("the attacker's audit: areas, each drawing from a segment of 3")
  void areas() throws IOException {
    PersonLevelFiles.threeOrganic(tmp.resolve("three.csv"));
    Path folder =
        run(
            "areas",
            "three.csv",
            "areas:\n"
                + "  - id: north\n    population: 220000\n"
                + "  - id: south\n    population: 180000\n",
            "--set",
            "years=2");
    Path open = tmp.resolve("areas-open");
    assertAudit(folder.resolve("areas/north"), open.resolve("areas/north"), 5);
    assertAudit(folder.resolve("areas/south"), open.resolve("areas/south"), 5);
  }

  @Test
  @org.junit.jupiter.api.Tag("slow")
  @DisplayName("the attacker's audit: compare, a built-in first and a segment of 3 second")
  void compare() throws IOException {
    PersonLevelFiles.threeOrganic(tmp.resolve("three.csv"));
    Path file = tmp.resolve("compared.yaml");
    Files.writeString(
        file, BuiltInScenarios.text("default") + "\nstartingPopulation:\n  file: three.csv\n");
    Path open = tmp.resolve("compared-open.yaml");
    Files.writeString(
        open,
        BuiltInScenarios.text("default")
            + "\nstartingPopulation:\n  file: three.csv\n  suppressBelow: 1\n");
    Path folder = tmp.resolve("compare");
    for (Path yaml : List.of(file, open)) {
      Path to = yaml == file ? folder : tmp.resolve("compare-open");
      Cli c =
          Cli.run(
              "compare",
              "default",
              yaml.toString(),
              "-r",
              "4",
              "--quiet",
              "--set",
              "years=2",
              "-o",
              to.toString());
      assertThat(c.exitCode()).as(c.err()).isZero();
    }
    assertAudit(folder, 5);
  }
}
