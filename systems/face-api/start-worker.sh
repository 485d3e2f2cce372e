#!/usr/bin/env bash
# Starts the face-api worker (worker.js) with Node.js, after checking what it needs, so that a missing
# Node.js or a missing install is one clear line (the harness shows a worker's last stderr lines)
# saying what to run, rather than a bare "cannot run program". NODE names another node binary.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
node="${NODE:-node}"
if ! command -v "$node" >/dev/null 2>&1; then
  echo "face-api worker: Node.js ('$node') was not found. Install Node.js 18 or later with npm" \
       "(Debian/Ubuntu: apt-get install npm), then run scripts/install-face-api.sh." >&2
  exit 2
fi
major="$("$node" -p 'process.versions.node.split(".")[0]')"
if (( major < 18 )); then
  echo "face-api worker: Node.js $("$node" --version) is too old; 18 or later is needed (set NODE to another binary)." >&2
  exit 2
fi
exec "$node" "$here/worker.js"
