#!/usr/bin/env bash
# Start-up with and without the AppCDS archive, alternating, on the stack `./psybiome up` started:
# each service is stopped and started again with exactly its command line, environment and
# directory (read from /proc, as the bench's startup part does), once as it is and once with the
# -XX:SharedArchiveFile option left out, ROUNDS times (the "with" start last, so the stack ends
# as up left it); the time is from the spawn until
# /q/health/ready answers 200. Prints one line per start and the load average beside it. The
# service is left running as `up` started it.  Usage: bench/startup-ab.sh [ROUNDS]
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROUNDS="${1:-3}"
declare -A PORT=([gateway]=8080 [trial-service]=8081 [biomarker-service]=8082)

capture() { # service: its command line, environment and directory as `up` started it
  local pid
  pid=$(cat "$ROOT/.psybiome/pids/$1.pid")
  mapfile -d '' cmd < "/proc/$pid/cmdline"
  mapfile -d '' envv < "/proc/$pid/environ"
  cwd=$(readlink "/proc/$pid/cwd")
  local a found=0
  for a in "${cmd[@]}"; do [[ $a == -XX:SharedArchiveFile=* ]] && found=1; done
  ((found)) || { echo "$1 was started without an archive: run ./psybiome up" >&2; exit 1; }
}

start() { # service, with|without (uses the captured cmd, envv, cwd)
  local service=$1 variant=$2 pidfile="$ROOT/.psybiome/pids/$1.pid" pid
  pid=$(cat "$pidfile")
  kill "$pid"; while kill -0 "$pid" 2>/dev/null; do sleep 0.1; done
  local run=() a
  for a in "${cmd[@]}"; do
    if [[ $variant == without && $a == -XX:SharedArchiveFile=* ]]; then continue; fi
    run+=("$a")
  done
  local t0 t1 load
  load=$(cut -d' ' -f1 /proc/loadavg)
  t0=$(date +%s.%N)
  (cd "$cwd" && exec env -i "${envv[@]}" setsid "${run[@]}" >>"$ROOT/.psybiome/logs/$service.log" 2>&1 </dev/null) &
  echo "$!" > "$pidfile"
  until [[ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:${PORT[$service]}/q/health/ready")" == 200 ]]; do
    sleep 0.02
  done
  t1=$(date +%s.%N)
  printf '%s %s %.2f s (load %s)\n' "$service" "$variant" "$(echo "$t1 - $t0" | bc)" "$load"
}

for service in gateway trial-service biomarker-service; do
  capture "$service"
  for ((r = 1; r <= ROUNDS; r++)); do
    start "$service" without
    start "$service" with
  done
done
