#!/usr/bin/env bash
# Exact 1:N search: the reference gallery (ExactCosineSearchBenchmark, JMH) against FAISS IndexFlatIP on the
# same machine in one session, TEMPLATES unit embeddings of 512 floats (default 1e6), at 1, 16, 64 and 256
# probes per call; prints comparisons per second for both and the ratio. FAISS is skipped with a message
# when the Python module is missing (Debian: apt-get install python3-faiss). OpenBLAS runs its native kernel:
# OPENBLAS_CORETYPE and OPENBLAS_L2_SIZE are unset.
#   benchmarks/search-vs-faiss.sh
#   TEMPLATES=100000 benchmarks/search-vs-faiss.sh
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

faiss_json=-
if "$python" -c "import faiss, numpy" 2>/dev/null; then
  echo "FAISS IndexFlatIP, $templates x 512:"
  "$python" "$root/benchmarks/search_vs_faiss.py" faiss "$templates" "$work/faiss.json"
  faiss_json="$work/faiss.json"
else
  echo "FAISS is missing (Debian: apt-get install python3-faiss python3-numpy): timing Touchstone alone"
fi

jar="$root/benchmarks/target/benchmarks.jar"
if [[ ! -f "$jar" ]]; then
  (cd "$root" && mvn -B -q -pl benchmarks -am package -DskipTests)
fi
echo "Touchstone ExactCosineSearchBenchmark, $templates x 512:"
java -jar "$jar" ExactCosineSearchBenchmark -p templates="$templates" -p probes=1,16,64,256 \
    -rf json -rff "$work/jmh.json" >"$work/jmh.log" 2>&1 || { cat "$work/jmh.log" >&2; exit 1; }
grep -E "comparisons/s" "$work/jmh.log" | tail -4 || true
"$python" "$root/benchmarks/search_vs_faiss.py" table "$faiss_json" "$work/jmh.json" "$templates"
