/** Options shared by several commands, as Picocli mixins: scenario, replications, output. */
package phbsim.cli.options;
