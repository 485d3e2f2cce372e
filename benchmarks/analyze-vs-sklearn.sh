#!/usr/bin/env bash
# `touchstone analyze --format bob4` against the numpy + scikit-learn script a user would write instead,
# side by side on the same generated Bob 4-column score files: 2,020,000 lines (2,000 subjects, 20,000
# genuine, 2,000,000 impostor) and 20,200,000 lines. Prints each side's wall time (median of RUNS runs),
# the ratio, and whether the EER and FNMR at five FMR targets agree (Touchstone's threshold definition).
# The two sides alternate within each round, so a change in the machine's load hits both; the load average
# is printed before and after each size.
# Without python3-numpy and python3-sklearn it says so and times Touchstone alone.
#   benchmarks/analyze-vs-sklearn.sh                  both sizes, 3 runs each
#   SIZES=2020000 RUNS=1 benchmarks/analyze-vs-sklearn.sh
#   PYTHON=/usr/bin/python3 benchmarks/analyze-vs-sklearn.sh   a Python of your choice
# Generated files are kept in $WORK (default: a folder under the system's temporary directory).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="${WORK:-${TMPDIR:-/tmp}/touchstone-analyze-bench}"
sizes="${SIZES:-2020000 20200000}"
runs="${RUNS:-3}"
script="$root/benchmarks/analyze_vs_sklearn.py"
mkdir -p "$work"

# The first Python that has scikit-learn (Debian's python3-sklearn is in /usr/bin's), unless PYTHON says.
python="${PYTHON:-}"
if [[ -z "$python" ]]; then
  python=python3
  for candidate in python3 /usr/bin/python3; do
    if "$candidate" -c "import numpy, sklearn" 2>/dev/null; then
      python="$candidate"
      break
    fi
  done
fi
have_sklearn=1
if ! "$python" -c "import numpy, sklearn" 2>/dev/null; then
  have_sklearn=0
  echo "scikit-learn or numpy is missing (Debian: apt-get install python3-sklearn python3-numpy):" \
       "timing Touchstone alone, numbers not cross-checked"
fi
if ! "$python" -c "import numpy" 2>/dev/null; then
  echo "numpy is needed to generate the score files" >&2
  exit 1
fi

# Build the runner once, outside the timings, and run analyze once on a small file: the launcher records
# analyze's class data sharing archive on its first run after a build (a one-time cost, like the build).
"$root/touchstone" --version >/dev/null
warmup="$work/bob4-warmup.txt"
[[ -s "$warmup" ]] || "$python" "$script" generate "$warmup" 20200
rm -rf "$work/out-warmup"
"$root/touchstone" analyze --scores "$warmup" --format bob4 --out "$work/out-warmup" >/dev/null

# Wall time of a command in seconds (its output to a log).
wall() {
  local log="$1"
  shift
  local start end
  start=$(date +%s.%N)
  "$@" >"$log" 2>&1 || { echo "failed: $* (see $log)" >&2; cat "$log" >&2; exit 1; }
  end=$(date +%s.%N)
  python3 -c "print(f'{$end - $start:.3f}')"
}

median() {
  python3 -c "import statistics, sys; print(f'{statistics.median(float(x) for x in sys.argv[1:]):.3f}')" "$@"
}

status=0
for lines in $sizes; do
  scores="$work/bob4-$lines.txt"
  if [[ ! -s "$scores" ]]; then
    echo "generating $scores ($lines lines)..."
    "$python" "$script" generate "$scores" "$lines"
  fi
  echo "== $lines lines ($(du -h "$scores" | cut -f1)); load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
  touchstone_times=()
  python_times=()
  for ((r = 1; r <= runs; r++)); do
    rm -rf "$work/out-$lines"
    touchstone_times+=("$(wall "$work/touchstone-$lines.log" "$root/touchstone" analyze --scores "$scores" \
        --format bob4 --out "$work/out-$lines")")
    if [[ $have_sklearn == 1 ]]; then
      python_times+=("$(wall "$work/sklearn-$lines.log" "$python" "$script" reference "$scores" \
          "$work/sklearn-$lines.json")")
    fi
  done
  t=$(median "${touchstone_times[@]}")
  echo "  touchstone analyze:      ${t} s  (runs: ${touchstone_times[*]})"
  if [[ $have_sklearn == 1 ]]; then
    p=$(median "${python_times[@]}")
    echo "  numpy + scikit-learn:    ${p} s  (runs: ${python_times[*]})"
    python3 -c "print(f'  ratio (sklearn / touchstone): {$p / $t:.2f}x')"
    "$python" "$script" compare "$work/sklearn-$lines.json" "$work/out-$lines/metrics.json" || status=1
  fi
  echo "  load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
done
exit $status
