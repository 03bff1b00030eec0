#!/usr/bin/env bash
# Builds the server and the load-driver benchmark in Release and runs it; results go into docs/performance.md.
#   bash bench/run.sh            full run: 100,000 captured events, 1,000,000-event query store (~15-25 min)
#   bash bench/run.sh --quick    smoke run: 10,000 events / 100,000-event store, prints only
#   bash bench/run.sh --suite trace   trace latency on a generated 10,000,000-event supply network (~15 min on 2 cores, ~36 GB in /tmp)
#   bash bench/run.sh --suite labels  a PDF label sheet of 10,000 QR codes, then 100,000 (in-process, no PostgreSQL, ~1 min)
#   bash bench/run.sh --suite resolver   the Digital Link resolver under wrk, 64 connections, on a 1,000,000-event store (~6 min)
#   bash bench/run.sh --suite programme  plan progress (API and page) on 5,000 businesses, 50,000 products, 5 years (~5 min)
#   bash bench/run.sh --help     all options
# Installs the PostgreSQL server with apt-get if missing, as scripts/test.sh does. Everything runs on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

suite=all
previous=""
for a in "$@"; do [ "$previous" = "--suite" ] && suite="$a"; previous="$a"; done

need=()
if [ "$suite" != labels ]; then  # the labels suite runs in-process, without PostgreSQL
  ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
  command -v runuser >/dev/null 2>&1 || need+=(util-linux)
fi
# The resolver suite drives the server with wrk (Debian's package).
if [[ " $* " == *" resolver "* ]]; then command -v wrk >/dev/null 2>&1 || need+=(wrk); fi
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing benchmark prerequisites: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
  # The Debian package starts a cluster of its own; the benchmark starts its own server instead.
  command -v pg_ctlcluster >/dev/null 2>&1 && for c in /etc/postgresql/*/main; do
    [ -d "$c" ] && $SUDO pg_ctlcluster "$(basename "$(dirname "$c")")" main stop >/dev/null 2>&1 || true
  done
fi

# A separate artifacts folder, so a benchmark build never clashes with a development build.
artifacts="${BENCH_ARTIFACTS:-${TMPDIR:-/tmp}/vntrace-bench-artifacts}"
dotnet build bench/VnTrace.Bench -c Release --artifacts-path "$artifacts" -nologo -clp:ErrorsOnly
exec dotnet "$artifacts/bin/VnTrace.Bench/release/VnTrace.Bench.dll" \
  --server "$artifacts/bin/VnTrace.Server/release/VnTrace.Server.dll" "$@"
