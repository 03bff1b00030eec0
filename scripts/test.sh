#!/usr/bin/env bash
# Runs the whole test suite. On a fresh machine it first installs what the tests need and the machine lacks
# (PostgreSQL server, Chromium, PDF/QR tools) with apt-get. The last line gives the totals:
#   tests: N passed, N failed, N skipped
set -uo pipefail
cd "$(dirname "$0")/.."

need=()
ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1 || need+=(postgresql)
command -v runuser >/dev/null 2>&1 || need+=(util-linux)
# Browser tests drive Debian's Chromium (Playwright cannot download its own); it brings a font with Vietnamese glyphs.
[ -x /usr/bin/chromium ] || need+=(chromium)
# The label tests read their QR codes and PDFs back with zbarimg, pdftoppm, pdftotext and pdffonts.
command -v zbarimg >/dev/null 2>&1 || need+=(zbar-tools)
{ command -v pdftoppm && command -v pdftotext && command -v pdffonts; } >/dev/null 2>&1 || need+=(poppler-utils)
if [ ${#need[@]} -gt 0 ]; then
  echo "Installing test prerequisites: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then SUDO=""; else SUDO="sudo"; fi
  $SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null \
    || { echo "apt-get install ${need[*]} failed"; echo "tests: 0 passed, 1 failed"; exit 1; }
  # The Debian package starts a cluster of its own; the tests start their own servers instead.
  command -v pg_ctlcluster >/dev/null 2>&1 && for c in /etc/postgresql/*/main; do
    [ -d "$c" ] && $SUDO pg_ctlcluster "$(basename "$(dirname "$c")")" main stop >/dev/null 2>&1 || true
  done
fi

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT
dotnet tool restore >/dev/null
dotnet test VnTrace.slnx -c Release --logger "trx" --results-directory "$results" "$@"
status=$?

# Totals from the TRX result files, one per test assembly.
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx")
  get() { echo "$counters" | grep -o " $1=\"[0-9]*\"" | grep -o '[0-9]*'; }
  passed=$((passed + $(get passed)))
  failed=$((failed + $(get failed) + $(get error) + $(get timeout) + $(get aborted)))
  skipped=$((skipped + $(get total) - $(get executed)))  # xUnit's skipped tests are counted as not executed
done
if [ $status -ne 0 ] && [ $failed -eq 0 ]; then
  failed=1  # the run failed before reporting a failing test (build error, crashed host)
fi
echo "tests: $passed passed, $failed failed, $skipped skipped"
exit $status
