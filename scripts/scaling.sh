#!/usr/bin/env bash
# The scaling run of issue 5: the population-flow workload (docs/benchmark.md, capacity 0.25, 10 years)
# at 10,000 / 100,000 / 1,000,000 / 1,500,000 / 15,000,000 people (England x 10). For each size,
# two JVMs:
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
# Also printed: the resident memory of the 1-thread JVM at its peak (MB_resident, from
# /usr/bin/time; the heap is not pre-sized, so this is what the run touched, JVM included).
# Set SVG=FILE to draw seconds per replication and resident memory against people on log-log
# axes into FILE (plain SVG made here by awk, no script or font fetched), e.g.
# SVG=docs/scaling.svg scripts/scaling.sh
# Set ALLOC=1 to add JMH's gc profiler (bytes allocated per run; about 4 minutes).
#
# Build first:  ./mvnw -q -B -ntp package -DskipTests
# Usage:        scripts/scaling.sh [sizes...]      e.g. scripts/scaling.sh 10000 100000
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=cli/target/phbsim.jar
BENCH=bench/target/benchmarks.jar
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000 100000 1000000 1500000 15000000)
JVM=(java -Xmx8g)
TIME=/usr/bin/time
ROWS=$(mktemp)
trap 'rm -f "$ROWS"' EXIT

replications() { # people -> timed replications per thread, about 10 s of work
  if [ "$1" -le 10000 ]; then echo 60; elif [ "$1" -le 100000 ]; then echo 12;
  elif [ "$1" -le 1500000 ]; then echo 5; else echo 1; fi
}

run() { # people replications threads -> prints "events seconds resident_KB"
  local out
  out=$("$TIME" -f 'maxrss %M' "${JVM[@]}" -jar "$JAR" bench population-flow --people "$1" \
    --capacity 0.25 --years 10 --replications "$2" --threads "$3" --warm-up "$2" 2>&1)
  echo "$out" | awk '/events processed/{e=$3} /wall seconds/{s=$3} /^maxrss/{m=$2} END{print e, s, m}'
}

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(java -version 2>&1 | head -1)"
printf '%-10s %11s %9s %12s %12s %6s %9s %12s %9s %12s\n' people events/s s/repl repl/s_1thr \
  repl/s_2thr ratio ns/event 'ns/log2(n)' B/person MB_resident
for n in "${SIZES[@]}"; do
  r=$(replications "$n")
  read -r events1 secs1 rss1 < <(run "$n" "$r" 1)
  read -r events2 secs2 rss2 < <(run "$n" $((2 * r)) 2)
  calendar=$(java -Xmx8g -cp "$BENCH" phbsim.bench.CalendarFootprint "$n" | awk '{print $3}')
  awk -v n="$n" -v r="$r" -v e1="$events1" -v s1="$secs1" -v s2="$secs2" -v b="$calendar" \
    -v m="$rss1" \
    'BEGIN {
       one = r / s1; two = 2 * r / s2; ns = s1 / e1 * 1e9;
       printf "%-10d %11.0f %9.3f %12.3f %12.3f %6.2f %9.1f %12.2f %9.1f %12.0f\n",
         n, e1 / s1, s1 / r, one, two, two / one, ns, ns / (log(n) / log(2)), b, m / 1024
     }' | tee -a "$ROWS"
done
echo "(timed in the JVM after warm-up replications; 2 threads run twice the replications)"

if [ -n "${SVG:-}" ]; then
  # Two series on log-log axes against people: seconds per replication (one thread) and resident
  # megabytes. Straight lines of slope 1 mean growth in proportion to the people.
  awk -v load="$(cut -d' ' -f1-3 /proc/loadavg)" '
    { n[NR] = $1; t[NR] = $3; m[NR] = $10 }
    function x(v) { return 70 + (log(v) / log(10) - 4) / 4 * 480 }
    function y(v) { return 330 - (log(v) / log(10) + 2) / 6 * 300 }
    END {
      print "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"640\" height=\"400\" font-family=\"sans-serif\" font-size=\"12\">"
      print "<rect width=\"640\" height=\"400\" fill=\"white\"/>"
      print "<text x=\"70\" y=\"18\">population-flow, 10 years: time and memory against people (log-log; load " load ")</text>"
      for (e = 4; e <= 8; e++) {
        printf "<line x1=\"%.1f\" y1=\"30\" x2=\"%.1f\" y2=\"330\" stroke=\"#ddd\"/>", x(10^e), x(10^e)
        printf "<text x=\"%.1f\" y=\"348\" text-anchor=\"middle\">1e%d</text>\n", x(10^e), e
      }
      for (e = -2; e <= 4; e++) {
        printf "<line x1=\"70\" y1=\"%.1f\" x2=\"550\" y2=\"%.1f\" stroke=\"#ddd\"/>", y(10^e), y(10^e)
        printf "<text x=\"64\" y=\"%.1f\" text-anchor=\"end\">1e%d</text>\n", y(10^e) + 4, e
      }
      print "<text x=\"310\" y=\"370\" text-anchor=\"middle\">people</text>"
      pt = ""; pm = ""
      for (i = 1; i <= NR; i++) {
        pt = pt sprintf("%.1f,%.1f ", x(n[i]), y(t[i])); pm = pm sprintf("%.1f,%.1f ", x(n[i]), y(m[i]))
        printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#1f77b4\"/>", x(n[i]), y(t[i])
        printf "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\" fill=\"#d62728\"/>\n", x(n[i]), y(m[i])
      }
      print "<polyline fill=\"none\" stroke=\"#1f77b4\" points=\"" pt "\"/>"
      print "<polyline fill=\"none\" stroke=\"#d62728\" points=\"" pm "\"/>"
      print "<text x=\"560\" y=\"60\" fill=\"#1f77b4\">s/replication</text>"
      print "<text x=\"560\" y=\"80\" fill=\"#d62728\">MB resident</text>"
      print "</svg>"
    }' "$ROWS" > "$SVG"
  echo "chart written to $SVG"
fi

if [ "${ALLOC:-0}" = 1 ]; then
  java -jar "$BENCH" 'PopulationFlowBenchmark.phbsim' -p capacity=0.25 -prof gc -f 1 -wi 1 -i 2 \
    -w 5s -r 5s 2>&1 | grep -E 'gc.alloc.rate.norm' | grep -v '·' || true
  echo "retained bytes per person = gc.alloc.rate.norm / people (see bench/README.md)"
fi
