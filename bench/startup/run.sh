#!/usr/bin/env bash
# bench/startup: cold and warm readiness of the devstack, services start, idle RSS. See README.md.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
export KB_HOME="$ROOT/target/bench-startup" KB_PORT_BASE=24000 KB_GATEWAY_PORT=24080
RUNS=${RUNS:-3}
OUT="$ROOT/bench/results"
mkdir -p "$OUT"

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
median() { printf '%s\n' "$@" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

"$ROOT/kb" build >/dev/null
"$ROOT/kb" down >/dev/null 2>&1 || true

cold=() warm=() services=()
for run in $(seq 1 "$RUNS"); do
  rm -rf "$KB_HOME"
  t0=$(now); "$ROOT/kb" infra start >/dev/null; t1=$(now)
  cold+=("$(elapsed "$t0" "$t1")")
  "$ROOT/kb" infra stop >/dev/null
  t0=$(now); "$ROOT/kb" infra start >/dev/null; t1=$(now)
  warm+=("$(elapsed "$t0" "$t1")")

  # Services on the running servers, in one JVM, until the gateway reports everything up.
  setsid "$ROOT/kb" up --no-build >"$KB_HOME/up.log" 2>&1 &
  up_pid=$!
  t0=$(now)
  until curl -fsS "http://127.0.0.1:$KB_GATEWAY_PORT/api/status" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$up_pid" 2>/dev/null || { cat "$KB_HOME/up.log"; exit 1; }
    sleep 0.2
  done
  t1=$(now)
  services+=("$(elapsed "$t0" "$t1")")

  if [ "$run" -eq "$RUNS" ]; then
    sleep 20 # idle
    status=$("$ROOT/kb" status || true)
    launcher_pid=$(cat "$KB_HOME/run/platform.pid" | cut -d' ' -f1)
    services_rss=$(( $(ps -o rss= -p "$launcher_pid") / 1024 ))
  fi
  kill -TERM "$up_pid"; wait "$up_pid" || true
  "$ROOT/kb" infra stop >/dev/null
done

# Per-server RSS from `kb status` (column 5 is "<n> MiB").
declare -A rss
infra_total=0
while read -r name state port pid value unit _; do
  [ "$unit" = "MiB" ] || continue
  rss[$name]=$value
  infra_total=$(( infra_total + value ))
done <<<"$status"

commit=$(git -C "$ROOT" rev-parse --short HEAD)
date=$(date -u +%Y-%m-%dT%H:%M:%SZ)
cold_m=$(median "${cold[@]}") warm_m=$(median "${warm[@]}") services_m=$(median "${services[@]}")
json_list() { local IFS=,; echo "[$*]"; }
met() { printf '    "%s": {"value": %s, "unit": "%s", "goal": "%s"}' "$1" "$2" "$3" "$4"; }
{
  echo "{"
  echo "  \"name\": \"startup\","
  echo "  \"date\": \"$date\","
  echo "  \"machine\": \"$(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB\","
  echo "  \"commit\": \"$commit\","
  echo "  \"setup\": \"devstack (6 servers as local processes) then all services in one JVM, on 127.0.0.1; median of $RUNS runs after the first download\","
  echo "  \"metrics\": {"
  met cold_ready_s "$cold_m" s "<= 60"; echo ","
  met warm_ready_s "$warm_m" s "<= 60"; echo ","
  met services_ready_s "$services_m" s ""; echo ","
  met infra_rss_mib "$infra_total" MiB "<= 2560"; echo ","
  met services_rss_mib "$services_rss" MiB ""
  for name in "${!rss[@]}"; do echo ","; met "rss_${name}_mib" "${rss[$name]}" MiB ""; done
  echo
  echo "  },"
  echo "  \"samples\": {\"cold_ready_s\": $(json_list "${cold[@]}"), \"warm_ready_s\": $(json_list "${warm[@]}"), \"services_ready_s\": $(json_list "${services[@]}")}"
  echo "}"
} >"$OUT/startup.json"

verdict() { awk -v v="$1" -v g="$2" 'BEGIN { print (v <= g) ? "met" : "MISSED" }'; }
{
  echo "# startup — $date, commit $commit"
  echo
  echo "$(nproc) cores; devstack then all services in one JVM on 127.0.0.1; median of $RUNS runs (samples in startup.json)."
  echo
  echo "| metric | value | goal | |"
  echo "|---|---|---|---|"
  echo "| cold_ready_s (all servers, empty home) | $cold_m s | ≤ 60 s | $(verdict "$cold_m" 60) |"
  echo "| warm_ready_s (all servers, data in place) | $warm_m s | ≤ 60 s | $(verdict "$warm_m" 60) |"
  echo "| services_ready_s (one JVM, after servers) | $services_m s | — | |"
  echo "| infra_rss_mib (idle, all servers) | $infra_total MiB | ≤ 2560 MiB | $(verdict "$infra_total" 2560) |"
  echo "| services_rss_mib (idle, services JVM) | $services_rss MiB | — | |"
  echo
  echo "| server | idle RSS |"
  echo "|---|---|"
  for name in "${!rss[@]}"; do echo "| $name | ${rss[$name]} MiB |"; done | sort
} >"$OUT/startup.md"
cat "$OUT/startup.md"
