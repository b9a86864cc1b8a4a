/**
 * Scenario files: the YAML loader with {@code --set path=value} overrides, the built-in scenarios
 * shipped as resources, and the writer that prints a scenario back as YAML.
 *
 * <p>Loading reports every problem at once, each with its file, line, column and path, because
 * commissioners edit these files by hand. This package depends on the model ({@code
 * phbsim.scenario}) and on Jackson; the model never depends on it, so the engine stays free of YAML
 * and file I/O.
 */
package phbsim.scenarios;
