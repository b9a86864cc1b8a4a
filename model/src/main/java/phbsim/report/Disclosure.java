package phbsim.report;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import phbsim.observe.Measure;
import phbsim.observe.MonthlyMetrics;
import phbsim.observe.TeamMeasure;
import phbsim.observe.TeamMetrics;
import phbsim.scenario.ServiceKind;
import phbsim.world.CompiledScenario;

/**
 * Small-number suppression of an appraisal whose starting population came from person-level data
 * (docs/model.md section 2): which figures are withheld from every table, workbook, chart and
 * printed summary.
 *
 * <p>Which figures are counts: every activity measure (people, events and days, per segment and in
 * total, per month and per year), the teams' people (caseload, waiting list, freed places) and the
 * budgets' (active budgets, people in planning). A count whose mean over replications is above 0
 * and below the threshold is withheld (SmallNumbers), and so is whatever would let it be worked
 * out:
 *
 * <ul>
 *   <li>a segment's figure from the total over segments, and the total from its segments;
 *   <li>a month's flow from its year's total (a year's stock is its last month's);
 *   <li>a team's caseload or waiting list from the segments the team serves;
 *   <li>a ratio from its count where the other term is published: a team's cost per person, mean
 *       frailty, utilisation and waits; the cost per active budget and the days from offer to plan;
 *   <li>a difference (status quo minus option) is withheld whenever either side is, and then
 *       neither side can be worked out from it.
 * </ul>
 *
 * <p>The cohort view of an option (people who started a budget against their twins) is withheld
 * whole when it follows fewer people than the threshold. Money is not a count of people and is
 * published.
 */
public final class Disclosure {
  private Disclosure() {}

  /**
   * The threshold of small-number suppression of a run made of these scenarios (every arm, area and
   * scenario whose figures are published together): the highest {@code suppressBelow} of any of
   * them whose people come from a person-level file, or 0 if none does. One arm drawn from a file
   * protects the whole run, since a built-in arm's figures published beside it (a difference, a
   * total over areas) would otherwise give the protected arm's away.
   */
  public static int threshold(java.util.Collection<phbsim.scenario.Scenario> scenarios) {
    int below = 0;
    for (phbsim.scenario.Scenario s : scenarios) {
      var from = s.startingPopulation();
      if (from != null && from.suppressBelow() > 1) {
        below = Math.max(below, from.suppressBelow());
      }
    }
    return below;
  }

  /** What is withheld of one arm's results (one ExperimentResult). */
  public static final class Withheld {
    private final int below;
    private final int groups;
    private final int services;
    private final BitSet monthly = new BitSet();
    private final BitSet annual = new BitSet();
    private final BitSet teams = new BitSet();
    private final BitSet plansFew = new BitSet();

    private Withheld(int below, int groups, int services) {
      this.below = below;
      this.groups = groups;
      this.services = services;
    }

    private int metricIndex(int period, int segment, Measure m) {
      return (period * groups + segment + 1) * Measure.values().length + m.ordinal();
    }

    private int teamIndex(int month, int team, TeamMeasure m) {
      return (month * services + team) * TeamMeasure.values().length + m.ordinal();
    }

    /** The threshold: counts from 1 to this less one are withheld. */
    public int below() {
      return below;
    }

    /** Whether a month's measure, for a segment or ALL_SEGMENTS, is withheld. */
    public boolean monthly(int month, int segment, Measure m) {
      return monthly.get(metricIndex(month, segment, m));
    }

    /** Whether a financial year's measure is withheld. */
    public boolean annual(int year, int segment, Measure m) {
      return annual.get(metricIndex(year, segment, m));
    }

    /** Whether a team's measure in a month is withheld. */
    public boolean team(int month, int team, TeamMeasure m) {
      return teams.get(teamIndex(month, team, m));
    }

    /** Whether an infrastructure figure in a month is withheld. */
    public boolean infrastructure(int month, Infrastructure.Figure f) {
      return switch (f) {
        case COST -> false;
        case ACTIVE_BUDGETS, COST_PER_ACTIVE_BUDGET ->
            monthly(month, ExperimentResult.ALL_SEGMENTS, Measure.BUDGET_HOLDERS);
        case PLANNING_QUEUE ->
            monthly(month, ExperimentResult.ALL_SEGMENTS, Measure.PLANNING_QUEUE);
        case DAYS_FROM_OFFER_TO_PLAN ->
            plansFew.get(month)
                || monthly(month, ExperimentResult.ALL_SEGMENTS, Measure.PLANS_SIGNED_OFF);
      };
    }
  }

  /** The team measures that count people. */
  private static final List<TeamMeasure> TEAM_COUNTS =
      List.of(
          TeamMeasure.CASELOAD,
          TeamMeasure.WAITING_LIST,
          TeamMeasure.FREED_PLACES,
          TeamMeasure.FREED_PLACES_REFILLED,
          TeamMeasure.FREED_PLACES_EMPTY);

  /** A team's count and the segments' count it is the sum of. */
  private record Tied(TeamMeasure team, Measure segment) {}

  private static final List<Tied> TIED =
      List.of(
          new Tied(TeamMeasure.CASELOAD, Measure.CASELOAD),
          new Tied(TeamMeasure.WAITING_LIST, Measure.WAITING_LIST));

  /** Ratios over the caseload, which publish the caseload with the other published terms. */
  private static final List<TeamMeasure> OVER_CASELOAD =
      List.of(
          TeamMeasure.COST_PER_PERSON,
          TeamMeasure.MEAN_FRAILTY_ON_CASELOAD,
          TeamMeasure.UTILISATION);

  /**
   * Works out what is withheld from an appraisal at this threshold (counts from 1 to threshold - 1
   * are withheld) and marks it on each of its results, so that every reader of them sees withheld
   * figures as {@link Summary#WITHHELD}.
   */
  public static void apply(AppraisalResult appraisal, int threshold) {
    Map<ExperimentResult, Boolean> done = new IdentityHashMap<>();
    List<ExperimentResult> arms = new ArrayList<>();
    arms.add(appraisal.statusQuo());
    for (ComparisonResult c : appraisal.options()) {
      arms.add(c.statusQuo());
      arms.add(c.option());
    }
    for (ExperimentResult arm : arms) {
      if (done.put(arm, Boolean.TRUE) == null) {
        arm.withhold(of(arm, threshold));
      }
    }
    for (ComparisonResult c : appraisal.options()) {
      Summary holders = c.cohortUnmasked(Cohort.Figures::holders);
      c.withholdCohort(!(holders.mean() >= threshold));
      // Blocks summarised before the threshold was known are summarised again, protected.
      c.protect(threshold);
    }
  }

  /** What is withheld of one arm. */
  static Withheld of(ExperimentResult arm, int threshold) {
    CompiledScenario compiled = arm.compiled();
    int segments = compiled.segments().size();
    int groups = segments + 1;
    int months = compiled.calendar().monthCount();
    int years = arm.financialYears().size();
    int services = compiled.services().size();
    Measure[] measures = Measure.values();
    int reps = arm.replications().size();
    Withheld w = new Withheld(threshold, groups, services);
    SmallNumbers cells = new SmallNumbers(threshold);

    // Cells, numbered in blocks: monthly metrics, annual metrics, team counts.
    int[][][] monthly = new int[months][groups][measures.length];
    int[][][] annual = new int[years][groups][measures.length];
    for (int m = 0; m < months; m++) {
      double[][] mean = new double[groups][measures.length];
      for (int r = 0; r < reps; r++) {
        MonthlyMetrics mm = arm.replications().get(r).metrics();
        for (int g = 0; g < groups; g++) {
          for (Measure k : measures) {
            mean[g][k.ordinal()] += ExperimentResult.value(mm, m, g - 1, k);
          }
        }
      }
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          monthly[m][g][k.ordinal()] = cells.cell(mean[g][k.ordinal()] / reps, true);
        }
      }
    }
    for (int y = 0; y < years; y++) {
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          double sum = 0;
          for (int r = 0; r < reps; r++) {
            sum += arm.annualValue(arm.replications().get(r).metrics(), y, g - 1, k);
          }
          annual[y][g][k.ordinal()] = cells.cell(sum / reps, true);
        }
      }
    }
    List<Integer> teamIds = new ArrayList<>();
    for (int s = 0; s < services; s++) {
      if (compiled.services().kind(s) == ServiceKind.COMMUNITY) {
        teamIds.add(s);
      }
    }
    int[][][] team = new int[months][services][TeamMeasure.values().length];
    for (int m = 0; m < months; m++) {
      for (int t : teamIds) {
        for (TeamMeasure k : TEAM_COUNTS) {
          double sum = 0;
          for (int r = 0; r < reps; r++) {
            sum += teamMetrics(arm, r).get(m, t, k);
          }
          team[m][t][k.ordinal()] = cells.cell(sum / reps, true);
        }
      }
    }

    // Groups: segments and their total; months and their year; a team and its segments.
    int[] parts = new int[groups];
    for (int m = 0; m < months; m++) {
      for (Measure k : measures) {
        for (int g = 0; g < groups; g++) {
          parts[g] = monthly[m][g][k.ordinal()];
        }
        cells.group(parts.clone());
      }
    }
    for (int y = 0; y < years; y++) {
      for (Measure k : measures) {
        for (int g = 0; g < groups; g++) {
          parts[g] = annual[y][g][k.ordinal()];
        }
        cells.group(parts.clone());
      }
    }
    for (int y = 0; y < years; y++) {
      int[] inYear = arm.monthsOfYear(y);
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          if (inYear.length == 0) {
            continue;
          }
          if (k.kind() == Measure.Kind.STOCK) {
            cells.group(
                annual[y][g][k.ordinal()], monthly[inYear[inYear.length - 1]][g][k.ordinal()]);
          } else {
            int[] group = new int[inYear.length + 1];
            group[0] = annual[y][g][k.ordinal()];
            for (int i = 0; i < inYear.length; i++) {
              group[i + 1] = monthly[inYear[i]][g][k.ordinal()];
            }
            cells.group(group);
          }
        }
      }
    }
    for (int t : teamIds) {
      List<Integer> served = new ArrayList<>();
      for (int g = 0; g < segments; g++) {
        if (compiled.segments().team(g) == t) {
          served.add(g);
        }
      }
      for (int m = 0; m < months; m++) {
        for (Tied tied : TIED) {
          int[] group = new int[served.size() + 1];
          group[0] = team[m][t][tied.team().ordinal()];
          for (int i = 0; i < served.size(); i++) {
            group[i + 1] = monthly[m][served.get(i) + 1][tied.segment().ordinal()];
          }
          cells.group(group);
        }
      }
    }

    BitSet out = cells.solve();
    for (int m = 0; m < months; m++) {
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          if (out.get(monthly[m][g][k.ordinal()])) {
            w.monthly.set(w.metricIndex(m, g - 1, k));
          }
        }
      }
      // The days from offer to plan are a mean over the month's plans: too few plans, withheld.
      double plans = 0;
      for (int r = 0; r < reps; r++) {
        plans += arm.replications().get(r).metrics().total(m, Measure.PLANS_SIGNED_OFF);
      }
      plans /= reps;
      if (plans > 0 && plans < threshold) {
        w.plansFew.set(m);
      }
    }
    for (int y = 0; y < years; y++) {
      for (int g = 0; g < groups; g++) {
        for (Measure k : measures) {
          if (out.get(annual[y][g][k.ordinal()])) {
            w.annual.set(w.metricIndex(y, g - 1, k));
          }
        }
      }
    }
    for (int m = 0; m < months; m++) {
      for (int t : teamIds) {
        for (TeamMeasure k : TEAM_COUNTS) {
          if (out.get(team[m][t][k.ordinal()])) {
            w.teams.set(w.teamIndex(m, t, k));
          }
        }
        if (w.teams.get(w.teamIndex(m, t, TeamMeasure.CASELOAD))) {
          for (TeamMeasure k : OVER_CASELOAD) {
            w.teams.set(w.teamIndex(m, t, k));
          }
        }
        // Waits describe the people given a place in the month: withheld with the waiting list,
        // or when the team's segments gave places to fewer people than the threshold.
        double placed = 0;
        boolean placedWithheld = false;
        for (int g = 0; g < segments; g++) {
          if (compiled.segments().team(g) == t) {
            placedWithheld |=
                out.get(monthly[m][g + 1][Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST.ordinal()]);
            for (int r = 0; r < reps; r++) {
              placed +=
                  arm.replications()
                      .get(r)
                      .metrics()
                      .get(m, g, Measure.SLOTS_ALLOCATED_FROM_WAITING_LIST);
            }
          }
        }
        placed /= reps;
        if (placedWithheld
            || (placed > 0 && placed < threshold)
            || w.teams.get(w.teamIndex(m, t, TeamMeasure.WAITING_LIST))) {
          w.teams.set(w.teamIndex(m, t, TeamMeasure.WAIT_MEDIAN_DAYS));
          w.teams.set(w.teamIndex(m, t, TeamMeasure.WAIT_P90_DAYS));
        }
      }
    }
    return w;
  }

  private static TeamMetrics teamMetrics(ExperimentResult arm, int r) {
    return arm.replications().get(r).teams();
  }
}
