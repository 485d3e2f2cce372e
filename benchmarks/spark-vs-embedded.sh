#!/usr/bin/env bash
# The same run on the embedded pool and on the Spark standalone cluster of scripts/spark-cluster.sh, in
# alternating pairs (so that the machine's load falls on both alike), printing each run's stage times and
# throughput, the whole run's wall time and the executors' peak memory from run.json.
#   benchmarks/spark-vs-embedded.sh [PAIRS] [PROTOCOL] [DATASET]
# Defaults: 3 pairs, verification@1.0.0, synthetic:subjects=400,images=4,seed=7 (the README's plan: 1,279,200
# pairs). identification@1.0.0 runs the 1:N distractor sweep. The cluster must be running
# (scripts/spark-cluster.sh start); SPARK_CLUSTER_PORT as for the script. Runs go to bench/spark-vs-embedded/.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pairs="${1:-3}"
protocol="${2:-verification@1.0.0}"
dataset="${3:-synthetic:subjects=400,images=4,seed=7}"
master="spark://127.0.0.1:${SPARK_CLUSTER_PORT:-7077}"
out="$root/bench/spark-vs-embedded"
"$root/scripts/spark-cluster.sh" status >/dev/null \
  || { echo "spark-vs-embedded: no cluster running: scripts/spark-cluster.sh start" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"

summary() {
  python3 - "$1" "$2" <<'PY'
import json, sys
run = json.load(open(sys.argv[1] + "/run.json"))
stages, wall = run["stages"], float(sys.argv[2])
parts = [f"{name} {block['seconds']:.1f} s" for name, block in stages.items() if block and "seconds" in block]
rate = stages.get("comparisons", {}).get("comparisons_per_second") or stages.get("searches", {}).get("searches_per_second")
executors = run["resources"].get("executors", [])
memory = ", ".join(f"executor {e['id']} heap {e['peak_heap_bytes'] / 2**20:.0f} MB rss {e['peak_rss_bytes'] / 2**20:.0f} MB"
                   for e in executors)
print(f"{run['execution']['backend']:9s} {rate:12,.0f}/s  whole run {wall:6.1f} s  " + "; ".join(parts)
      + (f"  [{memory}]" if memory else "") + f"  driver rss {run['resources'].get('jvm_peak_rss_bytes', 0) / 2**20:.0f} MB")
PY
}

# One untimed run of each first: the launcher's build, the dataset's generation.
"$root/touchstone" run --protocol "$protocol" --system lbp --dataset "$dataset" --threads 2 --out "$out/warm" \
    >/dev/null 2>&1
for ((i = 1; i <= pairs; i++)); do
  for backend in embedded spark; do
    args=(--threads 2)
    [[ $backend == spark ]] && args=(--backend spark --master "$master")
    start=$(date +%s.%N)
    "$root/touchstone" run --protocol "$protocol" --system lbp --dataset "$dataset" "${args[@]}" \
        --out "$out/$backend-$i" >/dev/null 2>"$out/$backend-$i.log"
    summary "$out/$backend-$i" "$(echo "$(date +%s.%N) - $start" | bc)"
  done
done
