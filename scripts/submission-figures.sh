#!/usr/bin/env bash
# The figures docs/submissions.md quotes: how long `submission pack` and `submission check` take for the
# ONNX system (onnx-faceplugin served by the runner's own Java worker, as a process: system, with its five
# models in its configuration folder), encrypted to an evaluator's key, and how large the archive is.
# Prints each repeat's pack and check time (the archive's writing and its decryption, verification and
# unpacking; not the validation runs before them) and the medians. It asserts nothing: speed is measured
# here, never in tests. The validation time limits are relaxed so that a busy machine still packs.
#
# Usage: scripts/submission-figures.sh [REPEATS]      (default 3)
# Needs the real data (it runs scripts/fetch-real-data.sh) and builds the runner through ./touchstone.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repeats="${1:-3}"
touchstone="$root/touchstone"
cache="${TOUCHSTONE_CACHE:-$root/.touchstone/cache}"
"$root/scripts/fetch-real-data.sh" "$cache" >/dev/null
models="$cache/npm/faceplugin-face-recognition-js@0.0.1/package/model"
reference="$root/reference-algorithms/src/main/resources/org/touchstone/reference/onnx/onnx-faceplugin/system.properties"

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/worker" "$work/config/models"
cp "$models"/fr_detect.onnx "$models"/fr_landmark.onnx "$models"/fr_feature.onnx "$models"/fr_gender.onnx \
   "$models"/fr_age.onnx "$work/config/models/"
sed 's|^models.dir = .*|models.dir = models|' "$reference" > "$work/config/system.properties"
printf '{"command": ["%s", "worker", "onnx-faceplugin"], "workers": 2}\n' "$touchstone" > "$work/worker/onnx.process.json"

relaxed=(--max-template-ms 60000 --max-comparison-us 1000000 --max-search-ms 60000 --max-analysis-ms 60000)
"$touchstone" keygen --out "$work/vendor" >/dev/null
"$touchstone" keygen --out "$work/evaluator" >/dev/null
echo "models: $(du -cb "$work"/config/models/*.onnx | tail -1 | cut -f1) bytes in 5 files"

pack_times=()
check_times=()
for i in $(seq "$repeats"); do
  rm -f "$work/onnx.tsub"
  packed="$("$touchstone" submission pack --system "process:$work/worker/onnx.process.json" --config "$work/config" \
      --key "$work/vendor/secret-key.asc" --to "$work/evaluator/public-key.asc" --out "$work/onnx.tsub" \
      --data-dir "$work/data" "${relaxed[@]}" | grep '^Packed')"
  checked="$("$touchstone" submission check "$work/onnx.tsub" --key "$work/evaluator/secret-key.asc" \
      --vendor-key "$work/vendor/public-key.asc" --data-dir "$work/data" "${relaxed[@]}" | grep 'unpacked to')"
  pack_s="$(sed -E 's/.* in ([0-9.]+) s.*/\1/' <<<"$packed")"
  check_s="$(sed -E 's/.* in ([0-9.]+) s.*/\1/' <<<"$checked")"
  pack_times+=("$pack_s")
  check_times+=("$check_s")
  echo "repeat $i: pack ${pack_s} s, check ${check_s} s, archive $(stat -c %s "$work/onnx.tsub") bytes"
done
median() { printf '%s\n' "$@" | sort -g | awk '{a[NR]=$1} END {print (NR % 2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
echo "median: pack $(median "${pack_times[@]}") s, check $(median "${check_times[@]}") s"
