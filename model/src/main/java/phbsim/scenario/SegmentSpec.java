package phbsim.scenario;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One population segment (for example a care-cluster group). Rates are per person per year.
 *
 * @param id short name used in outputs, such as {@code psychosis}
 * @param label a longer name for people (default: the id)
 * @param startingCaseload people of this segment on the team's caseload (or its waiting list) on
 *     day 0
 * @param referralsPerYear new people per year, arriving as a Poisson process
 * @param team the COMMUNITY service that new and starting people belong to
 * @param crisesPerYear crisis hazard of a person of average frailty
 * @param frailtyVariance variance of the gamma frailty (mean 1) that multiplies each person's
 *     crisis hazard; 0 makes everyone alike
 * @param exitsPerYear hazard of leaving the caseload for each EXIT service, by its id (recovery to
 *     primary care, death, moving away); budget holders leave at the same rates
 * @param waitingExitsPerYear hazard of leaving while waiting for a place, for each EXIT service
 *     (default: the same as exitsPerYear. ASSUMPTION: people die and move away whether or not they
 *     have a place, and people referred but not yet seen are discharged back to their GP, or stop
 *     needing the team, at about the rate people on the caseload recover)
 * @param budget personal health budgets in this segment (default: none)
 * @param gpConsultationsPerYear GP consultations a year of a person in secondary care (default 0:
 *     GP use not costed); a budget holder's are multiplied by the budget's gpEffect
 * @param needsTrendPerYear how a person's crisis hazard changes with time in secondary care: it is
 *     multiplied by exp(needsTrendPerYear x years since they came in) (default 0: constant needs).
 *     ASSUMPTION where used: needs that rise over time, as the national pilot's control group's
 *     costs did (docs/sources.md [pilot-2016])
 */
public record SegmentSpec(
    String id,
    @Optional String label,
    int startingCaseload,
    double referralsPerYear,
    String team,
    double crisesPerYear,
    double frailtyVariance,
    Map<String, Double> exitsPerYear,
    @Optional Map<String, Double> waitingExitsPerYear,
    @Optional SegmentBudgetSpec budget,
    @Optional Double gpConsultationsPerYear,
    @Optional Double needsTrendPerYear) {
  public SegmentSpec {
    label = label == null ? id : label;
    gpConsultationsPerYear = gpConsultationsPerYear == null ? 0.0 : gpConsultationsPerYear;
    needsTrendPerYear = needsTrendPerYear == null ? 0.0 : needsTrendPerYear;
    exitsPerYear =
        exitsPerYear == null
            ? Map.of()
            : Collections.unmodifiableMap(new LinkedHashMap<>(exitsPerYear));
    waitingExitsPerYear =
        waitingExitsPerYear == null
            ? exitsPerYear
            : Collections.unmodifiableMap(new LinkedHashMap<>(waitingExitsPerYear));
  }
}
