package phbsim.report;

import java.util.List;

/**
 * An options appraisal of one place: the status quo and every option, run on the same random
 * numbers replication by replication, and each option's comparison with the status quo
 * (docs/model.md section 5). The status quo's replications are shared by every comparison.
 */
public final class AppraisalResult {
  private final ExperimentResult statusQuo;
  private final List<ComparisonResult> options;

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
    // A starting population from person-level data: small numbers are withheld from every
    // reader of this result, so that no table, workbook, chart or summary can forget to.
    var from = statusQuo.compiled().scenario().startingPopulation();
    if (from != null && from.suppressBelow() > 1) {
      Disclosure.apply(this, from.suppressBelow());
    }
  }

  /** The threshold of small-number suppression, or 0 if nothing is withheld (Disclosure). */
  public int suppressBelow() {
    var from = statusQuo.compiled().scenario().startingPopulation();
    return from == null || from.suppressBelow() <= 1 ? 0 : from.suppressBelow();
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
}
