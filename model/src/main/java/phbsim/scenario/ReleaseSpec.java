package phbsim.scenario;

import java.time.LocalDate;

/**
 * A commissioner's decision to take posts out of a block contract: decided in the month of {@code
 * decided}, effective after the contract's notice period.
 *
 * @param happensAnyway true if the release happens whatever the commissioner decides about budgets,
 *     so it is part of the status quo too (default false: a planned release belongs to the option,
 *     and its saving is credited to it)
 */
public record ReleaseSpec(LocalDate decided, double posts, @Optional Boolean happensAnyway) {
  public ReleaseSpec {
    happensAnyway = happensAnyway != null && happensAnyway;
  }
}
