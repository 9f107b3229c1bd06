#!/usr/bin/env bash
# Docs-site benchmark: a generated project of N models (generate.py: descriptions, six
# documented columns and two tests per model), `mallard docs generate --empty-catalog` once
# (timed), then RUNS rounds of headless Chromium opening the site from file:// straight onto
# a search (index.html#!/search/QUERY). The page itself records, with performance.now():
#   ready   navigation start -> data loaded, sidebar built, search results drawn
#   search  the search alone (ranked over names, column names and descriptions)
# and the wall time of the browser process is taken against a floor: the same browser
# opening an empty page (its own start-up). Medians with the load average.
#
#   bench/docs/run.sh     N=10000 RUNS=5 QUERY=m_09999 MALLARD=<launcher> CHROMIUM=<browser>
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
HERE="$ROOT/bench/docs"
N="${N:-10000}"
RUNS="${RUNS:-5}"
QUERY="${QUERY:-m_09999}"
MALLARD="${MALLARD:-$ROOT/mallard}"
CHROMIUM="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || true)}"
[ -n "$CHROMIUM" ] || { echo "NOTE: no Chromium; the docs bench needs one (apt-get install chromium)." >&2; exit 3; }
PROJECT="$HERE/generated/docs_$N"
mkdir -p "$PROJECT"
python3 "$HERE/generate.py" "$N" "$PROJECT"
echo "load before generate: $(cut -d' ' -f1-3 /proc/loadavg)"
t0=$(date +%s.%N)
(cd "$PROJECT" && "$MALLARD" docs generate --empty-catalog >/dev/null)
echo "docs generate ($N models): $(echo "$(date +%s.%N) - $t0" | bc) s; index $(du -h "$PROJECT/target/docs-data.js" | cut -f1), details $(du -sh "$PROJECT/target/docs-data" | cut -f1)"
printf '<!doctype html><title>floor</title><p>floor</p>\n' > "$PROJECT/target/floor.html"
PROFILE="$(mktemp -d)"
trap 'rm -rf "$PROFILE"' EXIT
FLAGS=(--headless --no-sandbox --disable-gpu --no-first-run --disable-background-networking --disable-component-update
       --disable-sync "--user-data-dir=$PROFILE")
# shellcheck source=../lib.sh
source "$ROOT/bench/lib.sh"   # median
ready=""; search=""; site=""; floor=""
for ((r = 1; r <= RUNS; r++)); do
  t0=$(date +%s.%N)
  "$CHROMIUM" "${FLAGS[@]}" --dump-dom "file://$PROJECT/target/floor.html" >/dev/null 2>&1
  floor+="$(echo "$(date +%s.%N) - $t0" | bc) "
  t0=$(date +%s.%N)
  dom="$("$CHROMIUM" "${FLAGS[@]}" --dump-dom "file://$PROJECT/target/index.html#!/search/$QUERY" 2>/dev/null)"
  site+="$(echo "$(date +%s.%N) - $t0" | bc) "
  grep -q 'id="hit-count"' <<<"$dom" || { echo "the search page was not drawn" >&2; exit 1; }
  ready+="$(grep -o 'data-ready-ms="[0-9.]*"' <<<"$dom" | grep -o '[0-9.]*') "
  search+="$(grep -o 'data-search-ms="[0-9.]*"' <<<"$dom" | grep -o '[0-9.]*') "
done
echo "$N-model site, median of $RUNS interleaved runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '  page ready (open + search drawn)  %6.0f ms   (runs: %s)\n' "$(echo "$ready" | median)" "$ready"
printf '  search alone                      %6.1f ms   (runs: %s)\n' "$(echo "$search" | median)" "$search"
printf '  browser process, site             %6.2f s    (runs: %s)\n' "$(echo "$site" | median)" "$site"
printf '  browser process, empty page       %6.2f s    (runs: %s)\n' "$(echo "$floor" | median)" "$floor"
