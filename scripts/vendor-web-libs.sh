#!/usr/bin/env bash
# Refreshes the front-end libraries under src/VnTrace.Server/wwwroot/lib from the npm registry: only their built
# (dist) files and licence, so pages never load anything from a CDN and the repository holds no node_modules.
# Change a version here, run this script, update wwwroot/lib/README.md and commit the result.
set -euo pipefail
cd "$(dirname "$0")/.."

BOOTSTRAP=5.3.9
LEAFLET=1.9.4
CHARTJS=4.6.1

lib=src/VnTrace.Server/wwwroot/lib
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# unpack PACKAGE VERSION: npm pack into the temp folder, extracted under $work/PACKAGE/package
unpack() {
  (cd "$work" && npm pack --silent "$1@$2" >/dev/null)
  mkdir -p "$work/$1"
  tar -xzf "$work/$1-$2.tgz" -C "$work/$1"
}

# copy PACKAGE FILE... TARGET: files relative to the package root, into $lib/TARGET keeping their sub-folders
copy() {
  local package=$1 target=${*: -1}
  local files=("${@:2:$#-2}")
  for f in "${files[@]}"; do
    local rel=${f#dist/}
    mkdir -p "$lib/$target/$(dirname "$rel")"
    cp "$work/$package/package/$f" "$lib/$target/$rel"
  done
}

rm -rf "$lib/bootstrap" "$lib/leaflet" "$lib/chart.js"

unpack bootstrap "$BOOTSTRAP"
copy bootstrap LICENSE \
  dist/css/bootstrap.min.css dist/css/bootstrap.min.css.map \
  dist/js/bootstrap.bundle.min.js dist/js/bootstrap.bundle.min.js.map bootstrap

unpack leaflet "$LEAFLET"
copy leaflet LICENSE dist/leaflet.js dist/leaflet.js.map dist/leaflet.css \
  dist/images/layers.png dist/images/layers-2x.png \
  dist/images/marker-icon.png dist/images/marker-icon-2x.png dist/images/marker-shadow.png leaflet

unpack chart.js "$CHARTJS"
copy chart.js LICENSE.md dist/chart.umd.min.js dist/chart.umd.min.js.map chart.js

echo "bootstrap $BOOTSTRAP, leaflet $LEAFLET, chart.js $CHARTJS -> $lib"
