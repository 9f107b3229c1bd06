#!/usr/bin/env bash
# A throwaway PostgreSQL for tests and benchmarks, from the machine's own binaries (Debian's
# postgresql package: /usr/lib/postgresql/<version>/bin; or PG_BIN, or initdb on PATH).
#
#   scripts/postgres-test-server.sh start DIR PORT   initdb into DIR/data, start on 127.0.0.1:PORT,
#                                                    create database mallard_test; user mallard,
#                                                    password mallard (scram-sha-256)
#   scripts/postgres-test-server.sh stop DIR         stop it (DIR can then be deleted)
#
# Exit 3 when no PostgreSQL binaries are found (callers skip with a note), other non-zero on
# failure. Postgres refuses to run as root: as root, the server runs as the 'postgres' user
# (or 'nobody'), which is given DIR.
set -euo pipefail

find_bin() {
  if [ -n "${PG_BIN:-}" ] && [ -x "$PG_BIN/initdb" ]; then echo "$PG_BIN"; return; fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    [ -x "$d/initdb" ] && { echo "$d"; return; }
  done
  if command -v initdb >/dev/null 2>&1; then dirname "$(command -v initdb)"; return; fi
  if command -v pg_config >/dev/null 2>&1 && [ -x "$(pg_config --bindir)/initdb" ]; then pg_config --bindir; return; fi
  return 1
}

run_as() {
  if [ "$(id -u)" -eq 0 ]; then
    runuser -u "$PG_USER" -- "$@"
  else
    "$@"
  fi
}

cmd="${1:-}"; dir="${2:-}"
[ -n "$cmd" ] && [ -n "$dir" ] || { echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2; }
bin=$(find_bin) || { echo "no PostgreSQL binaries (initdb) found; install postgresql or set PG_BIN" >&2; exit 3; }
PG_USER=postgres
id "$PG_USER" >/dev/null 2>&1 || PG_USER=nobody

case "$cmd" in
  start)
    port="${3:?usage: $0 start DIR PORT}"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ "$(id -u)" -eq 0 ]; then
      chown "$PG_USER" "$dir"
      # the server user must be able to reach DIR (e.g. under a 0700 temporary folder)
      p="$dir"; while [ "$p" != "/" ]; do p=$(dirname "$p"); chmod o+x "$p" 2>/dev/null || true; done
    fi
    printf 'mallard\n' > "$dir/pwfile"
    [ "$(id -u)" -eq 0 ] && chown "$PG_USER" "$dir/pwfile"
    run_as "$bin/initdb" -D "$dir/data" -U mallard --pwfile="$dir/pwfile" --auth=scram-sha-256 \
      -E UTF8 --locale=C >"$dir/initdb.log" 2>&1 || { cat "$dir/initdb.log" >&2; exit 1; }
    rm -f "$dir/pwfile"
    # a test server: durability off, sockets only in DIR and on loopback
    run_as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
      -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off" \
      start >/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    PGPASSWORD=mallard "$bin/createdb" -h 127.0.0.1 -p "$port" -U mallard mallard_test
    echo "postgres on 127.0.0.1:$port, database mallard_test, user mallard"
    ;;
  stop)
    [ -d "$dir/data" ] || exit 0
    run_as "$bin/pg_ctl" -D "$dir/data" -m immediate -w stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: $0 start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
