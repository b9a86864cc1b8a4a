package phbsim.report;

import java.util.ArrayList;
import java.util.List;
import phbsim.scenario.Scenario;

/**
 * An options appraisal of one place: the status quo and every option, run on the same random
 * numbers replication by replication, and each option's comparison with the status quo
 * (docs/model.md section 5). The status quo's replications are shared by every comparison.
 */
public final class AppraisalResult {
  private final ExperimentResult statusQuo;
  private final List<ComparisonResult> options;
  private int suppressBelow;

  public AppraisalResult(ExperimentResult statusQuo, List<ComparisonResult> options) {
    if (options.isEmpty()) {
      throw new IllegalArgumentException("an appraisal needs at least one option");
    }
    for (ComparisonResult c : options) {
      if (c.statusQuo() != statusQuo) {
        throw new IllegalArgumentException(
            "every option must be compared with the same status quo");
      }
    }
    this.statusQuo = statusQuo;
    this.options = List.copyOf(options);
    // A starting population from person-level data in ANY arm (the status quo, an option that
    // names its own file, the second scenario of a compare): small numbers are withheld from every
    // arm of this result, since each arm's figures are published beside the others' and their
    // differences, and no table, workbook, chart or summary can forget to.
    List<Scenario> arms = new ArrayList<>();
    arms.add(statusQuo.compiled().scenario());
    for (ComparisonResult c : this.options) {
      arms.add(c.option().compiled().scenario());
    }
    rounds = Disclosure.rounds(arms);
    withholdAtLeast(Disclosure.threshold(arms));
  }

  /** Whether counts are published rounded to the nearest 5 (NhsRounding). */
  private final boolean rounds;

  /** Whether counts are published rounded to the nearest 5 (the NHS convention, NhsRounding). */
  public boolean rounds() {
    return rounds;
  }

  /**
   * Withholds small numbers at {@code threshold} at least: the threshold of a run of which this
   * appraisal is one part (an area of several, where another area's people come from a file and the
   * areas' total is published beside this one's figures). A lower or equal threshold than the one
   * applied already changes nothing.
   */
  public void withholdAtLeast(int threshold) {
    if (threshold > 1 && threshold > suppressBelow) {
      suppressBelow = threshold;
      Disclosure.apply(this, threshold, rounds);
    }
  }

  /** The threshold of small-number suppression, or 0 if nothing is withheld (Disclosure). */
  public int suppressBelow() {
    return suppressBelow;
  }

  public ExperimentResult statusQuo() {
    return statusQuo;
  }

  /** Each option against the status quo, in the scenario's order. */
  public List<ComparisonResult> options() {
    return options;
  }

  /** The first option: the only one when the scenario names none. */
  public ComparisonResult first() {
    return options.get(0);
  }

  /** Total events over all arms and replications. */
  public long events() {
    long sum = statusQuo.events();
    for (ComparisonResult c : options) {
      sum += c.option().events();
    }
    return sum;
  }

  /**
   * Option {@code to} against option {@code from} over the horizon, in pounds: from's cost minus
   * to's, replication by replication (docs/model.md section 5, "options against each other"), so a
   * positive figure is what choosing {@code to} instead of {@code from} saves. Both options ran on
   * the status quo's random numbers, so the pair shares them and the interval is the paired one,
   * narrower than two separate intervals would suggest. It equals to's net saving minus from's,
   * replication by replication. Withheld where either option's net saving is; on a run protected
   * for person-level data its intervals are protected as every other figure's are.
   */
  public Summary increment(ComparisonResult from, ComparisonResult to, Position position) {
    if (!options.contains(from) || !options.contains(to)) {
      throw new IllegalArgumentException("both options must be of this appraisal");
    }
    if (from.netSaving(position).withheld() || to.netSaving(position).withheld()) {
      return Summary.WITHHELD;
    }
    if (rounds) {
      // From the published net savings, whose lines are derived from rounded counts.
      return Summary.sumOfPublished(to.netSaving(position).mean() - from.netSaving(position).mean())
          .protectedAt(suppressBelow);
    }
    int n = to.option().replications().size();
    double[] v = new double[n];
    for (int r = 0; r < n; r++) {
      v[r] = (to.netSavingPence(position, r) - from.netSavingPence(position, r)) / 100.0;
    }
    return Summary.protectedOf(v, suppressBelow);
  }

  /**
   * Every pair of options in the scenario's order, each later option against each earlier one: the
   * increments a finance lead choosing between them reads ({@link #increment}).
   */
  public List<ComparisonResult[]> pairs() {
    List<ComparisonResult[]> pairs = new ArrayList<>();
    for (int i = 0; i < options.size(); i++) {
      for (int j = i + 1; j < options.size(); j++) {
        pairs.add(new ComparisonResult[] {options.get(i), options.get(j)});
      }
    }
    return pairs;
  }
}
