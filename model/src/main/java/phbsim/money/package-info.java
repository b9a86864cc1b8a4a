/**
 * Money: amounts in integer pence ({@link phbsim.money.Money}), the lines of a commissioner's cash
 * flow ({@link phbsim.money.LedgerLine}), the one append-only {@link phbsim.money.Ledger} every
 * payment goes through, and Green Book discounting. docs/model.md section 5.
 *
 * <p>Dependency rule: imports nothing from phbsim but {@code time} and the scenario records ({@code
 * phbsim.scenario}: {@link phbsim.money.Prices} reads a scenario's money settings).
 */
package phbsim.money;
