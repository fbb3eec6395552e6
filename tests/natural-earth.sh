#!/usr/bin/env bash
# Fetches Natural Earth 1:10m (public domain) as Debian's qgis-common package ships it, for
# `atlas build` and the pipeline's tests: target/natural-earth/world_map.gpkg.
# Idempotent; checks the file's checksum, since the committed geodata/build/ was made from it.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/env.sh"
dest="$ROOT/target/natural-earth/world_map.gpkg"
want=ff5cceefc4b27abea094fa82459d8aef9417023236c326a666978b62ffe85db2
check() { [ "$(sha256sum "$dest" | cut -d' ' -f1)" = "$want" ]; }
if [ -f "$dest" ] && check; then
  exit 0
fi
echo "== natural-earth: fetching Debian's qgis-common for world_map.gpkg"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && { apt-get download qgis-common >/dev/null 2>&1 || { apt-get update -qq && apt-get download qgis-common; }; })
dpkg -x "$work"/qgis-common_*.deb "$work/pkg"
mkdir -p "$(dirname "$dest")"
cp "$work/pkg/usr/share/qgis/resources/data/world_map.gpkg" "$dest"
if ! check; then
  echo "natural-earth: world_map.gpkg differs from the one geodata/build/ was made from" >&2
  echo "  (expected sha256 $want); the pipeline's determinism test will say what changed" >&2
fi
