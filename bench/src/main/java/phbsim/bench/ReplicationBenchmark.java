package phbsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import phbsim.experiment.Experiment;
import phbsim.experiment.RunSpec;
import phbsim.report.ReplicationResult;
import phbsim.scenarios.BuiltInScenarios;
import phbsim.world.CompiledScenario;

/**
 * One replication of the built-in default scenario (the whole model: population, services, budgets,
 * ledger), World construction included. Each call uses the next replication index, so the JIT
 * cannot profile one fixed random path.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(
    value = 1,
    jvmArgs = {"-Xms1g", "-Xmx1g"})
public class ReplicationBenchmark {
  private CompiledScenario compiled;
  private int index;

  @Setup
  public void setUp() {
    compiled = new CompiledScenario(BuiltInScenarios.load("default"));
  }

  @Benchmark
  public ReplicationResult replicate() {
    return Experiment.replicate(compiled, RunSpec.DEFAULT_SEED, index++);
  }
}
