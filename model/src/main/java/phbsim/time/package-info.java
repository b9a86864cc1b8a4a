/**
 * NHS financial time: days since the scenario's start mapped to calendar dates, financial years
 * (April to March, labelled "2026/27") and periods M1 (April) to M12 (March). docs/model.md section
 * 1.
 *
 * <p>Dependency rule: imports nothing from phbsim's domain packages.
 */
package phbsim.time;
