package phbsim.bench;

import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.AuxCounters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import phbsim.workload.PopulationFlow;

/**
 * The reference workload of docs/benchmark.md, one whole run (creating the people included) per
 * operation. The score is runs per second; the {@code events} counter (JMH's {@code OPERATIONS}
 * counter type, which in throughput mode is normalised by time) is events per second. With {@code
 * -prof gc}, {@code gc.alloc.rate.norm} is the bytes allocated per run: divided by the number of
 * people it is the storage per person, since nothing is allocated per event.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xms3g", "-Xmx3g"})
public class PopulationFlowBenchmark {
  @Param({"10000", "100000", "1000000"})
  int people;

  @Param({"0.25", "0.03"})
  double capacity;

  private long seed;

  /** Events processed, reported by JMH as a rate: events per second. */
  @State(Scope.Thread)
  @AuxCounters(AuxCounters.Type.OPERATIONS)
  public static class Events {
    public long events;

    @Setup(Level.Iteration)
    public void clear() {
      events = 0;
    }
  }

  @Benchmark
  public PopulationFlow.Result phbsim(Events counter) {
    // A new seed each run, so that the JIT cannot learn one trajectory.
    PopulationFlow.Result result =
        PopulationFlow.run(new PopulationFlow.Settings(people, capacity, ++seed));
    counter.events += result.events();
    return result;
  }

  @Benchmark
  public PopulationFlow.Result ssj(Events counter) {
    PopulationFlow.Result result =
        SsjPopulationFlow.run(new PopulationFlow.Settings(people, capacity, ++seed));
    counter.events += result.events();
    return result;
  }
}
