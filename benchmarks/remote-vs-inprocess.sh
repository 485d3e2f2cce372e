#!/usr/bin/env bash
# A system in process against the same system behind `touchstone serve` (the HTTP API), back to back on
# the same dataset: ROUNDS alternating rounds of verification runs (in process; behind serve with version 2
# of the API, templates sent once and named by reference; behind serve keeping to version 1, templates
# inline as base64 in every call), each printing its comparisons/s (the run's own figure: comparisons over
# the comparison stage's wall time). Shows what the HTTP boundary costs.
#   benchmarks/remote-vs-inprocess.sh
#   SYSTEM=lbp SUBJECTS=100 IMAGES=4 THREADS=2 ROUNDS=3 benchmarks/remote-vs-inprocess.sh
#   SUBJECTS=1000 VERSION1=0 benchmarks/remote-vs-inprocess.sh   (version 1 is ~40x slower: skipped)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
system="${SYSTEM:-lbp}"
subjects="${SUBJECTS:-100}"
images="${IMAGES:-4}"
threads="${THREADS:-2}"
rounds="${ROUNDS:-3}"
version1="${VERSION1:-1}"
work="${WORK:-${TMPDIR:-/tmp}/touchstone-remote-bench}"
rm -rf "$work"
mkdir -p "$work"
dataset="synthetic:subjects=$subjects,images=$images,seed=7"

"$root/touchstone" --version >/dev/null  # builds the runner first when its sources changed
# Without the class-data archive: the first serve after a rebuild records one when it exits, which takes the
# cores for a while after this script has stopped it and slows whatever runs next.
TOUCHSTONE_CDS=0 "$root/touchstone" serve --system "$system" --port 0 >"$work/serve.log" 2>&1 &
serve_pid=$!
trap 'kill "$serve_pid" 2>/dev/null || true' EXIT
url=""
for _ in $(seq 1 600); do
  url="$(grep -o 'http://[0-9.:]*' "$work/serve.log" | head -1 || true)"
  [[ -n "$url" ]] && break
  kill -0 "$serve_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.2
done
[[ -n "$url" ]] || { echo "serve did not start" >&2; cat "$work/serve.log" >&2; exit 1; }

rate() {
  local name="$1" target="$2" opts="${3:-}"
  TOUCHSTONE_JAVA_OPTS="$opts" "$root/touchstone" run --protocol verification@1.0.0 --dataset "$dataset" --data-dir "$work/data" \
      --system "$target" --threads "$threads" --out "$work/runs/$name" >"$work/$name.log" 2>&1 \
      || { cat "$work/$name.log" >&2; exit 1; }
  grep -o '[0-9,]* comparisons/s' "$work/$name.log" | tr -d , | cut -d' ' -f1
}

echo "$system, $dataset, $threads threads; service at $url"
printf '%-6s %12s %12s %12s %8s %8s\n' round in-process serve-v2 serve-v1 v2/in v1/in
for round in $(seq 1 "$rounds"); do
  local_rate="$(rate "local-$round" "$system")"
  v2_rate="$(rate "v2-$round" "$url")"
  v1_rate=-
  [[ "$version1" == 0 ]] || v1_rate="$(rate "v1-$round" "$url" -Dtouchstone.http.protocol=1)"
  printf '%-6s %12s %12s %12s %8s %8s\n' "$round" "$local_rate" "$v2_rate" "$v1_rate" \
      "$(awk -v a="$local_rate" -v b="$v2_rate" 'BEGIN { printf "%.2f", b / a }')" \
      "$(awk -v a="$local_rate" -v b="$v1_rate" 'BEGIN { if (b == "-") print "-"; else printf "%.2f", b / a }')"
done
