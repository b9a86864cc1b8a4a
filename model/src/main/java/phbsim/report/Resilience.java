package phbsim.report;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import phbsim.observe.TeamMeasure;
import phbsim.observe.TeamMetrics;
import phbsim.scenario.ServiceKind;
import phbsim.world.CompiledScenario;

/**
 * The community teams that stay behind (docs/model.md section 7): each {@link TeamMeasure} per
 * month as a mean and 95% interval across replications, for the option, the status quo or their
 * paired difference (status quo minus option); and when a team first falls below its minimum viable
 * size.
 */
public final class Resilience {
  private final ComparisonResult comparison;
  private final List<Integer> teams = new ArrayList<>();

  public Resilience(ComparisonResult comparison) {
    this.comparison = comparison;
    CompiledScenario c = comparison.option().compiled();
    for (int s = 0; s < c.services().size(); s++) {
      if (c.services().kind(s) == ServiceKind.COMMUNITY) {
        teams.add(s);
      }
    }
  }

  /** The community teams, as service numbers. */
  public List<Integer> teams() {
    return List.copyOf(teams);
  }

  /** The team's name for people. */
  public String label(int team) {
    return comparison.option().compiled().services().spec(team).label();
  }

  /** The team's id. */
  public String id(int team) {
    return comparison.option().compiled().services().id(team);
  }

  /** A team measure in one month. */
  public Summary monthly(Arm arm, int month, int team, TeamMeasure measure) {
    return comparison.teamMonthly(arm, month, team, measure);
  }

  /** The share of replications in which a team measure is above zero in a month. */
  public double shareAboveZero(Arm arm, int month, int team, TeamMeasure measure) {
    ExperimentResult result = arm == Arm.STATUS_QUO ? comparison.statusQuo() : comparison.option();
    int n = result.replications().size();
    int count = 0;
    for (int r = 0; r < n; r++) {
      if (teams(result, r).get(month, team, measure) > 0) {
        count++;
      }
    }
    return (double) count / n;
  }

  /**
   * The first month in which the team's caseload is below its minimum viable size, in one
   * replication of one arm (OPTION or STATUS_QUO); empty if it never is.
   */
  public OptionalInt firstMonthBelowMinimum(Arm arm, int replication, int team) {
    ExperimentResult result = arm == Arm.STATUS_QUO ? comparison.statusQuo() : comparison.option();
    TeamMetrics t = teams(result, replication);
    for (int m = 0; m < t.months(); m++) {
      if (t.get(m, team, TeamMeasure.BELOW_MINIMUM_VIABLE_SIZE) > 0) {
        return OptionalInt.of(m);
      }
    }
    return OptionalInt.empty();
  }

  /** The share of replications in which the team falls below its minimum viable size. */
  public double shareFallingBelowMinimum(Arm arm, int team) {
    int n = comparison.option().replications().size();
    int count = 0;
    for (int r = 0; r < n; r++) {
      if (firstMonthBelowMinimum(arm, r, team).isPresent()) {
        count++;
      }
    }
    return (double) count / n;
  }

  /**
   * The median, over the replications in which it happens, of the first month below the minimum
   * viable size; empty if it happens in none.
   */
  public OptionalInt medianFirstMonthBelowMinimum(Arm arm, int team) {
    List<Integer> months = new ArrayList<>();
    int n = comparison.option().replications().size();
    for (int r = 0; r < n; r++) {
      firstMonthBelowMinimum(arm, r, team).ifPresent(months::add);
    }
    if (months.isEmpty()) {
      return OptionalInt.empty();
    }
    months.sort(null);
    return OptionalInt.of(months.get((months.size() - 1) / 2));
  }

  private static TeamMetrics teams(ExperimentResult result, int r) {
    return result.replications().get(r).teams();
  }
}
