#!/usr/bin/env bash
# Runs the Spark job jar on a real Spark standalone cluster on this machine, as docs/spark.md tells
# a user to, and checks its files against phbsim run's, byte for byte.
#
# The cluster is Spark 4.0.1's own: a master and a worker started from the jars of a Spark
# distribution (spark/standalone/pom.xml has Maven fetch exactly those, so nothing is installed by
# hand), the worker launching its executors as separate JVMs; the job is submitted with Spark's
# SparkSubmit class, which is what bin/spark-submit runs. Only the shaded job jar carries phbsim.
#
#   scripts/spark-standalone-check.sh            # builds what it needs, about two minutes
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

if [ ! -f spark/target/phbsim-spark-job.jar ] || [ ! -f cli/target/phbsim.jar ]; then
  ./mvnw -q -B -ntp -DskipTests install -pl cli,spark -am
fi
./mvnw -q -B -ntp -f spark/standalone/pom.xml package
export SPARK_HOME="$root/spark/standalone/target/spark-home"
# Without a Spark source tree the launcher must be told the Scala version it would otherwise
# find from its build folders.
export SPARK_SCALA_VERSION=2.13
export SPARK_LOCAL_IP=127.0.0.1

work="$(mktemp -d)"
opens="--add-opens=java.base/java.lang=ALL-UNNAMED --add-opens=java.base/java.lang.invoke=ALL-UNNAMED --add-opens=java.base/java.lang.reflect=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED --add-opens=java.base/java.net=ALL-UNNAMED --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.util=ALL-UNNAMED --add-opens=java.base/java.util.concurrent=ALL-UNNAMED --add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED --add-opens=java.base/sun.nio.ch=ALL-UNNAMED --add-opens=java.base/sun.nio.cs=ALL-UNNAMED --add-opens=java.base/sun.security.action=ALL-UNNAMED --add-opens=java.base/sun.util.calendar=ALL-UNNAMED"
spark_java() { # the master and worker log at Spark's default level, which the wait below reads
  # shellcheck disable=SC2086
  java $opens -cp "$SPARK_HOME/jars/*" "$@"
}
pids=()
stop() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
}
trap stop EXIT

port=$((20000 + RANDOM % 20000))
master="spark://127.0.0.1:$port"
spark_java org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" \
  --webui-port 0 >"$work/master.log" 2>&1 &
pids+=($!)
sleep 3
spark_java org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --cores 2 --memory 3g \
  --work-dir "$work/worker" --webui-port 0 "$master" >"$work/worker.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 60); do
  grep -q "Successfully registered with master" "$work/worker.log" && break
  sleep 1
done
grep -q "Successfully registered with master" "$work/worker.log" || {
  echo "The Spark worker did not register with the master; logs in $work" >&2
  exit 1
}
echo "Spark standalone cluster up: $master (logs in $work)"

submit() { # the driver logs warnings only, as ./phbsim-spark does
  spark_java -Dlog4j2.configurationFile="$root/spark/conf/log4j2.properties" \
    org.apache.spark.deploy.SparkSubmit --master "$master" --deploy-mode client \
    --class phbsim.spark.SparkRun "$root/spark/target/phbsim-spark-job.jar" "$@"
}
cli() {
  java -jar "$root/cli/target/phbsim.jar" "$@" >/dev/null
}

status=0
compare() { # every table, run.json and scenario.yaml phbsim run wrote, against the job's
  local expected="$1" actual="$2" n=0
  while IFS= read -r f; do
    rel="${f#"$expected"/}"
    if ! cmp -s "$f" "$actual/$rel"; then
      echo "DIFFERENT: $rel" >&2
      status=1
    fi
    n=$((n + 1))
  done < <(find "$expected" -type f \( -name '*.csv' -o -name run.json -o -name scenario.yaml \))
  echo "  $n files compared"
}

echo "1. run default, 20 replications of 2 years, with the Parquet tables written by the executors"
submit run default -r 20 --set years=2 --out "$work/spark" --parquet-to "file://$work/parquet" \
  | tail -n 1
cli run default -r 20 --set years=2 -q --out "$work/cli"
compare "$work/cli" "$work/spark"
for t in monthly_metrics cashflow_monthly cash_summary teams_monthly; do
  if ! ls "$work/parquet/$t"/*.parquet >/dev/null 2>&1; then
    echo "MISSING: the Parquet table $t" >&2
    status=1
  fi
done

echo "2. run going-further-faster (three areas in one job), 3 replications of 1 year"
submit run going-further-faster -r 3 --set years=1 --no-parquet --out "$work/spark-areas" \
  | tail -n 1
cli run going-further-faster -r 3 --set years=1 -q --out "$work/cli-areas"
compare "$work/cli-areas" "$work/spark-areas"

# The tasks ran in executors the worker launched, not in the driver.
executors=$(find "$work/worker" -mindepth 2 -maxdepth 2 -type d | wc -l)
echo "  executors launched by the worker: $executors"
[ "$executors" -ge 2 ] || { echo "no executor was launched" >&2; status=1; }

if [ "$status" -eq 0 ]; then
  echo "Standalone cluster: every file the same bytes as phbsim run."
  rm -rf "$work"
fi
exit "$status"
