#!/usr/bin/env bash
# Installs the face-api worker's npm packages (systems/face-api/node_modules) with `npm ci`: exactly the
# versions and sha512 integrities pinned in systems/face-api/package-lock.json, from the npm registry.
# The packages hold the models (in @vladmandic/face-api) and TensorFlow.js's .wasm files; nothing is
# fetched when the worker runs. node_modules is never committed.
#
#   @vladmandic/face-api@1.7.15 (MIT)   models and the face-api library
#   @tensorflow/tfjs@4.22.0, @tensorflow/tfjs-backend-wasm@4.22.0 (Apache-2.0)
#   @canvas/image@2.0.0 (MIT)            image decoding (JPEG, PNG, BMP, GIF) in WebAssembly
#
# Usage: scripts/install-face-api.sh
# Idempotent: an install made from the same lockfile is left alone. Package install scripts are not run
# (none of these packages needs one).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/systems/face-api"
stamp="$dir/node_modules/.touchstone-lock-sha256"

lock_hash="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" ]]; then
  echo "install-face-api: already installed in $dir/node_modules"
  exit 0
fi
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install-face-api: $tool was not found; the face-api worker needs Node.js 18 or later with npm." >&2
    echo "  Install them (Debian/Ubuntu: apt-get install npm) and run $0 again." >&2
    exit 1
  fi
done
major="$(node -p 'process.versions.node.split(".")[0]')"
if (( major < 18 )); then
  echo "install-face-api: Node.js $(node --version) is too old; the face-api worker needs 18 or later." >&2
  exit 1
fi
echo "install-face-api: npm ci in $dir (pinned lockfile)..."
(cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund)
echo "$lock_hash" > "$stamp"
echo "install-face-api: installed in $dir/node_modules"
