package phbsim.scenario;

/**
 * How uncertain one parameter is (docs/model.md section 8): the low and high values of a one-way
 * sensitivity analysis, and the distribution of a probabilistic one, with the source of both.
 *
 * @param path the parameter, written as {@code --set} writes it, such as {@code
 *     segments[common].budget.crisisEffect}
 * @param low the low value for one-way sensitivity (default: the stated rule, 25 % below the value)
 * @param high the high value (default: 25 % above the value; a share or probability moves a quarter
 *     of the way towards 1 instead)
 * @param distribution the family for probabilistic sensitivity (default: none, the parameter is
 *     held at its value there)
 * @param sd the standard deviation for BETA, GAMMA, LOGNORMAL and NORMAL
 * @param source where the range comes from: a docs/sources.md id, or ASSUMPTION and the reasoning
 */
public record UncertaintySpec(
    String path,
    @Optional Double low,
    @Optional Double high,
    @Optional Distribution distribution,
    @Optional Double sd,
    String source) {}
