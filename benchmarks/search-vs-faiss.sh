#!/usr/bin/env bash
# Exact 1:N search: the reference gallery (ExactCosineSearchBenchmark, JMH) against FAISS IndexFlatIP on the
# same machine in one session, TEMPLATES unit embeddings of 512 floats (default 1e6), at 1, 16, 64 and 256
# probes per call; prints comparisons per second for both and the ratio. FAISS is skipped with a message
# when the Python module is missing (Debian: apt-get install python3-faiss). OpenBLAS runs its native kernel:
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset. ROUNDS rounds (default 3) alternate which side runs
# first, so that a change in the machine's load falls on both; each round's table is printed, then the
# median rate of each side over the rounds and the ratio of the medians.
#   benchmarks/search-vs-faiss.sh
#   TEMPLATES=100000 ROUNDS=1 benchmarks/search-vs-faiss.sh
set -euo pipefail
unset OPENBLAS_CORETYPE OPENBLAS_L2_SIZE

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
templates="${TEMPLATES:-1000000}"
work="${WORK:-${TMPDIR:-/tmp}/touchstone-search-bench}"
mkdir -p "$work"
python="${PYTHON:-}"
if [[ -z "$python" ]]; then
  python=python3
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c "import faiss, numpy" 2>/dev/null; then
      python="$candidate"
      break
    fi
  done
fi

rounds="${ROUNDS:-3}"
have_faiss=0
if "$python" -c "import faiss, numpy" 2>/dev/null; then
  have_faiss=1
else
  echo "FAISS is missing (Debian: apt-get install python3-faiss python3-numpy): timing Touchstone alone"
fi

jar="$root/benchmarks/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi

faiss_side() { # round
  if [[ $have_faiss == 1 ]]; then
    echo "FAISS IndexFlatIP, $templates x 512 (round $1, load $(cut -d' ' -f1 /proc/loadavg)):"
    "$python" "$root/benchmarks/search_vs_faiss.py" faiss "$templates" "$work/faiss-$1.json"
  fi
}
touchstone_side() { # round
  echo "Touchstone ExactCosineSearchBenchmark, $templates x 512 (round $1, load $(cut -d' ' -f1 /proc/loadavg)):"
  java -jar "$jar" ExactCosineSearchBenchmark -p templates="$templates" -p probes=1,16,64,256 \
      -rf json -rff "$work/jmh-$1.json" >"$work/jmh-$1.log" 2>&1 || { cat "$work/jmh-$1.log" >&2; exit 1; }
  grep -E "comparisons/s" "$work/jmh-$1.log" | tail -4 || true
}

pairs=()
for ((r = 1; r <= rounds; r++)); do
  if ((r % 2)); then faiss_side "$r"; touchstone_side "$r"; else touchstone_side "$r"; faiss_side "$r"; fi
  if [[ $have_faiss == 1 ]]; then pairs+=("$work/faiss-$r.json"); else pairs+=(-); fi
  pairs+=("$work/jmh-$r.json")
done
"$python" "$root/benchmarks/search_vs_faiss.py" table "$templates" "${pairs[@]}"
