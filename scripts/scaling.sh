#!/usr/bin/env bash
# The scaling run of issue 5: the population-flow workload (BENCHMARK.md, capacity 0.25, 10 years)
# at 10,000 / 100,000 / 1,000,000 / 1,500,000 people. For each size it prints events/s and seconds
# per replication (one JVM, one replication after a warm-up one), and the replication throughput
# with 1 and 2 threads (1 process, then 2 processes at once: replications are independent, so two
# JVMs side by side are what two threads would do, minus any sharing), and the bytes retained per
# person: the calendar's arrays after a long hold run at that size (CalendarFootprint) plus the
# workload's own 5 bytes a person (state 1, stream counter 4). Set ALLOC=1 to add JMH's gc
# profiler (bytes allocated per run, garbage from array growth included; about 4 minutes).
#
# Build first:  ./mvnw -q -B -ntp package -DskipTests
# Usage:        scripts/scaling.sh [sizes...]      e.g. scripts/scaling.sh 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=cli/target/phbsim.jar
BENCH=bench/target/benchmarks.jar
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000 1500000)
JVM=(java -Xms3g -Xmx3g -XX:+UseParallelGC)

run_once() { # people -> prints "events seconds"
  "${JVM[@]}" -jar "$JAR" bench population-flow --people "$1" --capacity 0.25 --years 10 \
    | awk '/events processed/{e=$3} /wall seconds/{s=$3} END{print e, s}'
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
printf '%-10s %12s %12s %14s %14s %8s %10s\n' people events/s s/repl repl/s_1thr repl/s_2thr ratio B/person
for n in "${SIZES[@]}"; do
  run_once "$n" > /dev/null          # warm the disk cache and the CPU; JIT is per process
  read -r events secs < <(run_once "$n")
  start=$(date +%s.%N)
  run_once "$n" > /dev/null
  one=$(echo "1 / ($(date +%s.%N) - $start)" | bc -l)
  start=$(date +%s.%N)
  run_once "$n" > /dev/null & run_once "$n" > /dev/null & wait
  two=$(echo "2 / ($(date +%s.%N) - $start)" | bc -l)
  calendar=$(java -Xmx3g -cp "$BENCH" phbsim.bench.CalendarFootprint "$n" | awk '{print $3}')
  printf '%-10s %12.0f %12.3f %14.3f %14.3f %8.2f %10.1f\n' "$n" "$(echo "$events / $secs" | bc -l)" \
    "$secs" "$one" "$two" "$(echo "$two / $one" | bc -l)" "$(echo "$calendar + 5" | bc -l)"
done
echo "(repl/s includes JVM start; s/repl and events/s are timed inside the JVM)"

if [ "${ALLOC:-0}" = 1 ]; then
  java -jar "$BENCH" 'PopulationFlowBenchmark.phbsim' -p capacity=0.25 -prof gc -f 1 -wi 1 -i 2 \
    -w 5s -r 5s 2>&1 | grep -E 'gc.alloc.rate.norm' | grep -v '·' || true
  echo "retained bytes per person = gc.alloc.rate.norm / people (see bench/README.md)"
fi
