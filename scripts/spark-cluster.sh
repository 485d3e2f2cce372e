#!/usr/bin/env bash
# A Spark standalone cluster on this machine, built from Maven Central only: one master and two workers, each
# a JVM of its own, on loopback.
#   scripts/spark-cluster.sh start    assemble the distribution (first use), start what is not running, wait
#                                     until both workers are registered with the master
#   scripts/spark-cluster.sh status   what runs, and the master's view (workers, cores free)
#   scripts/spark-cluster.sh stop     stop the daemons by their process ids (their executors stop with them)
# Then: ./touchstone run ... --backend spark --master spark://127.0.0.1:7077
#
# The distribution (jars/, RELEASE, conf/) is assembled from the jars Maven resolved for harness-spark: Spark
# and its dependencies (target/spark-lib) plus the third-party jars the runner shares with Spark
# (target/app-lib without Touchstone's own jars, which the driver ships to the executors itself).
# Environment: SPARK_CLUSTER_DIR (default .touchstone/spark-cluster), SPARK_CLUSTER_PORT (7077),
# SPARK_CLUSTER_UI_PORT (the master's JSON status page, 8077, on loopback), SPARK_CLUSTER_WORKERS (2),
# SPARK_CLUSTER_WORKER_CORES (1), SPARK_CLUSTER_WORKER_MEMORY (2g), SPARK_CLUSTER_WAIT (120 seconds).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="${SPARK_CLUSTER_DIR:-$root/.touchstone/spark-cluster}"
port="${SPARK_CLUSTER_PORT:-7077}"
ui_port="${SPARK_CLUSTER_UI_PORT:-8077}"
workers="${SPARK_CLUSTER_WORKERS:-2}"
worker_cores="${SPARK_CLUSTER_WORKER_CORES:-1}"
worker_memory="${SPARK_CLUSTER_WORKER_MEMORY:-2g}"
wait_seconds="${SPARK_CLUSTER_WAIT:-120}"
java_cmd="${JAVA_HOME:+$JAVA_HOME/bin/}java"
master_url="spark://127.0.0.1:$port"
status_url="http://127.0.0.1:$ui_port/json/"

die() {
  echo "spark-cluster: $*" >&2
  exit 1
}

usage() {
  echo "usage: scripts/spark-cluster.sh start|stop|status" >&2
  exit 2
}

# The daemons' JVM flags: what Spark needs opened on JDK 17 (harness-spark/pom.xml's spark.jvm.flags).
jvm_flags() {
  sed -n 's:.*<spark.jvm.flags>\(.*\)</spark.jvm.flags>.*:\1:p' "$root/harness-spark/pom.xml"
}

assemble() {
  local target="$root/harness-spark/target"
  if [[ ! -d "$target/spark-lib" || ! -d "$target/app-lib" ]]; then
    command -v mvn >/dev/null 2>&1 || die "Maven (mvn) is needed to resolve Spark's jars; install Maven 3.8+ and retry."
    echo "spark-cluster: resolving Spark and its dependencies with Maven (harness-spark, first use)..." >&2
    (cd "$root" && mvn -B -q -DskipTests package -pl harness-spark -am) >&2 \
      || die "the Maven build of harness-spark failed (output above)"
  fi
  local version
  version="$(ls "$target/spark-lib" | sed -n 's/^spark-core_\(2\.[0-9]*\)-\(.*\)\.jar$/\1 \2/p')"
  [[ -n "$version" ]] || die "no spark-core jar in $target/spark-lib: rebuild with mvn -pl harness-spark -am package"
  local scala="${version% *}" spark="${version#* }"
  # Rebuilt when the jars resolved for harness-spark changed (another Spark version, new dependencies).
  local listing
  listing="$(ls "$target/spark-lib" "$target/app-lib")"
  if [[ -f "$dir/dist/.listing" && "$(cat "$dir/dist/.listing")" == "$listing" ]]; then
    return
  fi
  echo "spark-cluster: assembling Spark $spark (Scala $scala) in $dir/dist" >&2
  rm -rf "$dir/dist.tmp"
  mkdir -p "$dir/dist.tmp/jars" "$dir/dist.tmp/conf"
  cp "$target/spark-lib/"*.jar "$dir/dist.tmp/jars/"
  # The runner's own modules stay out: the driver ships them (spark.jars), as it would to any cluster.
  local modules jar
  modules="$(sed -n 's:.*<module>\(.*\)</module>.*:\1:p' "$root/pom.xml")"
  for jar in "$target/app-lib/"*.jar; do
    if ! grep -qx "$(basename "$jar" | sed 's/-[0-9][^-]*\(-SNAPSHOT\)\{0,1\}\.jar$//')" <<<"$modules"; then
      cp "$jar" "$dir/dist.tmp/jars/"
    fi
  done
  # Spark's launcher (which starts executors) finds jars/ through RELEASE and needs the Scala version.
  echo "Spark $spark built for Scala $scala, assembled from Maven Central by Touchstone" >"$dir/dist.tmp/RELEASE"
  printf 'SPARK_SCALA_VERSION=%s\n' "$scala" >"$dir/dist.tmp/conf/spark-env.sh"
  cp "$root/harness-spark/src/main/resources/touchstone/spark/log4j2.properties" "$dir/dist.tmp/conf/log4j2.properties"
  # The daemons log at info level: registrations, lost executors.
  sed -i 's/^rootLogger.level = warn/rootLogger.level = info/' "$dir/dist.tmp/conf/log4j2.properties"
  echo "$listing" >"$dir/dist.tmp/.listing"
  rm -rf "$dir/dist"
  mv "$dir/dist.tmp" "$dir/dist"
}

# pid of a daemon (master, worker-1, ...) when it runs, else nothing.
running_pid() {
  local file="$dir/run/$1.pid" pid
  [[ -f "$file" ]] || return 0
  pid="$(cat "$file")"
  if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null && tr '\0' ' ' <"/proc/$pid/cmdline" 2>/dev/null \
      | grep -q "touchstone.spark.daemon=$1 "; then
    echo "$pid"
  else
    rm -f "$file"
  fi
}

start_daemon() {
  local name="$1" class="$2"
  shift 2
  [[ -n "$(running_pid "$name")" ]] && return
  mkdir -p "$dir/run" "$dir/logs"
  # shellcheck disable=SC2046
  SPARK_HOME="$dir/dist" SPARK_SCALA_VERSION="$(sed -n 's/^SPARK_SCALA_VERSION=//p' "$dir/dist/conf/spark-env.sh")" \
  SPARK_LOCAL_IP=127.0.0.1 SPARK_CONF_DIR="$dir/dist/conf" \
    nohup "$java_cmd" -Dtouchstone.spark.daemon="$name" $(jvm_flags) -Xmx256m -Djava.awt.headless=true \
      -Dlog4j2.configurationFile="$dir/dist/conf/log4j2.properties" \
      -cp "$dir/dist/conf:$dir/dist/jars/*" "$class" "$@" >>"$dir/logs/$name.log" 2>&1 </dev/null &
  echo $! >"$dir/run/$name.pid"
}

# The master's status page (JSON), or nothing when it does not answer.
master_status() {
  # Bash's own TCP client: no curl needed. HTTP/1.0, so the master closes the connection after the page.
  timeout 5 bash -c 'exec 3<>"/dev/tcp/127.0.0.1/$1" && printf "GET /json/ HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n" >&3 \
    && cat <&3' _ "$ui_port" 2>/dev/null || true
}

field() {
  # The page's top-level fields are indented by two spaces; the workers' own fields by more.
  sed -n "s/^  \"$1\" : \([0-9]*\).*/\1/p" <<<"$2" | head -1
}

start() {
  command -v "$java_cmd" >/dev/null 2>&1 || die "no java found: install a JDK 17+ or set JAVA_HOME"
  assemble
  # Executors are the workers' children and inherit their priority: a cluster started under `nice` computes
  # at that priority, and on a busy machine a run on it is several times slower than the same run outside it.
  if [[ -z "$(running_pid master)" && "$(nice)" != 0 ]]; then
    echo "spark-cluster: warning: starting at niceness $(nice); the executors will run at it too" >&2
  fi
  # Read by a driver with SPARK_HOME set to this folder (./touchstone sets it for a loopback master), as
  # spark-submit would: the cores a run waits for before its first job (at most 30 s).
  printf '# Written by scripts/spark-cluster.sh start: the cluster'"'"'s cores, which a run waits for\nspark.cores.max %s\n' \
    "$((workers * worker_cores))" >"$dir/dist/conf/spark-defaults.conf"
  if [[ -z "$(running_pid master)" ]]; then
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      die "port $port on 127.0.0.1 is taken by another program: set SPARK_CLUSTER_PORT to a free port"
    fi
  fi
  start_daemon master org.apache.spark.deploy.master.Master --host 127.0.0.1 --port "$port" --webui-port "$ui_port"
  local i
  for ((i = 1; i <= workers; i++)); do
    mkdir -p "$dir/work/worker-$i"
    start_daemon "worker-$i" org.apache.spark.deploy.worker.Worker --host 127.0.0.1 --webui-port 0 \
      --cores "$worker_cores" --memory "$worker_memory" --work-dir "$dir/work/worker-$i" "$master_url"
  done
  # Bounded wait: the master's own view, every second.
  local deadline=$((SECONDS + wait_seconds)) json alive=0
  while ((SECONDS < deadline)); do
    for name in master $(seq -f 'worker-%g' 1 "$workers"); do
      [[ -n "$(running_pid "$name")" ]] \
        || die "$name exited while starting; its log: $dir/logs/$name.log (last lines below)
$(tail -n 15 "$dir/logs/$name.log" 2>/dev/null)"
    done
    json="$(master_status)"
    alive="$(field aliveworkers "$json")"
    if [[ -n "$alive" && "$alive" -ge "$workers" ]]; then
      echo "spark-cluster: $master_url up, $alive workers, $(field cores "$json") cores" \
           "(status $status_url, logs $dir/logs)"
      return
    fi
    sleep 1
  done
  die "only ${alive:-0} of $workers workers registered with $master_url within $wait_seconds s;" \
      "logs in $dir/logs (SPARK_CLUSTER_WAIT raises the wait)"
}

stop() {
  local name pid stopped=0
  for file in "$dir/run/"*.pid; do
    [[ -f "$file" ]] || continue
    name="$(basename "$file" .pid)"
    pid="$(running_pid "$name")"
    [[ -n "$pid" ]] || continue
    kill "$pid" 2>/dev/null || true
    local deadline=$((SECONDS + 15))
    while kill -0 "$pid" 2>/dev/null && ((SECONDS < deadline)); do sleep 0.2; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "spark-cluster: $name ($pid) did not stop within 15 s, killing it" >&2
      kill -9 "$pid" 2>/dev/null || true
    fi
    rm -f "$file"
    stopped=$((stopped + 1))
  done
  echo "spark-cluster: stopped $stopped daemons"
}

status() {
  local name pid any=0
  for name in master $(seq -f 'worker-%g' 1 "$workers"); do
    pid="$(running_pid "$name")"
    if [[ -n "$pid" ]]; then
      echo "$name: running, pid $pid"
      any=1
    else
      echo "$name: not running"
    fi
  done
  if [[ $any == 0 ]]; then
    return 3
  fi
  local json
  json="$(master_status)"
  if [[ -z "$json" ]]; then
    echo "master: $status_url does not answer"
    return 3
  fi
  echo "master: $master_url, $(field aliveworkers "$json") workers alive, cores $(field coresused "$json") used" \
       "of $(field cores "$json"), applications running: $(awk '/^  "activeapps"/ { on = 1 } /^  "completedapps"/ { on = 0 }
       on && /"id" : "app-/ { n++ } END { print n + 0 }' <<<"$json")"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  status) status ;;
  *) usage ;;
esac
