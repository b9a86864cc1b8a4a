#!/usr/bin/env bash
# The scaling run of issue 5: the population-flow workload (docs/benchmark.md, capacity 0.25, 10 years)
# at 10,000 / 100,000 / 1,000,000 / 1,500,000 people. For each size, two JVMs:
#
#   1 thread:  `phbsim bench population-flow --replications R --threads 1 --warm-up R`
#   2 threads: the same with --threads 2 and 2R replications, after 2R warm-up ones
#
# Replications run through the model's ReplicationRunner, as `phbsim run` runs them, and the timed
# ones come after the warm-up (so the JIT has compiled the workload; a fresh JVM's compile time is
# in docs/performance.md separately). Printed: events/s and seconds per replication on one thread;
# replications per second on 1 and 2 threads and their ratio; nanoseconds per event and that
# divided by log2(people), which stays flat or falls if the cost per event grows no faster than
# the logarithm; and bytes retained per person: the calendar's arrays after a long hold run at
# that size (CalendarFootprint), which is all the storage a person of this workload has (its
# state and draw counter live in the calendar's tag; the waiting line is empty at capacity 0.25).
# Set ALLOC=1 to add JMH's gc profiler (bytes allocated per run; about 4 minutes).
#
# Build first:  ./mvnw -q -B -ntp package -DskipTests
# Usage:        scripts/scaling.sh [sizes...]      e.g. scripts/scaling.sh 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=cli/target/phbsim.jar
BENCH=bench/target/benchmarks.jar
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000 1500000)
JVM=(java -Xms4g -Xmx4g)

replications() { # people -> timed replications per thread, about 10 s of work
  if [ "$1" -le 10000 ]; then echo 60; elif [ "$1" -le 100000 ]; then echo 12; else echo 5; fi
}

run() { # people replications threads -> prints "events seconds"
  "${JVM[@]}" -jar "$JAR" bench population-flow --people "$1" --capacity 0.25 --years 10 \
    --replications "$2" --threads "$3" --warm-up "$2" \
    | awk '/events processed/{e=$3} /wall seconds/{s=$3} END{print e, s}'
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
printf '%-10s %11s %9s %12s %12s %6s %9s %12s %9s\n' people events/s s/repl repl/s_1thr \
  repl/s_2thr ratio ns/event 'ns/log2(n)' B/person
for n in "${SIZES[@]}"; do
  r=$(replications "$n")
  read -r events1 secs1 < <(run "$n" "$r" 1)
  read -r events2 secs2 < <(run "$n" $((2 * r)) 2)
  calendar=$(java -Xmx4g -cp "$BENCH" phbsim.bench.CalendarFootprint "$n" | awk '{print $3}')
  awk -v n="$n" -v r="$r" -v e1="$events1" -v s1="$secs1" -v s2="$secs2" -v b="$calendar" \
    'BEGIN {
       one = r / s1; two = 2 * r / s2; ns = s1 / e1 * 1e9;
       printf "%-10d %11.0f %9.3f %12.3f %12.3f %6.2f %9.1f %12.2f %9.1f\n",
         n, e1 / s1, s1 / r, one, two, two / one, ns, ns / (log(n) / log(2)), b
     }'
done
echo "(timed in the JVM after warm-up replications; 2 threads run twice the replications)"

if [ "${ALLOC:-0}" = 1 ]; then
  java -jar "$BENCH" 'PopulationFlowBenchmark.phbsim' -p capacity=0.25 -prof gc -f 1 -wi 1 -i 2 \
    -w 5s -r 5s 2>&1 | grep -E 'gc.alloc.rate.norm' | grep -v '·' || true
  echo "retained bytes per person = gc.alloc.rate.norm / people (see bench/README.md)"
fi
