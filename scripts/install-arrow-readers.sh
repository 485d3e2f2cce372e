#!/usr/bin/env bash
# Installs the Arrow readers' npm packages (clients/arrow-readers/node_modules) with `npm ci`: exactly the
# versions and sha512 integrities pinned in clients/arrow-readers/package-lock.json, from the npm registry.
# They let run-format's ArrowReadersTest check that Arrow implementations other than Touchstone's own read
# comparisons.arrows bit for bit. node_modules is never committed.
#
#   apache-arrow@21.2.0 (Apache-2.0)   Arrow JS; reads the ZSTD buffers through a registered codec:
#   fzstd@0.1.1 (MIT)                  a ZSTD decompressor in plain JavaScript
#   nodejs-polars@0.24.1 (MIT)         Polars' Rust core for Node.js, one prebuilt binary package per
#                                      platform (about 100 MB installed); needs Node.js 20 (0.25 and later
#                                      need 22; 0.21, the newest for Node.js 18, cannot read the store:
#                                      "RecordBatch requires all its arrays to have an equal number of rows")
#
# With Node.js 18 (Debian 12's own), Polars is left out (an optional dependency) and the file
# node_modules/.touchstone-polars-omitted says why; ArrowReadersTest then skips Polars, saying so.
#
# Usage: scripts/install-arrow-readers.sh
# Idempotent: an install made from the same lockfile is left alone. Package install scripts are not run
# (none of these packages needs one).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dir="$root/clients/arrow-readers"
stamp="$dir/node_modules/.touchstone-lock-sha256"

lock_hash="$(sha256sum "$dir/package-lock.json" | cut -d' ' -f1)"
if [[ -f "$stamp" && "$(cat "$stamp")" == "$lock_hash" ]]; then
  echo "install-arrow-readers: already installed in $dir/node_modules"
  exit 0
fi
for tool in node npm; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "install-arrow-readers: $tool was not found; the Arrow readers need Node.js 18 or later with npm." >&2
    echo "  Install them and run $0 again." >&2
    exit 1
  fi
done
major="$(node -p 'process.versions.node.split(".")[0]')"
if (( major < 18 )); then
  echo "install-arrow-readers: Node.js $(node --version) is too old; Arrow JS needs 18 or later." >&2
  exit 1
fi
echo "install-arrow-readers: npm ci in $dir (pinned lockfile)..."
if (( major < 20 )); then
  (cd "$dir" && npm ci --omit=optional --ignore-scripts --no-audit --no-fund)
  echo "nodejs-polars 0.24.1 needs Node.js 20 or later; this install has Node.js $(node --version)" \
      > "$dir/node_modules/.touchstone-polars-omitted"
  echo "install-arrow-readers: Polars left out: Node.js $(node --version) is older than 20" >&2
else
  (cd "$dir" && npm ci --ignore-scripts --no-audit --no-fund)
fi
echo "$lock_hash" > "$stamp"
echo "install-arrow-readers: installed in $dir/node_modules"
