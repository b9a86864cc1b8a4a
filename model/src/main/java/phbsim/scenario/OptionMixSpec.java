package phbsim.scenario;

/**
 * The shares of budgets managed each way; they sum to 1. docs/sources.md [nhsd-phb-2024] (NHS
 * Digital, Q4 2023-24): 15 % direct payment, 5 % third party, 80 % notional.
 */
public record OptionMixSpec(double directPayment, double thirdParty, double notional) {}
