/**
 * JMH benchmarks of phbsim's engine ({@code *Benchmark}, run from {@code
 * bench/target/benchmarks.jar}) and the side-by-side comparison with SSJ 3.3.2 on the reference
 * workload of docs/benchmark.md ({@link phbsim.bench.CompareWithSsj}). See bench/README.md for how
 * to run them and the figures measured.
 *
 * <p>Dependency rule: this module is a client of {@code model}; nothing depends on it, and SSJ
 * appears nowhere else in phbsim.
 */
package phbsim.bench;
