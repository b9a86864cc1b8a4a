/**
 * What-if analyses built on the experiment cube (docs/model.md section 8): sweeps over one or two
 * parameters, one-way and probabilistic sensitivity, goal-seeking and calibration. Each builds the
 * scenarios it needs with a {@link phbsim.scenario.ScenarioEditor}, runs them as cells of a {@link
 * phbsim.experiment.Cube} on common random numbers, and summarises named outputs ({@link
 * phbsim.analysis.Outputs}) across replications.
 *
 * <p>Dependency rule: imports {@code experiment}, {@code report} and the domain packages; nothing
 * in the model imports it.
 */
package phbsim.analysis;
