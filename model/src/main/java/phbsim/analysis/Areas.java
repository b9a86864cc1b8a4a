package phbsim.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import phbsim.experiment.Appraisal;
import phbsim.experiment.OptionArm;
import phbsim.experiment.Progress;
import phbsim.experiment.RunSpec;
import phbsim.report.AppraisalResult;
import phbsim.report.ComparisonResult;
import phbsim.report.Disclosure;
import phbsim.report.ReplicationResult;
import phbsim.report.Summary;
import phbsim.scenario.Scenario;

/**
 * Several areas side by side (docs/model.md section 9): each area's options appraisal, run in turn
 * on every thread, handed to the caller (who writes its files) and then reduced to the totals of
 * each replication, so that memory holds one area's full results at a time; and the totals across
 * areas, replication by replication.
 */
public final class Areas {
  /*
   * Design notes
   *
   * 1. Independence. Area k draws from the streams of (seed, k, draw, replication)
   *    (RandomStreams.forCell): areas share no random numbers, and area 0 of several is exactly
   *    the plain run of that place, byte for byte.
   * 2. Totals are paired: replication r of the total is the sum of replication r of every area,
   *    for the status quo and for each option, and its summaries come from those sums. Areas run
   *    their own options against their own status quo, so an option's total saving is the sum of
   *    the areas' savings.
   */

  private Areas() {}

  /** One area: its id and label, its population (for figures per 100,000) and the place it runs. */
  public record Area(String id, String label, double population, Scenario place) {}

  /** What the caller does with an area's full results before they are dropped. */
  @FunctionalInterface
  public interface Each {
    void accept(int index, Area area, phbsim.report.Release<AppraisalResult> result);
  }

  /**
   * One area reduced: the totals of each replication of its status quo and of each option (in the
   * scenario's order), and the discount rate of its money.
   */
  public record AreaTotals(
      Area area,
      List<String> optionIds,
      List<String> optionLabels,
      List<ArmTotals> statusQuo,
      List<List<ArmTotals>> options,
      double discountRate,
      List<java.util.Set<String>> withheld) {
    /** An output of option k in each replication, summarised (as computed: see Result.headline). */
    public Summary summary(int option, Output output) {
      return summarise(options.get(option), statusQuo, output, discountRate);
    }

    /** Whether the area's own files withhold headline {@code output} of option k (Disclosure). */
    boolean withholds(int option, Output output) {
      return withheld.get(option).contains(output.name());
    }
  }

  /**
   * Every area, and their totals; {@code suppressBelow} is the run's threshold of small-number
   * suppression (Disclosure.threshold over every area and option), 0 if nothing is withheld.
   */
  public record Result(List<AreaTotals> areas, int suppressBelow) {
    /**
     * A headline figure of option k, as released: of area {@code area} (an index into {@link
     * #areas()}), or of the total with {@code area} -1. Withheld where the area's own files
     * withhold it, and the total where any area's is (else the total minus the other areas would
     * give it back); on a protected run the range is withheld and the interval protected
     * (Summary.protectedAt).
     */
    public Summary headline(int area, int option, Output output) {
      boolean any = false;
      for (AreaTotals a : areas) {
        any |= a.withholds(option, output);
      }
      if (area < 0 ? any : areas.get(area).withholds(option, output)) {
        return Summary.WITHHELD;
      }
      Summary s = area < 0 ? total(option, output) : areas.get(area).summary(option, output);
      return s.protectedAt(suppressBelow);
    }

    /** The total across areas of option k, replication by replication (note 2). */
    public Summary total(int option, Output output) {
      List<ArmTotals> sq = sum(a -> a.statusQuo());
      List<ArmTotals> opt = sum(a -> a.options().get(option));
      return summarise(opt, sq, output, areas.get(0).discountRate());
    }

    /** The total population of the areas. */
    public double population() {
      double p = 0;
      for (AreaTotals a : areas) {
        p += a.area().population();
      }
      return p;
    }

    /** The totals of one arm, summed over areas, replication by replication. */
    public List<ArmTotals> sum(Function<AreaTotals, List<ArmTotals>> arm) {
      List<ArmTotals> total = new ArrayList<>(arm.apply(areas.get(0)));
      for (int k = 1; k < areas.size(); k++) {
        List<ArmTotals> next = arm.apply(areas.get(k));
        for (int r = 0; r < total.size(); r++) {
          total.set(r, total.get(r).plus(next.get(r)));
        }
      }
      return total;
    }
  }

  private static Summary summarise(
      List<ArmTotals> option, List<ArmTotals> statusQuo, Output output, double rate) {
    double[] v = new double[option.size()];
    for (int r = 0; r < v.length; r++) {
      v[r] = output.value(option.get(r), statusQuo.get(r), rate);
    }
    return Summary.ofDefined(v);
  }

  /** How one area's appraisal runs: in this process, or as a distributed job (the spark module). */
  @FunctionalInterface
  public interface Runner {
    /**
     * The appraisal of area {@code index}: its status quo and {@code options}, on the area's own
     * random streams ({@link Appraisal#run(Scenario, List, RunSpec, Progress, int)}).
     */
    AppraisalResult run(int index, Area area, List<OptionArm> options, RunSpec run);
  }

  /**
   * Runs every area's options appraisal, in the order given, in this process, and releases the
   * areas side by side (the only maker of a Release of areas: the run applies one threshold to
   * every area before any is written).
   *
   * @param optionsOf the options of an area's place (the loader's, for a scenario file)
   * @param each given each area's full results, before they are reduced
   */
  public static phbsim.report.Release<Result> run(
      List<Area> areas,
      Function<Scenario, List<OptionArm>> optionsOf,
      RunSpec run,
      Progress progress,
      Each each) {
    long total = (long) areas.size();
    return run(
        areas,
        optionsOf,
        run,
        each,
        (k, area, options, spec) ->
            Appraisal.run(
                area.place().statusQuo(),
                options,
                spec,
                (d, n) -> progress.advanced(k * n + d, total * n),
                k));
  }

  /**
   * Runs every area's options appraisal, in the order given, each by {@code runner}.
   *
   * @param runner runs one area's appraisal; it must give what the in-process runner gives
   */
  public static phbsim.report.Release<Result> run(
      List<Area> areas,
      Function<Scenario, List<OptionArm>> optionsOf,
      RunSpec run,
      Each each,
      Runner runner) {
    if (areas.isEmpty()) {
      throw new IllegalArgumentException("a run of areas needs at least one area");
    }
    // One threshold for every area: an area drawn from a person-level file protects the others,
    // whose figures with the total over areas would otherwise give its figures away.
    List<List<OptionArm>> optionsOfArea = new ArrayList<>();
    List<Scenario> all = new ArrayList<>();
    for (Area area : areas) {
      List<OptionArm> options = optionsOf.apply(area.place());
      optionsOfArea.add(options);
      all.add(area.place());
      all.add(area.place().statusQuo());
      options.forEach(o -> all.add(o.scenario()));
    }
    int below = Disclosure.threshold(all);
    List<AreaTotals> reduced = new ArrayList<>();
    for (int k = 0; k < areas.size(); k++) {
      Area area = areas.get(k);
      AppraisalResult result = runner.run(k, area, optionsOfArea.get(k), run);
      result.withholdAtLeast(below);
      each.accept(k, area, Disclosure.release(result));
      reduced.add(reduce(area, result));
    }
    return new phbsim.report.Release<>(new Result(reduced, below), below);
  }

  private static AreaTotals reduce(Area area, AppraisalResult result) {
    var sqReducer = ArmTotals.reducer(result.statusQuo().compiled());
    List<ArmTotals> sq = new ArrayList<>();
    for (ReplicationResult r : result.statusQuo().replications()) {
      sq.add(sqReducer.apply(r));
    }
    List<String> ids = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    List<List<ArmTotals>> options = new ArrayList<>();
    List<java.util.Set<String>> withheld = new ArrayList<>();
    double rate = 0;
    for (ComparisonResult c : result.options()) {
      withheld.add(withheldHeadlines(c));
      ids.add(c.id());
      labels.add(c.label());
      rate = c.discountRate();
      var reducer = ArmTotals.reducer(c.option().compiled());
      List<ArmTotals> arm = new ArrayList<>();
      for (int r = 0; r < c.option().replications().size(); r++) {
        arm.add(reducer.apply(c.option().replications().get(r)).withCohort(c.cohort().get(r)));
      }
      options.add(arm);
    }
    return new AreaTotals(area, ids, labels, sq, options, rate, withheld);
  }

  /**
   * The headline outputs an area's own files withhold for an option (its net savings and NPVs, on a
   * person-level run, once a month's total is withheld): areas.csv withholds them too.
   */
  private static java.util.Set<String> withheldHeadlines(ComparisonResult c) {
    java.util.Set<String> names = new java.util.TreeSet<>();
    for (phbsim.report.Position p : phbsim.report.Position.values()) {
      String basis = p == phbsim.report.Position.CASH ? "cash" : "economic";
      if (c.netSaving(p).withheld()) {
        names.add("net_saving_" + basis);
      }
      if (c.npv(p).withheld()) {
        names.add("npv_" + basis);
      }
    }
    if (c.doubleRunningTotal().withheld()) {
      names.add("double_running");
    }
    return names;
  }
}
