/**
 * The pathway a scenario describes, as a JGraphT directed graph of services, with the checks of
 * docs/model.md section 3 and text diagrams (DOT, Mermaid) so a commissioner can see what they
 * wrote.
 *
 * <p>Dependency rule: imports {@code phbsim.scenario} only.
 */
package phbsim.pathway;
