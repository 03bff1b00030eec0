#!/usr/bin/env bash
# Bytes on the wire for one consumer lot page and everything it loads, asked for the way a browser asks
# (Accept-Encoding: br, gzip): the HTML, its stylesheets and script, and Leaflet, which lookup.js fetches when the
# page has a map. Usage: bash bench/page-weight.sh [base-url] [lot-path]; results in docs/performance.md.
set -euo pipefail
base=${1:-http://127.0.0.1:5000}
lot=${2:-/01/08936012000115/10/RB2610-01}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
page=$(curl -s --compressed -H 'Accept: text/html' -H 'Accept-Encoding: br, gzip' -o "$tmp/page.html" -w '%{size_download}' "$base$lot")
echo "page $lot wire=$page"
total=$page
assets=$(grep -o '\(href\|src\)="/\(css\|js\|lib\)/[^"]*"' "$tmp/page.html" | sed 's/^[a-z]*="//; s/"$//; s/&amp;/\&/g' || true)
if grep -q 'id="map"' "$tmp/page.html"; then assets="$assets /lib/leaflet/leaflet.css /lib/leaflet/leaflet.js"; fi
for a in $(printf '%s\n' $assets | sort -u); do
  wire=$(curl -s --compressed -H 'Accept-Encoding: br, gzip' -D "$tmp/h" -o /dev/null -w '%{size_download}' "$base$a")
  raw=$(curl -s -o /dev/null -w '%{size_download}' "$base$a")
  enc=$(grep -i '^content-encoding' "$tmp/h" | tr -d '\r' | cut -d' ' -f2 || true)
  cache=$(grep -i '^cache-control' "$tmp/h" | tr -d '\r' | cut -d' ' -f2- || true)
  echo "$a raw=$raw wire=$wire encoding=${enc:-none} cache=${cache:-none}"
  total=$((total + wire))
done
echo "total wire=$total"
