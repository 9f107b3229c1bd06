# Shared by the floor-vs-Mallard bench scripts (sourced, not run).
#
#   CLEAN="files removed before each run"; timed NAME COMMAND...   one timed run, appended to NAME's times
#   report "title"                                                 medians and ratios to the "floor" runs

now() { date +%s.%N; }
declare -A times

timed() {
  local name="$1"; shift
  # shellcheck disable=SC2086  # CLEAN is a list of paths
  rm -rf $CLEAN
  local t0; t0=$(now)
  "$@" >/dev/null 2>&1 || { echo "$name failed: $*" >&2; "$@" 2>&1 | tail -5 >&2; exit 1; }
  times[$name]+="$(echo "$(now) - $t0" | bc) "
}

median() { tr ' ' '\n' | grep -v '^$' | sort -g | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }

report() {
  local floor; floor=$(echo "${times[floor]}" | median)
  echo "$1, median of $RUNS interleaved runs; load average: $(cut -d' ' -f1-3 /proc/loadavg)"
  for name in floor mallard baseline dbt; do
    [ -n "${times[$name]:-}" ] || continue
    local m; m=$(echo "${times[$name]}" | median)
    printf '  %-8s %7.2f s  %5.2fx the floor   (runs: %s)\n' "$name" "$m" "$(echo "$m / $floor" | bc -l)" "${times[$name]}"
  done
}
