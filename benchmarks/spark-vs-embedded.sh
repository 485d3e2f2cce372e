#!/usr/bin/env bash
# The same runs on the embedded pool and on the Spark standalone cluster of scripts/spark-cluster.sh, in
# alternating pairs (so that the machine's load falls on both alike), printing each run's stage times and
# throughput, the whole run's wall time, the load average, the executors' peak memory and every JVM's CPU time
# (of which its JIT compilers') from run.json, and where the cluster's time went (Spark's task metrics,
# -Dtouchstone.spark.task-times=true); then, per protocol, the medians of the pairs and the ratios
# cluster / embedded.
#   benchmarks/spark-vs-embedded.sh [PAIRS] [PROTOCOLS] [DATASET]
# Defaults: 3 pairs; PROTOCOLS "verification@1.0.0 identification@1.0.0" (1:1, then the 1:N distractor
# sweep, each its pairs in turn); synthetic:subjects=400,images=4,seed=7 (the README's plan: 1,279,200 pairs).
# The cluster must be running (scripts/spark-cluster.sh start); SPARK_CLUSTER_PORT as for the script.
# Runs go to bench/spark-vs-embedded/ (SPARK_BENCH_OUT to change).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pairs="${1:-3}"
protocols="${2:-verification@1.0.0 identification@1.0.0}"
dataset="${3:-synthetic:subjects=400,images=4,seed=7}"
master="spark://127.0.0.1:${SPARK_CLUSTER_PORT:-7077}"
out="${SPARK_BENCH_OUT:-$root/bench/spark-vs-embedded}"
"$root/scripts/spark-cluster.sh" status >/dev/null \
  || { echo "spark-vs-embedded: no cluster running: scripts/spark-cluster.sh start" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"

# One line per run; also appended to $out/runs.tsv (protocol, backend, rate, wall) for the medians.
summary() {
  python3 - "$1" "$2" "$3" "$out/runs.tsv" <<'PY'
import json, sys
run_dir, wall, load, tsv = sys.argv[1], float(sys.argv[2]), sys.argv[3], sys.argv[4]
run = json.load(open(run_dir + "/run.json"))
stages = run["stages"]
parts = [f"{name} {block['seconds']:.1f} s" for name, block in stages.items() if block and "seconds" in block]
rate = next((block[key] for block in stages.values() if block for key in block if key.endswith("_per_second")), 0.0)
resources = run["resources"]
executors = resources.get("executors", [])

def cpu(seconds, jit):
    # CPU seconds, and of them the JIT compiler threads' (absent where the JVM or /proc did not say)
    return "" if seconds is None else f" cpu {seconds:.1f} s (jit {jit:.1f})" if jit is not None else f" cpu {seconds:.1f} s"

memory = ", ".join(f"executor {e['id']} heap {e['peak_heap_bytes'] / 2**20:.0f} MB rss {e['peak_rss_bytes'] / 2**20:.0f} MB"
                   + cpu(e.get("cpu_seconds"), e.get("jit_cpu_seconds")) for e in executors)
backend = run["execution"]["backend"]
print(f"{backend:9s} {rate:12,.0f}/s  whole run {wall:6.1f} s  load {load}  " + "; ".join(parts)
      + (f"  [{memory}]" if memory else "") + f"  driver rss {resources.get('jvm_peak_rss_bytes', 0) / 2**20:.0f} MB"
      + cpu(resources.get("jvm_cpu_seconds"), resources.get("jvm_jit_cpu_seconds")))
with open(tsv, "a") as f:
    f.write(f"{run_dir.rsplit('/', 2)[-2]}\t{backend}\t{rate}\t{wall}\n")
PY
}

medians() {
  python3 - "$out/runs.tsv" <<'PY'
import statistics, sys
from collections import defaultdict
runs = defaultdict(list)
for line in open(sys.argv[1]):
    protocol, backend, rate, wall = line.rstrip("\n").split("\t")
    runs[(protocol, "spark" if backend == "spark" else "embedded")].append((float(rate), float(wall)))
for protocol in dict.fromkeys(p for p, _ in runs):
    e, s = runs[(protocol, "embedded")], runs[(protocol, "spark")]
    er, sr = statistics.median(r for r, _ in e), statistics.median(r for r, _ in s)
    ew, sw = statistics.median(w for _, w in e), statistics.median(w for _, w in s)
    pair_ratios = ", ".join(f"{b[0] / a[0]:.2f}x" for a, b in zip(e, s))
    print(f"{protocol}: median throughput embedded {er:,.0f}/s, cluster {sr:,.0f}/s: {sr / er:.2f}x (pairs {pair_ratios});"
          f" median whole run embedded {ew:.1f} s, cluster {sw:.1f} s: {ew / sw:.2f}x")
PY
}

for protocol in $protocols; do
  name="${protocol%@*}"
  mkdir -p "$out/$name"
  # One untimed run first: the launcher's build, the dataset's generation.
  "$root/touchstone" run --protocol "$protocol" --system lbp --dataset "$dataset" --threads 2 --out "$out/$name/warm" \
      >/dev/null 2>&1
  echo "$protocol on $dataset, $pairs alternating pairs"
  for ((i = 1; i <= pairs; i++)); do
    for backend in embedded spark; do
      args=(--threads 2)
      opts="${TOUCHSTONE_JAVA_OPTS:-}"
      if [[ $backend == spark ]]; then
        args=(--backend spark --master "$master")
        opts="$opts -Dtouchstone.spark.task-times=true"
      fi
      load="$(cut -d' ' -f1 /proc/loadavg)"
      start=$(date +%s.%N)
      TOUCHSTONE_JAVA_OPTS="$opts" "$root/touchstone" run --protocol "$protocol" --system lbp --dataset "$dataset" \
          "${args[@]}" --out "$out/$name/$backend-$i" >/dev/null 2>"$out/$name/$backend-$i.log"
      summary "$out/$name/$backend-$i" "$(echo "$(date +%s.%N) - $start" | bc)" "$load"
      grep '^spark: ' "$out/$name/$backend-$i.log" | sed 's/^/    /' || true
    done
  done
done
medians
